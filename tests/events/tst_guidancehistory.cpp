#include "models/events/guidancehistory.h"
#include "models/pipeline/articleingestor.h"
#include "models/store/tickerstore.h"
#include "temporarystores.h"
#include "wirestory.h"

#include <QTest>

using namespace tw;

// The guidance history as the capex panel reads it, built by ingesting
// articles we wrote about a made-up company (ACME, so no real company's
// figures are invented): an initial guide, a raise, a restatement, a cut,
// and a reported actual.
class TestGuidanceHistory : public QObject {
    Q_OBJECT

    twtest::TemporaryStore m_store;

    static Article article(const QString &guid, const QString &title, const QString &body, const QDate &day)
    {
        return twtest::wireStory(guid, title, body, QDateTime(day, QTime(15, 0), Qt::UTC));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.open(QStringLiteral("g.db"), QStringLiteral("g")), qPrintable(m_store.errorString()));
        TickerInfo acme;
        acme.symbol = QStringLiteral("ACME");
        acme.name = QStringLiteral("Acme Robotics Corp.");
        acme.aliases = {QStringLiteral("Acme"), QStringLiteral("Acme Robotics")};
        QVERIFY(TickerStore(m_store.database()).upsert(acme).ok());

        const QList<Article> articles{
            article(QStringLiteral("g1"), QStringLiteral("Acme reports 2025 capex"),
                    QStringLiteral("Acme Robotics said its capital expenditure came to $8 billion in 2025."), QDate(2026, 1, 28)),
            article(QStringLiteral("g2"), QStringLiteral("Acme guides 2026 capex to $10 billion to $12 billion"),
                    QStringLiteral("Acme expects capital expenditure of $10 billion to $12 billion in 2026."), QDate(2026, 1, 28)),
            article(QStringLiteral("g3"), QStringLiteral("Acme lifts its spending plan"),
                    QStringLiteral("Acme raised its 2026 capex guidance to $12 billion to $14 billion on April 22, 2026."),
                    QDate(2026, 4, 23)),
            article(QStringLiteral("g4"), QStringLiteral("Acme sticks to its plan"),
                    QStringLiteral("Acme reaffirmed its 2026 capex outlook of $12 billion to $14 billion."), QDate(2026, 7, 29)),
            article(QStringLiteral("g5"), QStringLiteral("Acme trims spending"),
                    QStringLiteral("Acme cut its 2026 capex guidance to $11bn-$13bn as orders slowed."), QDate(2026, 10, 28)),
            article(QStringLiteral("g6"), QStringLiteral("Acme's busy quarter"),
                    QStringLiteral("The company also expects revenue of between €5 billion and €6 billion in 2026."),
                    QDate(2026, 10, 29)),
        };
        auto ingested = ArticleIngestor(m_store.database()).ingest(articles);
        QVERIFY2(ingested.ok(), qPrintable(ingested.ok() ? QString() : ingested.errorMessage()));
    }

    void verdictAgainstTheGuidedRange()
    {
        QCOMPARE(guidanceVerdict(115, 135, 128, true), QStringLiteral("guided 115\u2013135, reported 128: inside the range"));
        QCOMPARE(guidanceVerdict(115, 135, 112, true), QStringLiteral("guided 115\u2013135, reported 112: below the range"));
        QCOMPARE(guidanceVerdict(115, 135, 140.5, false), QStringLiteral("guided 115\u2013135, news says 140.5: above the range"));
        // A single figure is met within 1%.
        QCOMPARE(guidanceVerdict(75, 75, 75.5, true), QStringLiteral("guided 75, reported 75.5: inside the range"));
        QCOMPARE(guidanceVerdict(75, 75, 91.447, true), QStringLiteral("guided 75, reported 91.447: above the range"));
    }

    void capexHistoryInOrderWithRevisions()
    {
        auto figures = GuidanceHistory(m_store.database()).figures(QStringLiteral("ACME"), QStringLiteral("capex"));
        QVERIFY(figures.ok());
        QStringList lines;
        for (const GuidanceFigure &f : *figures)
            lines << QStringLiteral("%1 %2-%3 %4 %5 | %6").arg(f.period).arg(f.low).arg(f.high).arg(f.announced.display(),
                                                                                                 f.status, f.changeText());
        const QStringList expected{
            QStringLiteral("2025 8-8 2026-01-28 actual | "),
            QStringLiteral("2026 10-12 2026-01-28 initial | +3 billion (+37.5%) vs 2025 actual"),
            QStringLiteral("2026 12-14 2026-04-22 raised | +2 billion (+18.2%) vs 2026 guidance of 2026-01-28"),
            QStringLiteral("2026 12-14 2026-07-29 reaffirmed | 0 billion (0%) vs 2026 guidance of 2026-04-22"),
            QStringLiteral("2026 11-13 2026-10-28 cut | -1 billion (-7.7%) vs 2026 guidance of 2026-07-29"),
        };
        QCOMPARE(lines, expected);
    }

    void otherMetricsKeepTheirOwnHistory()
    {
        auto figures = GuidanceHistory(m_store.database()).figures(QStringLiteral("ACME"), QStringLiteral("revenue"));
        QVERIFY(figures.ok());
        QCOMPARE(figures->size(), 1);
        QCOMPARE(figures->first().currency, QStringLiteral("EUR"));
        QCOMPARE(figures->first().status, QStringLiteral("initial"));
        QVERIFY(figures->first().changeText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGuidanceHistory)
#include "tst_guidancehistory.moc"
