// The strict XML reader is a fast path: where it reads a feed it must give
// exactly what QXmlStreamReader gives, and where it cannot it must decline so
// that QXmlStreamReader reads the document (and recovers broken items).
#include "parsedfeeddiff.h"
#include "feeds/parsers/atomparser.h"
#include "feeds/parsers/rssparser.h"
#include "feeds/parsers/strictxmlreader.h"
#include "testsupport.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTest>

using namespace tw;

namespace {
const QDateTime kFetched(QDate(2026, 4, 10), QTime(12, 0), Qt::UTC);
const QUrl kFeedUrl(QStringLiteral("https://news.example.com/feeds/meta.xml"));

using Parse = Result<ParsedFeed> (*)(const QByteArray &, const QUrl &, const QDateTime &, XmlReading);

// The feed parser for an Atom document or an RSS one.
Parse parserFor(bool atom)
{
    return atom ? Parse(&AtomParser::parse) : Parse(&RssParser::parse);
}

// Both readers on one document.
struct Reading {
    bool alike = false;    // the same outcome, the same feed
    bool strict = false;   // the strict reader read it
    QString why;           // what differs, when they are not alike
};

Reading readBoth(bool atom, const QByteArray &doc)
{
    const Parse parse = parserFor(atom);
    const auto fast = parse(doc, kFeedUrl, kFetched, XmlReading::StrictFirst);
    const auto reference = parse(doc, kFeedUrl, kFetched, XmlReading::QtOnly);
    Reading r;
    if (fast.ok() != reference.ok()) {
        r.why = QStringLiteral("one reader failed: %1").arg(fast.ok() ? reference.errorMessage() : fast.errorMessage());
        return r;
    }
    if (!fast.ok()) {
        r.why = fast.errorMessage() == reference.errorMessage()
                    ? QString()
                    : QStringLiteral("errors differ: %1 vs %2").arg(fast.errorMessage(), reference.errorMessage());
        r.alike = r.why.isEmpty();
        return r;
    }
    r.strict = fast->readStrictly;
    if (reference->readStrictly) {
        r.why = QStringLiteral("QtOnly reading claims the strict reader");
        return r;
    }
    r.why = twtest::parsedFeedDifference(*fast, *reference);
    r.alike = r.why.isEmpty();
    return r;
}

QByteArray rss(const QByteArray &items, const QByteArray &channelAttributes = {})
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
           "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel" + channelAttributes + "><title>Desk</title>"
           "<link>https://news.example.com/</link>\n" + items + "</channel></rss>\n";
}

QByteArray atom(const QByteArray &entries)
{
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
           "xml:base=\"https://blog.example.org/\"><title>Blog</title><id>urn:blog</id>\n" + entries + "</feed>\n";
}
} // namespace

