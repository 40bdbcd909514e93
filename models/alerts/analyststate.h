#pragma once

#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tw {

// What one analyst has done with the alerts of a store: which firings they
// acknowledged and which rules they muted (or unmuted). On a shared store
// every analyst sees the same rules and firings, but these choices are theirs,
// so they live in the analyst's own settings (QSettings), keyed by the store.
//
// Entries name a row by its id and its creation time: SQLite may hand a deleted
// row's id to the next row, which must not inherit the old row's state.
//
// The store's own `acknowledged` and `muted` columns are no longer written;
// what they held before (the shared state of older builds) still counts, as
// the default an analyst's own choice overrides.
class AnalystState {
public:
    // The state for the store `db` is open on, in the application's settings.
    static AnalystState forStore(const QSqlDatabase &db);
    // The same in a given settings file (a second analyst in tests, a sandbox).
    static AnalystState forStore(const QSqlDatabase &db, const QString &settingsFile);

    // The store as the analyst's settings name it: the file's absolute path, or
    // postgresql://USER@HOST:PORT/DB (no password) for a server store, as
    // StoreLocation::forDisplay shows it.
    static QString storeKey(const QSqlDatabase &db);

    const QString &key() const { return m_storeKey; }

    // Every acknowledgement at once, for reading many firings.
    class Acknowledged {
    public:
        bool contains(qint64 firedAlertId, qint64 firedUtc) const;
        bool isEmpty() const { return m_tokens.isEmpty(); }

    private:
        friend class AnalystState;
        QSet<QString> m_tokens;
    };

    Acknowledged acknowledged() const;
    bool isAcknowledged(qint64 firedAlertId, qint64 firedUtc) const;
    void acknowledge(qint64 firedAlertId, qint64 firedUtc);

    // Unset: the analyst never chose, the store's old shared column decides.
    std::optional<bool> muted(qint64 ruleId, qint64 createdUtc) const;
    void setMuted(qint64 ruleId, qint64 createdUtc, bool muted);
    // Forgets the analyst's choice about a deleted rule.
    void forgetRule(qint64 ruleId, qint64 createdUtc);

    // Do not disturb (for a while) and desktop pop-ups (on by default; off
    // for good): either keeps firings out of desktop notifications, never out
    // of the store or the Alerts panel. The window, the tray menu and
    // `tickerwire alerts dnd on|off` share them. Older builds kept both as
    // global settings (alerts/doNotDisturb, alerts/popups): a store that has
    // no value of its own takes that one, once, as its own.
    bool doNotDisturb() const;
    void setDoNotDisturb(bool on);
    bool popups() const;
    void setPopups(bool on);
    // A firing may pop up: neither do-not-disturb nor pop-ups off.
    bool mayPopUp() const { return !doNotDisturb() && popups(); }

private:
    AnalystState(QString storeKey, QString settingsFile);

    QString group() const;
    bool flag(const QString &name, const QString &legacyKey, bool byDefault) const;
    void setFlag(const QString &name, bool on);

    QString m_storeKey;
    QString m_settingsFile;  // empty: the application's default settings
};

} // namespace tw
