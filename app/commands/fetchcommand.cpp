#include "app/cli/alertreport.h"
#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "feeds/ingest/backgroundfetcher.h"
#include "feeds/ingest/feedbatchrun.h"
#include "feeds/keys/secretstore.h"
#include "models/store/feedstore.h"

#include <QEventLoop>
#include <QHash>
#include <QTimer>

namespace tw {

namespace {
FetchPolicy policyFrom(const QCommandLineParser &parser)
{
    // The window's fetch defaults ($TICKERWIRE_USER_AGENT, the SEC contact address), then the options.
    FetchPolicy policy = BackgroundFetcher::defaultPolicy();
    if (parser.isSet(QStringLiteral("user-agent")))
        policy.userAgent = parser.value(QStringLiteral("user-agent"));
    if (parser.isSet(QStringLiteral("timeout")))
        policy.deadlineMs = std::max(1, parser.value(QStringLiteral("timeout")).toInt()) * 1000;
    return policy;
}

// Fetches a set of feeds once and stores what they bring, printing a line per
// feed. Shared by `fetch` (all feeds, or --due ones) and `watch` (due ones,
// again and again); the window runs the same FeedBatchRun on a worker thread.
class FetchRound {
public:
    FetchRound(QSqlDatabase db, FetchPolicy policy, QTextStream &out, QTextStream &err)
        : m_run(db, std::move(policy), [this](const QString &provider) { return keyFor(provider); }), m_out(out), m_err(err)
    {
        QObject::connect(&m_run, &FeedBatchRun::feedDone, [this](const FeedRunOutcome &o) { print(o); });
        QObject::connect(&m_run, &FeedBatchRun::standbyQueued, [this](const Feed &failed, const Feed &next) {
            m_out << "  trying feed " << next.id << " (" << feedKindId(next.kind) << ") for " << failed.ticker << '\n';
        });
    }

    // `standby`: enabled price feeds not in this round. When a price feed
    // fails, the next standby feed for the same ticker is fetched instead.
    FeedRunSummary run(const QList<Feed> &feeds, const QList<Feed> &standby = {})
    {
        return m_run.runToCompletion(feeds, standby);
    }

private:
    void print(const FeedRunOutcome &o)
    {
        const QString prefix =
            QStringLiteral("[%1/%2] feed %3 %4: ").arg(o.index).arg(o.total).arg(o.feed.id).arg(displayUrl(QUrl(o.feed.url)));
        if (!o.stored) {
            m_out << prefix << "failed: " << o.error << '\n';
            return;
        }
        const RefreshOutcome &applied = o.refresh;
        const Feed &f = applied.feed;
        if (f.lastState == FeedState::Ok) {
            m_out << prefix << "ok, " << applied.items << (feedKindIsPrices(f.kind) ? " bars, " : " items, ")
                  << applied.changed << " new or changed";
            if (applied.skipped > 0)
                m_out << ", " << applied.skipped << " skipped";
            if (applied.documents > 0)
                m_out << ", " << applied.documents << " 8-K documents read";
            m_out << '\n';
            for (const QString &note : applied.notes)
                m_err << "feed " << f.id << ": skipped " << note << '\n';
            for (const QString &warning : applied.warnings)
                m_err << "feed " << f.id << ": warning: " << warning << '\n';
        } else if (f.lastState == FeedState::NotModified) {
            m_out << prefix << "not modified\n";
        } else {
            m_out << prefix << "failed (" << feedStateId(f.lastState) << "): " << f.lastError << "; next try "
                  << f.nextDue.toString(Qt::ISODate) << '\n';
        }
        m_out.flush();
    }

    // Asked only for keyed feeds whose URL carries no key; one keychain read per provider.
    QString keyFor(const QString &provider)
    {
        if (!m_keys.contains(provider)) {
            auto key = SecretStore().read(provider);
            if (!key)
                m_err << "tickerwire: " << key.errorMessage() << '\n';
            m_keys.insert(provider, key ? *key : QString());
        }
        return m_keys.value(provider);
    }

