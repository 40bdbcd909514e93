// View > Theme (#23.11): Light, Dark and Follow the system switch the
// application's palette (Fusion), the chart follows it, the choice is
// remembered, and every text colour of both themes passes WCAG AA.
#include "models/events/eventtypes.h"
#include "models/store/storeconnection.h"
#include "settingssandbox.h"
#include "ui/panels/badge.h"
#include "ui/panels/chartpanel.h"
#include "ui/panels/selectionmodel.h"
#include "ui/theme/apptheme.h"
#include "ui/theme/themecolors.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QSettings>
#include <QSignalSpy>
#include <QProxyStyle>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

class TestTheme : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    twtest::SettingsSandbox m_settings{QStringLiteral("tst_theme")};

private slots:
    void textPassesWcagAA_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void textPassesWcagAA()
    {
        QFETCH(bool, dark);
        const ThemeColors &c = dark ? ThemeColors::dark() : ThemeColors::light();
        QCOMPARE(c.isDark, dark);
        const QList<std::tuple<const char *, QColor, QColor>> pairs{
            {"text on base", c.text, c.base},
            {"text on alternate rows", c.text, c.alternateBase},
            {"window text", c.windowText, c.window},
            {"button text", c.buttonText, c.button},
            {"selected text", c.highlightedText, c.highlight},
            {"tooltip", c.toolTipText, c.toolTipBase},
            {"placeholder", c.placeholderText, c.base},
            {"placeholder on window", c.placeholderText, c.window},
            {"muted", c.mutedText, c.base},
            {"link", c.link, c.base},
            {"up figure", c.upText, c.base},
            {"down figure", c.downText, c.base},
            {"positive text", c.positiveText, c.base},
            {"negative text", c.negativeText, c.base},
            {"neutral text", c.neutralText, c.base},
            {"positive badge", c.badgeText, c.badgePositive},
            {"negative badge", c.badgeText, c.badgeNegative},
            {"neutral badge", c.badgeText, c.badgeNeutral},
            {"positive highlight", c.highlightPositiveText, c.highlightPositiveBackground},
            {"negative highlight", c.highlightNegativeText, c.highlightNegativeBackground},
            {"axis labels", c.axisText, c.chartBackground},
            {"score axis labels", c.scoreLine, c.chartBackground},
            {"synthetic label", c.warningText, c.warningBackground},
        };
        for (const auto &[what, fg, bg] : pairs) {
            const double ratio = contrastRatio(fg, bg);
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                                                  .arg(QString::fromLatin1(what), fg.name(), bg.name())
                                                  .arg(ratio, 0, 'f', 2)));
        }
        // The palette handed to Fusion carries the same colours.
        const QPalette p = c.palette();
        QCOMPARE(p.color(QPalette::Text), c.text);
        QCOMPARE(p.color(QPalette::Base), c.base);
        QCOMPARE(p.color(QPalette::PlaceholderText), c.placeholderText);
    }

    void eventKindLettersAreLegible()
    {
        for (const QString &kind : allEventKindIds()) {
            const double ratio = contrastRatio(Qt::white, eventKindStyle(kind).color);
            QVERIFY2(ratio >= 4.5, qPrintable(kind));
        }
        QVERIFY(contrastRatio(Qt::white, eventKindStyle(QStringLiteral("some-new-kind")).color) >= 4.5);
        QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
    }

    void switchingThemeChangesThePaletteAndIsRemembered()
    {
        auto store = StoreConnection::open(m_dir.filePath(QStringLiteral("empty.db")), QStringLiteral("theme"));
        QVERIFY(store.ok());
        SelectionModel selection;
        ChartPanel chart((*store)->database(), &selection);
        auto *view = chart.findChild<QChartView *>();

        ThemeMenu menu;
        QSignalSpy changed(&menu, &ThemeMenu::themeChanged);
        menu.actionFor(ThemeChoice::Dark)->trigger();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(QApplication::palette().color(QPalette::Window), ThemeColors::dark().window);
        auto *style = qobject_cast<QProxyStyle *>(QApplication::style());
        QVERIFY(style);
        QCOMPARE(style->baseStyle()->name().toLower(), QStringLiteral("fusion"));
        QVERIFY(ThemeColors::current().isDark);
        QCOMPARE(sentimentTextColor(QStringLiteral("positive")), ThemeColors::dark().positiveText);
        // Widgets hear of the new palette through posted events.
        QTRY_COMPARE(view->chart()->backgroundBrush().color(), ThemeColors::dark().chartBackground);
        QCOMPARE(QSettings().value(QLatin1String(AppTheme::kSettingsKey)).toString(), QStringLiteral("dark"));
        QCOMPARE(AppTheme::saved(), ThemeChoice::Dark);   // what the next start applies
        QVERIFY(menu.actionFor(ThemeChoice::Dark)->isChecked());

        menu.actionFor(ThemeChoice::Light)->trigger();
        QCOMPARE(QApplication::palette().color(QPalette::Window), ThemeColors::light().window);
        QTRY_COMPARE(view->chart()->backgroundBrush().color(), ThemeColors::light().chartBackground);
        QCOMPARE(AppTheme::saved(), ThemeChoice::Light);
        QVERIFY(menu.actionFor(ThemeChoice::Light)->isChecked());
        QVERIFY(!menu.actionFor(ThemeChoice::Dark)->isChecked());

        menu.actionFor(ThemeChoice::System)->trigger();
        QCOMPARE(AppTheme::saved(), ThemeChoice::System);
        const ThemeColors &system = AppTheme::systemPrefersDark() ? ThemeColors::dark() : ThemeColors::light();
        QCOMPARE(QApplication::palette().color(QPalette::Window), system.window);

        // A stored value from elsewhere is read back; nonsense falls back to the system.
        QSettings().setValue(QLatin1String(AppTheme::kSettingsKey), QStringLiteral("dark"));
        QCOMPARE(AppTheme::saved(), ThemeChoice::Dark);
        QSettings().setValue(QLatin1String(AppTheme::kSettingsKey), QStringLiteral("purple"));
        QCOMPARE(AppTheme::saved(), ThemeChoice::System);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
