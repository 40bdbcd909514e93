#include "models/demo/demoworkspace.h"
#include "ui/export/csvexportprogress.h"
#include "models/export/csvreader.h"
#include "models/store/storeconnection.h"

#include <QDir>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// The window's export runner on the demo workspace: the file arrives whole,
// and the progress dialog's Cancel leaves nothing behind.
class TestCsvExportProgress : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<StoreConnection> m_connection;

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("demo.db"));
        auto opened = StoreConnection::open(m_store, QStringLiteral("ui-test"));
        QVERIFY(opened.ok());
        m_connection = std::move(opened.value());
        QVERIFY(DemoWorkspace::load(m_connection->database()).ok());
    }

    void exportsTheQuotesFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("quotes.csv"));
        CsvExportProgress run(m_store, ExportQuery::build(ExportKind::Quotes, {QStringLiteral("META"), {}, {}}), path,
                              true, nullptr);
        run.setQuiet(true);
        QSignalSpy finished(&run, &CsvExportProgress::finished);
        run.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(finished.first().at(1).toBool(), false);
        const qint64 rows = finished.first().at(2).toLongLong();
        QVERIFY(rows > 100);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF" "ticker,"));
        QCOMPARE(CsvReader::parse(bytes)->size(), rows + 1);
    }

    void cancelButtonLeavesNoFile()
    {
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("articles.csv"));
        CsvExportProgress run(m_store, ExportQuery::build(ExportKind::Articles, {}), path, false, nullptr);
        run.setQuiet(true);
        QSignalSpy finished(&run, &CsvExportProgress::finished);
        auto *cancel = run.dialog()->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();   // before the first row: the job stops at once
        run.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }
};

QTEST_MAIN(TestCsvExportProgress)
#include "tst_csvexportprogress.moc"
