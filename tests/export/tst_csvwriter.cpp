#include "models/export/csvreader.h"
#include "models/export/csvwriter.h"
#include "models/text/utf8check.h"

#include <QBuffer>
#include <QLocale>
#include <QTimeZone>
#include <QTest>

#include <cmath>
#include <functional>
#include <cstring>
#include <limits>
#include <random>

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
// What the writer printed before it formatted cells itself (QString::number
// and QDateTime), kept here as the reference its bytes must equal.
QString referenceNumber(double value, int maxDecimals)
{
    if (!std::isfinite(value))
        return QString();
    if (maxDecimals >= 0) {
        const double scale = std::pow(10.0, maxDecimals);
        const double rounded = std::round(value * scale) / scale;
        if (std::isfinite(rounded))
            value = rounded == 0.0 ? 0.0 : rounded;
    }
    const double magnitude = std::fabs(value);
    if (value == 0.0 || (magnitude >= 1e-6 && magnitude < 1e15))
        return QString::number(value, 'f', QLocale::FloatingPointShortest);
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString referenceInstant(qint64 utcMs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    return t.toString(utcMs % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QByteArray cellsOf(const std::function<void(CsvWriter &)> &add)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer, CsvWriter::Options{false, 1 << 16});
        add(writer);
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
        // What a spreadsheet may trim or not show before the formula: white
        // space (Google Sheets trims on import), line breaks, invisible
        // format characters; and the full-width signs East Asian input uses.
        QTest::newRow("space then equals") << QStringLiteral(" =1+1") << QStringLiteral("' =1+1");
        QTest::newRow("spaces then plus") << QStringLiteral("   +SUM(A1)") << QStringLiteral("'   +SUM(A1)");
        QTest::newRow("line feed then equals") << QStringLiteral("\n=1+1") << QStringLiteral("'\n=1+1");
        QTest::newRow("no-break space then at") << QStringLiteral("\u00a0@SUM(A1)") << QStringLiteral("'\u00a0@SUM(A1)");
        QTest::newRow("ideographic space then minus") << QStringLiteral("\u3000-1+2") << QStringLiteral("'\u3000-1+2");
        QTest::newRow("byte order mark then equals") << QStringLiteral("\ufeff=1+1") << QStringLiteral("'\ufeff=1+1");
        QTest::newRow("zero-width space then equals") << QStringLiteral("\u200b=1+1") << QStringLiteral("'\u200b=1+1");
        QTest::newRow("bidi override then equals") << QStringLiteral("\u202e=1+1") << QStringLiteral("'\u202e=1+1");
        QTest::newRow("full-width equals") << QStringLiteral("\uff1dHYPERLINK(\"http://x\")")
                                           << QStringLiteral("'\uff1dHYPERLINK(\"http://x\")");
        QTest::newRow("full-width plus") << QStringLiteral("\uff0b1+1") << QStringLiteral("'\uff0b1+1");
        QTest::newRow("tab alone") << QStringLiteral("\tMeta") << QStringLiteral("'\tMeta");
        QTest::newRow("spaced negative number stays") << QStringLiteral(" -3.5") << QStringLiteral(" -3.5");
        QTest::newRow("spaced words stay") << QStringLiteral("  Meta = up") << QStringLiteral("  Meta = up");
        QTest::newRow("quote then equals stays text") << QStringLiteral("\"=1+1") << QStringLiteral("\"=1+1");
        QTest::newRow("number then formula") << QStringLiteral("-3.5+A1") << QStringLiteral("'-3.5+A1");
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

    // The writer formats numbers and instants itself (std::to_chars, its own
    // calendar): the same text as QString::number and QDateTime wrote before,
    // for every kind of double and every year.
    void numbersMatchQtsShortestForm()
    {
        std::mt19937_64 random(19);
        std::uniform_real_distribution<double> unit(-1.0, 1.0);
        std::uniform_int_distribution<int> exponent(-9, 17);
        std::uniform_int_distribution<int> decimals(-1, 8);
        QByteArray expected, written;
        int checked = 0;
        const auto check = [&](double value, int maxDecimals) {
            const QString reference = referenceNumber(value, maxDecimals);
            if (CsvWriter::formatNumber(value, maxDecimals) != reference)
                QFAIL(qPrintable(QStringLiteral("%1 (%2 decimals): %3, expected %4")
                                     .arg(QString::number(value, 'g', 17)).arg(maxDecimals)
                                     .arg(CsvWriter::formatNumber(value, maxDecimals), reference)));
            expected += reference.toLatin1() + "\r\n";
            ++checked;
        };
        QList<std::pair<double, int>> values;
        for (double v : {0.0, -0.0, 1e-6, -1e-6, 9.999999e-7, 1e15, 999999999999999.9, 1e9, 999999999.99995,
                         -999999999.99995, 0.00005, -0.00005, 0.00004999, 0.6125, 61.23456789, 1.0 / 3.0,
                         std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max(),
                         std::numeric_limits<double>::infinity(), std::nan("")}) {
            for (int d = -1; d <= 8; ++d)
                values.append({v, d});
        }
        for (int i = 0; i < 60000; ++i) {
            quint64 bits = random();
            double any;
            std::memcpy(&any, &bits, sizeof any);
            values.append({any, decimals(random)});
            values.append({unit(random) * std::pow(10.0, exponent(random)), decimals(random)});
            values.append({std::round(unit(random) * 1e6) / 1e4, 4});   // a score that is already round
            values.append({unit(random) * 100, 4});
        }
        for (const auto &[value, maxDecimals] : std::as_const(values)) {
            check(value, maxDecimals);
            if (QTest::currentTestFailed())
                return;
        }
        written = cellsOf([&](CsvWriter &w) {
            for (const auto &[value, maxDecimals] : std::as_const(values)) {
                w.addNumber(value, maxDecimals);
                w.endRow();
            }
        });
        QCOMPARE(written, expected);
        QVERIFY(checked > 200000);
    }

    void instantsMatchQDateTime()
    {
        std::mt19937_64 random(19);
        const qint64 year1 = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 year10000 = QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        std::uniform_int_distribution<qint64> anyTime(year1 - 86'400'000LL * 800, year10000 + 86'400'000LL * 800);
        std::uniform_int_distribution<qint64> recent(0, 4'102'444'800'000LL);
        QList<qint64> instants{0, -1, 1, 999, 1000, -1000, -86'400'001, year1, year1 - 1, year10000, year10000 - 1,
                               951'782'400'000 /* 2000-02-29 */, 4'107'456'000'000 /* 2100-02-28 */};
        for (int i = 0; i < 100000; ++i) {
            instants << anyTime(random) << recent(random) << recent(random) / 1000 * 1000;
        }
        QByteArray expected;
        for (qint64 ms : std::as_const(instants)) {
            const QString reference = referenceInstant(ms);
            if (CsvWriter::formatInstant(ms) != reference)
                QFAIL(qPrintable(QStringLiteral("%1: %2, expected %3").arg(ms).arg(CsvWriter::formatInstant(ms), reference)));
            expected += reference.toLatin1() + "\r\n";
        }
        const QByteArray written = cellsOf([&](CsvWriter &w) {
            for (qint64 ms : std::as_const(instants)) {
                w.addInstant(ms);
                w.endRow();
            }
        });
        QCOMPARE(written, expected);
    }

    // addTextUtf8 writes exactly what addText writes for the same text, and
    // refuses exactly the byte strings that are not UTF-8 (those QString
    // would not give back unchanged).
    void utf8TextIsWrittenAsItsQString()
    {
        std::mt19937_64 random(19);
        const QList<QByteArray> pieces{"a", "Meta", " ", ",", "\"", "\r", "\n", "\t", "=", "+", "-", "@", "'",
                                       "0", "7", ".", "e", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x9A\x80",
                                       "\xD9\xA3", "\xEF\xBC\x91", "\xEF\xBB\xBF", QByteArray(1, '\0'),
                                       "\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82",
                                       "\x80", "\xF0\x9F\x9A", "\xEF\xBF\xBF"};
        std::uniform_int_distribution<int> piece(0, int(pieces.size()) - 1);
        std::uniform_int_distribution<int> length(0, 12);
        int wellFormed = 0, malformed = 0;
        for (int i = 0; i < 30000; ++i) {
            QByteArray bytes;
            for (int n = length(random); n > 0; --n)
                bytes += pieces.at(piece(random));
            // (QString::fromUtf8 drops a leading byte order mark: hence the "x".)
            const QString text = QString::fromUtf8("x" + bytes).mid(1);
            const bool expectValid = text.toUtf8() == bytes;
            QCOMPARE(isWellFormedUtf8(bytes.constData(), bytes.size()), expectValid);
            bool accepted = false;
            const QByteArray viaUtf8 = cellsOf([&](CsvWriter &w) {
                w.addText(QStringLiteral("x"));
                accepted = w.addTextUtf8(bytes.constData(), bytes.size());
                w.endRow();
            });
            QCOMPARE(accepted, expectValid);
            if (!expectValid) {
                QCOMPARE(viaUtf8, QByteArray("x\r\n"));   // nothing added
                ++malformed;
                continue;
            }
            const QByteArray viaQString = cellsOf([&](CsvWriter &w) {
                w.addText(QStringLiteral("x"));
                w.addText(text);
                w.endRow();
            });
            QCOMPARE(viaUtf8, viaQString);
            ++wellFormed;
        }
        QVERIFY(wellFormed > 1000 && malformed > 1000);
    }

    void chunkedRowsReachTheDeviceWhole()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, CsvWriter::Options{true, 100});
        QByteArray expected("\xEF\xBB\xBF");
        for (int i = 0; i < 50; ++i) {
            writer.addInteger(i);
            writer.addText(QStringLiteral("row, %1").arg(i));
            writer.endRow();
            expected += QByteArray::number(i) + ",\"row, " + QByteArray::number(i) + "\"\r\n";
            // Only whole rows are ever written, in chunks of at least 100 bytes.
            QVERIFY(buffer.data().endsWith("\r\n") || buffer.data().isEmpty());
            QVERIFY(expected.startsWith(buffer.data()));
        }
        writer.addText(QStringLiteral("unfinished"));
        QVERIFY(writer.flush());
        QVERIFY(!buffer.data().contains("unfinished"));
        writer.endRow();
        QVERIFY(writer.flush());
        QCOMPARE(buffer.data(), expected + "unfinished\r\n");
    }

    void readerRejectsBrokenQuoting()
    {
        QVERIFY(!CsvReader::parse("a,\"open\r\n").ok());
        QVERIFY(!CsvReader::parse("a,\"x\"y\r\n").ok());
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
