#include "models/export/csvreader.h"
#include "models/export/csvwriter.h"

#include <QBuffer>
#include <QLocale>
#include <QTimeZone>
#include <QTest>

#include <cmath>
#include <limits>

using namespace tw;

namespace {
// QVERIFY2 evaluates its message even on success, when a Result has no error to read.
template <typename R>
QByteArray failureOf(const R &result)
{
    return result.ok() ? QByteArray() : result.errorMessage().toUtf8();
}
QByteArray writeRows(const QList<QStringList> &rows, bool bom = false)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, CsvWriter::Options{bom});
    writer.writeHeader({QStringLiteral("a"), QStringLiteral("b")});
    for (const QStringList &row : rows) {
        for (const QString &cell : row)
            writer.addText(cell);
        writer.endRow();
    }
    return buffer.data();
}
} // namespace

// The CSV writer and reader on their own: RFC 4180 framing, numbers, formula
// defusing, and that what is written reads back to the same values.
class TestCsvWriter : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void rowsEndWithCrlfAndSpecialFieldsAreQuoted()
    {
        const QByteArray csv = writeRows({{QStringLiteral("plain"), QStringLiteral("with, comma")},
                                          {QStringLiteral("say \"hi\""), QStringLiteral("two\nlines")},
                                          {QStringLiteral("cr\ronly"), QString()}});
        QCOMPARE(csv, QByteArray("a,b\r\n"
                                 "plain,\"with, comma\"\r\n"
                                 "\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
                                 "\"cr\ronly\",\r\n"));
    }

    void byteOrderMarkOnlyWhenAsked()
    {
        QVERIFY(writeRows({}, true).startsWith("\xEF\xBB\xBF" "a,b\r\n"));
        QVERIFY(writeRows({}, false).startsWith("a,b\r\n"));
    }

    void roundTripKeepsEveryCharacter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("commas") << QStringLiteral("Meta, Alphabet, and Microsoft raise capex");
        QTest::newRow("quotes") << QStringLiteral("Zuckerberg: \"personal superintelligence\" is near");
        QTest::newRow("newlines") << QStringLiteral("line one\r\nline two\nline three\r");
        QTest::newRow("emoji") << QStringLiteral("META 🚀📈 after Muse Spark 🤖");
        QTest::newRow("rtl") << QStringLiteral("ميتا تطلق نموذج Muse Spark — מטא");
        QTest::newRow("leading and trailing spaces") << QStringLiteral("  padded  ");
        QTest::newRow("apostrophe first") << QStringLiteral("'quoted' already");
        QTest::newRow("empty") << QString();
    }

    void roundTripKeepsEveryCharacter()
    {
        QFETCH(QString, text);
        const QByteArray csv = writeRows({{text, QStringLiteral("x")}}, true);
        auto rows = CsvReader::parse(csv);
        QVERIFY2(rows.ok(), failureOf(rows).constData());
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(rows->at(1), (QStringList{text, QStringLiteral("x")}));
    }

    void formulaTextGetsALeadingApostrophe_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("equals") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
                                << QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")");
        QTest::newRow("plus") << QStringLiteral("+1+cmd|' /C calc'!A0") << QStringLiteral("'+1+cmd|' /C calc'!A0");
        QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("at") << QStringLiteral("@SUM(A1:A9)") << QStringLiteral("'@SUM(A1:A9)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("'\r=1");
        QTest::newRow("dash headline") << QStringLiteral("- Meta beats") << QStringLiteral("'- Meta beats");
        QTest::newRow("equals later is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("negative number text stays") << QStringLiteral("-3.5") << QStringLiteral("-3.5");
        QTest::newRow("signed exponent text stays") << QStringLiteral("+1e-3") << QStringLiteral("+1e-3");
    }

    void formulaTextGetsALeadingApostrophe()
    {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        QCOMPARE(CsvWriter::needsFormulaDefusing(text), cell != text);
        auto rows = CsvReader::parse(writeRows({{text, QStringLiteral("x")}}));
        QVERIFY(rows.ok());
        QCOMPARE(rows->at(1).at(0), cell);
    }

    void numberCellsAreNeverDefused()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, {});
        writer.addNumber(-0.75);
        writer.addInteger(-42);
        writer.addNumber(-1e-9);
        writer.endRow();
        QCOMPARE(buffer.data(), QByteArray("-0.75,-42,-1e-09\r\n"));
    }

    void numbersUseAPointAndKeepEveryDigit_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("price") << 610.35 << QStringLiteral("610.35");
        QTest::newRow("capex") << 125000000000.0 << QStringLiteral("125000000000");
        QTest::newRow("third") << 1.0 / 3.0 << QStringLiteral("0.3333333333333333");
        QTest::newRow("tenth plus fifth") << 0.1 + 0.2 << QStringLiteral("0.30000000000000004");
        QTest::newRow("negative score") << -0.625 << QStringLiteral("-0.625");
        QTest::newRow("zero") << 0.0 << QStringLiteral("0");
        QTest::newRow("huge") << 6.02214076e23 << QStringLiteral("6.02214076e+23");
        QTest::newRow("max") << std::numeric_limits<double>::max() << QStringLiteral("1.7976931348623157e+308");
    }

    void numbersUseAPointAndKeepEveryDigit()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        // A German default locale would write "610,35" through QLocale; the writer must not.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(CsvWriter::formatNumber(value), text);
        QCOMPARE(text.toDouble(), value);
    }

    void measuresAreRoundedToTheirPrecision()
    {
        // A computed score carries 16 digits of which four mean something;
        // prices and amounts (no precision given) keep what was received.
        QCOMPARE(CsvWriter::formatNumber(0.51234567890123456, 4), QStringLiteral("0.5123"));
        QCOMPARE(CsvWriter::formatNumber(71.23456789, 4), QStringLiteral("71.2346"));
        QCOMPARE(CsvWriter::formatNumber(0.5, 4), QStringLiteral("0.5"));          // no padding zeros
        QCOMPARE(CsvWriter::formatNumber(63.0, 4), QStringLiteral("63"));
        QCOMPARE(CsvWriter::formatNumber(-0.00001, 4), QStringLiteral("0"));       // never "-0"
        QCOMPARE(CsvWriter::formatNumber(-0.123456, 4), QStringLiteral("-0.1235"));
        QCOMPARE(CsvWriter::formatNumber(612.3456, -1), QStringLiteral("612.3456"));
        QCOMPARE(CsvWriter::formatNumber(0.1 + 0.2), QStringLiteral("0.30000000000000004"));
    }

    void nonFiniteNumbersAreEmptyCells()
    {
        QCOMPARE(CsvWriter::formatNumber(std::nan("")), QString());
        QCOMPARE(CsvWriter::formatNumber(std::numeric_limits<double>::infinity()), QString());
    }

    void instantsAreIsoUtc()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const qint64 ms = QDateTime(QDate(2026, 4, 8), QTime(20, 5), QTimeZone::utc()).toMSecsSinceEpoch();
        QCOMPARE(CsvWriter::formatInstant(ms), QStringLiteral("2026-04-08T20:05:00Z"));
        QCOMPARE(CsvWriter::formatInstant(ms + 123), QStringLiteral("2026-04-08T20:05:00.123Z"));
    }

    void readerRejectsBrokenQuoting()
    {
        QVERIFY(!CsvReader::parse("a,\"open\r\n").ok());
        QVERIFY(!CsvReader::parse("a,\"x\"y\r\n").ok());
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