    QHash<QString, QString> m_keys;
    FeedBatchRun m_run;
    QTextStream &m_out;
    QTextStream &m_err;
};

// The options policyFrom reads, for `fetch` and `watch`.
const QList<QCommandLineOption> kFetchOptions{
    {QStringLiteral("user-agent"),
     QStringLiteral("User-Agent to send (SEC EDGAR wants a contact address); also $TICKERWIRE_USER_AGENT."),
     QStringLiteral("UA")},
    {QStringLiteral("timeout"), QStringLiteral("Seconds one feed's fetch may take, retries included (default 60)."),
     QStringLiteral("S")}};

struct FeedSelection {
    QList<Feed> feeds;      // to fetch now
    QList<Feed> standby;    // enabled price feeds not due: alternatives when a price feed fails
};

Result<FeedSelection> enabledFeeds(QSqlDatabase db, bool dueOnly)
{
    auto all = FeedStore(db).all();
    if (!all)
        return all.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    FeedSelection selection;
    for (const Feed &f : *all) {
        if (!f.enabled)
            continue;
        if (!dueOnly || !f.nextDue.isValid() || f.nextDue <= now)
            selection.feeds << f;
        else if (feedKindIsPrices(f.kind))
            selection.standby << f;
    }
    return selection;
}

// `tickerwire fetch [--due]` (also `refresh`): every feed once now, or only
// the due ones (for cron). Exits 0 even when some feeds fail: their status says why.
class FetchCommand final : public Command {
public:
    explicit FetchCommand(QString name)
        : Command({.name = std::move(name),
                   .summary = QStringLiteral("Fetch every enabled feed once now (--due: only those due); prints a line "
                                             "per feed."),
                   .options = QList<QCommandLineOption>{{QStringLiteral("due"),
                                                         QStringLiteral("Only feeds whose next due time has come.")}}
                       + kFetchOptions,
                   .takesNoArguments = true})
    {
    }

    int run(CommandContext &ctx) override
    {
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        auto feeds = enabledFeeds(store->database(), ctx.parser.isSet(QStringLiteral("due")));
        if (!feeds)
            return reportFailure(ctx, feeds.errorMessage());
        FetchRound round(store->database(), policyFrom(ctx.parser), ctx.out, ctx.err);
        const auto s = round.run(feeds->feeds, feeds->standby);
        ctx.out << "fetched " << (s.ok + s.notModified + s.failed) << " feeds: " << s.ok << " ok, " << s.notModified << " not modified, "
                << s.failed << " failed; " << s.changed << " new or changed items\n";
        if (!evaluateAndReport(store->database(), ctx.out, ctx.err))
            return kExitFailure;
        return kExitOk;
    }
};

// `tickerwire watch`: fetches due feeds every minute until interrupted.
class WatchCommand final : public Command {
public:
    WatchCommand()
        : Command({.name = QStringLiteral("watch"),
                   .summary = QStringLiteral("Fetch feeds as they fall due, until interrupted."),
                   .options = kFetchOptions,
                   .takesNoArguments = true})
    {
    }

    int run(CommandContext &ctx) override
    {
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        FetchRound round(store->database(), policyFrom(ctx.parser), ctx.out, ctx.err);
        for (;;) {
            auto feeds = enabledFeeds(store->database(), true);
            if (!feeds)
                return reportFailure(ctx, feeds.errorMessage());
            round.run(feeds->feeds, feeds->standby);
            evaluateAndReport(store->database(), ctx.out, ctx.err);
            ctx.out.flush();
            QEventLoop pause;
            QTimer::singleShot(60 * 1000, &pause, &QEventLoop::quit);
            pause.exec();
        }
    }
};
} // namespace

std::unique_ptr<Command> makeFetchCommand() { return std::make_unique<FetchCommand>(QStringLiteral("fetch")); }
std::unique_ptr<Command> makeRefreshCommand() { return std::make_unique<FetchCommand>(QStringLiteral("refresh")); }
std::unique_ptr<Command> makeWatchCommand() { return std::make_unique<WatchCommand>(); }

} // namespace tw
