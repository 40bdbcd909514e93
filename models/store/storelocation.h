#pragma once

#include <QString>

namespace tw {

// Where the store lives: --store beats $TICKERWIRE_STORE beats the store chosen
// in Settings (QSettings "store/location") beats the XDG data dir.
class StoreLocation {
public:
    static constexpr const char *kEnvironmentVariable = "TICKERWIRE_STORE";

    static QString defaultPath();
    static QString resolve(const QString &commandLineValue);

    // True for postgresql:// (team store) locations, false for SQLite files.
    static bool isServer(const QString &location);
    // The location as it may appear in the window, logs and messages: a
    // password inside a server URL is removed.
    static QString forDisplay(const QString &location);
};

} // namespace tw
