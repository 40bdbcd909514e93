// Every form in feedparser's date table (../shared/data/feeds/feedparser-tests/
// test_date_parsers.py, read in place): parseFeedDate must give the UTC time
// feedparser's own reader for that form gives, and nothing where it gives
// None. The table is per reader; parseFeedDate is all readers at once, so a
// string that one of feedparser's readers refuses but another of them reads
// is taken at the reading (listed in kReadByAnotherReader).

#include "feeds/parsers/feeddates.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace tw;

namespace {
const QString kTable = QStringLiteral(TW_SHARED_DATA_DIR "/feeds/feedparser-tests/test_date_parsers.py");

// In the W3C-DTF reader's "invalid" rows, but a year and ordinal day for
// feedparser's ISO 8601 reader (as "03335" is in the same table).
const QStringList kReadByAnotherReader = {QStringLiteral("22013")};

// Python string literal body -> QString (the table uses \uXXXX escapes only).
QString unescaped(const QString &literal)
{
    QString out;
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (literal.at(i) == QLatin1Char('\\') && i + 5 < literal.size() && literal.at(i + 1) == QLatin1Char('u')) {
            out += QChar(char16_t(literal.mid(i + 2, 4).toUShort(nullptr, 16)));
            i += 5;
        } else {
            out += literal.at(i);
        }
    }
    return out;
}
} // namespace

class TestFeedDates : public QObject {
    Q_OBJECT

private slots:
    void feedparserDateTable_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QDateTime>("expected");
        const QString source = QString::fromUtf8(twtest::readAll(kTable));
        QVERIFY2(!source.isEmpty(), qPrintable(QStringLiteral("missing %1").arg(kTable)));
        // (_parse_date_xxx, "input", (y, m, d, H, M, S, wday, yday, dst)) or None
        static const QRegularExpression row(QStringLiteral(
            "\\(\\s*_parse_date_(\\w+),\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*(\\(([-\\d,\\s]+)\\)|None)\\s*,?\\s*\\)"));
        int rows = 0;
        for (auto it = row.globalMatch(source); it.hasNext();) {
            const auto m = it.next();
            const QString input = unescaped(m.captured(2));
            QDateTime expected;
            if (m.captured(3) != QLatin1String("None")) {
                const QStringList f = m.captured(4).split(QLatin1Char(','), Qt::SkipEmptyParts);
                expected = QDateTime(QDate(f[0].trimmed().toInt(), f[1].trimmed().toInt(), f[2].trimmed().toInt()),
                                     QTime(f[3].trimmed().toInt(), f[4].trimmed().toInt(), f[5].trimmed().toInt()), Qt::UTC);
            }
            if (kReadByAnotherReader.contains(input))
                continue;
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(m.captured(1), input.isEmpty() ? QStringLiteral("(empty)") : input)))
                << input << expected;
            ++rows;
        }
        QVERIFY2(rows >= 70, qPrintable(QStringLiteral("only %1 rows read from the table").arg(rows)));
    }

    void feedparserDateTable()
    {
        QFETCH(QString, input);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = parseFeedDate(input);
        // Seconds are what the table holds; fractions are ours to keep.
        QCOMPARE(parsed.isValid() ? QDateTime(parsed.date(), QTime(parsed.time().hour(), parsed.time().minute(),
                                                                   parsed.time().second()), Qt::UTC)
                                  : QDateTime(),
                 expected);
    }

    // The forms #18 names, with the zone arithmetic spelled out.
    void zonesAndFormsTheIssueNames_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QDateTime>("expected");
        auto utc = [](int y, int mo, int d, int h, int mi, int s = 0) { return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC); };
        QTest::newRow("ET") << QStringLiteral("Tue, 14 Apr 2026 08:30:00 ET") << utc(2026, 4, 14, 13, 30);
        QTest::newRow("CT") << QStringLiteral("Tue, 14 Apr 2026 08:30:00 CT") << utc(2026, 4, 14, 14, 30);
        QTest::newRow("MT") << QStringLiteral("Tue, 14 Apr 2026 08:30:00 MT") << utc(2026, 4, 14, 15, 30);
        QTest::newRow("PT") << QStringLiteral("Tue, 14 Apr 2026 08:30:00 PT") << utc(2026, 4, 14, 16, 30);
        QTest::newRow("EDT") << QStringLiteral("Tue, 14 Apr 2026 08:30:00 EDT") << utc(2026, 4, 14, 12, 30);
        QTest::newRow("MEST") << QStringLiteral("Tue, 14 Apr 2026 14:30:00 MEST") << utc(2026, 4, 14, 12, 30);
        QTest::newRow("MET") << QStringLiteral("Wed, 14 Jan 2026 14:30:00 MET") << utc(2026, 1, 14, 13, 30);
        QTest::newRow("GMT-01:01") << QStringLiteral("Wed, 19 Feb 2012 22:40:00 GMT-01:01") << utc(2012, 2, 19, 23, 41);
        QTest::newRow("date only") << QStringLiteral("Thu, 01 Jan 2004") << utc(2004, 1, 1, 0, 0);
        QTest::newRow("comma after month") << QStringLiteral("Mon, 13 Feb, 2012 06:28:00 UTC") << utc(2012, 2, 13, 6, 28);
        QTest::newRow("month before day") << QStringLiteral("Thu Aug 30 2012 17:26:16 +0200") << utc(2012, 8, 30, 15, 26, 16);
        QTest::newRow("asctime") << QStringLiteral("Sun Jan  4 16:29:06 2004") << utc(2004, 1, 4, 16, 29, 6);
        QTest::newRow("trailing comment") << QStringLiteral("Tue, 14 Apr 2026 08:30:00 -0400 (EDT)") << utc(2026, 4, 14, 12, 30);
        QTest::newRow("garbage") << QStringLiteral("yesterday afternoon") << QDateTime();
    }

    void zonesAndFormsTheIssueNames()
    {
        QFETCH(QString, input);
        QFETCH(QDateTime, expected);
        QCOMPARE(parseFeedDate(input), expected);
    }
};

QTEST_GUILESS_MAIN(TestFeedDates)
#include "tst_feeddates.moc"
