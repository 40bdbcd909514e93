#include "models/export/csvexport.h"
#include "onscreen.h"
#include "studystore.h"
#include "temporarystores.h"
#include "testsupport.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/signalcharts.h"
#include "ui/panels/signalpanel.h"

#include <QBuffer>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace tw;

// The Signal panel: its three figures on the demo workspace, the empty
// states that say what is missing, a watchlist computed off the GUI thread,
// and its Ctrl+E export.
class TestSignalPanel : public QObject {
    Q_OBJECT

    twtest::TemporaryStore m_demo;
    twtest::TemporaryStore m_empty;
    twtest::TemporaryStore m_study;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_demo.openDemo(QStringLiteral("demo.db"), QStringLiteral("signal-demo")),
                 qPrintable(m_demo.errorString()));
        QVERIFY2(m_empty.open(QStringLiteral("empty.db"), QStringLiteral("signal-empty")),
                 qPrintable(m_empty.errorString()));
        QVERIFY2(m_study.open(QStringLiteral("study.db"), QStringLiteral("signal-study")),
                 qPrintable(m_study.errorString()));
        twtest::StudyStoreSpec spec;
        spec.tickers = SignalPanel::kInlineTickers + 2;
        spec.from = QDate(2023, 1, 2);
        spec.to = QDate(2023, 12, 29);
        spec.events << twtest::PlantedEvent{0, 100, EventKind::Deal, 1, 0.04}
                    << twtest::PlantedEvent{1, 120, EventKind::Deal, -1, 0.04};
        QVERIFY(twtest::StudyStoreGenerator(spec).write(m_study.database()).ok());
    }

    void cleanupTestCase()
    {
        m_demo.close();
        m_empty.close();
        m_study.close();
    }

    void demoTickerShowsAllThreeFiguresAndSaysThePricesAreSynthetic()
    {
        SelectionModel selection;
        SignalPanel panel(m_demo.database(), &selection);
        QVERIFY(panel.emptyMessage().contains(QStringLiteral("Select a ticker")));
        selection.setTicker(QStringLiteral("META"));
        QVERIFY2(panel.emptyMessage().isEmpty(), qPrintable(panel.emptyMessage()));
        QCOMPARE(panel.icChart()->windows().size(), 3);
        QVERIFY(panel.icChart()->windows().first().level.n > 100);
        // Bearish … Bullish, then the sessions the scorer calls "Insufficient news".
        const QList<LabelReturn> byLabel = panel.labelChart()->returns();
        QVERIFY(byLabel.size() == 5 || byLabel.size() == 6);
        QCOMPARE(byLabel.first().label, QStringLiteral("Bearish"));
        QCOMPARE(byLabel.at(4).label, QStringLiteral("Bullish"));
        if (byLabel.size() == 6)
            QCOMPARE(byLabel.last().label, insufficientNewsLabel());
        QVERIFY(!panel.carChart()->curves().isEmpty());
        QVERIFY(panel.figures().syntheticPrices());
        const auto *banner = panel.findChild<QLabel *>(QStringLiteral("syntheticBanner"));
        QVERIFY(banner && !banner->isHidden());
        QVERIFY(banner->text().contains(QStringLiteral("mean nothing")));
        const auto *method = panel.findChild<QLabel *>(QStringLiteral("signalMethod"));
        QVERIFY(method->text().contains(QStringLiteral("Newey")));
        QVERIFY(method->text().contains(QStringLiteral("mean-adjusted")));
        // It paints (the figures, not a placeholder).
        panel.resize(900, 600);
        const QPixmap shot = panel.grab();
        QVERIFY(!shot.isNull());
        // TW_PANEL_SHOTS=DIR keeps the image to look at (as tst_panels does).
        if (qEnvironmentVariableIsSet("TW_PANEL_SHOTS"))
            QVERIFY(shot.save(qEnvironmentVariable("TW_PANEL_SHOTS") + QStringLiteral("/signal.png")));
        QVERIFY(panel.icChart()->placeholder().isEmpty());
    }

    void emptyStatesSayWhatIsMissing()
    {
        SelectionModel selection;
        SignalPanel empty(m_empty.database(), &selection);
        selection.setTicker(QStringLiteral("META"));
        QVERIFY2(empty.emptyMessage().contains(QStringLiteral("No daily bars for META")), qPrintable(empty.emptyMessage()));
        QVERIFY(!empty.exportQuery().ok());

        // Prices and news, but three weeks of them: too few days for an IC.
        twtest::TemporaryStore shortStore;
        QVERIFY2(shortStore.open(QStringLiteral("short.db"), QStringLiteral("short")),
                 qPrintable(shortStore.errorString()));
        twtest::StudyStoreSpec spec;
        spec.tickers = 1;
        spec.from = QDate(2024, 3, 4);
        spec.to = QDate(2024, 3, 22);
        QVERIFY(twtest::StudyStoreGenerator(spec).write(shortStore.database()).ok());
        {
            SignalPanel few(shortStore.database(), &selection);
            selection.setTicker(QStringLiteral("T000"));
            QVERIFY2(few.emptyMessage().startsWith(QStringLiteral("Too few days")), qPrintable(few.emptyMessage()));
            QVERIFY(few.emptyMessage().contains(QStringLiteral("Widen the date range")));
        }

        SignalPanel demo(m_demo.database(), &selection);
        selection.setTicker(QStringLiteral("NOPE"));
        QVERIFY2(demo.emptyMessage().contains(QStringLiteral("No daily bars for NOPE")), qPrintable(demo.emptyMessage()));
    }

    void aWatchlistIsComputedOffTheGuiThread()
    {
        SelectionModel selection;
        SignalPanel panel(m_study.database(), &selection);
        QSignalSpy computed(&panel, &SignalPanel::computed);
        panel.setScope(SignalPanel::Scope::Watchlist);
        QVERIFY(panel.isComputing());
        QVERIFY(panel.emptyMessage().contains(QStringLiteral("Testing the score on 12 tickers")));
        QVERIFY(computed.wait(60000));
        QVERIFY2(panel.emptyMessage().isEmpty(), qPrintable(panel.emptyMessage()));
        QCOMPARE(panel.figures().backtest.tickers.size(), 12);
        QVERIFY(panel.figures().backtest.pooled.first().level.value > 0.05);   // the generator plants a signal
        QVERIFY(!panel.figures().syntheticPrices());
        QCOMPARE(panel.carChart()->curves().size(), 1);   // deals: the only kind with events
        QTRY_VERIFY(!panel.isComputing());
    }

    // A desk-like study: a weak next-session signal planted in the news
    // (the generator's returns follow the sign of the day's articles), and
    // events of six kinds with a jump on day 0 in the direction of their
    // articles. All three figures show it: a positive 1-session IC whose 95%
    // bar stays above zero and fades for longer windows, CAR curves with
    // bands, and Bullish sessions followed by better returns than Bearish
    // ones. TW_SCREENSHOT_DIR=dir saves the panel at 1600x1000
    // (docs/screenshots/signal-1600x1000.png).
    void aPlantedSignalShowsInAllThreeFigures()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("desk.db"), QStringLiteral("signal-desk")), qPrintable(store.errorString()));
        twtest::StudyStoreSpec spec;
        spec.tickers = 24;
        spec.from = QDate(2023, 1, 2);
        spec.to = QDate(2024, 12, 31);
        spec.articlesPerSession = 0.8;
        spec.strength = 0.2;
        spec.marketVolatility = 0.008;
        spec.benchmark = QStringLiteral("BENCH");
        const EventKind kinds[] = {EventKind::Launch, EventKind::Guidance, EventKind::Deal,
                                   EventKind::Leadership, EventKind::Legal, EventKind::Ranking};
        for (int k = 0; k < spec.tickers; ++k)
            for (int e = 0; e < 6; ++e)
                spec.events << twtest::PlantedEvent{k, 140 + 55 * e + k % 11, kinds[(k + e) % 6], (k + e) % 3 ? 1 : -1,
                                                    0.025};
        QVERIFY(twtest::StudyStoreGenerator(spec).write(store.database()).ok());

        SelectionModel selection;
        SignalPanel panel(store.database(), &selection);
        QSignalSpy computed(&panel, &SignalPanel::computed);
        panel.setScope(SignalPanel::Scope::Watchlist);
        QVERIFY(computed.wait(120000));
        QVERIFY2(panel.emptyMessage().isEmpty(), qPrintable(panel.emptyMessage()));
        const QList<WindowStats> &ic = panel.icChart()->windows();
        QCOMPARE(ic.size(), 3);
        QCOMPARE(ic.first().days, 1);
        QVERIFY2(ic.first().level.low95() > 0, qPrintable(QString::number(ic.first().level.low95())));
        QVERIFY(ic.first().level.value > std::abs(ic.last().level.value));
        QCOMPARE(panel.carChart()->curves().size(), 6);
        for (const CarCurve &c : panel.carChart()->curves()) {
            QVERIFY(c.n >= 20);
            QVERIFY(std::isfinite(c.points.last().low) && c.points.last().low < c.points.last().mean);
        }
        const QList<LabelReturn> byLabel = panel.labelChart()->returns();
        QCOMPARE(byLabel.first().label, QStringLiteral("Bearish"));
        QCOMPARE(byLabel.at(4).label, QStringLiteral("Bullish"));
        QVERIFY(byLabel.first().n > 0 && byLabel.at(4).n > 0);
        QVERIFY(byLabel.at(4).mean > byLabel.first().mean);
        QVERIFY(!panel.figures().syntheticPrices());
        QTRY_VERIFY(!panel.isComputing());

        if (const QString dir = qEnvironmentVariable("TW_SCREENSHOT_DIR"); !dir.isEmpty()) {
            panel.resize(1600, 1000);
            panel.QWidget::show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            QTest::qWait(50);
            QVERIFY(panel.grab().save(dir + QStringLiteral("/signal-1600x1000.png")));
        }
    }

    void aDockedPanelOutOfSightComputesWhenShown()
    {
        // In the window the panel is a tab behind the timeline: the store's
        // refreshes and ticker changes only mark it stale until it is shown.
        SelectionModel selection;
        QWidget host;
        auto *panel = new SignalPanel(m_demo.database(), &selection, &host);
        QSignalSpy computed(panel, &SignalPanel::computed);
        selection.setTicker(QStringLiteral("META"));
        panel->reload();
        QCOMPARE(computed.size(), 0);
        QVERIFY(panel->figures().request.tickers.isEmpty());
        QVERIFY(twtest::shownAt(host, {900, 600}));
        QCOMPARE(computed.size(), 1);
        QCOMPARE(panel->figures().request.tickers, QStringList{QStringLiteral("META")});
        QVERIFY2(panel->emptyMessage().isEmpty(), qPrintable(panel->emptyMessage()));
        // On screen it follows the selection at once.
        selection.setTicker(QStringLiteral("NVDA"));
        QCOMPARE(computed.size(), 2);
        QCOMPARE(panel->figures().request.tickers, QStringList{QStringLiteral("NVDA")});
    }

    void exportWritesTheFiguresShown()
    {
        SelectionModel selection;
        SignalPanel panel(m_demo.database(), &selection);
        selection.setTicker(QStringLiteral("META"));
        auto query = panel.exportQuery();
        QVERIFY(query.ok());
        QCOMPARE(panel.exportName(), QStringLiteral("signal-META.csv"));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto written = CsvExport(m_demo.database(), {}).writeTo(&buffer, *query);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.errorMessage()));
        const QStringList lines = QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("view,series,x,value,low_95,high_95,n"));
        // Demo prices: the file says so before any figure.
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("note,prices are synthetic")), qPrintable(lines.at(1)));
        QCOMPARE(qint64(lines.size() - 1), CsvExport(m_demo.database(), {}).countRows(*query).value());
        const WindowStats &day = panel.figures().backtest.pooled.first();
        const QString icRow = lines.filter(QStringLiteral("ic,level,1d,")).value(0);
        QVERIFY2(icRow.section(QLatin1Char(','), 6, 6) == QString::number(day.level.n), qPrintable(icRow));
        QVERIFY(std::abs(icRow.section(QLatin1Char(','), 3, 3).toDouble() - day.level.value) < 1e-9);
        QVERIFY(!lines.filter(QStringLiteral("mean_forward_return,Bullish,5d,")).isEmpty());
        QVERIFY(!lines.filter(QRegularExpression(QStringLiteral("^car,\\w[\\w-]*/all,-5,"))).isEmpty());
    }
};

QTEST_MAIN(TestSignalPanel)
#include "tst_signalpanel.moc"