class TestStrictXmlReader : public QObject {
    Q_OBJECT

private slots:
    // Every feed fixture, as the providers serve them.
    void fixturesReadAlike_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("atom");
        QTest::addColumn<bool>("expectStrict");
        for (const char *dir : {"rss", "rdf", "atom"}) {
            const QDir d(twtest::fixture(QString::fromLatin1(dir)));
            for (const QString &name : d.entryList(QDir::Files, QDir::Name)) {
                if (name.endsWith(QLatin1String(".gz")))
                    continue;
                // The one fixture with broken items needs QXmlStreamReader's recovery.
                const bool expectStrict = name != QLatin1String("malformed-items.rss");
                QTest::addRow("%s/%s", dir, qPrintable(name))
                    << d.filePath(name) << (QByteArray(dir) == "atom") << expectStrict;
            }
        }
    }

    void fixturesReadAlike()
    {
        QFETCH(QString, path);
        QFETCH(bool, atom);
        QFETCH(bool, expectStrict);
        const QByteArray doc = twtest::readAll(path);
        QVERIFY(!doc.isEmpty());
        const Reading read = readBoth(atom, doc);
        QVERIFY2(read.alike, qPrintable(read.why));
        QCOMPARE(read.strict, expectStrict);
    }

    // Constructs real feeds use, and ones the strict reader must leave to
    // QXmlStreamReader; either way the result is QXmlStreamReader's.
    void constructsReadAlike_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<bool>("atom");
        QTest::addColumn<bool>("expectStrict");
        auto item = [](const QByteArray &inner) -> QByteArray { return "<item>" + inner + "</item>"; };
        const QByteArray plain = "<title>Meta lifts capex</title><link>https://news.example.com/a</link>";

        QTest::newRow("CRLF line ends in text, CDATA and attributes")
            << rss("<item>\r\n<title>Meta\r\nlifts\rcapex</title><link>https://news.example.com/a</link>"
                   "<description><![CDATA[<p>one\r\ntwo</p>]]></description>"
                   "<source url=\"https://wire.example.com/\r\nfeed\">Wire</source></item>\r\n")
            << false << true;
        QTest::newRow("character references, astral too")
            << rss(item("<title>Meta &#8217;s &#x2014; AI &#x1F680; &amp;lt;b&amp;gt; &quot;spark&quot; &apos;</title>"
                        "<link>https://news.example.com/a?x=1&amp;y=2</link>"))
            << false << true;
        QTest::newRow("emoji and curly quotes as text")
            << rss(item("<title>Muse Spark \xF0\x9F\x9A\x80 \xE2\x80\x9Cships\xE2\x80\x9D</title>"
                        "<link>https://news.example.com/a</link>"))
            << false << true;
        QTest::newRow("namespace declared on the item")
            << rss("<item xmlns:media=\"http://search.yahoo.com/mrss/\">" + plain +
                   "<media:content url=\"https://img.example.com/a.jpg\"/>"
                   "<content:encoded><![CDATA[<p>Body <b>text</b></p>]]></content:encoded></item>")
            << false << true;
        QTest::newRow("prefix rebound inside an item")
            << rss(item(plain + "<x:encoded xmlns:x=\"http://purl.org/rss/1.0/modules/content/\">Body A</x:encoded>"
                                "<dc:creator xmlns:dc=\"urn:not-dublin-core\">Nobody</dc:creator>"))
            << false << true;
        QTest::newRow("default namespace on an item element")
            << rss(item(plain + "<author xmlns=\"urn:other\">someone</author>")) << false << true;
        QTest::newRow("xml:base on channel and item")
            << rss("<item xml:base=\"/2026/04/\"><title>Relative</title><link>story.html</link></item>",
                   " xml:base=\"https://news.example.com/desk/\"")
            << false << true;
        QTest::newRow("empty elements, comments, a stylesheet PI")
            << QByteArray("<?xml version=\"1.0\" standalone=\"yes\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"s.xsl\"?>\n"
                          "<!-- generated -->\n<rss version=\"2.0\"><channel><title>Desk</title><link/>"
                          "<item><title>Meta <!-- not this -->capex</title><guid/><link>https://news.example.com/a</link>"
                          "<?cms keep?></item></channel></rss>")
            << false << true;
        QTest::newRow("white space in an attribute value")
            << rss(item(plain + "<source url=\"https://wire.example.com/\tfeed\n\">Wire</source>")) << false << true;
        QTest::newRow("RSS 1.0 with rdf:about")
            << QByteArray("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                          "xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"https://x.example.org/\"><title>X</title>"
                          "</channel><item rdf:about=\"https://x.example.org/1\"><title>One</title>"
                          "<link>https://x.example.org/1</link></item></rdf:RDF>")
            << false << true;
        QTest::newRow("Atom: html, xhtml and text constructs")
            << atom("<entry><title type=\"html\">Meta &amp;amp; &lt;b&gt;capex&lt;/b&gt;</title>"
                    "<link href=\"2026/04/capex\"/><id>urn:1</id><updated>2026-04-08T17:00:00Z</updated>"
                    "<summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Guided <em>$115bn</em>"
                    " to $135bn</p></div></summary><content type=\"text\">  plain\n text  </content>"
                    "<author><name> Bench  Writer </name></author></entry>")
            << true << true;
        QTest::newRow("Atom: EDGAR filing fields")
            << atom("<entry><title>8-K - Meta Platforms, Inc.</title><link rel=\"alternate\" href=\"/Archives/x.htm\"/>"
                    "<id>urn:tag:sec.gov,2008:accession-number=0001326801-26-000012</id>"
                    "<updated>2026-04-29T16:05:12-04:00</updated><category term=\"8-K\"/>"
                    "<content type=\"text/xml\"><accession-number>0001326801-26-000012</accession-number>"
                    "<items-desc>items 2.02 and 9.01</items-desc></content></entry>")
            << true << true;
        // Markup inside text elements: both readers give the same tags to the HTML reading.
        QTest::newRow("XHTML inside an RSS description, with line breaks and script")
            << rss(item(plain + "<description>Guided <b>capex</b><br/>up; <script>track()</script>"
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>chart</title></svg>"
                                " &amp;lt;AAPL.O&amp;gt; &lt; 5%<![CDATA[ <i>up</i> ]]></description>"))
            << false << true;
        QTest::newRow("markup-looking headlines")
            << rss(item("<title>Apple &lt;AAPL.O&gt; shares rise 3%</title><link>https://news.example.com/a</link>") +
                   item("<title><![CDATA[EPS < $1.20 vs > $1.10 expected]]></title><link>https://news.example.com/b</link>") +
                   item("<title>&lt;b&gt;Breaking&lt;/b&gt; <i>news</i></title><link>https://news.example.com/c</link>"))
            << false << true;
        QTest::newRow("Atom: script and markup in XHTML titles")
            << atom("<entry><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">Meta <script>x()</script>"
                    "&lt;META&gt; <b>rises</b><br/>today</div></title><link href=\"a\"/><id>urn:2</id>"
                    "<updated>2026-04-08T17:00:00Z</updated><summary type=\"html\">A &lt;br&gt; B <![CDATA[&amp;]]></summary></entry>")
            << true << true;

        // Left to QXmlStreamReader.
        QTest::newRow("DOCTYPE with an entity")
            << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY co \"Meta Platforms\">]>"
                          "<rss version=\"2.0\"><channel><title>&co;</title><item><title>&co; capex</title>"
                          "<link>https://news.example.com/a</link></item></channel></rss>")
            << false << false;
        QTest::newRow("HTML entity without a DTD")
            << rss(item("<title>Meta&nbsp;capex</title><link>https://news.example.com/a</link>")) << false << false;
        QTest::newRow("an unescaped ampersand in one item")
            << rss(item(plain) + item("<title>AT&T and Meta</title><link>https://news.example.com/b</link>") +
                   item("<title>Third</title><link>https://news.example.com/c</link>"))
            << false << false;
        QTest::newRow("mismatched end tag")
            << rss(item("<title>Meta</titel><link>https://news.example.com/a</link>")) << false << false;
        QTest::newRow("undeclared prefix")
            << rss(item(plain + "<media:thumbnail url=\"x\"/>")) << false << false;
        QTest::newRow("non-ASCII element name")
            << rss(item(plain + "<\xC3\xA9l>x</\xC3\xA9l>")) << false << false;
        // Both found by the differential fuzzer: QXmlStreamReader refuses them.
        QTest::newRow("a processing instruction target with a colon")
            << ("<?x:ml version=\"1.0\"?>" + rss(item(plain)).mid(39)) << false << false;
        QTest::newRow("a digit after an element's prefix")
            << rss(item(plain + "<dc:1creator>x</dc:1creator>")) << false << false;
        QTest::newRow("']]>' in text") << rss(item(plain + "<author>a ]]> b</author>")) << false << false;
        QTest::newRow("a control character") << rss(item(plain + "<author>a \x01 b</author>")) << false << false;
        QTest::newRow("truncated document") << rss(item(plain)).left(150) << false << false;
        QTest::newRow("an HTML page, not a feed")
            << QByteArray("<!DOCTYPE html><html><body>Service unavailable</body></html>") << false << false;
        // Not a feed at all: the same error from both (there is no feed to compare).
        QTest::newRow("a well-formed page that is not RSS")
            << QByteArray("<html><body><p>Service unavailable</p></body></html>") << false << false;
    }

    void constructsReadAlike()
    {
        QFETCH(QByteArray, doc);
        QFETCH(bool, atom);
        QFETCH(bool, expectStrict);
        const Reading read = readBoth(atom, doc);
        QVERIFY2(read.alike, qPrintable(read.why));
        QCOMPARE(read.strict, expectStrict);
    }

    // Random well-formed feeds built from the constructs real feeds mix
    // (fixed seed, so a failure reproduces): both readers must agree on
    // every one, and the strict reader must be the one reading them.
    void generatedFeedsReadAlike_data()
    {
        QTest::addColumn<bool>("atom");
        QTest::newRow("RSS") << false;
        QTest::newRow("Atom") << true;
    }

    void generatedFeedsReadAlike()
    {
        QFETCH(bool, atom);
        for (quint32 seed = 0; seed < 25; ++seed) {
            QRandomGenerator random(20260408 + seed);
            auto pick = [&](const QList<QByteArray> &pool) { return pool.at(int(random.bounded(quint32(pool.size())))); };
            const QList<QByteArray> textPieces{
                "Meta", " lifts ", "capex", "  ", "&amp;", "&lt;b&gt;bold&lt;/b&gt;", "&#8217;", "&#x1F680;", "&#233;",
                "&quot;", "&apos;", "\r\n", "\r", "\n", "\t", "]", "a > b", "\xC3\xA9", "\xE2\x80\x9C",
                "\xF0\x9F\x93\x88", "<![CDATA[<p>Muse & Spark</p>]]>", "<![CDATA[a\r\nb]]>", "<!-- note -->",
                "<?cms x?>", "&amp;nbsp;", "&lt;p&gt;para&lt;/p&gt;", "&lt;br/&gt;", "$115bn"};
            auto text = [&] {
                QByteArray t;
                for (int n = int(random.bounded(1u, 7u)); n > 0; --n)
                    t += pick(textPieces);
                return t;
            };
            const QList<QByteArray> links{"https://news.example.com/a", "story.html", "/2026/04/x?a=1&amp;b=2",
                                          " https://x.example.org/p ", "../up", "#frag"};
            const QList<QByteArray> dates{"Wed, 08 Apr 2026 17:00:00 +0000", "8 Apr 2026 17:00 EDT",
                                          "2026-04-08T17:00:00Z", "2026-04-08T13:00:00-04:00", "yesterday", ""};
            const QList<QByteArray> attributeValues{"a\tb", "line\r\nnext", "x&amp;y", "&#10;", "plain", ""};
            QByteArray doc = atom ? QByteArray(QByteArray("<?xml version=\"1.0\"?>\r\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                                               "xml:base=\"https://blog.example.org/base/\"><title type=\"html\">")
                                        + text() + "</title>\n")
                                  : QByteArray(QByteArray("<?xml version='1.0' standalone='yes'?><!-- top -->\n<rss version=\"2.0\" "
                                               "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                                               "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel "
                                               "xml:base=\"https://news.example.com/desk/\"><title>")
                                        + text() + "</title>");
            for (int item = 0; item < 400; ++item) {
                QByteArray fields;
                const int count = int(random.bounded(1u, 9u));
                for (int f = 0; f < count; ++f) {
                    const quint32 kind = random.bounded(atom ? 11u : 13u);
                    if (atom) {
                        switch (kind) {
                        case 0: fields += "<title>" + text() + "</title>"; break;
                        case 1: fields += "<title type=\"html\">" + text() + "</title>"; break;
                        case 2: fields += "<link rel=\"alternate\" href=\"" + pick(links) + "\"/>"; break;
                        case 3: fields += "<id>urn:x:" + QByteArray::number(item % 50) + "</id>"; break;
                        case 4: fields += "<updated>" + pick(dates) + "</updated>"; break;
                        case 5: fields += "<summary type='html'>" + text() + "</summary>"; break;
                        case 6: fields += "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + text() +
                                          "</p><p>" + text() + "</p></div></content>"; break;
                        case 7: fields += "<author><name>" + text() + "</name></author>"; break;
                        case 8: fields += "<category term=\"" + pick(attributeValues) + "\"/>"; break;
                        case 9: fields += "<source><title>" + text() + "</title></source>"; break;
                        default: fields += "<x:extra xmlns:x=\"urn:x\" a=\"" + pick(attributeValues) + "\">" + text() +
                                           "<x:inner/></x:extra>"; break;
                        }
                    } else {
                        switch (kind) {
                        case 0: fields += "<title>" + text() + "</title>"; break;
                        case 1: fields += "<link>" + pick(links) + "</link>"; break;
                        case 2: fields += "<guid isPermaLink=\"false\">g-" + QByteArray::number(item) + "</guid>"; break;
                        case 3: fields += "<description>" + text() + "</description>"; break;
                        case 4: fields += "<content:encoded>" + text() + "</content:encoded>"; break;
                        case 5: fields += "<pubDate>" + pick(dates) + "</pubDate>"; break;
                        case 6: fields += "<dc:date>" + pick(dates) + "</dc:date>"; break;
                        case 7: fields += "<dc:creator>" + text() + "</dc:creator>"; break;
                        case 8: fields += "<source url=\"" + pick(attributeValues) + "\">" + text() + "</source>"; break;
                        case 9: fields += "<media:content xmlns:media=\"http://search.yahoo.com/mrss/\" url='" +
                                          pick(attributeValues) + "'/>"; break;
                        case 10: fields += "<nasdaq:tickers xmlns:nasdaq=\"https://www.nasdaq.com/\">META, goog</nasdaq:tickers>"; break;
                        case 11: fields += "<author xmlns=\"urn:other\">" + text() + "</author>"; break;
                        default: fields += "<category>" + text() + "</category>"; break;
                        }
                    }
                    if (random.bounded(4u) == 0)
                        fields += pick({QByteArray("\r\n  "), QByteArray("<!-- c -->"), QByteArray("\t")});
                }
                const QByteArray base = random.bounded(3u) == 0 ? " xml:base=\"" + pick(links) + "\"" : QByteArray();
                doc += atom ? QByteArray("<entry" + base + ">" + fields + "</entry>\n")
                            : QByteArray("<item" + base + ">" + fields + "</item>\n");
            }
            doc += atom ? "</feed>" : "</channel></rss>\n";

            const auto fast = parserFor(atom)(doc, kFeedUrl, kFetched, XmlReading::StrictFirst);
            const auto reference = parserFor(atom)(doc, kFeedUrl, kFetched, XmlReading::QtOnly);
            QVERIFY2(fast.ok() && reference.ok(), "a generated feed did not parse");
            QVERIFY2(fast->readStrictly, qPrintable(QStringLiteral("seed %1: the strict reader declined it").arg(seed)));
            QVERIFY2(fast->articles.size() + fast->skipped.size() >= 400, qPrintable(QString::number(fast->articles.size())));
            QVERIFY(fast->articles.size() > 150);   // many items carry a title, link or description
            const QString difference = twtest::parsedFeedDifference(*fast, *reference);
            QVERIFY2(difference.isEmpty(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(difference)));
    
        }
    }

    // The reader itself, through the calls the feed readers make.
    void pullInterface()
    {
        const QString text = QStringLiteral(
            "<?xml version=\"1.0\"?>\n<root xmlns=\"urn:a\" xmlns:b=\"urn:b\" xml:base=\"https://x.example/\">"
            "<b:one b:k=\"v1\" k=\"v2\">x<!-- c -->y<![CDATA[<z>]]></b:one>"
            "<two><inner>deep</inner> tail</two><three/><four>skip <me/> this</four></root>");
        StrictXmlReader xml(text);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("root"));
        QCOMPARE(xml.namespaceUri(), QLatin1String("urn:a"));
        QCOMPARE(xml.attributes().value(QStringLiteral("http://www.w3.org/XML/1998/namespace"), QStringLiteral("base")),
                 QLatin1String("https://x.example/"));
        QCOMPARE(xml.attributes().value(QLatin1String("xml:base")), QLatin1String("https://x.example/"));

        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.qualifiedName(), QLatin1String("b:one"));
        QCOMPARE(xml.namespaceUri(), QLatin1String("urn:b"));
        QCOMPARE(xml.attributes().value(QStringLiteral("urn:b"), QStringLiteral("k")), QLatin1String("v1"));
        QCOMPARE(xml.attributes().value(QLatin1String("k")), QLatin1String("v2"));
        QCOMPARE(xml.readElementText(), QStringLiteral("xy<z>"));
        QVERIFY(xml.isEndElement());

        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("two"));
        QCOMPARE(xml.readElementText(StrictXmlReader::IncludeChildElements), QStringLiteral("deep tail"));

        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("three"));
        QCOMPARE(xml.readElementText(), QString());

        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("four"));
        xml.skipCurrentElement();
        QVERIFY(!xml.readNextStartElement());   // </root>
        QVERIFY(!xml.hasError());
        QCOMPARE(xml.readNext(), StrictXmlReader::EndDocument);
    }

    void declinesWithAReason()
    {
        const QString text = QStringLiteral("<root>\n<a>one</a>\n<b>&nbsp;</b></root>");
        StrictXmlReader xml(text);
        QVERIFY(xml.readNextStartElement());
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.readElementText(), QStringLiteral("one"));
        QVERIFY(xml.readNextStartElement());
        xml.readElementText();
        QVERIFY(xml.hasError());
        QCOMPARE(xml.errorString(), QStringLiteral("entity left to QXmlStreamReader"));
        QCOMPARE(xml.lineNumber(), 3);
        QVERIFY(!xml.readNextStartElement());
    }
};

QTEST_GUILESS_MAIN(TestStrictXmlReader)
#include "tst_strictxmlreader.moc"
