#include "models/store/storechangenotifier.h"

#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

#include <QSqlDriver>
#include <QSqlQuery>

namespace tw {

QString StoreChange::payload() const
{
    return QStringLiteral("%1:%2:%3").arg(table, action).arg(id);
}

StoreChange StoreChange::fromPayload(const QString &payload)
{
    const QStringList parts = payload.split(QLatin1Char(':'));
    StoreChange change;
    change.table = parts.value(0);
    change.action = parts.value(1);
    change.id = parts.value(2).toLongLong();
    return change;
}

Status StoreChangeNotifier::announce(const QSqlDatabase &db, const StoreChange &change)
{
    if (dialectOf(db) != SqlDialect::Postgres)
        return {};
    return execBound(db, QStringLiteral("SELECT pg_notify(?, ?)"), {QString::fromLatin1(kChannel), change.payload()});
}

StoreChangeNotifier::StoreChangeNotifier(QSqlDatabase db, QObject *parent) : QObject(parent), m_db(std::move(db)) {}

StoreChangeNotifier::~StoreChangeNotifier()
{
    if (m_subscribed && m_db.isOpen()
        && m_db.driver()->subscribedToNotifications().contains(QString::fromLatin1(kChannel)))
        m_db.driver()->unsubscribeFromNotification(QString::fromLatin1(kChannel));
}

Status StoreChangeNotifier::start()
{
    if (dialectOf(m_db) != SqlDialect::Postgres)
        return fail(QStringLiteral("Change notifications need a PostgreSQL store; an SQLite store has one client"));
    if (m_subscribed)
        return {};
    QSqlDriver *driver = m_db.driver();
    if (!driver->subscribeToNotification(QString::fromLatin1(kChannel)))
        return fail(describeSqlError(QStringLiteral("Could not listen for store changes"), m_db));
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                if (name != QLatin1String(kChannel))
                    return;
                emit changed(StoreChange::fromPayload(payload.toString()), source == QSqlDriver::SelfSource);
            });
    m_subscribed = true;
    return {};
}

Status StoreChangeNotifier::restart()
{
    if (m_subscribed) {
        QSqlDriver *driver = m_db.driver();
        disconnect(driver, &QSqlDriver::notification, this, nullptr);
        // Closing the connection already dropped the driver's subscription.
        if (driver->subscribedToNotifications().contains(QString::fromLatin1(kChannel)))
            driver->unsubscribeFromNotification(QString::fromLatin1(kChannel));
        m_subscribed = false;
    }
    return start();
}

} // namespace tw
