// SEC documents into the store: reported figures from company facts (checked
// by hand against the JSON), 8-K events merged with the news's in either
// order, EX-99.1 press releases as the company's articles, and the guidance
// history that puts guided ranges beside reported figures.
#include "feeds/ingest/secdocumentimporter.h"
#include "feeds/parsers/secformat.h"
#include "models/events/guidancehistory.h"
#include "models/filings/reportedfigures.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/eventstore.h"
#include "models/store/filingstore.h"
#include "models/store/reportedfigurestore.h"
#include "models/store/sqlexec.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"
#include "storedevents.h"
#include "temporarystores.h"
#include "testsupport.h"
#include "wirestory.h"

#include <QTest>

using namespace tw;

namespace {
using twtest::secBytes;
using twtest::wireStory;

const ReportedFigure *figure(const QList<ReportedFigure> &figures, const QString &metric, const QString &period)
{
    for (const ReportedFigure &f : figures) {
        if (f.metric == metric && f.period == period)
            return &f;
    }
    return nullptr;
}

ReportedFact fact(const char *start, const char *end, double value, const char *accession, const char *form,
                  const char *filed, int fy, const char *fp)
{
    ReportedFact f;
    f.conceptName = QStringLiteral("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment");
    f.unit = QStringLiteral("USD");
    f.start = QDate::fromString(QString::fromLatin1(start), Qt::ISODate);
    f.end = QDate::fromString(QString::fromLatin1(end), Qt::ISODate);
    f.value = value;
    f.accession = QString::fromLatin1(accession);
    f.form = QString::fromLatin1(form);
    f.filed = QDate::fromString(QString::fromLatin1(filed), Qt::ISODate);
    f.fiscalYear = fy;
    f.fiscalPeriod = QString::fromLatin1(fp);
    return f;
}
} // namespace

class TestSecIngest : public QObject {
    Q_OBJECT

    twtest::TemporaryStores m_stores;

    std::unique_ptr<StoreConnection> newStore() { return m_stores.open(); }

    static Result<SecImportOutcome> import(StoreConnection &store, const QString &relative, const QString &ticker = QString())
    {
        const QByteArray body = secBytes(relative);
        return SecDocumentImporter(store.database()).import(body, sniffSecFormat(body), relative, ticker);
    }

