#include "models/demo/demoworkspace.h"

#include "models/alerts/alertevaluator.h"
#include "models/alerts/defaultalertrules.h"
#include "models/core/storetime.h"
#include "models/demo/syntheticquotes.h"
#include "models/directory/watchlistentry.h"
#include "models/pipeline/articleingestor.h"
#include "models/scoring/scorewriter.h"
#include "models/sentiment/headlinemodel.h"
#include "models/sentiment/sentimentscorer.h"
#include "models/store/quotestore.h"
#include "models/store/sqlexec.h"
#include "models/store/tickerstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tw {

namespace {
Result<QJsonObject> readJsonResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Missing bundled resource %1").arg(path));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull())
        return fail(QStringLiteral("Bundled resource %1 is not valid JSON: %2").arg(path, error.errorString()));
    return doc.object();
}

QList<SyntheticSeriesSpec> demoSeries()
{
    // Starting prices and shocks are synthetic; only the direction and size of
    // META's 2026-04-08 move (~+9%) follow the reported facts.
    SyntheticSeriesSpec meta{QStringLiteral("META"), QStringLiteral("America/New_York"), 350.0, 0.18, 0.32,
                             16'000'000, 20260408, {{QDate(2026, 4, 8), 8.8}}};
    SyntheticSeriesSpec googl{QStringLiteral("GOOGL"), QStringLiteral("America/New_York"), 140.0, 0.12, 0.28,
                              28'000'000, 1001, {{QDate(2026, 4, 8), 3.1}}};
    SyntheticSeriesSpec msft{QStringLiteral("MSFT"), QStringLiteral("America/New_York"), 370.0, 0.10, 0.24,
                             22'000'000, 1002, {{QDate(2026, 4, 8), 2.4}}};
    SyntheticSeriesSpec nvda{QStringLiteral("NVDA"), QStringLiteral("America/New_York"), 48.0, 0.30, 0.45,
                             300'000'000, 1003, {{QDate(2026, 4, 8), 4.0}}};
    SyntheticSeriesSpec amzn{QStringLiteral("AMZN"), QStringLiteral("America/New_York"), 150.0, 0.12, 0.30,
                             45'000'000, 1004, {{QDate(2026, 4, 8), 2.9}}};
    return {meta, googl, msft, nvda, amzn};
}
} // namespace

QDate DemoWorkspace::syntheticSeriesEnd()
{
    return QDate(2026, 11, 20);
}

Result<QList<TickerInfo>> DemoWorkspace::defaultTickers()
{
    auto json = readJsonResource(QStringLiteral(":/workspace/tickers.json"));
    if (!json)
        return json.error();
    QList<TickerInfo> tickers = WatchlistEntry::curatedFrom(*json);
    for (qsizetype i = 0; i < tickers.size(); ++i)
        tickers[i].position = int(i);
    return tickers;
}

Result<QList<Article>> DemoWorkspace::articles()
{
    auto json = readJsonResource(QStringLiteral(":/demo/articles.json"));
    if (!json)
        return json.error();
    QList<Article> result;
    for (const auto &value : json->value(QStringLiteral("articles")).toArray()) {
        const QJsonObject o = value.toObject();
        Article a;
        a.guid = o.value(QStringLiteral("guid")).toString();
        a.url = o.value(QStringLiteral("url")).toString();
        a.title = o.value(QStringLiteral("title")).toString();
        a.summary = o.value(QStringLiteral("summary")).toString();
        a.body = o.value(QStringLiteral("body")).toString();
        a.author = o.value(QStringLiteral("author")).toString();
        a.source = o.value(QStringLiteral("source")).toString();
        a.published = QDateTime::fromString(o.value(QStringLiteral("published")).toString(), Qt::ISODate).toUTC();
        // A fixed fetch time keeps a demo store identical from run to run.
        a.fetched = a.published;
        result << a;
    }
    return result;
}

// The demo arrives in one batch, so without this its companies would have a
// single score point: a year of weekly scores gives the chart's overlay a line.
Status backfillScoreHistory(QSqlDatabase db, const QList<TickerInfo> &tickers)
{
    constexpr qint64 weekMs = 7LL * 24 * 3600 * 1000;
    auto scoring = BuiltInScoring::load();
    if (!scoring)
        return scoring.error();
    const EntityLinker linker(tickers);
    ScoreWriter writer(db, *scoring->sentences, linker, scoring->headlines);   // the ingest path's model version
    auto latest = writer.storeAsOf();
    if (!latest)
        return latest.error();
    if (*latest <= 0)
        return {};
    QStringList symbols;
    for (const TickerInfo &t : tickers)
        symbols << t.symbol;
    if (auto written = writer.backfillCorporateHistory(symbols, *latest - 52 * weekMs, *latest, weekMs); !written)
        return written.error();
    return {};
}

Result<DemoLoadReport> DemoWorkspace::load(QSqlDatabase db)
{
    DemoLoadReport report;
    auto tickers = defaultTickers();
    if (!tickers)
        return tickers.error();
    {
        Transaction tx(db);
        TickerStore tickerStore(db);
        for (const TickerInfo &t : *tickers) {
            auto existing = tickerStore.bySymbol(t.symbol);
            if (!existing)
                return existing.error();
            if (existing->has_value())
                continue;  // the analyst may have edited aliases: keep theirs
            if (auto s = tickerStore.upsert(t); !s)
                return s.error();
            ++report.tickers;
        }
        if (auto s = tx.commit(); !s)
            return s.error();
    }

    // Before the articles, so the demo's own news fires the default rules.
    auto rulesAdded = DefaultAlertRules::install(db);
    if (!rulesAdded)
        return rulesAdded.error();
    report.alertRulesAdded = *rulesAdded;

    auto demoArticles = articles();
    if (!demoArticles)
        return demoArticles.error();
    auto ingested = ArticleIngestor(db).ingest(*demoArticles);
    if (!ingested)
        return ingested.error();
    report.articlesInserted = ingested->inserted;
    report.articlesUnchanged = ingested->unchanged;

    Transaction tx(db);
    if (auto history = backfillScoreHistory(db, *tickers); !history)
        return history.error();
    QuoteStore quotes(db);
    for (const SyntheticSeriesSpec &spec : demoSeries()) {
        for (const QuoteBar &bar : generateSyntheticBars(spec, QDate(2024, 1, 2), syntheticSeriesEnd())) {
            auto changed = quotes.upsert(bar);
            if (!changed)
                return changed.error();
            report.quoteBarsChanged += *changed ? 1 : 0;
        }
    }
    if (auto s = tx.commit(); !s)
        return s.error();

    auto fired = AlertEvaluator(db).evaluate(nowUtc());
    if (!fired)
        return fired.error();
    report.alertsFired = int(fired->size());
    return report;
}

} // namespace tw
