#include "app/cli/alertreport.h"
#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "feeds/fetch/secaccess.h"
#include "feeds/fetch/fetchscheduler.h"
#include "feeds/ingest/backgroundfetcher.h"
#include "feeds/ingest/boundedfileread.h"
#include "feeds/ingest/problemtext.h"
#include "feeds/ingest/secdocumentimporter.h"
#include "feeds/parsers/newsdocumentparser.h"
#include "feeds/parsers/secformat.h"
#include "models/alerts/alertevaluator.h"
#include "models/core/storetime.h"
#include "models/pipeline/articleingestor.h"

#include <QFileInfo>
#include <QUrl>

namespace tw {

namespace {
const QCommandLineOption kTimeout(QStringLiteral("timeout"),
                                  QStringLiteral("Seconds to read one file or fetch one URL, retries included (default 60)."),
                                  QStringLiteral("S"));
const QCommandLineOption kMaxSize(QStringLiteral("max-size"),
                                  QStringLiteral("Largest file or body read, in MiB (default 20)."), QStringLiteral("MIB"));
const QCommandLineOption kUserAgent(QStringLiteral("user-agent"),
                                    QStringLiteral("User-Agent for URLs; also $TICKERWIRE_USER_AGENT."), QStringLiteral("UA"));
const QCommandLineOption kTicker(QStringLiteral("ticker"),
                                 QStringLiteral("SEC documents: the company's ticker, when the document does not say "
                                                "(company facts name only the CIK)."),
                                 QStringLiteral("T"));

// The bytes of one argument and the address they came from.
struct Input {
    QByteArray body;
    QUrl base;
};

class IngestCommand final : public Command {
public:
    IngestCommand()
        : Command({.name = QStringLiteral("ingest"),
                   .summary = QStringLiteral("Read news files or URLs (RSS, RSS 1.0, Atom, JSON Feed, Finnhub, Alpha "
                                             "Vantage news) and SEC EDGAR documents (filing feeds, submissions, 8-Ks, "
                                             "company facts) into the store."),
                   .positionalSyntax = QStringLiteral("FILE|URL..."),
                   .options = {kTimeout, kMaxSize, kUserAgent, kTicker}})
    {
    }

    int run(CommandContext &ctx) override
    {
        if (ctx.arguments.isEmpty())
            return reportUsageError(ctx, QStringLiteral("name at least one feed file or URL"));
        // The window's fetch defaults ($TICKERWIRE_USER_AGENT, the SEC contact address), then the options.
        FetchPolicy policy = BackgroundFetcher::defaultPolicy();
        if (ctx.parser.isSet(kUserAgent))
            policy.userAgent = ctx.parser.value(kUserAgent);
        if (ctx.parser.isSet(kTimeout)) {
            bool ok = false;
            const double seconds = ctx.parser.value(kTimeout).toDouble(&ok);
            if (!ok || seconds <= 0 || seconds > 24 * 3600)
                return reportUsageError(ctx, QStringLiteral("--timeout takes seconds (more than 0)"));
            policy.deadlineMs = std::max(1, int(seconds * 1000));
        }
        if (ctx.parser.isSet(kMaxSize)) {
            bool ok = false;
            const double mib = ctx.parser.value(kMaxSize).toDouble(&ok);
            if (!ok || mib <= 0 || mib > 4096)
                return reportUsageError(ctx, QStringLiteral("--max-size takes MiB (more than 0, at most 4096)"));
            policy.maxBodyBytes = std::max<qint64>(1, qint64(mib * 1024 * 1024));
        }
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        // URLs take the configured feeds' path: the same caps, User-Agent,
        // deadline, redirect rules and retries.
        FetchScheduler scheduler(policy);
        ArticleIngestor ingestor(store->database());
        int failures = 0;
        // Stage 5 of the ingest path: the alert rules, after the batch committed.
        auto evaluateAlerts = [&](const QString &argument) {
            auto fired = AlertEvaluator(store->database()).evaluate(nowUtc());
            if (!fired) {
                ctx.err << argument << ": alert evaluation failed: " << fired.errorMessage() << '\n';
                ++failures;
                return;
            }
            reportFirings(*fired, store->database(), ctx.out);
        };
        for (const QString &given : ctx.arguments) {
            const QString argument = redactSecrets(given);   // as printed: a key in a URL is not
            auto input = read(given, scheduler, policy);
            if (!input) {
                ctx.err << argument << ": " << input.errorMessage() << '\n';
                ++failures;
                continue;
            }
            // SEC EDGAR's documents are filings and figures, not news.
            if (const SecFormat sec = sniffSecFormat(input->body); sec != SecFormat::None) {
                auto imported = SecDocumentImporter(store->database())
                                    .import(input->body, sec, input->base.toString(), ctx.parser.value(kTicker));
                if (!imported) {
                    ctx.err << argument << ": " << ProblemText::clean(imported.errorMessage(), {}) << '\n';
                    ++failures;
                    continue;
                }
                for (const QString &reason : imported->skipped)
                    ctx.err << argument << ": " << reason << '\n';
                ctx.out << argument << ": " << secFormatId(sec) << ", " << imported->summary << '\n';
                evaluateAlerts(argument);
                continue;
            }
            auto parsed = NewsDocumentParser::parse(input->body, input->base, QDateTime::currentDateTimeUtc());
            if (!parsed) {
                // Never the bytes of a body nobody recognised (see ProblemText).
                const SniffResult sniffed = FeedSniffer::sniff(input->body);
                const QString why = sniffed.ok() ? parsed.errorMessage() : ProblemText::forSniff(sniffed, input->body.size(), input->base);
                ctx.err << argument << ": " << ProblemText::clean(why, {}) << '\n';
                ++failures;
                continue;
            }
            for (const QString &reason : parsed->feed.skipped)
                ctx.err << argument << ": skipped " << reason << '\n';
            for (const QString &warning : parsed->feed.warnings)
                ctx.err << argument << ": warning: " << warning << '\n';
            auto report = ingestor.ingest(parsed->feed.articles);
            if (!report) {
                ctx.err << argument << ": " << report.errorMessage() << '\n';
                ++failures;
                continue;
            }
            ctx.out << argument << ": " << documentFormatId(parsed->format) << ", " << report->received << " items, " << report->inserted << " new, "
                    << report->updated << " updated, " << report->unchanged << " unchanged\n";
            evaluateAlerts(argument);
        }
        return failures == 0 ? kExitOk : kExitFailure;
    }

private:
    static Result<Input> read(const QString &argument, FetchScheduler &scheduler, const FetchPolicy &policy)
    {
        const QUrl url(argument);
        const QString scheme = url.scheme().toLower();
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
            FetchRequest request;
            request.url = url;
            request.secrets = secretsInUrl(url);
            const FetchResult fetched = fetchToCompletion(scheduler, request);
            if (!fetched.ok())
                return fail(fetched.error);
            if (fetched.notModified)
                return fail(QStringLiteral("the server answered 304 Not Modified to a request without validators"));
            return Input{fetched.body, fetched.finalUrl.isValid() ? fetched.finalUrl : url};
        }
        auto body = readFileBounded(argument, policy.maxBodyBytes, policy.deadlineMs);
        if (!body)
            return body.error();
        return Input{*body, QUrl::fromLocalFile(QFileInfo(argument).absoluteFilePath())};
    }
};
} // namespace

std::unique_ptr<Command> makeIngestCommand() { return std::make_unique<IngestCommand>(); }

} // namespace tw
