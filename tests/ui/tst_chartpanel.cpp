// The chart and capex panels as an analyst uses them (#23.5, #23.6, #20.2):
// event marks by kind with a tooltip and a click that selects the event in
// the timeline, round price ticks, trading days without weekend gaps, no
// score where the news is insufficient, capex labels that do not collide,
// and the Help page. On the demo workspace as the pipeline scores it.
#include "feeds/ingest/secdocumentimporter.h"
#include "feeds/parsers/secformat.h"
#include "models/pipeline/articleingestor.h"
#include "models/read/corporatescorereader.h"
#include "models/read/eventreader.h"
#include "models/store/quotestore.h"
#include "onscreen.h"
#include "settingssandbox.h"
#include "temporarystores.h"
#include "ui/dialogs/helpdialog.h"
#include "ui/panels/capexpanel.h"
#include "ui/panels/chartpanel.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/timelinepanel.h"
#include "ui/theme/apptheme.h"
#include "ui/theme/themecolors.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QChartView>
#include <QDockWidget>
#include <QFile>
#include <QTableWidget>
#include <QTest>
#include <QToolTip>
#include <QListWidget>
#include <QTextBrowser>
#include <QTreeWidget>

#include <cmath>

using namespace tw;

namespace {
// For docs/screenshots (TW_SCREENSHOT_DIR=dir): `panel` as drawn in the light
// and the dark theme, saved as `path`-light.png and `path`-dark.png.
bool saveLightAndDark(QWidget &panel, const QString &path)
{
    const bool light = panel.grab().save(path + QStringLiteral("-light.png"));
    AppTheme::apply(ThemeChoice::Dark);
    QTest::qWait(50);
    const bool dark = panel.grab().save(path + QStringLiteral("-dark.png"));
    AppTheme::apply(ThemeChoice::Light);
    QTest::qWait(50);
    return light && dark;
}

// META chosen in the watchlist before the chart is made, as the window does it.
class MetaSelected : public SelectionModel {
public:
    MetaSelected() { setTicker(QStringLiteral("META")); }
};
} // namespace

