#include "models/demo/demoworkspace.h"
#include "models/demo/syntheticquotes.h"
#include "models/store/quotestore.h"
#include "models/store/sqlexec.h"
#include "temporarystores.h"

#include <QTest>

using namespace tw;

class TestDemoWorkspace : public QObject {
    Q_OBJECT

private slots:
    void loadsOnceAndOnlyOnce()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("s.db"), QStringLiteral("t")), qPrintable(store.errorString()));
        auto first = DemoWorkspace::load(store.database());
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.errorMessage()));
        QVERIFY(first->articlesInserted >= 25);
        QVERIFY(first->quoteBarsChanged > 500);
        auto second = DemoWorkspace::load(store.database());
        QVERIFY(second.ok());
        QCOMPARE(second->articlesInserted, 0);
        QCOMPARE(second->quoteBarsChanged, 0);
        QCOMPARE(*queryScalar(store.database(), QStringLiteral("SELECT count(*) FROM quotes WHERE source <> 'demo'")),
                 qint64(0));
    }

    void syntheticSeriesIsDeterministicAndShowsTheLaunchDayMove()
    {
        SyntheticSeriesSpec spec;
        spec.ticker = QStringLiteral("META");
        spec.seed = 42;
        spec.shocks = {{QDate(2026, 4, 8), 8.8}};
        const auto a = generateSyntheticBars(spec, QDate(2026, 1, 1), QDate(2026, 6, 30));
        const auto b = generateSyntheticBars(spec, QDate(2026, 1, 1), QDate(2026, 6, 30));
        QCOMPARE(a.size(), b.size());
        for (int i = 0; i < a.size(); ++i)
            QCOMPARE(a[i].close, b[i].close);
        for (int i = 1; i < a.size(); ++i) {
            QVERIFY(a[i].tradingDate.dayOfWeek() <= 5);
            QVERIFY(a[i].low <= std::min(a[i].open, a[i].close));
            QVERIFY(a[i].high >= std::max(a[i].open, a[i].close));
            if (a[i].tradingDate == QDate(2026, 4, 8))
                QVERIFY(std::abs(a[i].close / a[i - 1].close - 1.088) < 0.001);
        }
        // The bar's instant is midnight New York time, whatever the local zone.
        QCOMPARE(a.first().timestamp.toUTC().time(), QTime(5, 0));
    }
};

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
