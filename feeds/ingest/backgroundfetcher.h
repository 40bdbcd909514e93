#pragma once

#include "feeds/fetch/fetchtypes.h"
#include "feeds/ingest/feedbatchrun.h"

#include <QObject>
#include <QThread>

namespace tw {

class FetchWorker;

// Runs feed fetches for the window on a worker thread: fetch, parse, score
// and store all happen there, over a second connection to the store, so the
// window keeps repainting during a refresh of a hundred feeds. New rows reach
// the panels through the store (StoreWatcher / refresh), never through here.
// Destroying it (or stop()) abandons fetches in flight and joins the thread;
// what was already stored stays stored.
class BackgroundFetcher : public QObject {
    Q_OBJECT
public:
    explicit BackgroundFetcher(
        const QString &storeLocation, FetchPolicy policy = defaultPolicy(), QObject *parent = nullptr);
    ~BackgroundFetcher() override;

    // The CLI's defaults, with $TICKERWIRE_USER_AGENT honoured.
    static FetchPolicy defaultPolicy();

    bool busy() const { return m_busy; }
    bool stopped() const { return m_stopped; }

public slots:
    void fetchDue();
    void fetchAll();
    void fetchFeeds(const QList<qint64> &ids);
    // Abandons what is in flight and joins the thread; later calls do nothing.
    void stop();

signals:
    void started();
    void progress(int done, int total);
    void feedDone(qint64 feedId, bool failed, const QString &error);
    void finished(const tw::FeedRunSummary &summary);
    void failed(const QString &message);

private:
    void request(int scope, const QList<qint64> &ids); // a FetchWorker::Scope

    QThread m_thread;
    FetchWorker *m_worker = nullptr; // lives in m_thread, deleted when it ends
    bool m_busy = false;
    bool m_stopped = false;
};

} // namespace tw