class TestChartPanel : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_chartpanel")};
    twtest::TemporaryStore m_store;

    QSqlDatabase db() const { return m_store.database(); }

    static int markerOf(const ChartPanel &chart, const QString &kind)
    {
        for (int i = 0; i < chart.markers().size(); ++i) {
            if (chart.markers().at(i).event.kind == kind)
                return i;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.openDemo(QStringLiteral("demo.db"), QStringLiteral("chart")),
                 qPrintable(m_store.errorString()));
    }

    void cleanupTestCase() { m_store.close(); }

    void markersAreLetteredByKindWithALegend()
    {
        MetaSelected selection;
        ChartPanel chart(db(), &selection);
        chart.setRange(ChartPanel::Range::All);
        auto events = EventReader(db()).events(QStringLiteral("META"), 2000);
        QVERIFY(events.ok());
        auto bars = QuoteStore(db()).bars(QStringLiteral("META"), QDate(1900, 1, 1), QDate(2100, 1, 1));
        QVERIFY(bars.ok() && !bars->isEmpty());
        int inRange = 0;
        for (const EventRow &e : std::as_const(*events))
            inRange += e.firstDay() >= bars->constFirst().tradingDate && e.firstDay() <= bars->constLast().tradingDate;
        QVERIFY(inRange >= 8);
        QCOMPARE(chart.eventMarkerCount(), inRange);   // one mark per event, none merged away
        QStringList kinds;
        for (const ChartEventMarker &m : chart.markers()) {
            if (!kinds.contains(m.event.kind))
                kinds << m.event.kind;
        }
        QVERIFY(kinds.size() >= 3);
        const QStringList legend = chart.legendTexts();
        for (const QString &kind : std::as_const(kinds))
            QVERIFY2(legend.contains(eventKindStyle(kind).name), qPrintable(legend.join(QLatin1Char('|'))));
        QVERIFY(legend.contains(QStringLiteral("no line: insufficient news")));
        // Distinct letters and colours for the kinds drawn.
        QSet<QChar> letters;
        QSet<QRgb> colors;
        for (const QString &kind : std::as_const(kinds)) {
            letters.insert(eventKindStyle(kind).letter);
            colors.insert(eventKindStyle(kind).color.rgb());
        }
        QCOMPARE(letters.size(), kinds.size());
        QCOMPARE(colors.size(), kinds.size());
    }

    void hoveringAMarkerShowsTheEvent()
    {
        MetaSelected selection;
        ChartPanel chart(db(), &selection);
        QVERIFY(twtest::shownAt(chart, {1000, 560}));
        chart.setRange(ChartPanel::Range::Y1);
        const int i = markerOf(chart, QStringLiteral("guidance"));
        QVERIFY(i >= 0);
        const EventRow &e = chart.markers().at(i).event;
        auto *view = chart.findChild<QChartView *>();
        QTest::mouseMove(view->viewport(), chart.markerPosition(i) + QPoint(30, 30));   // near, not on it
        QTest::mouseMove(view->viewport(), chart.markerPosition(i));
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(e.title.toHtmlEscaped()), qPrintable(tip));
        QVERIFY2(tip.contains(e.amountText()), qPrintable(tip));               // "$115–135 billion"
        QVERIFY2(tip.contains(QStringLiteral("%1 sources: ").arg(e.sourceCount)), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Guidance")), qPrintable(tip));
        // Moving off every mark hides it.
        QTest::mouseMove(view->viewport(), QPoint(view->viewport()->width() / 2, view->viewport()->height() - 20));
        QTRY_VERIFY(!QToolTip::isVisible());
    }

    void clickingAMarkerSelectsTheEventInTheTimeline()
    {
        MetaSelected selection;
        ChartPanel chart(db(), &selection);
        TimelinePanel timeline(db(), &selection);
        QVERIFY(twtest::shownAt(chart, {1000, 560}));
        chart.setRange(ChartPanel::Range::All);
        QVERIFY(!chart.focusLineShown());
        const int i = markerOf(chart, QStringLiteral("deal"));
        QVERIFY(i >= 0);
        const ChartEventMarker m = chart.markers().at(i);
        auto *view = chart.findChild<QChartView *>();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, chart.markerPosition(i));
        QCOMPARE(selection.eventId(), m.eventId);
        QVERIFY(timeline.events()->currentItem());
        QCOMPARE(timeline.events()->currentItem()->text(1), m.event.title);
        QVERIFY(timeline.sources()->count() > 0);   // as if the row had been clicked
        QVERIFY(chart.focusLineShown());
        // The read-out moves to the event's trading day (the first on or after its date).
        const QDate shown = QDate::fromString(chart.readout().left(10), Qt::ISODate);
        QVERIFY2(shown >= m.date && shown <= m.date.addDays(4), qPrintable(chart.readout()));
        if (const QString dir = qEnvironmentVariable("TW_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(20);
            QVERIFY(chart.grab().save(dir + QStringLiteral("/chart-selected-event.png")));
        }

        // The dashed line goes when the selection does: cleared in the timeline...
        timeline.selectEvent(0);
        QCOMPARE(selection.eventId(), qint64(0));
        QVERIFY(!chart.focusLineShown());
        // ...and when another ticker is chosen.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, chart.markerPosition(i));
        QVERIFY(chart.focusLineShown());
        selection.setTicker(QStringLiteral("GOOGL"));
        QVERIFY(!selection.focusDate().isValid());
        QVERIFY(!chart.focusLineShown());
        QVERIFY(!timeline.events()->currentItem());
    }

    void priceTicksFallOnRoundValues()
    {
        MetaSelected selection;
        ChartPanel chart(db(), &selection);
        for (auto range : {ChartPanel::Range::M1, ChartPanel::Range::M3, ChartPanel::Range::Y1, ChartPanel::Range::All}) {
            chart.setRange(range);
            const double step = chart.priceTickInterval();
            const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
            const double mantissa = step / magnitude;
            QVERIFY2(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 2.5) < 1e-9
                         || std::abs(mantissa - 5) < 1e-9,
                     qPrintable(QString::number(step)));
            const QList<double> ticks = chart.priceTicks();
            QVERIFY2(ticks.size() >= 3 && ticks.size() <= 8, qPrintable(QString::number(ticks.size())));
            for (double t : ticks) {
                const double k = t / step;
                QVERIFY2(std::abs(k - std::round(k)) < 1e-6, qPrintable(QString::number(t)));
            }
        }
    }

    void tradingDaysSitSideBySideWithoutWeekendGaps()
    {
        MetaSelected selection;
        ChartPanel chart(db(), &selection);
        QVERIFY(twtest::shownAt(chart, {1000, 560}));
        chart.setRange(ChartPanel::Range::M1);
        QVERIFY(chart.candleCount() >= 19);
        auto bars = chart.exportQuery();
        QVERIFY(bars.ok());
        // Every neighbouring pair of bars is the same distance apart, a
        // Friday and the Monday after included.
        const int step = chart.barX(1) - chart.barX(0);
        QVERIFY(step > 5);
        for (int i = 1; i < chart.candleCount(); ++i)
            QVERIFY2(std::abs(chart.barX(i) - chart.barX(i - 1) - step) <= 1, qPrintable(QString::number(i)));
        QVERIFY(!chart.timeAxisLabels().isEmpty());
        if (const QString dir = qEnvironmentVariable("TW_SCREENSHOT_DIR"); !dir.isEmpty()) {
            for (auto range : {ChartPanel::Range::M1, ChartPanel::Range::M6, ChartPanel::Range::All}) {
                chart.setRange(range);
                QTest::qWait(20);   // the chart lays its axes out on the next pass
                QVERIFY(chart.grab().save(QStringLiteral("%1/chart-%2.png").arg(dir).arg(int(range))));
            }
        }
    }

    void noScoreIsDrawnWhereThereIsNoEvidence()
    {
        MetaSelected selection;
        ChartPanel chart(db(), &selection);
        chart.setRange(ChartPanel::Range::All);
        const QList<QDate> drawn = chart.scoreDays();
        QVERIFY(!drawn.isEmpty());
        auto days = CorporateScoreReader(db()).daily(QStringLiteral("META"), QStringLiteral("medium"),
                                                     QDate(2020, 1, 1), QDate(2026, 12, 31));
        QVERIFY(days.ok());
        auto bars = QuoteStore(db()).bars(QStringLiteral("META"), QDate(1900, 1, 1), QDate(2100, 1, 1));
        QVERIFY(bars.ok());
        QSet<QDate> tradingDays;
        for (const QuoteBar &b : std::as_const(*bars))
            tradingDays.insert(b.tradingDate);
        QSet<QDate> withEvidence;
        QDate withoutEvidence;
        for (const DailyCorporateScore &d : std::as_const(*days)) {
            if (d.hasEvidence)
                withEvidence.insert(d.day);
            else if (d.newestStoryUtc > 0 && tradingDays.contains(d.day) && !withoutEvidence.isValid())
                withoutEvidence = d.day;   // the first trading day whose news is too old or too thin
        }
        for (const QDate &d : drawn)
            QVERIFY2(withEvidence.contains(d), qPrintable(d.toString(Qt::ISODate)));
        QVERIFY(withoutEvidence.isValid());
        QVERIFY(!drawn.contains(withoutEvidence));
        QVERIFY(chart.scoreGapCount() >= 1);   // a line that stops, not one drawn at 50

        // The read-out gives the score of the day under the cursor and its as-of.
        chart.showReadoutAt(QDateTime(withoutEvidence, QTime(15, 0), Qt::UTC));
        QVERIFY2(chart.readout().contains(
                     QStringLiteral("Score — insufficient news as of %1").arg(withoutEvidence.toString(Qt::ISODate))),
                 qPrintable(chart.readout()));
        const QDate scored = drawn.constLast();
        chart.showReadoutAt(QDateTime(scored, QTime(15, 0), Qt::UTC));
        QVERIFY2(chart.readout().contains(QStringLiteral(" as of %1 (").arg(scored.toString(Qt::ISODate))),
                 qPrintable(chart.readout()));
        QVERIFY2(chart.readout().contains(QStringLiteral("stories, newest ")), qPrintable(chart.readout()));
    }

    void capexLabelsDoNotOverlapAndAreNotCut_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1366x768 dock") << QSize(380, 300);
        QTest::newRow("narrow") << QSize(300, 260);
        QTest::newRow("1600x1000 dock") << QSize(700, 420);
    }

    void capexLabelsDoNotOverlapAndAreNotCut()
    {
        QFETCH(QSize, size);
        MetaSelected selection;
        CapexPanel capex(db(), &selection);
        QVERIFY(twtest::shownAt(capex, size));
        QCoreApplication::processEvents();
        const QStringList texts = capex.labelTexts();
        QVERIFY2(texts.contains(QStringLiteral("$115–135B range\nmid $125B")), qPrintable(texts.join(QLatin1Char('|'))));
        const QList<QRectF> labels = capex.labelRects();
        const QList<QRectF> figures = capex.figureRects();
        const QRectF chart = capex.chartRect();
        QVERIFY(!labels.isEmpty() && !figures.isEmpty());
        for (int i = 0; i < labels.size(); ++i) {
            QVERIFY2(chart.contains(labels.at(i)), qPrintable(texts.at(i)));
            for (const QRectF &f : figures)
                QVERIFY2(!labels.at(i).intersects(f), qPrintable(texts.at(i)));
            for (int j = i + 1; j < labels.size(); ++j)
                QVERIFY(!labels.at(i).intersects(labels.at(j)));
        }
        if (const QString dir = qEnvironmentVariable("TW_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(saveLightAndDark(capex, QStringLiteral("%1/capex-%2x%3").arg(dir).arg(size.width()).arg(size.height())));
    }

    // Alphabet's real company facts (a decade of 10-K figures) and the news of
    // its last 2025 guidance: the chart shows the last four years, where the
    // guidance meets the 10-K and says the verdict; the table keeps every
    // year, newest first.
    void capexChartsTheRecentYearsOfALongHistory()
    {
        QFile facts(QStringLiteral(TW_SHARED_DATA_DIR "/sec/companyfacts/CIK0001652044.json"));
        QVERIFY(facts.open(QIODevice::ReadOnly));
        const QByteArray body = facts.readAll();
        auto imported = SecDocumentImporter(db()).import(body, sniffSecFormat(body), facts.fileName(), QStringLiteral("GOOGL"));
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.errorMessage()));
        Article guide;
        guide.guid = QStringLiteral("capex-googl-2025-10");
        guide.title = QStringLiteral("Alphabet lifts its 2025 capital expenditure outlook to $91 billion to $93 billion");
        guide.published = QDateTime(QDate(2025, 10, 29), QTime(21, 10), Qt::UTC);
        guide.fetched = guide.published;
        QVERIFY(ArticleIngestor(db()).ingest({guide}).ok());

        SelectionModel selection;
        selection.setTicker(QStringLiteral("GOOGL"));
        CapexPanel capex(db(), &selection);
        QVERIFY(twtest::shownAt(capex, {700, 420}));
        QCOMPARE(capex.table()->item(0, 0)->text(), QStringLiteral("2025"));   // the 10-K's figure, newest first
        QVERIFY(capex.table()->rowCount() >= 13);                              // 2013 to 2025 and the guidance
        const QStringList texts = capex.labelTexts();
        QCOMPARE(texts.size(), 5);   // 2022, 2023, 2024, the 2025 guidance and the 2025 10-K
        QVERIFY2(texts.contains(QStringLiteral("$91.4B \u00b7 inside the range")), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY2(texts.contains(QStringLiteral("$52.5B")), qPrintable(texts.join(QLatin1Char('|'))));   // 2024
        if (const QString dir = qEnvironmentVariable("TW_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(saveLightAndDark(capex, dir + QStringLiteral("/capex-reported-googl-700x420")));
    }

    void theCapexDockIsTitledWithOneAmpersand()
    {
        MainWindow window(QStringLiteral("/tmp/none.db"));
        QCOMPARE(window.dock<CapexPanel>()->windowTitle(), QStringLiteral("Capex & guidance"));
        QCOMPARE(window.dock<CapexPanel>()->toggleViewAction()->text(), QStringLiteral("Capex && guidance"));
        auto *help = window.findChild<QAction *>(QStringLiteral("helpAction"));
        QVERIFY(help);
        QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
        help->trigger();
        auto *dialog = window.findChild<HelpDialog *>();
        QVERIFY(dialog && dialog->isVisible());
    }

    void theHelpPageExplainsTheThreeScales()
    {
        const QString html = HelpDialog::pageHtml();
        for (const char *needle : {"−1 to +1", "0 to 100", "Somewhat bullish", "55–64", "65–100", "0–34",
                                    "insufficient news", "stories"})
            QVERIFY2(html.contains(QString::fromUtf8(needle)), needle);
        HelpDialog dialog;
        QVERIFY(dialog.browser()->toPlainText().contains(QStringLiteral("Somewhat bullish")));
    }
};

QTEST_MAIN(TestChartPanel)
#include "tst_chartpanel.moc"
