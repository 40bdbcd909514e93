#include "temporarystores.h"
#include "ui/export/csvexportprogress.h"
#include "models/export/csvreader.h"

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

    twtest::TemporaryStore m_store;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.openDemo(QStringLiteral("demo.db"), QStringLiteral("ui-test")),
                 qPrintable(m_store.errorString()));
    }

    void exportsTheQuotesFile()
    {
        const QString path = m_store.filePath(QStringLiteral("quotes.csv"));
        CsvExportProgress run(m_store.location(), ExportQuery::build(ExportKind::Quotes, {QStringLiteral("META"), {}, {}}), path,
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
        CsvExportProgress run(m_store.location(), ExportQuery::build(ExportKind::Articles, {}), path, false, nullptr);
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
