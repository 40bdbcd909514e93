#include "feeds/ingest/backgroundfetcher.h"

#include "feeds/fetch/contactsetting.h"

#include "feeds/ingest/fetchworker.h"

namespace tw {

BackgroundFetcher::BackgroundFetcher(const QString &storeLocation, FetchPolicy policy, QObject *parent)
    : QObject(parent)
    , m_worker(new FetchWorker(storeLocation, std::move(policy)))
{
    qRegisterMetaType<tw::FeedRunSummary>();
    m_thread.setObjectName(QStringLiteral("fetch"));
    m_worker->moveToThread(&m_thread);
    // Deleted on the worker thread as it ends: its store connection and
    // network access belong to that thread.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &FetchWorker::started, this, [this] {
        if (m_stopped)
            return;
        m_busy = true;
        emit started();
    });
    connect(m_worker, &FetchWorker::progress, this, [this](int done, int total) {
        if (!m_stopped)
            emit progress(done, total);
    });
    connect(m_worker, &FetchWorker::feedDone, this, [this](qint64 id, bool bad, const QString &error) {
        if (!m_stopped)
            emit feedDone(id, bad, error);
    });
    connect(m_worker, &FetchWorker::finished, this, [this](const FeedRunSummary &summary) {
        if (m_stopped)
            return;
        m_busy = false;
        emit finished(summary);
    });
    connect(m_worker, &FetchWorker::failed, this, [this](const QString &message) {
        if (!m_stopped)
            emit failed(message);
    });
    m_thread.start();
}

BackgroundFetcher::~BackgroundFetcher()
{
    stop();
}

FetchPolicy BackgroundFetcher::defaultPolicy()
{
    FetchPolicy policy;
    if (const QByteArray ua = qgetenv("TICKERWIRE_USER_AGENT"); !ua.isEmpty())
        policy.userAgent = QString::fromUtf8(ua);
    policy.sec.contact = ContactSetting::load();
    policy.sec.readsSettings = true;
    return policy;
}

void BackgroundFetcher::fetchDue()
{
    request(int(FetchWorker::Scope::Due), {});
}

void BackgroundFetcher::fetchAll()
{
    request(int(FetchWorker::Scope::AllEnabled), {});
}

void BackgroundFetcher::fetchFeeds(const QList<qint64> &ids)
{
    request(int(FetchWorker::Scope::Listed), ids);
}

void BackgroundFetcher::request(int scope, const QList<qint64> &ids)
{
    if (m_stopped)
        return;
    FetchWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, scope, ids] { worker->fetch(FetchWorker::Scope(scope), ids); }, Qt::QueuedConnection);
}

void BackgroundFetcher::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_busy = false;
    // quit() also ends a keychain read's local loop on that thread; the
    // interruption flag keeps the worker from starting anything new.
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

} // namespace tw
