#include "models/demo/demoworkspace.h"
#include "models/events/eventrebuilder.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/eventstore.h"
#include "models/store/sqlexec.h"
#include "storedevents.h"
#include "temporarystores.h"

#include <QTest>

using namespace tw;

// Merging across articles and the demo workspace's events, end to end
// through the ingest path.
class TestEventMerger : public QObject {
    Q_OBJECT

    twtest::TemporaryStore m_store;

    QSqlDatabase db() const { return m_store.database(); }

    QList<StoredEvent> events(const QString &ticker, EventKind kind) const
    {
        auto found = twtest::eventsOf(db(), ticker, kind);
        return found ? *found : QList<StoredEvent>{};
    }

    QStringList sourceGuids(qint64 eventId) const
    {
        QStringList guids;
        auto sources = EventStore(db()).sources(eventId);
        if (sources)
            for (const EventSource &s : *sources)
                guids << s.guid;
        guids.sort();
        return guids;
    }

    static QStringList demoGuids(std::initializer_list<int> numbers)
    {
        QStringList guids;
        for (int n : numbers)
            guids << QStringLiteral("demo-%1").arg(n, 4, 10, QLatin1Char('0'));
        return guids;
    }

    qint64 count(const QString &table) const { return *queryScalar(db(), QStringLiteral("SELECT count(*) FROM %1").arg(table)); }

