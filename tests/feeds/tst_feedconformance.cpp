// feedparser's test corpus (../shared/data/feeds/feedparser-tests) read by our
// parsers: every `Expect:` line of the wellformed/, illformed/, encoding/,
// entities/ and json/ files evaluated on what Tickerwire keeps (see
// feedexpectation.h for what is applicable), with a per-folder table printed.
// What feedparser itself recovers (tests/fixtures/feedparser-reference, made by
// scripts/feedparser-reference-counts.py with Debian's python3-feedparser)
// says which of its entries are empty (no title, link, id or text: no article,
// so not stored by us; assertions on them are not applicable) and, for
// illformed/, sets the floor: as many stored articles as its entries that are
// not empty (the table also says how many files fall short if they counted).
//
// Set TW_CONFORMANCE_VERBOSE=1 to list every failing expectation.

#include "feedexpectation.h"
#include "feeds/parsers/feedsniffer.h"
#include "feeds/parsers/newsdocumentparser.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTest>

#include <map>

using namespace tw;
using namespace twtest;

namespace {
const QString kCorpus = QStringLiteral(TW_SHARED_DATA_DIR "/feeds/feedparser-tests");
const QDateTime kFetched(QDate(2026, 4, 10), QTime(12, 0), Qt::UTC);

// The text of a test file as feedparser's own test helper reads it (to find
// the Expect line): the byte order mark or the first bytes name UTF-32/16,
// else UTF-8 with undecodable bytes dropped.
QString commentText(const QByteArray &data)
{
    auto decode = [](QStringConverter::Encoding e, QByteArrayView bytes) {
        QStringDecoder decoder(e, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(bytes);
        return text;
    };
    const QByteArrayView d(data);
    auto starts = [&](const char *bytes, qsizetype n) { return d.startsWith(QByteArrayView(bytes, n)); };
    if (starts("\x00\x00\xFE\xFF", 4) || starts("\x00\x00\x00\x3C", 4))
        return decode(QStringConverter::Utf32BE, d);
    if (starts("\xFF\xFE\x00\x00", 4) || starts("\x3C\x00\x00\x00", 4))
        return decode(QStringConverter::Utf32LE, d);
    if (starts("\x00\x3C\x00\x3F", 4) || starts("\xFE\xFF", 2))
        return decode(QStringConverter::Utf16BE, d);
    if (starts("\x3C\x00\x3F\x00", 4) || starts("\xFF\xFE", 2))
        return decode(QStringConverter::Utf16LE, d);
    QString text = QString::fromUtf8(d);
    text.remove(QChar(0xFFFD));
    return text;
}

struct Tally {
    int files = 0;
    int applicable = 0;
    int passed = 0;
    int notApplicable = 0;
    int emptyEntries = 0;   // of notApplicable: expected empty text of an entry we do not store
};

struct Reference {
    int entries = -1;          // -1: feedparser itself failed on the file
    QList<int> emptyEntries;   // its entries without title, link, id or text
};

QMap<QString, Reference> referenceEntries()
{
    QMap<QString, Reference> references;
    const QString text = QString::fromUtf8(twtest::readAll(twtest::fixture(QStringLiteral("feedparser-reference/entries.tsv"))));
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() < 3)
            continue;
        Reference r;
        bool ok = false;
        r.entries = f.at(1).toInt(&ok);
        if (!ok)
            r.entries = -1;
        for (const QString &i : f.at(2).split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (i != QLatin1String("-"))
                r.emptyEntries << i.toInt();
        references.insert(f.at(0), r);
    }
    return references;
}
} // namespace

