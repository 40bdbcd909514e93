#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using twtest::runCli;

// `tickerwire export` as a shell user runs it, on the demo workspace.
class TestExportCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;
    QString m_store;

    QStringList args(std::initializer_list<QString> rest) const
    {
        return QStringList{QStringLiteral("--store"), m_store} + QStringList(rest);
    }

private slots:
    void initTestCase()
    {
        m_store = m_sandbox.filePath(QStringLiteral("demo.db"));
        const auto run = twtest::runDemoStats(m_store, m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
    }

    void articlesGoToStandardOutput()
    {
        const auto run = runCli(args({QStringLiteral("export"), QStringLiteral("articles")}), m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("article_id,published_utc,ticker,")), qPrintable(run.out.left(200)));
        QVERIFY(run.out.contains(QStringLiteral("\r\n")));
        QVERIFY(run.out.contains(QStringLiteral(",META,")));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    void everyTableExportsWithItsHeader_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("header");
        QTest::newRow("articles") << QStringLiteral("articles") << QStringLiteral("article_id,published_utc,ticker,relevance,score,label,");
        QTest::newRow("scores") << QStringLiteral("scores") << QStringLiteral("ticker,horizon,as_of_utc,score,label,");
        QTest::newRow("quotes") << QStringLiteral("quotes") << QStringLiteral("ticker,interval,time_utc,trade_date,open,");
        QTest::newRow("events") << QStringLiteral("events") << QStringLiteral("event_id,ticker,event_date,date_precision,kind,");
        QTest::newRow("guidance") << QStringLiteral("guidance") << QStringLiteral("event_id,ticker,event_date,");
        QTest::newRow("alerts") << QStringLiteral("alerts") << QStringLiteral("alert_id,fired_utc,ticker,rule,");
    }

    void everyTableExportsWithItsHeader()
    {
        QFETCH(QString, table);
        QFETCH(QString, header);
        const auto run = runCli(args({QStringLiteral("export"), table}), m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(header), qPrintable(run.out.left(200)));
        QVERIFY(run.out.endsWith(QStringLiteral("\r\n")));
    }

    void germanLocaleWritesPointDecimals()
    {
        qputenv("LC_ALL", "de_DE.UTF-8");
        qputenv("LANG", "de_DE.UTF-8");
        const auto run = runCli(args({QStringLiteral("export"), QStringLiteral("quotes"), QStringLiteral("--ticker"),
                                      QStringLiteral("META")}),
                                m_sandbox.path());
        qunsetenv("LC_ALL");
        qunsetenv("LANG");
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 10);
        // ticker,interval,time_utc,trade_date,open,high,low,close,volume,source
        static const QRegularExpression bar(QStringLiteral(
            R"(^META,1d,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,\d{4}-\d\d-\d\d,\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?,\d*,demo$)"));
        for (int i = 1; i < lines.size(); ++i)
            QVERIFY2(bar.match(lines.at(i)).hasMatch(), qPrintable(lines.at(i)));
        QVERIFY(run.out.contains(QLatin1Char('.')));
    }

    void fileOutputWithExcelBomAndProgress()
    {
        const QString path = m_sandbox.filePath(QStringLiteral("a.csv"));
        const auto run = runCli(args({QStringLiteral("export"), QStringLiteral("articles"), QStringLiteral("-o"), path,
                                      QStringLiteral("--excel"), QStringLiteral("--since"), QStringLiteral("2026-01-01")}),
                                m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral(R"(export articles: (\d+) / \1 rows \(100%\))"))),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("wrote ")), qPrintable(run.err));
        QVERIFY(twtest::readAll(path).startsWith("\xEF\xBB\xBF" "article_id,"));
    }

    void emptySelectionIsTheHeaderOnly()
    {
        const auto run = runCli(args({QStringLiteral("export"), QStringLiteral("quotes"), QStringLiteral("--until"),
                                      QStringLiteral("1990-01-01")}),
                                m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("ticker,interval,time_utc,trade_date,open,high,low,close,volume,source\r\n"));
    }

    void usageMistakesExitTwo_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("no table") << QStringList{};
        QTest::newRow("unknown table") << QStringList{QStringLiteral("trades")};
        QTest::newRow("two tables") << QStringList{QStringLiteral("quotes"), QStringLiteral("alerts")};
        QTest::newRow("bad date") << QStringList{QStringLiteral("quotes"), QStringLiteral("--since"),
                                                 QStringLiteral("yesterday")};
    }

    void usageMistakesExitTwo()
    {
        QFETCH(QStringList, extra);
        const auto run = runCli(args({QStringLiteral("export")}) + extra, m_sandbox.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("Usage: tickerwire export")), qPrintable(run.err));
    }

    void unwritableOutputFailsAndLeavesNothing()
    {
        const QString path = m_sandbox.filePath(QStringLiteral("missing-dir/out.csv"));
        const auto run = runCli(args({QStringLiteral("export"), QStringLiteral("alerts"), QStringLiteral("-o"), path}),
                                m_sandbox.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
