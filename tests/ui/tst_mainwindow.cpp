#include "ui/window/docklayout.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("tickerwire-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    }

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
        for (const PanelInfo &panel : kPanels) {
            QDockWidget *dock = window.findChild<QDockWidget *>(QString::fromLatin1(panel.objectName));
            QVERIFY2(dock, panel.objectName);
            QVERIFY(dock->features().testFlag(QDockWidget::DockWidgetFloatable));
            QVERIFY(dock->features().testFlag(QDockWidget::DockWidgetClosable));
            QVERIFY2(toggles.contains(dock->windowTitle()), qPrintable(dock->windowTitle()));
        }
        QVERIFY(toggles.contains(QStringLiteral("&Reset layout")));
    }

    void aMovedDockComesBackAfterARestart()
    {
        {
            MainWindow window(QStringLiteral("/tmp/none.db"));
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.addDockWidget(Qt::BottomDockWidgetArea, window.dock(PanelId::Reader));
            window.dock(PanelId::Alerts)->hide();
            QCOMPARE(window.dockWidgetArea(window.dock(PanelId::Reader)), Qt::BottomDockWidgetArea);
            window.close();  // saves, as quitting the app does
        }
        MainWindow restarted(QStringLiteral("/tmp/none.db"));
        QVERIFY(restarted.dockWidgetArea(restarted.dock(PanelId::Reader)) != Qt::BottomDockWidgetArea);
        restarted.restoreSavedLayout();
        restarted.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restarted));
        QCOMPARE(restarted.dockWidgetArea(restarted.dock(PanelId::Reader)), Qt::BottomDockWidgetArea);
        QVERIFY(restarted.dock(PanelId::Alerts)->isHidden());

        restarted.resetLayout();
        QVERIFY(!restarted.dock(PanelId::Alerts)->isHidden());
        QVERIFY(restarted.dockWidgetArea(restarted.dock(PanelId::Reader)) != Qt::BottomDockWidgetArea);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
