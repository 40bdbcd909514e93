#include "feeds/ingest/fetchworker.h"

#include "feeds/keys/secretstore.h"
#include "models/store/feedstore.h"
#include "models/store/storeconnection.h"

#include <QDateTime>
#include <QThread>

namespace tw {

FetchWorker::FetchWorker(QString storeLocation, FetchPolicy policy, QObject *parent)
    : QObject(parent)
    , m_location(std::move(storeLocation))
    , m_policy(std::move(policy))
{
}

FetchWorker::~FetchWorker()
{
    // The run holds handles on the connection: it goes first, so the
    // connection is really unused when it is removed.
    delete m_run;
    m_run = nullptr;
}

bool FetchWorker::ensureRun()
{
    if (m_run)
        return true;
    const QString name = QStringLiteral("fetch-%1").arg(quintptr(this), 0, 16);
    auto attached = StoreConnection::attach(m_location, name);
    if (!attached) {
        emit failed(attached.errorMessage());
        return false;
    }
    m_connection = std::move(attached.value());
    m_run = new FeedBatchRun(
        m_connection->database(), m_policy, [this](const QString &provider) { return keyFor(provider); }, this);
    connect(m_run, &FeedBatchRun::progress, this, &FetchWorker::progress);
    connect(m_run, &FeedBatchRun::finished, this, &FetchWorker::finished);
    connect(m_run, &FeedBatchRun::feedDone, this, [this](const FeedRunOutcome &o) {
        const bool bad = !o.stored
            || (o.refresh.feed.lastState != FeedState::Ok && o.refresh.feed.lastState != FeedState::NotModified);
        emit feedDone(o.feed.id, bad, o.stored ? o.refresh.feed.lastError : o.error);
    });
    return true;
}

void FetchWorker::fetch(Scope scope, const QList<qint64> &ids)
{
    if (QThread::currentThread()->isInterruptionRequested() || !ensureRun())
        return;
    auto all = FeedStore(m_connection->database()).all();
    if (!all) {
        emit failed(all.errorMessage());
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Feed> feeds;
    QList<Feed> standby;
    for (const Feed &f : *all) {
        if (scope == Scope::Listed && ids.contains(f.id)) {
            feeds << f;
            continue;
        }
        if (!f.enabled)
            continue;
        const bool due = !f.nextDue.isValid() || f.nextDue <= now;
        if (scope == Scope::AllEnabled || (scope == Scope::Due && due))
            feeds << f;
        else if (feedKindIsPrices(f.kind))
            standby << f;
    }
    if (feeds.isEmpty() && !m_run->running())
        return;
    if (!m_run->running()) {
        m_keys.clear(); // a key set in the settings meanwhile is used from this batch on
        emit started();
    }
    m_run->add(feeds, standby);
}

QString FetchWorker::keyFor(const QString &provider)
{
    // A window closing meanwhile has asked this thread to end: no keychain round trip then.
    if (QThread::currentThread()->isInterruptionRequested())
        return QString();
    if (!m_keys.contains(provider)) {
        auto key = SecretStore().read(provider);
        m_keys.insert(provider, key ? *key : QString());
    }
    return m_keys.value(provider);
}

} // namespace tw
