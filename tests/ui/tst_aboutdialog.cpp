#include "models/core/version.h"
#include "settingssandbox.h"
#include "ui/window/aboutdialog.h"
#include "ui/window/mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTest>

using namespace tw;

// Help > About names what a bug report needs.
class TestAboutDialog : public QObject {
    Q_OBJECT

    twtest::SettingsSandbox m_settings{QStringLiteral("tst_aboutdialog")};

private slots:
    void helpMenuOffersAbout()
    {
        MainWindow window(QStringLiteral("/tmp/none.db"));
        QAction *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);
        QStringList menus;
        for (QAction *menu : window.menuBar()->actions())
            menus << menu->text().remove(QLatin1Char('&'));
        QCOMPARE(menus.last(), QStringLiteral("Help"));
    }

    void detailsNameVersionStoreQtAndSqlite()
    {
        const QString store = QStringLiteral("/home/analyst/.local/share/tickerwire/tickerwire/store.db");
        AboutDialog dialog(store);
        const QString text = dialog.detailsText();
        QVERIFY2(text.contains(QStringLiteral("Tickerwire " TICKERWIRE_VERSION)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Store: ") + store));
        QVERIFY(text.contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral(R"(SQLite: 3\.\d+\.\d+)"))), qPrintable(text));
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("aboutDetails"));
        QVERIFY(label);
        QCOMPARE(label->text(), text);
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
