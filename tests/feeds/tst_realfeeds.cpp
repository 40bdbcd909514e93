// Feeds captured by other readers' test suites (../shared/data/feeds/rsparser
// and miniflux, read in place): every one ingests with the items it holds.
// `stored` counts the items with anything to store (a title, link or text);
// `held` every item element of the file; the difference must be items
// skipped for having nothing, each with its reason. Files that are no feed
// (OPML, HTML, Scripting News' own JSON) are errors that say what they are.
// A JSON Feed cut short keeps its complete items, as a cut XML feed does.

#include "feeds/parsers/newsdocumentparser.h"
#include "testsupport.h"

#include <QDir>
#include <QTest>

using namespace tw;

namespace {
const QString kFeeds = QStringLiteral(TW_SHARED_DATA_DIR "/feeds/");
const QDateTime kFetched(QDate(2026, 4, 20), QTime(9, 0), Qt::UTC);
} // namespace

class TestRealFeeds : public QObject {
    Q_OBJECT

private slots:
    void ingestWithTheirItemCounts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("held");
        QTest::addColumn<int>("stored");
        QTest::addColumn<QString>("firstTitle");   // checked when not empty: decoding and text
        const struct {
            const char *file;
            int held;
            int stored;
            const char *firstTitle;
        } rows[] = {
            {"rsparser/3960.json", 20, 20, ""},
            {"rsparser/489.rss", 10, 10, ""},
            {"rsparser/4fsodonline.atom", 25, 25, ""},
            {"rsparser/DaringFireball.atom", 48, 48, ""},
            {"rsparser/DaringFireball.json", 48, 48, ""},
            {"rsparser/DaringFireball.rss", 47, 47, ""},
            {"rsparser/EMarley.rss", 10, 10, ""},
            {"rsparser/KatieFloyd.rss", 20, 20, ""},
            {"rsparser/OneFootTsunami.atom", 25, 25, ""},
            {"rsparser/aktuality.rss", 30, 30, ""},
            {"rsparser/allthis.atom", 12, 12, ""},
            {"rsparser/allthis.json", 12, 12, ""},
            {"rsparser/atp.rss", 100, 100, ""},
            {"rsparser/bio.rdf", 30, 30, ""},
            {"rsparser/cloudblog.rss", 20, 20, ""},
            {"rsparser/curt.json", 26, 26, ""},
            {"rsparser/dcrainmaker.xml", 8, 8, ""},
            {"rsparser/donthitsave.xml", 10, 10, ""},
            {"rsparser/expertopinionent.atom", 43, 43, ""},
            {"rsparser/inessential.json", 20, 20, ""},
            {"rsparser/jsonfeed-extension.json", 3, 3, ""},
            {"rsparser/kc0011.rss", 20, 20, "\u5efa\u56fd35\u5468\u5e74\u7eaa\u5ff5\uff0c\u534e\u8868\uff0c\u548c\u5e73\u9e3d"},
            {"rsparser/livemint.xml", 25, 25, ""},
            {"rsparser/macworld.rss", 30, 30, ""},
            {"rsparser/manton.rss", 10, 10, ""},
            {"rsparser/monkeydom.rss", 13, 13, ""},
            {"rsparser/natasha.xml", 10, 10, ""},
            {"rsparser/phpxml.rss", 20, 20, ""},
            {"rsparser/pxlnv.json", 20, 20, "Uber Lost $4.5 Billion in 2017"},
            {"rsparser/rose.json", 84, 84, ""},
            {"rsparser/rubenerd.rss", 10, 10, ""},
            {"rsparser/russcox.atom", 19, 19, ""},
            {"rsparser/scriptingNews.rss", 50, 50, ""},
            {"rsparser/theomnishow.rss", 4, 4, ""},
            {"miniflux/encoding_ISO-8859-1.xml", 40, 40, ""},
            {"miniflux/encoding_WINDOWS-1251.xml", 50, 50, "\u0426\u0438\u0442\u0430\u0442\u0430 #17703"},
            {"miniflux/invalid-prolog.xml", 1, 1, "Caf\u00e9"},
            {"miniflux/iso-8859-1.xml", 0, 0, ""},
            {"miniflux/koi8r.xml", 2, 2, "\u041f\u0435\u0440\u0432\u0430\u044f \u043d\u043e\u0432\u043e\u0441\u0442\u044c"},
            {"miniflux/large_atom.xml", 25, 25, ""},
            {"miniflux/large_rss.xml", 25, 25, ""},
            {"miniflux/no_encoding_ISO-8859-1.xml", 10, 9, "Perturbateurs endocriniens : quels effets sur le cerveau ?"},
            {"miniflux/rdf_UTF8.xml", 60, 60, ""},
            {"miniflux/small_atom.xml", 20, 20, ""},
            {"miniflux/urdu_UTF8.xml", 26, 26, ""},
            {"miniflux/utf8-incorrect-prolog.xml", 1, 1, "Caf\u00e9"},
            {"miniflux/utf8.xml", 1, 1, "Caf\u00e9"},
            {"miniflux/windows-1252-incorrect-prolog.xml", 0, 0, ""},
            {"miniflux/windows-1252.xml", 0, 0, ""},
        };
        for (const auto &r : rows)
            QTest::newRow(r.file) << QString::fromLatin1(r.file) << r.held << r.stored << QString::fromUtf8(r.firstTitle);
    }

    void ingestWithTheirItemCounts()
    {
        QFETCH(QString, file);
        QFETCH(int, held);
        QFETCH(int, stored);
        QFETCH(QString, firstTitle);
        const QByteArray body = twtest::readAll(kFeeds + file);
        QVERIFY2(!body.isEmpty(), qPrintable(kFeeds + file));
        auto parsed = NewsDocumentParser::parse(body, QUrl(QStringLiteral("https://feeds.example.com/") + file), kFetched);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QCOMPARE(parsed->feed.articles.size(), stored);
        QCOMPARE(parsed->feed.skipped.size(), held - stored);
        for (const QString &reason : parsed->feed.skipped)
            QVERIFY2(reason.contains(QStringLiteral(": no title")), qPrintable(reason));
        if (!firstTitle.isEmpty())
            QCOMPARE(parsed->feed.articles.first().title, firstTitle);
    }

    // The channel titles whose encoding the file gets wrong or leaves out.
    void channelTitlesDecodeRight_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("title");
        QTest::newRow("Euro, declared and encoded windows-1252") << QStringLiteral("miniflux/windows-1252.xml") << QStringLiteral("Euro \u20ac");
        QTest::newRow("UTF-8 bytes declared windows-1252") << QStringLiteral("miniflux/windows-1252-incorrect-prolog.xml")
                                                            << QStringLiteral("Euro \u20ac");
        QTest::newRow("ISO-8859-1") << QStringLiteral("miniflux/iso-8859-1.xml") << QStringLiteral("Caf\u00e9");
        QTest::newRow("KOI8-R") << QStringLiteral("miniflux/koi8r.xml")
                                << QStringLiteral("\u041f\u0440\u0438\u043c\u0435\u0440 RSS \u043b\u0435\u043d\u0442\u044b");
        QTest::newRow("UTF-8 under an unknown label") << QStringLiteral("miniflux/invalid-prolog.xml")
                                                      << QStringLiteral("\ud14c\uc2a4\ud2b8 \ud53c\ub4dc");
    }

    void channelTitlesDecodeRight()
    {
        QFETCH(QString, file);
        QFETCH(QString, title);
        auto parsed = NewsDocumentParser::parse(twtest::readAll(kFeeds + file), QUrl(), kFetched);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->feed.title, title);
    }

    // Cut inside its third item, before the version (written after the items).
    void jsonFeedCutShortKeepsItsCompleteItems()
    {
        auto parsed = NewsDocumentParser::parse(twtest::readAll(kFeeds + QStringLiteral("rsparser/allthis-partial.json")),
                                                QUrl(QStringLiteral("https://feeds.example.com/feed.json")), kFetched);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QCOMPARE(parsed->format, DocumentFormat::JsonFeed);
        QCOMPARE(parsed->feed.articles.size(), 2);
        QCOMPARE(parsed->feed.articles.at(0).title, QStringLiteral("Last thoughts on modifier keys"));
        QCOMPARE(parsed->feed.articles.at(1).title, QStringLiteral("My next Mac"));
        QCOMPARE(parsed->feed.articles.at(1).url, QStringLiteral("http://leancrew.com/all-this/2017/11/my-next-mac/"));
        QVERIFY(parsed->feed.lostContent);
        QVERIFY2(parsed->feed.warnings.value(0).startsWith(QStringLiteral("2 items recovered from a damaged document (document cut short")),
                 qPrintable(parsed->feed.warnings.join(QLatin1Char('|'))));
    }

    void filesThatAreNoFeedSaySo_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("says");
        QTest::newRow("OPML") << QStringLiteral("rsparser/Subs.opml") << QStringLiteral("root element <opml>");
        QTest::newRow("OPML without titles") << QStringLiteral("rsparser/SubsNoTitleAttributes.opml") << QStringLiteral("<opml>");
        QTest::newRow("Scripting News JSON") << QStringLiteral("rsparser/ScriptingNews.json") << QStringLiteral("keys: rss");
        QTest::newRow("HTML page") << QStringLiteral("miniflux/iso-8859-1.html") << QStringLiteral("HTML page (\"Fr\u00e9d\u00e9ric\")");
        QTest::newRow("HTML, charset after 1 KB") << QStringLiteral("miniflux/utf8-meta-after-1024.html") << QStringLiteral("HTML page");
        // Four items with an id and nothing else: no article among them.
        QTest::newRow("JSON Feed of empty items") << QStringLiteral("rsparser/authors.json") << QStringLiteral("0 items: item 1: no title");
    }

    void filesThatAreNoFeedSaySo()
    {
        QFETCH(QString, file);
        QFETCH(QString, says);
        auto parsed = NewsDocumentParser::parse(twtest::readAll(kFeeds + file), QUrl(), kFetched);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.errorMessage().contains(says), qPrintable(parsed.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestRealFeeds)
#include "tst_realfeeds.moc"
