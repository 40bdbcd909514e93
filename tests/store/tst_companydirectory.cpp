#include "models/directory/commonwords.h"
#include "models/directory/companydirectory.h"
#include "models/directory/companynames.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// The company directory the app ships: names the news uses, derived from the
// SEC's legal names; share classes as one company; lookups for the watchlist
// and the completing box; and the shipped file is exactly what the command
// makes from the SEC's list.
class TestCompanyDirectory : public QObject {
    Q_OBJECT

    static constexpr int kSampleStep = 41;   // 250 companies across the list

    static QString sourceRoot() { return QFileInfo(QStringLiteral(TW_FIXTURES_DIR "/../..")).canonicalFilePath(); }

private slots:
    void displayNamesFromLegalNames_data()
    {
        QTest::addColumn<QString>("legal");
        QTest::addColumn<QString>("display");
        auto row = [](const char *legal, const char *display) {
            QTest::newRow(legal) << QString::fromLatin1(legal) << QString::fromLatin1(display);
        };
        row("COSTCO WHOLESALE CORP /NEW", "Costco Wholesale");
        row("Meta Platforms, Inc.", "Meta Platforms");
        row("AMAZON COM INC", "Amazon.com");
        row("AT&T INC.", "AT&T");
        row("IBM CORP", "IBM");
        row("BANK OF AMERICA CORP /DE/", "Bank of America");
        row("ELI LILLY & Co", "Eli Lilly");
        row("JOHNSON & JOHNSON", "Johnson & Johnson");
        row("Alibaba Group Holding Ltd", "Alibaba Group");
        row("Booking Holdings Inc.", "Booking Holdings");
        row("Contemporary Amperex Technology Co., Limited/ADR", "Contemporary Amperex Technology");
        row("COCA-COLA CO", "Coca-Cola");
        row("MCKESSON CORP", "McKesson");
        row("T-Mobile US, Inc.", "T-Mobile US");
        row("HSBC HOLDINGS PLC", "HSBC");
        row("The Walt Disney Company", "Walt Disney");
    }

    void displayNamesFromLegalNames()
    {
        QFETCH(QString, legal);
        QFETCH(QString, display);
        const CompanyNames names(CommonWords::builtIn());
        QCOMPARE(names.displayName(legal), display);
    }

    void theShippedDirectory()
    {
        QElapsedTimer timer;
        timer.start();
        const CompanyDirectory &dir = CompanyDirectory::builtIn();
        qInfo("directory loaded in %lld ms (%lld companies)", timer.elapsed(), qint64(dir.companies().size()));
        QVERIFY(dir.companies().size() > 7000);
        const CompanyRecord *cost = dir.byTicker(u"cost");
        QVERIFY(cost);
        QCOMPARE(cost->cik, qint64(909832));
        QCOMPARE(cost->name, QStringLiteral("Costco Wholesale"));
        QCOMPARE(cost->exchange, QStringLiteral("Nasdaq"));
        QVERIFY(cost->aliases.contains(QStringLiteral("Costco")));
        QVERIFY(dir.byTicker(u"META")->aliases.contains(QStringLiteral("Meta")));
        QVERIFY(dir.byTicker(u"AMZN")->aliases.contains(QStringLiteral("Amazon")));
        QCOMPARE(dir.byTicker(u"NET")->name, QStringLiteral("Cloudflare"));
        // The news drops a group word after a name of two words or more.
        QVERIFY(dir.byTicker(u"GS")->aliases.contains(QStringLiteral("Goldman Sachs")));
        QVERIFY(dir.byTicker(u"AAL")->aliases.contains(QStringLiteral("American Airlines")));
        // Share classes are one company.
        QCOMPARE(dir.byTicker(u"GOOG"), dir.byTicker(u"GOOGL"));
        QCOMPARE(dir.byTicker(u"brk.a"), dir.byTicker(u"BRK-B"));
        QCOMPARE(dir.byCik(1652044)->ticker(), QStringLiteral("GOOGL"));
        QVERIFY(!dir.byTicker(u"NOSUCHX"));
    }

    void completesOnTickerAndName()
    {
        const CompanyDirectory &dir = CompanyDirectory::builtIn();
        const auto cost = dir.complete(QStringLiteral("cost"), 5);
        QVERIFY(!cost.isEmpty());
        QCOMPARE(cost.first()->ticker(), QStringLiteral("COST"));
        const auto cloud = dir.complete(QStringLiteral("cloudf"), 5);
        QVERIFY(!cloud.isEmpty());
        QCOMPARE(cloud.first()->ticker(), QStringLiteral("NET"));
        const auto near = dir.closest(QStringLiteral("COSTT"), 5);
        QVERIFY(!near.isEmpty());
        QCOMPARE(near.first()->ticker(), QStringLiteral("COST"));
    }

