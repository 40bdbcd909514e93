#include "models/backtest/eventstudy.h"
#include "models/store/storeconnection.h"
#include "studystore.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace tw;
using twtest::PlantedEvent;
using twtest::StudyStoreGenerator;
using twtest::StudyStoreSpec;

namespace {

const CarCurve *curveOf(const EventStudyResult &r, EventKind kind, const QString &sentiment)
{
    for (const CarCurve &c : r.curves)
        if (c.kind == kind && c.sentiment == sentiment)
            return &c;
    return nullptr;
}

// Guidance moves the price 5% on day 0 in the direction of its articles;
// launches move nothing. Ten tickers, two years.
StudyStoreSpec plantedEvents()
{
    StudyStoreSpec spec;
    spec.tickers = 10;
    spec.strength = 0;               // no daily signal: only the events
    spec.articlesPerSession = 0.2;
    spec.marketVolatility = 0.015;
    spec.benchmark = QStringLiteral("MKT");
    for (int k = 0; k < spec.tickers; ++k) {
        for (int e = 0; e < 6; ++e) {
            spec.events << PlantedEvent{k, 150 + e * 55 + k, EventKind::Guidance, e % 2 == 0 ? 1 : -1, 0.05};
            spec.events << PlantedEvent{k, 170 + e * 55 + k, EventKind::Launch, e % 3 == 0 ? -1 : 1, 0.0};
        }
    }
    return spec;
}

} // namespace

// The event study on a generated store with planted abnormal returns, then
// the command on it and on the demo workspace.
class TestEventStudy : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<StoreConnection> m_store;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("events.db"));
        auto store = StoreConnection::open(m_path, QStringLiteral("events"));
        if (!store)
            QFAIL(qPrintable(store.errorMessage()));
        m_store = std::move(*store);
        const auto s = StudyStoreGenerator(plantedEvents()).write(m_store->database());
        QVERIFY2(s, qPrintable(s.errorMessage()));
    }

    void plantedJumpsShowInTheCarWithTheirSign()
    {
        EventStudyOptions options;
        options.benchmark = QStringLiteral("MKT");
        auto r = EventStudy(m_store->database()).run(options);
        if (!r)
            QFAIL(qPrintable(r.errorMessage()));
        QCOMPARE(r->eventsFound, 120);
        QCOMPARE(r->eventsUsed, 120);
        QVERIFY(r->method().startsWith(QStringLiteral("benchmark-adjusted")));

        const CarCurve *up = curveOf(*r, EventKind::Guidance, QStringLiteral("positive"));
        const CarCurve *down = curveOf(*r, EventKind::Guidance, QStringLiteral("negative"));
        const CarCurve *all = curveOf(*r, EventKind::Guidance, QStringLiteral("all"));
        QVERIFY(up && down && all);
        QCOMPARE(up->n, 30);
        QCOMPARE(down->n, 30);
        QCOMPARE(all->n, 60);
        QCOMPARE(up->points.size(), 16);
        QCOMPARE(up->points.first().day, -5);
        // Before day 0: nothing; from day 0: the planted 5%, inside the band.
        for (const CarCurve *c : {up, down}) {
            // "Within noise": closer than the band's full width (about four
            // standard errors) to what was planted.
            const CarPoint *before = c->at(-1);
            QVERIFY(std::abs(before->mean) < before->high - before->low);
            const double planted = c == up ? 0.05 : -0.05;
            for (int d : {0, 5, 10}) {
                const CarPoint *p = c->at(d);
                QVERIFY2(std::abs(p->mean - planted) < p->high - p->low,
                         qPrintable(QStringLiteral("day %1: %2 [%3, %4]").arg(d).arg(p->mean).arg(p->low).arg(p->high)));
                QVERIFY(c == up ? p->low > 0 : p->high < 0);
            }
        }
        const CarPoint *mixed = all->at(10);
        QVERIFY(std::abs(mixed->mean) < mixed->high - mixed->low);
        const CarCurve *launch = curveOf(*r, EventKind::Launch, QStringLiteral("all"));
        QCOMPARE(launch->n, 60);
        QVERIFY(std::abs(launch->at(10)->mean) < launch->at(10)->high - launch->at(10)->low);
        // Kinds with no events are listed with N = 0 and no points.
        const CarCurve *legal = curveOf(*r, EventKind::Legal, QStringLiteral("all"));
        QVERIFY(legal && legal->n == 0 && legal->points.isEmpty());
    }

    void withoutABenchmarkReturnsAreMeanAdjusted()
    {
        EventStudyOptions options;
        options.kinds = {EventKind::Guidance};
        options.firstDay = -2;
        options.lastDay = 3;
        auto r = EventStudy(m_store->database()).run(options);
        QVERIFY(r);
        QVERIFY(r->method().startsWith(QStringLiteral("mean-adjusted")));
        QCOMPARE(r->curves.size(), 3);
        const CarCurve *up = curveOf(*r, EventKind::Guidance, QStringLiteral("positive"));
        QCOMPARE(up->points.size(), 6);
        // The market's noise stays in: wider, but still around the planted 5%.
        QVERIFY(std::abs(up->at(0)->mean - 0.05) < up->at(0)->high - up->at(0)->low);
        QVERIFY(up->at(0)->low > 0);
        // Events before 120 sessions of history are mean-adjusted all the same
        // when 30 returns exist; none here is that early.
        QCOMPARE(r->eventsUsed, 60);
    }

    void commandPrintsCarsAndSaysWhich()
    {
        // Closed first: a new store's header reaches the file at the checkpoint.
        m_store.reset();
        const auto r = twtest::runCli({QStringLiteral("--store"), m_path, QStringLiteral("event-study"),
                                       QStringLiteral("--kind"), QStringLiteral("guidance"), QStringLiteral("--window"),
                                       QStringLiteral("-5,10"), QStringLiteral("--benchmark"), QStringLiteral("MKT")},
                                      m_dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("benchmark-adjusted")));
        const QRegularExpression line(
            QStringLiteral("^car_guidance_positive: (-?\\d\\.\\d{4}) lo: (-?\\d\\.\\d{4}) hi: (-?\\d\\.\\d{4}) n: 30$"),
            QRegularExpression::MultilineOption);
        const auto m = line.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(m.captured(2).toDouble() > 0);
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^car_guidance: "), QRegularExpression::MultilineOption)));
        QVERIFY(!r.out.contains(QStringLiteral("car_launch")));

        const auto bad = twtest::runCli({QStringLiteral("--store"), m_path, QStringLiteral("event-study"),
                                         QStringLiteral("--kind"), QStringLiteral("rumour")},
                                        m_dir.path());
        QCOMPARE(bad.exitCode, 2);
        const auto window = twtest::runCli({QStringLiteral("--store"), m_path, QStringLiteral("event-study"),
                                            QStringLiteral("--window"), QStringLiteral("3,10")},
                                           m_dir.path());
        QCOMPARE(window.exitCode, 2);
    }

    void demoWorkspaceRunsAndSaysItsPricesAreSynthetic()
    {
        const QString store = m_dir.filePath(QStringLiteral("demo.db"));
        const auto r = twtest::runCli({QStringLiteral("--demo"), QStringLiteral("--store"), store,
                                       QStringLiteral("event-study")},
                                      m_dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("# NOTE: prices are synthetic")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("mean-adjusted")));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("^car_\\w+: "), QRegularExpression::MultilineOption)));
    }
};

QTEST_GUILESS_MAIN(TestEventStudy)
#include "tst_eventstudy.moc"
