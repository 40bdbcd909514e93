#include "ui/window/storewatcher.h"

#include "models/store/sqldialect.h"
#include "models/store/storechangenotifier.h"
#include "models/store/storestats.h"

#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

namespace tw {

StoreWatcher::StoreWatcher(QSqlDatabase db, QObject *parent, int intervalMs)
    : QObject(parent)
    , m_db(std::move(db))
    , m_timer(new QTimer(this))
{
    if (dialectOf(m_db) == SqlDialect::Postgres) {
        // A server has no data_version; it tells us instead (LISTEN/NOTIFY),
        // and only of changes other connections committed.
        auto *notifier = new StoreChangeNotifier(m_db, this);
        if (notifier->start().ok()) {
            connect(notifier, &StoreChangeNotifier::changed, this, [this](const StoreChange &, bool own) {
                if (!own)
                    emit storeChanged();
            });
            return;
        }
    }
    m_version = readVersion();
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &StoreWatcher::check);
    m_timer->start();
}

qint64 StoreWatcher::readVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA data_version")) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

qint64 StoreWatcher::storeSizeBytes() const
{
    auto bytes = tw::storeSizeBytes(m_db);
    return bytes ? *bytes : 0;
}

bool StoreWatcher::check()
{
    const qint64 version = readVersion();
    if (version == m_version || version < 0)
        return false;
    m_version = version;
    emit storeChanged();
    return true;
}

} // namespace tw