    // An analyst names a company by ticker, CIK or name, as they would write it.
    void findsACompanyByTickerCikOrName_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("symbol");
        auto row = [](const char *typed, const char *symbol) {
            QTest::newRow(typed) << QString::fromUtf8(typed) << QString::fromLatin1(symbol);
        };
        row("brk.a", "BRK-A");
        row("BRK/B", "BRK-B");
        row("320193", "AAPL");
        row("0000320193", "AAPL");
        row("CIK0000789019", "MSFT");
        row("cik 1318605", "TSLA");
        row("Apple Inc.", "AAPL");
        row("Costco Wholesale Corp.", "COST");
        row("costco", "COST");
        row("Johnson and Johnson", "JNJ");
        row("JOHNSON & JOHNSON", "JNJ");
        row("The Walt Disney Company", "DIS");
        row("Target", "TGT");                       // not "Target Group" (CBDY)
        row("Target Corporation", "TGT");
        row("Alibaba Group Holding Limited", "BABA");
        row("Booking Holdings Inc.", "BKNG");
        row("Amazon.com, Inc.", "AMZN");
        row("Coca-Cola", "KO");
        row("McDonald\u2019s", "MCD");
        row("Apple Hospitality REIT", "APLE");
        row("Novo Nordisk A/S", "NVO");             // EDGAR: "NOVO NORDISK A S"
        row("novo nordisk", "NVO");
        row("BANK OF AMERICA CORP /DE/", "BAC");
        row("KKR & Co. Inc.", "KKR");
        row("Formula Systems (1985) Ltd", "FORTY");
        row("CREDITRISKMONITOR COM INC", "CRMZ");
        row("Churchill Capital Corp X/Cayman", "CCCX");   // as build() shortens the SEC's name
        row("Alight, Inc. / Delaware", "ALIT");
        row("DATA I/O CORP", "DAIO");
        row("Mc Donalds", "");                      // a different spelling is not a guess
        row("999999999", "");                       // no such CIK
        row("First", "");
    }

    void findsACompanyByTickerCikOrName()
    {
        QFETCH(QString, typed);
        QFETCH(QString, symbol);
        const CompanyMatch match = CompanyDirectory::builtIn().find(typed);
        QCOMPARE(match.symbol, symbol);
        QCOMPARE(match.company != nullptr, !symbol.isEmpty());
        QVERIFY(match.candidates.isEmpty());
    }

    void aNameSeveralCompaniesGoByIsAmbiguous()
    {
        const CompanyMatch first = CompanyDirectory::builtIn().find(QStringLiteral("First Bancorp"));
        QVERIFY(!first.company);
        QStringList tickers;
        for (const CompanyRecord *c : first.candidates)
            tickers << c->ticker();
        QCOMPARE(tickers, (QStringList{QStringLiteral("FBP"), QStringLiteral("FBNC"), QStringLiteral("FNLC")}));
        // Carnival Corp and Carnival plc file apart.
        QCOMPARE(CompanyDirectory::builtIn().find(QStringLiteral("carnival")).candidates.size(), 2);
    }

    // Any company of the SEC's list is found by the legal name the SEC gives
    // it ("RUSH ENTERPRISES INC \\TX\\", "Plastic Omnium/ADR"), alone or
    // among the companies that share it (a sample across the whole list).
    void everyListedCompanyIsFoundByItsLegalName()
    {
        QFile file(sourceRoot() + QStringLiteral("/../shared/data/sec/company_tickers_exchange.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QJsonArray data = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("data")).toArray();
        QVERIFY(data.size() > 10000);
        const CompanyDirectory &dir = CompanyDirectory::builtIn();
        QStringList missed;
        int tried = 0;
        for (qsizetype i = 0; i < data.size(); i += kSampleStep) {
            const QJsonArray row = data.at(i).toArray();
            const qint64 cik = qint64(row.at(0).toDouble());
            const QString legal = row.at(1).toString();
            const CompanyMatch match = dir.find(legal);
            ++tried;
            const bool found = (match.company && match.company->cik == cik)
                || std::any_of(match.candidates.cbegin(), match.candidates.cend(),
                               [&](const CompanyRecord *c) { return c->cik == cik; });
            if (!found)
                missed << QStringLiteral("%1 (CIK %2)").arg(legal).arg(cik);
        }
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("%1 of %2 not found: ").arg(missed.size()).arg(tried)
                                              + missed.join(QStringLiteral("; "))));
    }

    void didYouMeanFindsAWordInsideAName()
    {
        const auto near = CompanyDirectory::builtIn().closest(QStringLiteral("Disney"), 5);
        QVERIFY(!near.isEmpty());
        QCOMPARE(near.first()->ticker(), QStringLiteral("DIS"));
    }

    // resources/directory is regenerated byte for byte from ../shared/data.
    void theCommandRegeneratesTheShippedFiles()
    {
        const QString sec = sourceRoot() + QStringLiteral("/../shared/data/sec/company_tickers_exchange.json");
        QVERIFY2(QFileInfo::exists(sec), qPrintable(sec));
        QTemporaryDir out;
        const auto run = twtest::runCli({QStringLiteral("build-directory"), sec, QStringLiteral("--out"), out.path()},
                                        out.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const char *file : {"companies.tsv", "common-words.txt"}) {
            const QString shipped = sourceRoot() + QStringLiteral("/resources/directory/") + QString::fromLatin1(file);
            QCOMPARE(twtest::sha256(out.filePath(QString::fromLatin1(file))), twtest::sha256(shipped));
        }
        QCOMPARE(twtest::runCli({QStringLiteral("build-directory"), sec}, out.path()).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCompanyDirectory)
#include "tst_companydirectory.moc"
