#include "feeds/ingest/feedrefresher.h"

#include "feeds/ingest/problemtext.h"
#include "feeds/ingest/quoteimporter.h"
#include "feeds/ingest/secdocumentimporter.h"
#include "feeds/keys/apikeyproviders.h"
#include "feeds/parsers/feedsniffer.h"
#include "feeds/parsers/newsdocumentparser.h"
#include "feeds/parsers/quotedocumentparser.h"
#include "feeds/parsers/secformat.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/feedstore.h"
#include "models/store/tickerstore.h"

#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>

namespace tw {

namespace {
constexpr qint64 kMaxBackoffSeconds = 24 * 3600;

FeedState stateForFetchFailure(const FetchResult &r)
{
    switch (r.failure) {
    case FetchFailure::Http: return FeedState::Http;
    case FetchFailure::Decompression: return FeedState::Parse;   // it arrived, but cannot be read
    case FetchFailure::None:
    case FetchFailure::Network:
    case FetchFailure::Timeout:
    case FetchFailure::TooLarge:
    case FetchFailure::TooManyRedirects: return FeedState::Network;
    case FetchFailure::Refused: return FeedState::Refused;
    }
    return FeedState::Network;
}

// A success's status. Something the analyst should know (an encoding or
// markup repaired, dates unreadable) stays in it, marked as a warning.
void markSucceeded(Feed &f, FeedState state, const QStringList &warnings, const QStringList &secrets,
                   const QDateTime &nowUtc)
{
    f.lastState = state;
    f.lastError = warnings.isEmpty() ? QString() : FeedRefresher::warningText(warnings, secrets);
    f.lastSuccess = nowUtc;
    f.consecutiveFailures = 0;
    f.nextDue = nowUtc.addSecs(std::max(60, f.intervalSeconds));
}

// A news body that parsed, not yet stored: its articles tagged with the feed
// (and the feed's ticker), the parser's notes and warnings, and the feed's
// status as the success leaves it. apply() and parse() both make it here.
ParsedRefresh newsRefresh(const Feed &feed, const FetchResult &result, const ParsedFeed &doc, const QDateTime &nowUtc,
                          const QStringList &secrets)
{
    ParsedRefresh parsed;
    parsed.before = feed;
    parsed.secrets = secrets;
    RefreshOutcome &outcome = parsed.outcome;
    outcome.feed = feed;
    Feed &f = outcome.feed;
    f.lastAttempt = nowUtc;
    parsed.articles = doc.articles;
    for (Article &a : parsed.articles) {
        a.feedId = feed.id;
        if (!feed.ticker.isEmpty() && !a.providerTickers.contains(feed.ticker))
            a.providerTickers << feed.ticker;
    }
    outcome.items = int(parsed.articles.size());
    outcome.skipped = int(doc.skipped.size());
    for (const QString &note : doc.skipped)
        outcome.notes << ProblemText::clean(note, secrets);
    for (const QString &warning : doc.warnings)
        outcome.warnings << ProblemText::clean(warning, secrets);
    if (f.title.isEmpty())
        f.title = doc.title;
    markSucceeded(f, FeedState::Ok, doc.warnings, secrets, nowUtc);
    // Validators only from a body that was good: a 200 error page with an
    // ETag must not turn into "304, nothing new" next time.
    f.etag = result.etag;
    f.lastModified = result.lastModified;
    return parsed;
}
} // namespace

FeedRefresher::FeedRefresher(QSqlDatabase db) : m_db(db), m_ingestor(std::make_unique<ArticleIngestor>(db)) {}
FeedRefresher::~FeedRefresher() = default;

std::optional<ParsedRefresh> FeedRefresher::parse(const Feed &feed, const FetchResult &result, const QDateTime &nowUtc,
                                                  const QStringList &knownSecrets)
{
    // Anything but a news body that parses is apply()'s: its messages, one statement.
    if (feedKindIsPrices(feed.kind) || feedKindIsFilings(feed.kind) || !result.ok() || result.notModified)
        return std::nullopt;
    // Decoded and sniffed once, with the HTTP charset, as apply() does.
    const SniffResult sniffed = FeedSniffer::sniff(result.body, result.contentType);
    if (!sniffed.ok())
        return std::nullopt;
    auto doc = NewsDocumentParser::parse(sniffed, result.finalUrl.isValid() ? result.finalUrl : QUrl(feed.url), nowUtc);
    if (!doc)
        return std::nullopt;
    return newsRefresh(feed, result, doc->feed, nowUtc, result.request.secrets + knownSecrets);
}

Result<RefreshOutcome> FeedRefresher::store(const ParsedRefresh &parsed)
{
    RefreshOutcome outcome = parsed.outcome;
    auto report = m_ingestor->ingestInTransaction(parsed.articles, parsed.analysed ? &*parsed.analysed : nullptr);
    if (!report)
        return report.error();
    outcome.items = report->received;
    outcome.changed = report->inserted + report->updated;
    if (auto s = FeedStore(m_db).update(outcome.feed); !s)
        return s.error();
    return outcome;
}

Status FeedRefresher::prepareStoring()
{
    return m_ingestor->prepare();
}

Status FeedRefresher::finishStoring()
{
    return m_ingestor->finishInTransaction();
}

void FeedRefresher::abandonStoring()
{
    m_ingestor->abandon();
}

Result<RefreshOutcome> FeedRefresher::storeFailure(const ParsedRefresh &parsed, const QString &error,
                                                   const QDateTime &nowUtc)
{
    RefreshOutcome outcome = parsed.outcome;
    // From the status before this attempt, not the success parse() assumed.
    outcome.feed = parsed.before;
    Feed &f = outcome.feed;
    f.lastAttempt = nowUtc;
    outcome.changed = 0;
    f.lastState = FeedState::Storage;
    f.lastError = ProblemText::clean(error, parsed.secrets);   // a colleague on a shared store reads this
    f.consecutiveFailures += 1;
    f.nextDue = nextDueAfterFailure(f, f.consecutiveFailures, nowUtc, std::nullopt);
    if (auto s = FeedStore(m_db).update(outcome.feed); !s)
        return s.error();
    return outcome;
}

FetchRequest FeedRefresher::requestFor(const Feed &feed, const KeyLookup &keys)
{
    FetchRequest request;
    request.feedId = feed.id;
    request.url = QUrl(feed.url);
    request.etag = feed.etag;
    request.lastModified = feed.lastModified;
    request.secrets = secretsInUrl(request.url);
    const auto provider = apiKeyProviderFor(feed.kind);
    if (!provider || !keys)
        return request;
    QUrlQuery query(request.url);
    if (query.hasQueryItem(provider->parameter))
        return request;   // the URL brings its own key
    // The key goes to the provider's own https hosts, never elsewhere: the
    // kind of a feed row is no proof of where its URL points.
    if (!mayCarryKey(*provider, request.url)) {
        request.keyWithheld = provider->id;
        return request;
    }
    if (const QString secret = keys(provider->id); !secret.isEmpty()) {
        query.addQueryItem(provider->parameter, QString::fromLatin1(QUrl::toPercentEncoding(secret)));
        request.url.setQuery(query);
        request.secrets << secret;
    }
    return request;
}

QString FeedRefresher::warningText(const QStringList &warnings, const QStringList &secrets)
{
    return ProblemText::clean(QStringLiteral("warning: ") + warnings.join(QStringLiteral("; ")), secrets);
}

QDateTime FeedRefresher::nextDueAfterFailure(const Feed &feed, int failures, const QDateTime &nowUtc,
                                             std::optional<int> retryAfterSeconds)
{
    const qint64 interval = std::max(60, feed.intervalSeconds);
    const int doublings = std::clamp(failures - 1, 0, 20);
    qint64 delay = std::min(kMaxBackoffSeconds, interval << doublings);
    if (retryAfterSeconds)   // clamped again here: a FetchResult may come from anywhere
        delay = std::max<qint64>(delay, std::clamp(*retryAfterSeconds, 0, kMaxRetryAfterSeconds));
    return nowUtc.addSecs(delay);
}

Result<RefreshOutcome> FeedRefresher::apply(const Feed &feed, const FetchResult &result, const QDateTime &nowUtc,
                                            const QStringList &knownSecrets)
{
    const QStringList secrets = result.request.secrets + knownSecrets;
    RefreshOutcome outcome;
    outcome.feed = feed;
    Feed &f = outcome.feed;
    f.lastAttempt = nowUtc;

    auto failWith = [&](FeedState state, const QString &error, std::optional<int> retryAfter) {
        f.lastState = state;
        QString text = error;
        if (!result.request.keyWithheld.isEmpty()) {
            const auto provider = apiKeyProvider(result.request.keyWithheld);
            text += QStringLiteral(" (the %1 key was not sent: it goes only to https://%2)")
                        .arg(result.request.keyWithheld, provider ? provider->hosts.value(0) : QString());
        }
        // A colleague on a shared store reads this: see ProblemText.
        f.lastError = ProblemText::clean(text, secrets);
        f.consecutiveFailures += 1;
        f.nextDue = nextDueAfterFailure(f, f.consecutiveFailures, nowUtc, retryAfter);
    };
    auto succeed = [&](FeedState state, const QStringList &warnings = {}) {
        markSucceeded(f, state, warnings, secrets, nowUtc);
    };

    if (!result.ok()) {
        failWith(stateForFetchFailure(result), result.error, result.retryAfterSeconds);
    } else if (result.notModified) {
        succeed(FeedState::NotModified);
    } else {
        // Decoded and sniffed once (with the HTTP charset); the parser the format names reads the result.
        const SniffResult sniffed = FeedSniffer::sniff(result.body, result.contentType);
        if (feedKindIsFilings(feed.kind)) {
            // SEC EDGAR's documents are filings and reported figures, not articles.
            if (const SecFormat format = sniffSecFormat(result.body); format == SecFormat::None) {
                failWith(FeedState::Parse,
                         sniffed.ok() ? QStringLiteral("not an SEC EDGAR filing feed, submissions list or company facts: "
                                                       "the body is %1")
                                            .arg(documentFormatLabel(sniffed.format))
                                      : ProblemText::forSniff(sniffed, result.body.size()),
                         std::nullopt);
            } else {
                const QUrl from = result.finalUrl.isValid() ? result.finalUrl : QUrl(feed.url);
                auto imported = SecDocumentImporter(m_db).import(result.body, format, from.toString(), feed.ticker);
                if (!imported) {
                    failWith(FeedState::Parse, imported.errorMessage(), std::nullopt);
                } else {
                    const FilingIngestReport &r = imported->report;
                    outcome.items = imported->items;
                    outcome.changed = r.newFilings + r.figureChanges.added + r.figureChanges.changed;
                    outcome.skipped = int(imported->skipped.size());
                    outcome.currentReports = imported->currentReports;
                    for (const QString &note : imported->skipped)
                        outcome.notes << ProblemText::clean(note, secrets);
                    succeed(FeedState::Ok);
                }
            }
        } else if (!sniffed.ok()) {
            failWith(sniffed.problem == ProviderProblem::NotAFeed ? FeedState::Parse : FeedState::Provider,
                     ProblemText::forSniff(sniffed, result.body.size(), result.finalUrl.isValid() ? result.finalUrl : QUrl(feed.url)),
                     std::nullopt);
        } else if (feedKindIsPrices(feed.kind)) {
            QTimeZone zone("America/New_York");
            if (auto ticker = TickerStore(m_db).bySymbol(feed.ticker); ticker && ticker->has_value())
                if (QTimeZone z((*ticker)->timeZone.toUtf8()); z.isValid())
                    zone = z;
            auto parsed = QuoteDocumentParser::parse(sniffed, feed.ticker, zone, priceFormatServedBy(feed.kind));
            if (!parsed) {
                failWith(FeedState::Parse, parsed.errorMessage(), std::nullopt);
            } else if (parsed->ticker.isEmpty()) {
                failWith(FeedState::Parse, QStringLiteral("the feed names no ticker; set one with --ticker"), std::nullopt);
            } else {
                auto report = QuoteImporter(m_db).import(*parsed);
                if (!report) {
                    failWith(FeedState::Storage, report.errorMessage(), std::nullopt);
                } else {
                    outcome.items = report->received;
                    outcome.changed = report->changed;
                    outcome.skipped = int(parsed->skipped.size());
                    for (const QString &note : parsed->skipped)
                        outcome.notes << ProblemText::clean(note, secrets);
                    for (const QString &warning : sniffed.document.warnings)
                        outcome.warnings << ProblemText::clean(warning, secrets);
                    succeed(FeedState::Ok, sniffed.document.warnings);
                }
            }
        } else {
            auto parsed = NewsDocumentParser::parse(sniffed, result.finalUrl.isValid() ? result.finalUrl : QUrl(feed.url), nowUtc);
            if (!parsed) {
                failWith(FeedState::Parse, parsed.errorMessage(), std::nullopt);
            } else {
                const ParsedRefresh news = newsRefresh(feed, result, parsed->feed, nowUtc, secrets);
                auto report = m_ingestor->ingest(news.articles);
                if (!report) {
                    failWith(FeedState::Storage, report.errorMessage(), std::nullopt);
                } else {
                    outcome = news.outcome;
                    outcome.items = report->received;
                    outcome.changed = report->inserted + report->updated;
                }
            }
        }
        // Validators only from a body that was good: a 200 error page with an
        // ETag must not turn into "304, nothing new" next time.
        if (f.lastState == FeedState::Ok) {
            f.etag = result.etag;
            f.lastModified = result.lastModified;
        }
    }
    if (auto s = FeedStore(m_db).update(f); !s)
        return s.error();
    return outcome;
}

} // namespace tw
