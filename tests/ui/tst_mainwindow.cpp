#include "settingssandbox.h"
#include "ui/window/docklayout.h"
#include "ui/window/mainwindow.h"
#include "ui/window/panelregistry.h"
#include "ui/panels/alertspanel.h"
#include "ui/panels/readerpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTest>

using namespace tw;

class TestMainWindow : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_mainwindow")};

private slots:
    void everyPanelIsANamedDockWithAToggle()
    {
        MainWindow window(QStringLiteral("/tmp/none.db"));
        QStringList toggles;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->text().remove(QLatin1Char('&')) == QLatin1String("View")) {
                for (QAction *a : menu->menu()->actions())
                    toggles << a->text();
            }
        }
        for (const PanelSpec &panel : panelRegistry()) {
            QDockWidget *dock = window.findChild<QDockWidget *>(QString::fromLatin1(panel.objectName));
            QVERIFY2(dock, panel.objectName);
            QVERIFY(dock->features().testFlag(QDockWidget::DockWidgetFloatable));
            QVERIFY(dock->features().testFlag(QDockWidget::DockWidgetClosable));
            // A menu escapes the title's "&" ("Capex && guidance" reads "Capex & guidance").
            const QString escaped = dock->windowTitle().replace(QLatin1Char('&'), QStringLiteral("&&"));
            QVERIFY2(toggles.contains(escaped), qPrintable(dock->windowTitle()));
        }
        QVERIFY(toggles.contains(QStringLiteral("&Reset layout")));
    }

    void aLockedLayoutStaysLockedAcrossRestarts()
    {
        {
            MainWindow window(QStringLiteral("/tmp/none.db"));
            QVERIFY(!window.layoutLocked());
            auto *lock = window.findChild<QAction *>(QStringLiteral("lockLayoutAction"));
            QVERIFY(lock);
            lock->trigger();
            QVERIFY(window.layoutLocked());
            for (QDockWidget *dock : window.findChildren<QDockWidget *>())
                QCOMPARE(dock->features(), QDockWidget::NoDockWidgetFeatures);
        }
        MainWindow restarted(QStringLiteral("/tmp/none.db"));
        QVERIFY(restarted.layoutLocked());
        QVERIFY(restarted.findChild<QAction *>(QStringLiteral("lockLayoutAction"))->isChecked());
        QCOMPARE(restarted.dock<ReaderPanel>()->features(), QDockWidget::NoDockWidgetFeatures);
        restarted.findChild<QAction *>(QStringLiteral("lockLayoutAction"))->trigger();
        QVERIFY(restarted.dock<ReaderPanel>()->features().testFlag(QDockWidget::DockWidgetMovable));
        QVERIFY(!QSettings().value(QStringLiteral("window/layoutLocked")).toBool());
    }

    void aMovedDockComesBackAfterARestart()
    {
        {
            MainWindow window(QStringLiteral("/tmp/none.db"));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.addDockWidget(Qt::BottomDockWidgetArea, window.dock<ReaderPanel>());
            window.dock<AlertsPanel>()->hide();
            QCOMPARE(window.dockWidgetArea(window.dock<ReaderPanel>()), Qt::BottomDockWidgetArea);
            window.close();  // saves, as quitting the app does
        }
        MainWindow restarted(QStringLiteral("/tmp/none.db"));
        QVERIFY(restarted.dockWidgetArea(restarted.dock<ReaderPanel>()) != Qt::BottomDockWidgetArea);
        restarted.restoreSavedLayout();
        restarted.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restarted));
        QCOMPARE(restarted.dockWidgetArea(restarted.dock<ReaderPanel>()), Qt::BottomDockWidgetArea);
        QVERIFY(restarted.dock<AlertsPanel>()->isHidden());

        restarted.resetLayout();
        QVERIFY(!restarted.dock<AlertsPanel>()->isHidden());
        QVERIFY(restarted.dockWidgetArea(restarted.dock<ReaderPanel>()) != Qt::BottomDockWidgetArea);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
