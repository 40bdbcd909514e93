#include "models/store/feedstore.h"
#include "models/store/tickerstore.h"
#include "onscreen.h"
#include "temporarystores.h"
#include "testsupport.h"
#include "ui/dialogs/companycompleter.h"
#include "ui/dialogs/settingsdialog.h"
#include "ui/panels/selectionmodel.h"
#include "ui/panels/watchlistpanel.h"
#include "ui/window/welcomewindow.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// The first minutes in the window: the add box completes on tickers and
// names, the welcome state writes nothing until the analyst picks, and the
// feed dialog builds a company's feeds from its ticker, name and CIK.
class TestWelcome : public QObject {
    Q_OBJECT

    twtest::TemporaryStore m_store;

    // Types like an analyst and returns what the completer's popup offers.
    static QStringList typeAndSee(QLineEdit *box, const QString &typed)
    {
        box->setFocus();
        box->clear();
        QTest::keyClicks(box, typed);
        QCompleter *completer = box->completer();
        QStringList rows;
        if (!completer || !completer->popup()->isVisible())
            return rows;
        for (int r = 0; r < completer->completionModel()->rowCount(); ++r)
            rows << completer->completionModel()->index(r, 0).data().toString();
        return rows;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.open(QStringLiteral("window.db"), QStringLiteral("welcome")),
                 qPrintable(m_store.errorString()));
    }

    void theAddBoxCompletesOnNames()
    {
        SelectionModel selection;
        WatchlistPanel panel(m_store.database(), &selection);
        QVERIFY(twtest::shownAt(panel, {420, 600}));
        const QStringList cost = typeAndSee(panel.addBox(), QStringLiteral("cost"));
        QVERIFY2(!cost.isEmpty(), "no completion popup");
        QCOMPARE(cost.first(), QStringLiteral("COST  Costco Wholesale · Nasdaq"));
        const QStringList cloud = typeAndSee(panel.addBox(), QStringLiteral("cloudfl"));
        QVERIFY(!cloud.isEmpty());
        QCOMPARE(cloud.first(), QStringLiteral("NET  Cloudflare · NYSE"));
        // Picking the line leaves the ticker in the box; Enter adds the company.
        QAbstractItemView *popup = panel.addBox()->completer()->popup();
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(panel.addBox()->text(), QStringLiteral("NET"));
        QTest::keyClick(panel.addBox(), Qt::Key_Return);
        auto net = TickerStore(m_store.database()).bySymbol(QStringLiteral("NET"));
        QVERIFY(net.ok() && net->has_value());
        QCOMPARE((**net).name, QStringLiteral("Cloudflare"));
        QCOMPARE((**net).exchange, QStringLiteral("NYSE"));
        QCOMPARE((**net).cik, qint64(1477333));
        QCOMPARE(selection.ticker(), QStringLiteral("NET"));
        // A name typed whole and entered is its company.
        QVERIFY(panel.addTicker(QStringLiteral("costco")));
        QVERIFY(TickerStore(m_store.database()).bySymbol(QStringLiteral("COST"))->has_value());
        panel.hide();   // a refusal shown in a message box would wait for a click
        QVERIFY(!panel.addTicker(QStringLiteral("ZZZZZZQ")));
        QVERIFY(panel.lastError().contains(QStringLiteral("not a ticker")));
    }

    void theWelcomeWindowWritesNothingItself()
    {
        WelcomeWindow welcome;
        welcome.show();
        QVERIFY(QTest::qWaitForWindowExposed(&welcome));
        QVERIFY(!welcome.startButton()->isEnabled());
        const QStringList offered = typeAndSee(welcome.addBox(), QStringLiteral("meta pl"));
        QVERIFY(!offered.isEmpty());
        QVERIFY(offered.first().startsWith(QStringLiteral("META  Meta Platforms")));
        QVERIFY(welcome.choose(QStringLiteral("META")));
        QVERIFY(welcome.choose(QStringLiteral("GOOG")));
        QVERIFY(welcome.choose(QStringLiteral("GOOGL")));   // the same company: listed once
        QVERIFY(!welcome.choose(QStringLiteral("NOSUCHCO")));
        QCOMPARE(welcome.chosenTickers(), (QStringList{QStringLiteral("META"), QStringLiteral("GOOG")}));
        QCOMPARE(welcome.chosenList()->count(), 2);
        QSignalSpy start(&welcome, &WelcomeWindow::startRequested);
        QSignalSpy demo(&welcome, &WelcomeWindow::demoRequested);
        QTest::mouseClick(welcome.startButton(), Qt::LeftButton);
        QCOMPARE(start.size(), 1);
        QCOMPARE(start.first().at(0).toStringList(), welcome.chosenTickers());
        QTest::mouseClick(welcome.demoButton(), Qt::LeftButton);
        QCOMPARE(demo.size(), 1);
    }

    // The window's first start on a fresh HOME: the welcome state, and no rows until a choice.
    void aFirstStartLeavesTheStoreEmpty()
    {
        QTemporaryDir home;
        const QString png = home.filePath(QStringLiteral("welcome.png"));
        const auto shot = twtest::runCli({QStringLiteral("--screenshot"), png}, home.path());
        QVERIFY2(shot.exitCode == 0, qPrintable(shot.err));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 600);
        const auto stats = twtest::runCli({QStringLiteral("stats")}, home.path());
        QCOMPARE(stats.exitCode, 0);
        for (qint64 rows : twtest::parseStats(stats.out))
            QCOMPARE(rows, qint64(0));
    }

    void theFeedDialogBuildsCompanyFeeds()
    {
        QSqlDatabase db = m_store.database();
        SettingsDialog dialog(db);
        // Readable sources, each saying what its URL is built from.
        QStringList sources;
        for (int i = 0; i < dialog.sourceBox()->count(); ++i)
            sources << dialog.sourceBox()->itemText(i);
        QVERIFY(sources.contains(QStringLiteral("SEC 8-K filings (from the CIK)")));
        QCOMPARE(sources.value(1), QStringLiteral("SEC XBRL company facts (from the CIK)"));
        QVERIFY(sources.contains(QStringLiteral("Google News search (from the name)")));
        QVERIFY(sources.contains(QStringLiteral("Yahoo daily prices (from the ticker)")));
        dialog.sourceBox()->setCurrentIndex(0);   // SEC 8-K filings
        dialog.feedTickerBox()->setText(QStringLiteral("COST"));
        QVERIFY2(dialog.urlBox()->text().contains(QStringLiteral("CIK=0000909832")), qPrintable(dialog.urlBox()->text()));
        QVERIFY2(dialog.addFeedFromSource(2, QStringLiteral("COST"), 15), qPrintable(dialog.lastError()));   // Google News on the name
        auto feeds = FeedStore(db).all();
        QVERIFY(feeds.ok());
        QCOMPARE(feeds->size(), 1);
        QVERIFY2(feeds->first().url.contains(QStringLiteral("Costco")), qPrintable(feeds->first().url));
        QCOMPARE(dialog.feedsTable()->item(0, 2)->text(), QStringLiteral("Google News search"));
        // "Add the usual feeds" for one company, once.
        QCOMPARE(dialog.addUsualFeeds(QStringLiteral("NET")), 8);   // with SEC's 8-K filings and company facts
        QCOMPARE(dialog.addUsualFeeds(QStringLiteral("NET")), 0);
        QVERIFY(!dialog.addFeedFromSource(0, QStringLiteral("AAPL"), 15));   // not on the watchlist

        // The tickers page: name, aliases, exchange and a button per company.
        QTableWidget *tickers = dialog.tickersTable();
        QCOMPARE(tickers->rowCount(), 2);
        QCOMPARE(tickers->item(0, 1)->text(), QStringLiteral("Cloudflare"));
        QCOMPARE(tickers->item(0, 4)->text(), QStringLiteral("NYSE"));
        QVERIFY(qobject_cast<QPushButton *>(tickers->cellWidget(0, 5)));
        // For looking at it: TW_SHOTS=DIR saves the pages as PNGs.
        if (const QString shots = qEnvironmentVariable("TW_SHOTS"); !shots.isEmpty()) {
            QVERIFY(twtest::shownAt(dialog, {980, 560}));
            for (int i = 0; i < dialog.tabs()->count(); ++i) {
                dialog.tabs()->setCurrentIndex(i);
                QTest::qWait(50);
                dialog.grab().save(QStringLiteral("%1/settings-%2.png").arg(shots).arg(i));
            }
        }
    }
};

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