    static QString describe(const QList<StoredEvent> &list)
    {
        QStringList lines;
        for (const StoredEvent &e : list)
            lines << QStringLiteral("%1 %2 %3 (%4)").arg(e.event.date.display(), eventKindId(e.event.kind), e.event.title)
                         .arg(e.sources);
        return lines.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.openDemo(QStringLiteral("m.db"), QStringLiteral("m")), qPrintable(m_store.errorString()));
    }

    void museSparkLaunchIsOneEventFromSeveralReports()
    {
        const auto launches = events(QStringLiteral("META"), EventKind::Launch);
        const auto muse = std::find_if(launches.cbegin(), launches.cend(),
                                       [](const StoredEvent &e) { return e.event.subject == QLatin1String("muse spark"); });
        QVERIFY2(muse != launches.cend(), qPrintable(describe(launches)));
        QCOMPARE(std::count_if(launches.cbegin(), launches.cend(),
                               [](const StoredEvent &e) { return e.event.subject == QLatin1String("muse spark"); }),
                 1);
        QCOMPARE(muse->event.date.display(), QStringLiteral("2026-04-08"));
        QCOMPARE(muse->event.date.basis, DateBasis::Text);
        QCOMPARE(sourceGuids(muse->id), demoGuids({16, 17, 18, 19, 20, 21, 23, 24}));
        QVERIFY(muse->confidence() > muse->event.confidence);
    }

    void capexGuidanceIsOneEventWithItsRange()
    {
        const auto guidance = events(QStringLiteral("META"), EventKind::Guidance);
        QCOMPARE(guidance.size(), 1);
        const StoredEvent &g = guidance.first();
        QCOMPARE(g.event.metric, QStringLiteral("capex"));
        QCOMPARE(*g.event.amount.low, 115.0);
        QCOMPARE(*g.event.amount.high, 135.0);
        QCOMPARE(g.event.amount.unit, QStringLiteral("billion"));
        QCOMPARE(g.event.amount.currency, QStringLiteral("USD"));
        QCOMPARE(g.event.amount.period, QStringLiteral("2026"));
        QCOMPARE(g.event.date.display(), QStringLiteral("2026-04-08"));
        QCOMPARE(sourceGuids(g.id), demoGuids({17, 18, 19, 20, 32}));
    }

    void scaleAiDealIsDatedJune2025()
    {
        const auto deals = events(QStringLiteral("META"), EventKind::Deal);
        QCOMPARE(deals.size(), 1);
        const StoredEvent &d = deals.first();
        QCOMPARE(d.event.date.display(), QStringLiteral("2025-06"));
        QCOMPARE(d.event.date.precision, DatePrecision::Month);
        QCOMPARE(d.event.subject, QStringLiteral("scale ai"));
        QCOMPARE(d.event.amount.display(), QStringLiteral("14.3 billion USD"));
        QCOMPARE(sourceGuids(d.id), demoGuids({8, 9, 10, 26}));
    }

    void ninePercentMoveIsOneEvent()
    {
        const auto moves = events(QStringLiteral("META"), EventKind::PriceMove);
        QCOMPARE(moves.size(), 1);
        QCOMPARE(moves.first().event.date.display(), QStringLiteral("2026-04-08"));
        QCOMPARE(*moves.first().event.amount.low, 9.0);
        QCOMPARE(sourceGuids(moves.first().id), demoGuids({18, 19, 20}));
    }

    void articlesWithoutEventsAreNoSource()
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT a.guid FROM event_sources s JOIN articles a ON a.id = s.article_id")));
        QStringList sources;
        while (q.next())
            sources << q.value(0).toString();
        for (const QString &guid : demoGuids({2, 3, 12, 27, 30, 31, 33}))
            QVERIFY2(!sources.contains(guid), qPrintable(guid));
    }

    void loadingAgainChangesNothing()
    {
        const qint64 eventsBefore = count(QStringLiteral("events"));
        const qint64 sourcesBefore = count(QStringLiteral("event_sources"));
        QVERIFY(DemoWorkspace::load(db()).ok());
        QCOMPARE(count(QStringLiteral("events")), eventsBefore);
        QCOMPARE(count(QStringLiteral("event_sources")), sourcesBefore);
    }

    void rebuildingFromStoredArticlesGivesTheSameEvents()
    {
        auto listing = [this] {
            QStringList lines;
            auto all = EventStore(db()).query({});
            for (const StoredEvent &e : *all)
                lines << QStringLiteral("%1 %2 %3 %4 %5").arg(e.event.date.display(), eventKindId(e.event.kind), e.event.title,
                                                             e.event.amount.display(), sourceGuids(e.id).join(QLatin1Char(',')));
            return lines;
        };
        const QStringList before = listing();
        auto rebuilt = EventRebuilder(db()).rebuild();
        QVERIFY(rebuilt.ok());
        QCOMPARE(rebuilt->events, int(before.size()));
        QCOMPARE(listing(), before);
    }

    void aCorrectedArticleReplacesWhatItSaid()
    {
        auto demo = DemoWorkspace::articles();
        QVERIFY(demo.ok());
        Article a = *std::find_if(demo->cbegin(), demo->cend(),
                                  [](const Article &x) { return x.guid == QLatin1String("demo-0019"); });
        const qint64 eventsBefore = count(QStringLiteral("events"));
        const qint64 sourcesBefore = count(QStringLiteral("event_sources"));

        // The same article with a harmless correction: same events, same sources.
        a.body += QStringLiteral("\n\nCorrection: an earlier version misspelled an analyst's name.");
        auto updated = ArticleIngestor(db()).ingest({a});
        QVERIFY(updated.ok());
        QCOMPARE(updated->updated, 1);
        QCOMPARE(count(QStringLiteral("events")), eventsBefore);
        QCOMPARE(count(QStringLiteral("event_sources")), sourcesBefore);

        // Stripped of its text: it no longer supports any event, and events
        // it alone reported are gone.
        a.title = QStringLiteral("Market wrap");
        a.summary.clear();
        a.body = QStringLiteral("Stocks were mixed.");
        QVERIFY(ArticleIngestor(db()).ingest({a}).ok());
        const auto moves = events(QStringLiteral("META"), EventKind::PriceMove);
        QCOMPARE(moves.size(), 1);
        QCOMPARE(sourceGuids(moves.first().id), demoGuids({18, 20}));
        QVERIFY(count(QStringLiteral("event_sources")) < sourcesBefore);
    }

    void separateReportsOfDifferentFiguresStayApart()
    {
        Article first;
        first.guid = QStringLiteral("t-1");
        first.title = QStringLiteral("Nvidia shares jump 6% on Monday");
        first.published = QDateTime(QDate(2026, 6, 1), QTime(21, 0), Qt::UTC);
        first.fetched = first.published;
        Article later = first;
        later.guid = QStringLiteral("t-2");
        later.title = QStringLiteral("Nvidia shares fall 4% on Thursday");
        later.published = QDateTime(QDate(2026, 6, 4), QTime(21, 0), Qt::UTC);
        Article again = first;
        again.guid = QStringLiteral("t-3");
        again.title = QStringLiteral("Nvidia stock jumped 6.2% on Monday as chip demand held");
        again.published = QDateTime(QDate(2026, 6, 2), QTime(9, 0), Qt::UTC);
        auto ingested = ArticleIngestor(db()).ingest({first, later, again});
        QVERIFY(ingested.ok());
        QCOMPARE(ingested->newEventIds.size(), 2);
        const auto moves = events(QStringLiteral("NVDA"), EventKind::PriceMove);
        QCOMPARE(moves.size(), 2);
        QCOMPARE(moves[0].event.date.display(), QStringLiteral("2026-06-01"));
        QCOMPARE(moves[0].sources, 2);
        QCOMPARE(moves[1].event.date.display(), QStringLiteral("2026-06-04"));
        QCOMPARE(*moves[1].event.amount.low, -4.0);
    }

    // A headline's raise and its body's plain statement of the same figure
    // are one guidance event; a reaffirmation months later is its own.
    void aRaiseAndItsRestatementAreOneGuidance()
    {
        Article raise;
        raise.guid = QStringLiteral("g-1");
        raise.title = QStringLiteral("Nvidia lifts its 2026 capital expenditure outlook to $9 billion to $11 billion");
        raise.summary = QStringLiteral("Nvidia now expects 2026 capital expenditures of $9 billion to $11 billion, "
                                       "up from its earlier outlook.");
        raise.published = QDateTime(QDate(2026, 5, 27), QTime(21, 0), Qt::UTC);
        raise.fetched = raise.published;
        Article reaffirm = raise;
        reaffirm.guid = QStringLiteral("g-2");
        reaffirm.title = QStringLiteral("Nvidia reaffirms its 2026 capital expenditure outlook of $9 billion to $11 billion");
        reaffirm.summary.clear();
        reaffirm.published = QDateTime(QDate(2026, 8, 26), QTime(21, 0), Qt::UTC);
        reaffirm.fetched = reaffirm.published;
        QVERIFY(ArticleIngestor(db()).ingest({raise, reaffirm}).ok());
        QList<StoredEvent> capex;
        for (const StoredEvent &e : events(QStringLiteral("NVDA"), EventKind::Guidance))
            if (e.event.metric == QLatin1String("capex"))
                capex << e;
        QVERIFY2(capex.size() == 2, qPrintable(describe(capex)));
        QVERIFY2(capex[0].event.title.contains(QLatin1String("raises")), qPrintable(describe(capex)));
        QVERIFY2(capex[1].event.title.contains(QLatin1String("reaffirms")), qPrintable(describe(capex)));
    }
};

QTEST_GUILESS_MAIN(TestEventMerger)
#include "tst_eventmerger.moc"