    static void addTicker(StoreConnection &store, const char *symbol, const char *name, QStringList aliases)
    {
        TickerInfo t;
        t.symbol = QString::fromLatin1(symbol);
        t.name = QString::fromLatin1(name);
        t.aliases = std::move(aliases);
        QVERIFY(TickerStore(store.database()).upsert(t).ok());
    }

private slots:
    void everySecFileIsRecognised_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::newRow("latest filings") << QStringLiteral("atom/getcurrent-all-1.atom") << int(SecFormat::FilingFeed);
        QTest::newRow("submissions") << QStringLiteral("submissions/CIK0001318605.json") << int(SecFormat::Submissions);
        QTest::newRow("full submission") << QStringLiteral("8-k/meta-2025-12-19/0001628280-25-058337.txt") << int(SecFormat::CurrentReport);
        QTest::newRow("8-K document") << QStringLiteral("8-k/other/Oracle.8-K.html") << int(SecFormat::CurrentReport);
        QTest::newRow("old 8-K document") << QStringLiteral("8-k/other/0001104659-03-004925.html") << int(SecFormat::CurrentReport);
        QTest::newRow("exhibit") << QStringLiteral("8-k/other/BuckleInc.8-K.EX99.1.html") << int(SecFormat::CurrentReport);
        QTest::newRow("company facts") << QStringLiteral("companyfacts/CIK0001045810.json") << int(SecFormat::CompanyFacts);
        QTest::newRow("company list is none") << QStringLiteral("company_tickers_exchange.json") << int(SecFormat::None);
        QTest::newRow("filing index page is none") << QStringLiteral("8-k/meta-2025-12-19/0001628280-25-058337-index.html")
                                                   << int(SecFormat::None);
    }

    void everySecFileIsRecognised()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QCOMPARE(int(sniffSecFormat(secBytes(file))), format);
    }

    void newsFeedsAreNotSec()
    {
        for (const char *f : {"rss/newsroom-wordpress.rss", "atom/blog-xmlbase.atom", "jsonfeed/microblog.json",
                              "newsapi/finnhub-company-news-meta.json", "prices/yahoo-chart-meta.json", "errors/yahoo-consent.html"})
            QCOMPARE(int(sniffSecFormat(twtest::readAll(twtest::fixture(QString::fromLatin1(f))))), int(SecFormat::None));
        QCOMPARE(int(sniffSecFormat(twtest::readAll(twtest::fixture(QStringLiteral("atom/edgar-meta-8k.atom"))))),
                 int(SecFormat::FilingFeed));
    }

    void alphabetCapexIsReportedFromItsTenK()
    {
        auto store = newStore();
        auto done = import(*store, QStringLiteral("companyfacts/CIK0001652044.json"), QStringLiteral("GOOGL"));
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
        QCOMPARE(done->report.ticker, QStringLiteral("GOOGL"));
        QVERIFY(done->report.newFacts > 100);
        auto figures = ReportedFigureStore(store->database()).figures(QStringLiteral("GOOGL"), QStringLiteral("capex"));
        QVERIFY(figures.ok());
        // Checked by hand in CIK0001652044.json, us-gaap:PaymentsToAcquirePropertyPlantAndEquipment.
        const ReportedFigure *y2024 = figure(*figures, QStringLiteral("capex"), QStringLiteral("2024"));
        QVERIFY(y2024);
        QCOMPARE(y2024->value, 52535000000.0);
        QCOMPARE(y2024->form, QStringLiteral("10-K"));
        QCOMPARE(y2024->filed, QDate(2025, 2, 5));   // first reported; the 2026 10-K repeats it unchanged
        QCOMPARE(y2024->accession, QStringLiteral("0001652044-25-000014"));
        QCOMPARE(y2024->revisions, 0);
        QCOMPARE(y2024->sourceText(), QStringLiteral("10-K filed 2025-02-05"));
        const ReportedFigure *y2025 = figure(*figures, QStringLiteral("capex"), QStringLiteral("2025"));
        QVERIFY(y2025);
        QCOMPARE(y2025->value, 91447000000.0);
        QCOMPARE(y2025->filed, QDate(2026, 2, 5));
        // Quarters: Q1 as filed, the others from the year-to-date figures.
        QCOMPARE(figure(*figures, QStringLiteral("capex"), QStringLiteral("2025-Q1"))->value, 17197000000.0);
        QVERIFY(!figure(*figures, QStringLiteral("capex"), QStringLiteral("2025-Q1"))->derived);
        QCOMPARE(figure(*figures, QStringLiteral("capex"), QStringLiteral("2025-Q2"))->value, 39643000000.0 - 17197000000.0);
        QVERIFY(figure(*figures, QStringLiteral("capex"), QStringLiteral("2025-Q2"))->derived);
        QCOMPARE(figure(*figures, QStringLiteral("capex"), QStringLiteral("2025-Q4"))->value, 91447000000.0 - 63596000000.0);
        QCOMPARE(figure(*figures, QStringLiteral("capex"), QStringLiteral("2026-Q1"))->value, 35674000000.0);
        // Revenue and total costs and expenses come along.
        auto all = ReportedFigureStore(store->database()).figures(QStringLiteral("GOOGL"), QString());
        QVERIFY(figure(*all, QStringLiteral("revenue"), QStringLiteral("2024")));
        QCOMPARE(figure(*all, QStringLiteral("expenses"), QStringLiteral("2024"))->conceptName, QStringLiteral("us-gaap:CostsAndExpenses"));

        // The guidance history lists them as actuals with their source.
        auto history = GuidanceHistory(store->database()).figures(QStringLiteral("GOOGL"), QStringLiteral("capex"));
        QVERIFY(history.ok());
        const auto line = std::find_if(history->cbegin(), history->cend(), [](const GuidanceFigure &f) { return f.period == QLatin1String("2025"); });
        QVERIFY(line != history->cend());
        QVERIFY(line->actual && line->reported);
        QCOMPARE(line->lowText(), QStringLiteral("91.447"));
        QCOMPARE(line->unit, QStringLiteral("billion"));
        QCOMPARE(line->currency, QStringLiteral("USD"));
        QCOMPARE(line->source, QStringLiteral("10-K filed 2026-02-05"));

        // The same file again changes nothing.
        auto again = import(*store, QStringLiteral("companyfacts/CIK0001652044.json"), QStringLiteral("GOOGL"));
        QVERIFY(again.ok());
        QCOMPARE(again->report.newFacts, 0);
        QCOMPARE(again->report.figureChanges.added, 0);
        QCOMPARE(again->report.figureChanges.changed, 0);
    }

    void theReportedFigureLandsAgainstTheLastGuidedRange()
    {
        auto store = newStore();
        addTicker(*store, "GOOGL", "Alphabet Inc.", {QStringLiteral("Alphabet"), QStringLiteral("Google")});
        // Guidance as the news gave it (Alphabet raised its 2025 range in
        // October 2025); the 10-K's 91.447 billion lands inside the last range.
        const QList<Article> news{
            wireStory(QStringLiteral("g-1"), QStringLiteral("Alphabet guides 2025 capex to $75 billion"),
                      QStringLiteral("Alphabet expects capital expenditure of $75 billion in 2025."),
                      QDateTime(QDate(2025, 2, 4), QTime(22, 0), Qt::UTC)),
            wireStory(QStringLiteral("g-2"), QStringLiteral("Alphabet raises 2025 capex guidance to $91 billion to $93 billion"),
                      QStringLiteral("Alphabet raised its 2025 capex guidance to $91 billion to $93 billion on October 29, 2025."),
                      QDateTime(QDate(2025, 10, 29), QTime(21, 0), Qt::UTC)),
        };
        QVERIFY(ArticleIngestor(store->database()).ingest(news).ok());
        QVERIFY(import(*store, QStringLiteral("companyfacts/CIK0001652044.json"), QStringLiteral("GOOGL")).ok());
        auto history = GuidanceHistory(store->database()).figures(QStringLiteral("GOOGL"), QStringLiteral("capex"));
        QVERIFY(history.ok());
        const auto actual = std::find_if(history->cbegin(), history->cend(), [](const GuidanceFigure &f) {
            return f.period == QLatin1String("2025") && f.actual && f.reported;
        });
        QVERIFY(actual != history->cend());
        QCOMPARE(actual->verdict, QStringLiteral("guided 91\u201393, reported 91.447: inside the range"));
        // 2024 had no guidance in the store: no verdict.
        const auto y2024 = std::find_if(history->cbegin(), history->cend(), [](const GuidanceFigure &f) {
            return f.period == QLatin1String("2024") && f.actual;
        });
        QVERIFY(y2024 != history->cend());
        QVERIFY(y2024->verdict.isEmpty());
    }

    void nvidiaNamesYearsAsItsTenKsDo()
    {
        auto store = newStore();
        auto done = import(*store, QStringLiteral("companyfacts/CIK0001045810.json"), QStringLiteral("NVDA"));
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
        auto figures = ReportedFigureStore(store->database()).figures(QStringLiteral("NVDA"), QStringLiteral("capex"));
        QVERIFY(figures.ok());
        // Checked by hand in CIK0001045810.json: NVIDIA tags capex as
        // PaymentsToAcquireProductiveAssets since fiscal 2013; fiscal 2026
        // ran 2025-01-27..2026-01-25, fiscal 2025 2024-01-29..2025-01-26.
        const ReportedFigure *fy2026 = figure(*figures, QStringLiteral("capex"), QStringLiteral("2026"));
        QVERIFY(fy2026);
        QCOMPARE(fy2026->value, 6042000000.0);
        QCOMPARE(fy2026->end, QDate(2026, 1, 25));
        QCOMPARE(fy2026->filed, QDate(2026, 2, 25));
        QCOMPARE(fy2026->conceptName, QStringLiteral("us-gaap:PaymentsToAcquireProductiveAssets"));
        const ReportedFigure *fy2025 = figure(*figures, QStringLiteral("capex"), QStringLiteral("2025"));
        QVERIFY(fy2025);
        QCOMPARE(fy2025->value, 3236000000.0);
        QCOMPARE(fy2025->filed, QDate(2025, 2, 26));
        // Property and equipment payments where NVIDIA still tagged them
        // (its 10-K for fiscal 2012 says fiscal year 2011: the name comes
        // from how most of its 10-Ks name their year).
        const ReportedFigure *fy2012 = figure(*figures, QStringLiteral("capex"), QStringLiteral("2012"));
        QVERIFY(fy2012);
        QCOMPARE(fy2012->value, 138735000.0);
        QCOMPARE(fy2012->conceptName, QStringLiteral("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"));
    }

    void companyFactsNeedATicker()
    {
        auto store = newStore();
        auto done = import(*store, QStringLiteral("companyfacts/CIK0001045810.json"));
        QVERIFY(!done.ok());
        QVERIFY2(done.errorMessage().contains(QLatin1String("--ticker")), qPrintable(done.errorMessage()));
        // A company whose filings the store knows needs none.
        QVERIFY(import(*store, QStringLiteral("submissions/CIK0001045810.json")).ok());
        auto known = import(*store, QStringLiteral("companyfacts/CIK0001045810.json"));
        QVERIFY2(known.ok(), qPrintable(known.ok() ? QString() : known.errorMessage()));
        QCOMPARE(known->report.ticker, QStringLiteral("NVDA"));
    }

    // A company the analyst added from the directory carries its CIK: its
    // facts need no --ticker (GOOGL and GOOG share Alphabet's; the watched one wins).
    void companyFactsOfAnAddedCompanyNeedNoTicker()
    {
        auto store = newStore();
        TickerInfo unwatched;
        unwatched.symbol = QStringLiteral("GOOG");
        unwatched.name = QStringLiteral("Alphabet");
        unwatched.cik = 1652044;
        unwatched.onWatchlist = false;
        QVERIFY(TickerStore(store->database()).upsert(unwatched).ok());
        TickerInfo watched = unwatched;
        watched.symbol = QStringLiteral("GOOGL");
        watched.onWatchlist = true;
        watched.position = 1;
        QVERIFY(TickerStore(store->database()).upsert(watched).ok());
        auto done = import(*store, QStringLiteral("companyfacts/CIK0001652044.json"));
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
        QCOMPARE(done->report.ticker, QStringLiteral("GOOGL"));
    }

    void theLatestFilingForAPeriodWinsAndTheHistoryStays()
    {
        const QList<ReportedFact> facts{
            fact("2024-01-01", "2024-12-31", 10e9, "0000000001-25-000001", "10-K", "2025-02-01", 2024, "FY"),
            fact("2024-01-01", "2024-12-31", 10.4e9, "0000000001-25-000009", "10-K/A", "2025-06-01", 2024, "FY"),
            fact("2024-01-01", "2024-12-31", 10.4e9, "0000000001-26-000001", "10-K", "2026-02-01", 2025, "FY"),
            fact("2025-01-01", "2025-12-31", 12e9, "0000000001-26-000001", "10-K", "2026-02-01", 2025, "FY"),
            // A registration statement repeating a figure does not count.
            fact("2025-01-01", "2025-12-31", 99e9, "0000000001-26-000005", "S-1", "2026-03-01", 2025, "FY"),
        };
        const QList<ReportedFigure> figures = ReportedFigureResolver::resolve(QStringLiteral("ACME"), facts);
        const ReportedFigure *y2024 = figure(figures, QStringLiteral("capex"), QStringLiteral("2024"));
        QVERIFY(y2024);
        QCOMPARE(y2024->value, 10.4e9);
        QCOMPARE(y2024->form, QStringLiteral("10-K/A"));
        QCOMPARE(y2024->filed, QDate(2025, 6, 1));
        QCOMPARE(y2024->revisions, 1);
        QCOMPARE(*y2024->previousValue, 10e9);
        QCOMPARE(y2024->sourceText(), QStringLiteral("10-K/A filed 2025-06-01, restated (was 10 billion USD)"));
        QCOMPARE(figure(figures, QStringLiteral("capex"), QStringLiteral("2025"))->value, 12e9);

        // Stored, the facts keep every filing's figure.
        auto store = newStore();
        ReportedFigureStore reported(store->database());
        QVERIFY(reported.addFacts(1, facts).ok());
        auto kept = reported.facts(1);
        QVERIFY(kept.ok());
        QCOMPARE(kept->size(), facts.size());
    }

    void metaEightKIsALeadershipEventWithTheFilingAsSource()
    {
        auto store = newStore();
        auto done = import(*store, QStringLiteral("8-k/meta-2025-12-19/0001628280-25-058337.txt"));
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
        QCOMPARE(done->report.ticker, QStringLiteral("META"));
        QCOMPARE(done->report.eventsCreated, 1);
        EventFilter filter;
        filter.ticker = QStringLiteral("META");
        auto events = EventStore(store->database()).query(filter);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
        const StoredEvent &e = events->first();
        QCOMPARE(int(e.event.kind), int(EventKind::Leadership));
        QCOMPARE(e.event.date.date, QDate(2025, 12, 19));
        QCOMPARE(e.event.title, QStringLiteral("META 8-K: director or officer change (Item 5.02)"));
        auto sources = FilingStore(store->database()).sourcesOf(e.id);
        QVERIFY(sources.ok());
        QCOMPARE(sources->size(), 1);
        QCOMPARE(sources->first().accession, QStringLiteral("0001628280-25-058337"));
        QCOMPARE(sources->first().items, QStringLiteral("5.02"));
        QCOMPARE(sources->first().indexUrl,
                 QStringLiteral("https://www.sec.gov/Archives/edgar/data/1326801/000162828025058337/0001628280-25-058337-index.htm"));
        QVERIFY(sources->first().firstSentence.contains(QLatin1String("Dina Powell McCormick notified Meta Platforms")));

        // Again, and from the main document alone: still one event, one filing.
        QVERIFY(import(*store, QStringLiteral("8-k/meta-2025-12-19/0001628280-25-058337.txt")).ok());
        auto alone = import(*store, QStringLiteral("8-k/meta-2025-12-19/meta-20251219.htm"));
        QVERIFY2(alone.ok(), qPrintable(alone.ok() ? QString() : alone.errorMessage()));
        QCOMPARE(EventStore(store->database()).query(filter)->size(), 1);
        // The listing in a feed adds nothing either and keeps the item's text.
        Filing listed;
        listed.accession = QStringLiteral("0001628280-25-058337");
        listed.cik = 1326801;
        listed.form = QStringLiteral("8-K");
        listed.filed = QDate(2025, 12, 19);
        listed.items << FilingItem{QStringLiteral("5.02"), QString(), QString()};
        QVERIFY(FilingIngestor(store->database()).ingestListed({listed}).ok());
        QCOMPARE(EventStore(store->database()).query(filter)->size(), 1);
        auto kept = FilingStore(store->database()).byAccession(listed.accession);
        QVERIFY(kept.ok() && kept->has_value());
        QVERIFY((*kept)->filing.items.first().text.contains(QLatin1String("Dina Powell McCormick")));
    }

    void aFilingConfirmsTheNewsAndTheNewsJoinsAFiling_data()
    {
        QTest::addColumn<bool>("newsFirst");
        QTest::newRow("news, then the 8-K") << true;
        QTest::newRow("the 8-K, then news") << false;
    }

    void aFilingConfirmsTheNewsAndTheNewsJoinsAFiling()
    {
        QFETCH(bool, newsFirst);
        auto store = newStore();
        addTicker(*store, "JPM", "JPMorgan Chase & Co.", {QStringLiteral("JPMorgan Chase"), QStringLiteral("JPMorgan")});
        // Our sentence about the appointment the 8-K reports.
        const QList<Article> news{wireStory(QStringLiteral("jpm-1"), QStringLiteral("JPMorgan names Doug Petno co-president"),
                                            QStringLiteral("JPMorgan Chase named Doug Petno co-president of the firm on June 25, 2026."),
                                            QDateTime(QDate(2026, 6, 25), QTime(14, 0), Qt::UTC))};
        const auto ingestNews = [&] { QVERIFY(ArticleIngestor(store->database()).ingest(news).ok()); };
        if (newsFirst)
            ingestNews();
        auto filed = import(*store, QStringLiteral("8-k/jpm-2026-06-24/0000019617-26-000241.txt"));
        QVERIFY2(filed.ok(), qPrintable(filed.ok() ? QString() : filed.errorMessage()));
        if (newsFirst)
            QCOMPARE(filed->report.eventsConfirmed, 1);
        else
            ingestNews();
        auto events = twtest::eventsOf(store->database(), QStringLiteral("JPM"), EventKind::Leadership);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
        const StoredEvent &e = events->first();
        QCOMPARE(e.sources, 1);   // the article
        QCOMPARE(FilingStore(store->database()).sourcesOf(e.id)->size(), 1);   // and the filing
        QCOMPARE(e.event.date.date, QDate(2026, 6, 24));   // the filing's date of the event
        QVERIFY(e.event.confidence >= 0.95);
        // The image-only press release is not an article.
        QVERIFY(filed->skipped.join(QLatin1Char('\n')).contains(QLatin1String("no press release text")));
    }

    void pressReleasesAreTheCompanysArticles()
    {
        auto store = newStore();
        addTicker(*store, "BKE", "The Buckle, Inc.", {QStringLiteral("Buckle")});
        QVERIFY(import(*store, QStringLiteral("8-k/other/BuckleInc.8-K.html")).ok());
        auto unnamed = import(*store, QStringLiteral("8-k/other/BuckleInc.8-K.EX99.1.html"));
        QVERIFY(unnamed.ok());
        QCOMPARE(unnamed->report.pressReleases, 0);
        QVERIFY(unnamed->skipped.join(QLatin1Char('\n')).contains(QLatin1String("give --ticker")));
        auto release = import(*store, QStringLiteral("8-k/other/BuckleInc.8-K.EX99.1.html"), QStringLiteral("BKE"));
        QVERIFY2(release.ok(), qPrintable(release.ok() ? QString() : release.errorMessage()));
        QCOMPARE(release->report.pressReleases, 1);
        QCOMPARE(release->report.articlesInserted, 1);
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("SELECT a.title, a.source, a.author, t.ticker FROM articles a "
                                      "JOIN article_tickers t ON t.article_id = a.id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("THE BUCKLE, INC. REPORTS THIRD QUARTER NET INCOME"));
        const QString company = q.value(1).toString();
        QVERIFY2(company.contains(QLatin1String("BUCKLE"), Qt::CaseInsensitive), qPrintable(company));
        QCOMPARE(q.value(2).toString(), company);
        QCOMPARE(q.value(3).toString(), QStringLiteral("BKE"));
    }

    void filingFeedsAndSubmissionsStoreOneFilingEach()
    {
        auto store = newStore();
        auto feed = import(*store, QStringLiteral("atom/getcurrent-all-1.atom"));
        QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.errorMessage()));
        QCOMPARE(feed->items, 63);
        QCOMPARE(*queryScalar(store->database(), QStringLiteral("SELECT count(*) FROM filings")), qint64(63));
        auto submissions = import(*store, QStringLiteral("submissions/CIK0000789019.json"));
        QVERIFY(submissions.ok());
        QCOMPARE(submissions->report.ticker, QStringLiteral("MSFT"));
        QCOMPARE(*queryScalar(store->database(), QStringLiteral("SELECT count(*) FROM filings WHERE ticker = 'MSFT'")), qint64(1002));
        // Each 8-K reports its events: MSFT's results (2.02) among them.
        QVERIFY(*queryScalar(store->database(), QStringLiteral("SELECT count(*) FROM events WHERE ticker = 'MSFT' AND kind = 'results'")) > 10);
        auto again = import(*store, QStringLiteral("submissions/CIK0000789019.json"));
        QVERIFY(again.ok());
        QCOMPARE(again->report.newFilings, 0);
        QCOMPARE(again->report.eventsCreated, 0);
    }
};

QTEST_GUILESS_MAIN(TestSecIngest)
#include "tst_secingest.moc"
