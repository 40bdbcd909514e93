// The four SEC EDGAR parsers on the real filings in ../shared/data/sec (read
// in place) and on the fixtures' EDGAR shapes.
#include "feeds/parsers/companyfactsparser.h"
#include "feeds/parsers/filingtext.h"
#include "feeds/parsers/secfilingdocumentparser.h"
#include "feeds/parsers/secfilingfeedparser.h"
#include "feeds/parsers/secsubmissionsparser.h"
#include "models/filings/currentreportitems.h"
#include "testsupport.h"

#include <QSet>
#include <QTest>

using namespace tw;

namespace {
using twtest::secBytes;

// The filing with `accession` among `filings` (the last, were there two), or null.
const Filing *filingNumbered(const QList<Filing> &filings, QLatin1String accession)
{
    const Filing *found = nullptr;
    for (const Filing &f : filings) {
        if (f.accession == accession)
            found = &f;
    }
    return found;
}

Result<SecFilingDocument> document(const QString &relative)
{
    return SecFilingDocumentParser::parse(secBytes(relative), relative.section(QLatin1Char('/'), -1));
}
} // namespace

class TestSecParsers : public QObject {
    Q_OBJECT

private slots:
    void latestFilingsFeedsListEachFilingOnce_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("filings");
        QTest::addColumn<int>("currentReports");
        // Counted independently (unique accession numbers in the entry ids).
        QTest::newRow("0") << QStringLiteral("atom/getcurrent-all-0.atom") << 50 << 0;
        QTest::newRow("1") << QStringLiteral("atom/getcurrent-all-1.atom") << 63 << 13;
        QTest::newRow("2") << QStringLiteral("atom/getcurrent-all-2.atom") << 65 << 9;
    }

    void latestFilingsFeedsListEachFilingOnce()
    {
        QFETCH(QString, file);
        QFETCH(int, filings);
        QFETCH(int, currentReports);
        QVERIFY(SecFilingFeedParser::looksLikeEdgarFeed(secBytes(file)));
        auto feed = SecFilingFeedParser::parse(secBytes(file));
        QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.errorMessage()));
        QCOMPARE(feed->filings.size(), filings);
        QVERIFY(feed->skipped.isEmpty());
        QSet<QString> accessions;
        int eightK = 0;
        for (const Filing &f : feed->filings) {
            QVERIFY2(!accessions.contains(f.accession), qPrintable(f.accession));
            accessions.insert(f.accession);
            QVERIFY(!f.form.isEmpty());
            QVERIFY(f.filed.isValid());
            QVERIFY(f.cik > 0);
            QVERIFY(f.indexUrl.startsWith(QLatin1String("https://www.sec.gov/Archives/edgar/data/")));
            if (f.form == QLatin1String("8-K")) {
                ++eightK;
                QVERIFY2(!f.items.isEmpty(), qPrintable(f.accession));
                for (const FilingItem &i : f.items)
                    QVERIFY2(!i.title.isEmpty(), qPrintable(f.accession + QLatin1Char(' ') + i.number));
            }
        }
        QCOMPARE(eightK, currentReports);
    }

    void latestFilingsEntryReadsFormCompanyAndItems()
    {
        auto feed = SecFilingFeedParser::parse(secBytes(QStringLiteral("atom/getcurrent-all-1.atom")));
        QVERIFY(feed.ok());
        const Filing *velo = filingNumbered(feed->filings, QLatin1String("0001493152-25-027594"));
        QVERIFY(velo);
        QCOMPARE(velo->form, QStringLiteral("8-K"));
        QCOMPARE(velo->companyName, QStringLiteral("Velo3D, Inc."));
        QCOMPARE(velo->cik, 1825079);
        QCOMPARE(velo->filed, QDate(2025, 12, 12));
        QCOMPARE(velo->itemNumbers(), (QStringList{QStringLiteral("1.01"), QStringLiteral("2.01"), QStringLiteral("2.03"),
                                                    QStringLiteral("5.02"), QStringLiteral("9.01")}));
        QCOMPARE(velo->items.at(0).title, QStringLiteral("Entry into a Material Definitive Agreement"));
        QCOMPARE(velo->indexUrl,
                 QStringLiteral("https://www.sec.gov/Archives/edgar/data/1825079/000149315225027594/0001493152-25-027594-index.htm"));
    }

    void latestFilingsKeepTheIssuerNotTheReportingOwner()
    {
        // A Form 4 is listed for the reporting person and for the issuer.
        auto feed = SecFilingFeedParser::parse(secBytes(QStringLiteral("atom/getcurrent-all-0.atom")));
        QVERIFY(feed.ok());
        const Filing *form4 = filingNumbered(feed->filings, QLatin1String("0002063236-25-000004"));
        QVERIFY(form4);
        QCOMPARE(form4->form, QStringLiteral("4"));
        QCOMPARE(form4->companyName, QStringLiteral("Hinge Health, Inc."));
        QCOMPARE(form4->cik, 1673743);
    }

    void companyFeedReadsContentFields()
    {
        auto feed = SecFilingFeedParser::parse(twtest::fixtureBytes(QStringLiteral("sec/nvda-8k-getcompany.atom")));
        QVERIFY2(feed.ok(), qPrintable(feed.ok() ? QString() : feed.errorMessage()));
        QCOMPARE(feed->cik, 1045810);
        QCOMPARE(feed->companyName, QStringLiteral("NVIDIA CORP"));
        QCOMPARE(feed->filings.size(), 3);
        const Filing &results = feed->filings.at(0);
        QCOMPARE(results.accession, QStringLiteral("0001045810-26-000019"));
        QCOMPARE(results.form, QStringLiteral("8-K"));
        QCOMPARE(results.filed, QDate(2026, 2, 25));
        QCOMPARE(results.cik, 1045810);
        QCOMPARE(results.itemNumbers(), (QStringList{QStringLiteral("2.02"), QStringLiteral("9.01")}));
        QCOMPARE(results.items.at(0).title, QStringLiteral("Results of Operations and Financial Condition"));
        QCOMPARE(results.accepted, QDateTime(QDate(2026, 2, 25), QTime(21, 31, 25), Qt::UTC));
        // Items only in items-desc, in its irregular spellings.
        QCOMPARE(feed->filings.at(1).itemNumbers(), QStringList{QStringLiteral("5.02")});
        QCOMPARE(feed->filings.at(1).items.at(0).title, QString::fromLatin1(currentReportItem(QStringLiteral("5.02"))->title));
        QCOMPARE(feed->filings.at(2).itemNumbers(), (QStringList{QStringLiteral("2.02"), QStringLiteral("9.01")}));

        auto meta = SecFilingFeedParser::parse(twtest::fixtureBytes(QStringLiteral("atom/edgar-meta-8k.atom")));
        QVERIFY(meta.ok());
        QCOMPARE(meta->cik, 1326801);
        QVERIFY(!meta->filings.isEmpty());
        for (const Filing &f : meta->filings) {
            QCOMPARE(f.companyName, QStringLiteral("Meta Platforms, Inc."));
            QVERIFY(!f.items.isEmpty());
        }
    }

    void notAFilingFeed()
    {
        QVERIFY(!SecFilingFeedParser::parse(QByteArray("<rss><channel/></rss>")).ok());
        QVERIFY(!SecFilingFeedParser::parse(QByteArray()).ok());
        QVERIFY(!SecFilingFeedParser::looksLikeEdgarFeed(
            twtest::fixtureBytes(QStringLiteral("atom/blog-xmlbase.atom"))));
        // Entries without an accession number are skipped with the reason.
        auto partial = SecFilingFeedParser::parse(QByteArray(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>8-K - X (0000000001) (Filer)</title></entry></feed>"));
        QVERIFY(partial.ok());
        QVERIFY(partial->filings.isEmpty());
        QCOMPARE(partial->skipped, QStringList{QStringLiteral("entry 1: no accession number")});
    }

    void submissionsListFilingsWithItems_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("cik");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ticker");
        QTest::addColumn<int>("filings");
        QTest::addColumn<int>("currentReports");
        QTest::addColumn<int>("olderPages");
        QTest::newRow("MSFT") << QStringLiteral("submissions/CIK0000789019.json") << qint64(789019)
                              << QStringLiteral("MICROSOFT CORP") << QStringLiteral("MSFT") << 1002 << 65 << 2;
        QTest::newRow("NVDA") << QStringLiteral("submissions/CIK0001045810.json") << qint64(1045810)
                              << QStringLiteral("NVIDIA CORP") << QStringLiteral("NVDA") << 1007 << 60 << 1;
        QTest::newRow("TSLA") << QStringLiteral("submissions/CIK0001318605.json") << qint64(1318605)
                              << QStringLiteral("Tesla, Inc.") << QStringLiteral("TSLA") << 1001 << 163 << 1;
    }

    void submissionsListFilingsWithItems()
    {
        QFETCH(QString, file);
        QFETCH(qint64, cik);
        QFETCH(QString, name);
        QFETCH(QString, ticker);
        QFETCH(int, filings);
        QFETCH(int, currentReports);
        QFETCH(int, olderPages);
        auto parsed = SecSubmissionsParser::parse(secBytes(file));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.errorMessage()));
        QCOMPARE(parsed->cik, cik);
        QCOMPARE(parsed->name, name);
        QCOMPARE(parsed->tickers.value(0), ticker);
        QCOMPARE(parsed->filings.size(), filings);
        QCOMPARE(parsed->olderFiles.size(), olderPages);
        int eightK = 0;
        for (const Filing &f : parsed->filings) {
            QVERIFY(f.filed.isValid());
            QCOMPARE(f.cik, cik);
            if (f.form == QLatin1String("8-K")) {
                ++eightK;
                QVERIFY2(!f.items.isEmpty(), qPrintable(f.accession));
            }
        }
        QCOMPARE(eightK, currentReports);
    }

    void submissionsRowReadsEveryColumn()
    {
        auto parsed = SecSubmissionsParser::parse(secBytes(QStringLiteral("submissions/CIK0001045810.json")));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->fiscalYearEnd, QStringLiteral("0131"));
        const Filing &f = parsed->filings.at(6);
        QCOMPARE(f.accession, QStringLiteral("0001045810-26-000019"));
        QCOMPARE(f.form, QStringLiteral("8-K"));
        QCOMPARE(f.filed, QDate(2026, 2, 25));
        QCOMPARE(f.reportDate, QDate(2026, 2, 25));
        QCOMPARE(f.accepted, QDateTime(QDate(2026, 2, 25), QTime(16, 31, 25), Qt::UTC));
        QCOMPARE(f.itemNumbers(), (QStringList{QStringLiteral("2.02"), QStringLiteral("9.01")}));
        QCOMPARE(f.items.at(0).title, QStringLiteral("Results of Operations and Financial Condition"));
        QCOMPARE(f.primaryDocument, QStringLiteral("nvda-20260225.htm"));
        QCOMPARE(f.documentUrl, QStringLiteral("https://www.sec.gov/Archives/edgar/data/1045810/000104581026000019/nvda-20260225.htm"));
        QCOMPARE(f.tickers, QStringList{QStringLiteral("NVDA")});
        QVERIFY(!SecSubmissionsParser::parse(QByteArray("{\"cik\": 1}")).ok());
        QVERIFY(!SecSubmissionsParser::parse(QByteArray("[1,2]")).ok());
    }

    void fullSubmissionOfMetaEightK()
    {
        auto doc = document(QStringLiteral("8-k/meta-2025-12-19/0001628280-25-058337.txt"));
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.errorMessage()));
        QCOMPARE(int(doc->shape), int(SecFilingDocument::Shape::FullSubmission));
        const Filing &f = doc->filing;
        QCOMPARE(f.accession, QStringLiteral("0001628280-25-058337"));
        QCOMPARE(f.cik, 1326801);
        QCOMPARE(f.companyName, QStringLiteral("Meta Platforms, Inc."));
        QCOMPARE(f.form, QStringLiteral("8-K"));
        QCOMPARE(f.filed, QDate(2025, 12, 19));
        QCOMPARE(f.reportDate, QDate(2025, 12, 19));
        QCOMPARE(f.accepted, QDateTime(QDate(2025, 12, 19), QTime(22, 0, 37), Qt::UTC));   // 17:00:37 in New York
        QCOMPARE(f.tickers, QStringList{QStringLiteral("META")});
        QCOMPARE(f.primaryDocument, QStringLiteral("meta-20251219.htm"));
        QCOMPARE(f.indexUrl, QStringLiteral("https://www.sec.gov/Archives/edgar/data/1326801/000162828025058337/0001628280-25-058337-index.htm"));
        QCOMPARE(f.itemNumbers(), QStringList{QStringLiteral("5.02")});
        const FilingItem &leadership = f.items.at(0);
        QVERIFY(leadership.title.startsWith(QLatin1String("Departure of Directors or Certain Officers")));
        QVERIFY2(leadership.text.startsWith(QLatin1String("(b) On December 19, 2025, Dina Powell McCormick notified Meta Platforms, Inc.")),
                 qPrintable(leadership.text));
        QVERIFY(leadership.text.contains(QLatin1String("resign as a member of the Board of Directors")));
        QVERIFY(!leadership.text.contains(QLatin1String("SIGNATURE")));
        QVERIFY(f.exhibits.isEmpty());
    }

    void mainDocumentAloneReadsTheCoverPage()
    {
        auto doc = document(QStringLiteral("8-k/meta-2025-12-19/meta-20251219.htm"));
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.errorMessage()));
        QCOMPARE(int(doc->shape), int(SecFilingDocument::Shape::PrimaryDocument));
        QCOMPARE(doc->filing.cik, 1326801);
        QCOMPARE(doc->filing.form, QStringLiteral("8-K"));
        QCOMPARE(doc->filing.reportDate, QDate(2025, 12, 19));
        QCOMPARE(doc->filing.tickers, QStringList{QStringLiteral("META")});
        QCOMPARE(doc->filing.companyName, QStringLiteral("Meta Platforms, Inc."));
        QCOMPARE(doc->filing.itemNumbers(), QStringList{QStringLiteral("5.02")});
        QVERIFY(doc->filing.accession.isEmpty());
        QVERIFY(doc->notes.contains(QStringLiteral("the document names no accession number")));
    }

    void eightKDocumentsFindTheirItems_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("items");
        QTest::addColumn<QDate>("reportDate");
        QTest::addColumn<QString>("firstText");   // how the first item's text starts
        const auto l = [](std::initializer_list<const char *> numbers) {
            QStringList out;
            for (const char *n : numbers)
                out << QString::fromLatin1(n);
            return out;
        };
        QTest::newRow("Premier 8.01 run-on heading") << QStringLiteral("8-k/other/0000887919-21-000012.html") << l({"8.01", "9.01"})
                                                     << QDate(2021, 3, 29) << QStringLiteral("On March 29, 2021, Premier Financial Bancorp");
        QTest::newRow("Sophiris number split by tags") << QStringLiteral("8-k/other/0001437749-16-028287.html") << l({"2.02", "9.01"})
                                                       << QDate(2016, 3, 23) << QStringLiteral("On March 23, 2016, Sophiris Bio Inc.");
        QTest::newRow("LG&E 2003 legacy item 9") << QStringLiteral("8-k/other/0001104659-03-004925.html") << l({"9"})
                                                 << QDate(2003, 3, 25) << QStringLiteral("On March 25, 2003, in connection");
        QTest::newRow("1-800-Flowers vote") << QStringLiteral("8-k/other/1800Flowers.8-K.html") << l({"5.07"})
                                            << QDate(2023, 12, 14) << QStringLiteral("1-800-FLOWERS.COM, Inc.");
        QTest::newRow("Buckle results") << QStringLiteral("8-k/other/BuckleInc.8-K.html") << l({"2.02", "9.01"})
                                        << QDate(2024, 11, 22) << QStringLiteral("On November 22, 2024, The Buckle, Inc. announced");
        QTest::newRow("NexPoint other events") << QStringLiteral("8-k/other/NextPoint.8K.html") << l({"8.01"})
                                               << QDate(2023, 12, 20) << QStringLiteral("Effective December 19, 2023");
        QTest::newRow("Oracle vote") << QStringLiteral("8-k/other/Oracle.8-K.html") << l({"5.07"}) << QDate(2024, 11, 14)
                                     << QStringLiteral("On November 14, 2024, Oracle Corporation");
        QTest::newRow("AFC Gamma officer and FD") << QStringLiteral("8-k/other/afcgamma.8K.html") << l({"5.02", "7.01", "9.01"})
                                                  << QDate(2023, 3, 17) << QString();
        QTest::newRow("BlackRock officer") << QStringLiteral("8-k/other/form8K.Blackrock.html") << l({"5.02"})
                                           << QDate(2023, 2, 24) << QString();
        QTest::newRow("Nordstrom officer") << QStringLiteral("8-k/other/form8k.Nordstrom.html") << l({"5.02", "9.01"})
                                           << QDate(2023, 3, 1) << QString();
        QTest::newRow("JPMorgan officer") << QStringLiteral("8-k/jpm-2026-06-24/jpm-20260624.htm") << l({"5.02", "9.01"})
                                          << QDate(2026, 6, 24) << QString();
    }

    void eightKDocumentsFindTheirItems()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, items);
        QFETCH(QDate, reportDate);
        QFETCH(QString, firstText);
        QVERIFY(SecFilingDocumentParser::looksLikeCurrentReport(secBytes(file)));
        auto doc = document(file);
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.errorMessage()));
        QCOMPARE(doc->filing.itemNumbers(), items);
        QCOMPARE(doc->filing.reportDate, reportDate);
        for (const FilingItem &i : doc->filing.items) {
            QVERIFY2(!i.text.isEmpty(), qPrintable(i.number));
            QVERIFY2(!i.title.isEmpty(), qPrintable(i.number));
            QVERIFY2(!i.text.contains(QLatin1String("Pursuant to the requirements of the Securities Exchange Act")),
                     qPrintable(i.text));
        }
        if (!firstText.isEmpty())
            QVERIFY2(doc->filing.items.at(0).text.startsWith(firstText), qPrintable(doc->filing.items.at(0).text.left(200)));
    }

    void accessionComesFromTheFileName()
    {
        auto doc = document(QStringLiteral("8-k/other/0000887919-21-000012.html"));
        QVERIFY(doc.ok());
        QCOMPARE(doc->filing.accession, QStringLiteral("0000887919-21-000012"));
        QCOMPARE(doc->filing.cik, 887919);
        QCOMPARE(doc->filing.tickers.value(0), QStringLiteral("PFBI"));
        QCOMPARE(doc->filing.indexUrl,
                 QStringLiteral("https://www.sec.gov/Archives/edgar/data/887919/000088791921000012/0000887919-21-000012-index.htm"));
        auto fromUrl = SecFilingDocumentParser::parse(
            secBytes(QStringLiteral("8-k/meta-2025-12-19/meta-20251219.htm")),
            QStringLiteral("https://www.sec.gov/Archives/edgar/data/1326801/000162828025058337/meta-20251219.htm"));
        QVERIFY(fromUrl.ok());
        QCOMPARE(fromUrl->filing.accession, QStringLiteral("0001628280-25-058337"));
    }

    void fullSubmissionReadsTheExhibit()
    {
        auto doc = document(QStringLiteral("8-k/jpm-2026-06-24/0000019617-26-000241.txt"));
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.errorMessage()));
        const Filing &f = doc->filing;
        QCOMPARE(f.filed, QDate(2026, 6, 25));
        QCOMPARE(f.reportDate, QDate(2026, 6, 24));
        QCOMPARE(f.companyName, QStringLiteral("JPMORGAN CHASE & CO"));
        QCOMPARE(f.tickers.value(0), QStringLiteral("JPM"));
        QCOMPARE(f.itemNumbers(), (QStringList{QStringLiteral("5.02"), QStringLiteral("9.01")}));
        QCOMPARE(f.exhibits.size(), 1);
        QCOMPARE(f.exhibits.at(0).type, QStringLiteral("EX-99.1"));
        QCOMPARE(f.exhibits.at(0).fileName, QStringLiteral("jpmcpressrelease06252026.htm"));
        QCOMPARE(f.exhibits.at(0).description, QStringLiteral("JPMORGAN CHASE & CO. PRESS RELEASE DATED JUNE 25, 2026"));
    }

    void exhibitDocumentIsAPressRelease()
    {
        auto doc = document(QStringLiteral("8-k/other/BuckleInc.8-K.EX99.1.html"));
        QVERIFY2(doc.ok(), qPrintable(doc.ok() ? QString() : doc.errorMessage()));
        QCOMPARE(int(doc->shape), int(SecFilingDocument::Shape::SingleDocument));
        QVERIFY(doc->filing.items.isEmpty());
        QCOMPARE(doc->filing.exhibits.size(), 1);
        const FilingExhibit &release = doc->filing.exhibits.at(0);
        QCOMPARE(release.type, QStringLiteral("EX-99.1"));
        QCOMPARE(release.fileName, QStringLiteral("bke20241122-8kexhibit.htm"));
        QCOMPARE(release.title, QStringLiteral("THE BUCKLE, INC. REPORTS THIRD QUARTER NET INCOME"));
        QVERIFY(release.text.contains(QLatin1String("Net sales for the 13-week fiscal quarter ended November 2, 2024 decreased 3.2 percent")));
        QVERIFY(!release.text.contains(QLatin1Char('<')));
    }

    void filingTextJoinsSplitWordsAndSkipsTheHiddenHeader()
    {
        const QStringList lines = filingTextLines(QStringLiteral(
            "<html><body><div style=\"display:none\"><ix:header><ix:hidden>0001326801 false</ix:hidden></ix:header></div>"
            "<p><b>Item </b><b>2</b><b>.0</b><b>2</b></p><table><tr><td>Results</td><td>of&#160;Operations&nbsp;&amp; more</td></tr></table>"
            "<p>revenue &lt; forecast < 5 and &rsquo;quoted&#8217;<!-- a comment --></p><script>var x = '<p>';</script></body></html>"));
        QCOMPARE(lines, (QStringList{QStringLiteral("Item 2.02"), QStringLiteral("Results of Operations & more"),
                                     QString::fromUtf8("revenue < forecast < 5 and \u2019quoted\u2019")}));
        QCOMPARE(filingTextLines(QStringLiteral("ITEM 5. OTHER EVENTS\nOn March 1 the company\nsaid so.\n\nNext paragraph.")),
                 (QStringList{QStringLiteral("ITEM 5. OTHER EVENTS"), QStringLiteral("On March 1 the company said so."),
                              QStringLiteral("Next paragraph.")}));
    }

    void itemTitlesAreRecognisedByTheirWords()
    {
        QCOMPARE(QString::fromLatin1(currentReportItemByTitle(QStringLiteral(
                     "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers: "
                     "Compensatory Arrangements of Certain Of"))->number),
                 QStringLiteral("5.02"));
        QCOMPARE(QString::fromLatin1(currentReportItemByTitle(QStringLiteral("Other Events"))->number), QStringLiteral("8.01"));
        QCOMPARE(QString::fromLatin1(currentReportItemByTitle(QStringLiteral("Regulation FD Disclosure"))->number), QStringLiteral("7.01"));
        QVERIFY(!currentReportItemByTitle(QStringLiteral("Quarterly report")));
        QCOMPARE(QString::fromLatin1(currentReportItemFor(QStringLiteral("12"), QDate(2003, 1, 10))->label),
                 QStringLiteral("results of operations"));
    }

    void notAnEightK()
    {
        QVERIFY(!SecFilingDocumentParser::parse(QByteArray("<html><body><p>Hello</p></body></html>")).ok());
        QVERIFY(!SecFilingDocumentParser::parse(QByteArray()).ok());
        QVERIFY(!SecFilingDocumentParser::parse(QByteArray("<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER: 1\n</SEC-HEADER>\n")).ok());
    }

    void companyFactsReadTheConceptsAskedFor()
    {
        const QString capex = QStringLiteral("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment");
        auto facts = CompanyFactsParser::parse(secBytes(QStringLiteral("companyfacts/CIK0001652044.json")),
                                               {capex, QStringLiteral("us-gaap:NoSuchConcept")});
        QVERIFY2(facts.ok(), qPrintable(facts.ok() ? QString() : facts.errorMessage()));
        QCOMPARE(facts->cik, 1652044);
        QCOMPARE(facts->entityName, QStringLiteral("ALPHABET INC."));
        QCOMPARE(facts->conceptsRead, 1);
        QCOMPARE(facts->facts.size(), 120);
        // Checked by hand in the JSON: FY2024 capex as first reported.
        const auto fy2024 = std::find_if(facts->facts.cbegin(), facts->facts.cend(), [](const ReportedFact &f) {
            return f.start == QDate(2024, 1, 1) && f.end == QDate(2024, 12, 31) && f.form == QLatin1String("10-K");
        });
        QVERIFY(fy2024 != facts->facts.cend());
        QCOMPARE(fy2024->value, 52535000000.0);
        QCOMPARE(fy2024->unit, QStringLiteral("USD"));
        QCOMPARE(fy2024->accession, QStringLiteral("0001652044-25-000014"));
        QCOMPARE(fy2024->filed, QDate(2025, 2, 5));
        QCOMPARE(fy2024->fiscalYear, 2024);
        QCOMPARE(fy2024->fiscalPeriod, QStringLiteral("FY"));

        auto nvidia = CompanyFactsParser::parse(secBytes(QStringLiteral("companyfacts/CIK0001045810.json")),
                                                {QStringLiteral("us-gaap:PaymentsToAcquireProductiveAssets")});
        QVERIFY(nvidia.ok());
        QCOMPARE(nvidia->entityName, QStringLiteral("NVIDIA CORP"));
        const auto fy2026 = std::find_if(nvidia->facts.cbegin(), nvidia->facts.cend(), [](const ReportedFact &f) {
            return f.end == QDate(2026, 1, 25) && f.start == QDate(2025, 1, 27);
        });
        QVERIFY(fy2026 != nvidia->facts.cend());
        QCOMPARE(fy2026->value, 6042000000.0);
        QCOMPARE(fy2026->frame, QStringLiteral("CY2025"));

        QVERIFY(!CompanyFactsParser::parse(QByteArray("{\"cik\": 1}"), {}).ok());
        QVERIFY(!CompanyFactsParser::parse(QByteArray("not json"), {}).ok());
        auto all = CompanyFactsParser::parse(QByteArray(R"({"cik":7,"entityName":"X","facts":{"dei":{"A":{"units":{"shares":[)"
                                                        R"({"end":"2024-01-01","val":5,"accn":"0000000007-24-000001","form":"10-K","filed":"2024-02-01"},)"
                                                        R"({"end":"2024-01-01","val":"bad","accn":"a","filed":"2024-02-01"}]}}}}})"),
                                             {});
        QVERIFY(all.ok());
        QCOMPARE(all->facts.size(), 1);
        QCOMPARE(all->facts.at(0).conceptName, QStringLiteral("dei:A"));
        QVERIFY(!all->facts.at(0).start.isValid());
    }
};

QTEST_GUILESS_MAIN(TestSecParsers)
#include "tst_secparsers.moc"