class TestFeedConformance : public QObject {
    Q_OBJECT

private slots:
    void feedparserCorpus()
    {
        QVERIFY2(QDir(kCorpus).exists(), qPrintable(QStringLiteral("corpus missing: %1").arg(kCorpus)));
        static const QRegularExpression expectRe(QStringLiteral("Description:\\s*(.*?)\\s*Expect:\\s*(.*)\\s*-->"));
        static const QRegularExpression headerRe(QStringLiteral("^Header:\\s+([^:]+):(.*)$"),
                                                 QRegularExpression::MultilineOption);
        const bool verbose = qEnvironmentVariableIsSet("TW_CONFORMANCE_VERBOSE");
        const QMap<QString, Reference> reference = referenceEntries();
        QVERIFY(!reference.isEmpty());

        std::map<QString, Tally> tallies;
        QStringList fewerEntries;
        int fewerThanAllEntries = 0;
        QElapsedTimer timer;
        timer.start();
        for (const QString &folder : {QStringLiteral("wellformed"), QStringLiteral("illformed"), QStringLiteral("encoding"),
                                     QStringLiteral("entities"), QStringLiteral("json")}) {
            Tally &tally = tallies[folder];
            QStringList files;
            for (QDirIterator it(kCorpus + QLatin1Char('/') + folder, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
                files << it.next();
            files.sort();
            for (const QString &path : files) {
                const QString relative = QDir(kCorpus).relativeFilePath(path);
                const QByteArray body = twtest::readAll(path);
                const QString comment = commentText(body);
                ++tally.files;
                // feedparser's http/ tests are served with the headers their comment names.
                QString contentType;
                QUrl url;
                if (relative.contains(QLatin1String("http"))) {
                    for (auto it = headerRe.globalMatch(comment); it.hasNext();) {
                        const auto m = it.next();
                        if (m.captured(1).trimmed().compare(QLatin1String("Content-type"), Qt::CaseInsensitive) == 0)
                            contentType = m.captured(2).trimmed();
                    }
                    url = QUrl(QStringLiteral("http://127.0.0.1:8097/tests/") + relative);
                }
                const SniffResult sniffed = FeedSniffer::sniff(body, contentType);
                auto parsed = NewsDocumentParser::parse(sniffed, url, kFetched);
                KeptFeed kept;
                kept.emptyEntries = reference.value(relative).emptyEntries;
                kept.body = body;
                kept.decodedText = sniffed.document.text;
                if (parsed) {
                    kept.title = parsed->feed.title;
                    for (const Article &a : parsed->feed.articles)
                        kept.entries << KeptEntry{a.title, a.url, a.summary, a.body,
                                                  a.publishedEstimated ? QDateTime() : a.published};
                }
                if (folder == QLatin1String("illformed")) {
                    const Reference floor = reference.value(relative);
                    const qsizetype articles = floor.entries - floor.emptyEntries.size();
                    if (floor.entries < 0)
                        fewerEntries << QStringLiteral("%1: no reference count").arg(relative);
                    else if (kept.entries.size() < articles)
                        fewerEntries << QStringLiteral("%1: %2 entries, feedparser %3%4")
                                            .arg(relative)
                                            .arg(kept.entries.size())
                                            .arg(articles)
                                            .arg(parsed ? QString() : QStringLiteral(" (") + parsed.errorMessage() + QLatin1Char(')'));
                    if (kept.entries.size() < floor.entries)
                        ++fewerThanAllEntries;
                }
                const auto m = expectRe.match(comment);
                if (!m.hasMatch()) {
                    ++tally.notApplicable;
                    continue;
                }
                const QString expression = m.captured(2).trimmed();
                const Evaluation e = evaluateExpectation(expression, kept);
                if (e.verdict == Verdict::NotApplicable) {
                    if (qEnvironmentVariableIsSet("TW_CONFORMANCE_LIST_NA"))
                        qInfo().noquote() << "n/a" << relative << "::" << expression.left(200) << e.detail;
                    ++tally.notApplicable;
                    if (e.detail == QLatin1String("empty entry"))
                        ++tally.emptyEntries;
                    continue;
                }
                ++tally.applicable;
                if (e.verdict == Verdict::Pass) {
                    ++tally.passed;
                } else if (verbose) {
                    qInfo().noquote() << "FAIL" << relative << "::" << expression.left(200) << "\n    " << e.detail
                                      << (parsed ? QString() : QStringLiteral("\n    parse error: ") + parsed.errorMessage());
                }
            }
        }

        QString table = QStringLiteral("\nfolder       files  applicable  passed      %   not applicable (of which empty entries)\n");
        for (const auto &[folder, t] : tallies)
            table += QStringLiteral("%1 %2 %3 %4 %5 %6 (%7)\n")
                         .arg(folder, -11)
                         .arg(t.files, 6)
                         .arg(t.applicable, 11)
                         .arg(t.passed, 7)
                         .arg(t.applicable ? 100.0 * t.passed / t.applicable : 100.0, 6, 'f', 1)
                         .arg(t.notApplicable, 16)
                         .arg(t.emptyEntries);
        table += QStringLiteral("illformed: %1 files with fewer stored articles than feedparser's non-empty entries "
                                "(%2 if its empty entries counted)\n")
                     .arg(fewerEntries.size())
                     .arg(fewerThanAllEntries);
        table += QStringLiteral("(%1 ms)\n").arg(timer.elapsed());
        qInfo().noquote() << table;
        for (const QString &f : fewerEntries)
            qInfo().noquote() << "  fewer entries:" << f;

        auto rate = [&](const QString &folder) {
            const Tally &t = tallies[folder];
            return t.applicable ? double(t.passed) / t.applicable : 0.0;
        };
        QVERIFY2(rate(QStringLiteral("wellformed")) >= 0.95, "wellformed/ below 95%");
        QVERIFY2(rate(QStringLiteral("entities")) >= 0.95, "entities/ below 95%");
        QVERIFY2(rate(QStringLiteral("encoding")) >= 0.90, "encoding/ below 90%");
        QVERIFY2(fewerEntries.isEmpty(), qPrintable(fewerEntries.join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TestFeedConformance)
#include "tst_feedconformance.moc"
