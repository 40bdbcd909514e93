#pragma once

#include <QString>

namespace tw {

// Where the store lives: --store beats $TICKERWIRE_STORE beats the XDG data dir.
class StoreLocation {
public:
    static constexpr const char *kEnvironmentVariable = "TICKERWIRE_STORE";

    static QString defaultPath();
    static QString resolve(const QString &commandLineValue);
};

} // namespace tw
