#include "cli/command.h"
#include "cli/storesession.h"
#include "fetch/fetchscheduler.h"
#include "ingest/feedrefresher.h"
#include "keys/secretstore.h"
#include "store/feedstore.h"

#include <QEventLoop>
#include <QHash>
#include <QTimer>

namespace tw {

namespace {
FetchPolicy policyFrom(const QCommandLineParser &parser)
{
    FetchPolicy policy;
    if (const QByteArray ua = qgetenv("TICKERWIRE_USER_AGENT"); !ua.isEmpty())
        policy.userAgent = QString::fromUtf8(ua);
    if (parser.isSet(QStringLiteral("user-agent")))
        policy.userAgent = parser.value(QStringLiteral("user-agent"));
    if (parser.isSet(QStringLiteral("timeout")))
        policy.totalTimeoutMs = std::max(1, parser.value(QStringLiteral("timeout")).toInt()) * 1000;
    return policy;
}

// Fetches a set of feeds once and stores what they bring. Shared by `fetch`
// (all feeds, or --due ones) and `watch` (due ones, again and again).
class FetchRound {
public:
    FetchRound(QSqlDatabase db, FetchPolicy policy, QTextStream &out, QTextStream &err)
        : m_refresher(db), m_scheduler(std::move(policy)), m_out(out), m_err(err)
    {
    }

    struct Summary {
        int ok = 0, notModified = 0, failed = 0, changed = 0;
    };

    Summary run(const QList<Feed> &feeds)
    {
        Summary summary;
        QHash<qint64, Feed> byId;
        QList<FetchRequest> requests;
        for (const Feed &f : feeds) {
            byId.insert(f.id, f);
            requests << FeedRefresher::requestFor(f, [this](const QString &provider) { return keyFor(provider); });
        }
        QEventLoop loop;
        QObject::connect(&m_scheduler, &FetchScheduler::feedFinished, &loop, [&](const FetchResult &result) {
            const Feed feed = byId.value(result.request.feedId);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            auto applied = m_refresher.apply(feed, result, now);
            const QString prefix = QStringLiteral("[%1/%2] feed %3 %4: ")
                                       .arg(summary.ok + summary.notModified + summary.failed + 1)
                                       .arg(feeds.size())
                                       .arg(feed.id)
                                       .arg(displayUrl(QUrl(feed.url)));
            if (!applied) {
                ++summary.failed;
                m_out << prefix << "failed: " << redactSecrets(applied.errorMessage()) << '\n';
                return;
            }
            const Feed &f = applied->feed;
            if (f.lastState == FeedState::Ok) {
                ++summary.ok;
                summary.changed += applied->changed;
                m_out << prefix << "ok, " << applied->items << (feedKindIsPrices(f.kind) ? " bars, " : " items, ")
                      << applied->changed << " new or changed";
                if (applied->skipped > 0)
                    m_out << ", " << applied->skipped << " skipped";
                m_out << '\n';
                for (const QString &note : applied->notes)
                    m_err << "feed " << f.id << ": skipped " << note << '\n';
            } else if (f.lastState == FeedState::NotModified) {
                ++summary.notModified;
                m_out << prefix << "not modified\n";
            } else {
                ++summary.failed;
                m_out << prefix << "failed (" << feedStateId(f.lastState) << "): " << f.lastError << "; next try "
                      << f.nextDue.toString(Qt::ISODate) << '\n';
            }
            m_out.flush();
        });
        QObject::connect(&m_scheduler, &FetchScheduler::allFinished, &loop, &QEventLoop::quit);
        if (requests.isEmpty())
            return summary;
        m_scheduler.enqueue(requests);
        if (!m_scheduler.idle())
            loop.exec();
        return summary;
    }

private:
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
    FeedRefresher m_refresher;
    FetchScheduler m_scheduler;
    QTextStream &m_out;
    QTextStream &m_err;
};

void addFetchOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("user-agent"),
                      QStringLiteral("User-Agent to send (SEC EDGAR wants a contact address); also $TICKERWIRE_USER_AGENT."),
                      QStringLiteral("UA")});
    parser.addOption({QStringLiteral("timeout"), QStringLiteral("Seconds one request may take (default 60)."),
                      QStringLiteral("S")});
}

Result<QList<Feed>> enabledFeeds(QSqlDatabase db, bool dueOnly)
{
    auto all = FeedStore(db).all();
    if (!all)
        return all.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Feed> feeds;
    for (const Feed &f : *all)
        if (f.enabled && (!dueOnly || !f.nextDue.isValid() || f.nextDue <= now))
            feeds << f;
    return feeds;
}

// `tickerwire fetch [--due]` (also `refresh`): every feed once now, or only
// the due ones (for cron). Exits 0 even when some feeds fail: their status says why.
class FetchCommand final : public Command {
public:
    explicit FetchCommand(QString name) : m_name(std::move(name)) {}
    QString name() const override { return m_name; }
    QString summary() const override
    {
        return QStringLiteral("Fetch every enabled feed once now (--due: only those due); prints a line per feed.");
    }

    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("due"), QStringLiteral("Only feeds whose next due time has come.")});
        addFetchOptions(parser);
    }

    int run(CommandContext &ctx) override
    {
        if (!ctx.arguments.isEmpty()) {
            ctx.err << "tickerwire " << m_name << ": unexpected argument '" << ctx.arguments.first() << "'\n";
            return kExitUsage;
        }
        auto store = openCommandStore(ctx.globals, ctx.err);
        if (!store) {
            ctx.err << "tickerwire: " << store.errorMessage() << '\n';
            return kExitFailure;
        }
        auto feeds = enabledFeeds((*store)->database(), ctx.parser.isSet(QStringLiteral("due")));
        if (!feeds) {
            ctx.err << "tickerwire: " << feeds.errorMessage() << '\n';
            return kExitFailure;
        }
        FetchRound round((*store)->database(), policyFrom(ctx.parser), ctx.out, ctx.err);
        const auto s = round.run(*feeds);
        ctx.out << "fetched " << feeds->size() << " feeds: " << s.ok << " ok, " << s.notModified << " not modified, "
                << s.failed << " failed; " << s.changed << " new or changed items\n";
        return kExitOk;
    }

private:
    QString m_name;
};

// `tickerwire watch`: fetches due feeds every minute until interrupted.
class WatchCommand final : public Command {
public:
    QString name() const override { return QStringLiteral("watch"); }
    QString summary() const override { return QStringLiteral("Fetch feeds as they fall due, until interrupted."); }
    void addOptions(QCommandLineParser &parser) const override { addFetchOptions(parser); }

    int run(CommandContext &ctx) override
    {
        auto store = openCommandStore(ctx.globals, ctx.err);
        if (!store) {
            ctx.err << "tickerwire: " << store.errorMessage() << '\n';
            return kExitFailure;
        }
        FetchRound round((*store)->database(), policyFrom(ctx.parser), ctx.out, ctx.err);
        for (;;) {
            auto feeds = enabledFeeds((*store)->database(), true);
            if (!feeds) {
                ctx.err << "tickerwire: " << feeds.errorMessage() << '\n';
                return kExitFailure;
            }
            round.run(*feeds);
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
