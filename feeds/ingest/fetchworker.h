#pragma once

#include "feeds/fetch/fetchtypes.h"
#include "feeds/ingest/feedbatchrun.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

namespace tw {

class StoreConnection;

// The fetch side of the window, living on BackgroundFetcher's thread: its own
// store connection (Qt SQL connections never cross threads), its own network
// access and one FeedBatchRun. API keys are read from the keychain here, so a
// slow or locked keychain never holds up the window; a miss means no key.
class FetchWorker : public QObject {
    Q_OBJECT
public:
    enum class Scope { Due, AllEnabled, Listed };

    FetchWorker(QString storeLocation, FetchPolicy policy, QObject *parent = nullptr);
    ~FetchWorker() override;

    // Starts fetching the feeds in `scope` (`ids` for Listed: fetched even
    // when disabled, since someone asked for them), or adds them to the run
    // in progress. Nothing to fetch and nothing running: no signal at all.
    void fetch(Scope scope, const QList<qint64> &ids);

signals:
    void started();
    void progress(int done, int total);
    void feedDone(qint64 feedId, bool failed, const QString &error);
    void finished(const tw::FeedRunSummary &summary);
    void failed(const QString &message);

private:
    bool ensureRun();
    QString keyFor(const QString &provider);

    QString m_location;
    FetchPolicy m_policy;
    std::unique_ptr<StoreConnection> m_connection;
    FeedBatchRun *m_run = nullptr; // child, made on this thread so its network lives here
    QHash<QString, QString> m_keys; // read once per batch
};

} // namespace tw
