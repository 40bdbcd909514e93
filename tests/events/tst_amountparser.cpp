#include "models/events/amountparser.h"
#include "models/events/textdatefinder.h"

#include <QTest>

using namespace tw;

// Every amount form the news uses, and the numbers that are not money.
class TestAmountParser : public QObject {
    Q_OBJECT

private slots:
    void readsMoneyForms_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<bool>("approximate");
        QTest::newRow("to") << "capex of $115 billion to $135 billion in 2026" << 115.0 << 135.0 << "billion" << "USD" << false;
        QTest::newRow("between") << "between 115 and 135 billion dollars" << 115.0 << 135.0 << "billion" << "USD" << false;
        QTest::newRow("B hyphen") << "a $115B-$135B capex plan" << 115.0 << 135.0 << "billion" << "USD" << false;
        QTest::newRow("bn en dash") << "guidance of $115bn–$135bn raises" << 115.0 << 135.0 << "billion" << "USD" << false;
        QTest::newRow("single bn") << "a roughly $14.3bn investment" << 14.3 << 14.3 << "billion" << "USD" << true;
        QTest::newRow("single billion") << "a $14.3 billion deal" << 14.3 << 14.3 << "billion" << "USD" << false;
        QTest::newRow("USD prefix range") << "revenue of USD 2.5-2.7 billion" << 2.5 << 2.7 << "billion" << "USD" << false;
        QTest::newRow("USD suffix") << "a fine of 400 million USD" << 400.0 << 400.0 << "million" << "USD" << false;
        QTest::newRow("euro sign bn") << "sales of €3bn" << 3.0 << 3.0 << "billion" << "EUR" << false;
        QTest::newRow("EUR mn") << "costs of EUR 40 mn" << 40.0 << 40.0 << "million" << "EUR" << false;
        QTest::newRow("euro between") << "between €36 billion and €37 billion" << 36.0 << 37.0 << "billion" << "EUR" << false;
        QTest::newRow("euros suffix") << "between 36 and 37 billion euros" << 36.0 << 37.0 << "billion" << "EUR" << false;
        QTest::newRow("pound sign") << "a £2.5 billion charge" << 2.5 << 2.5 << "billion" << "GBP" << false;
        QTest::newRow("pounds suffix") << "a fine of 40 million pounds" << 40.0 << 40.0 << "million" << "GBP" << false;
        QTest::newRow("GBP prefix") << "costs of GBP 12 mn" << 12.0 << 12.0 << "million" << "GBP" << false;
        QTest::newRow("M") << "paid US$500M for it" << 500.0 << 500.0 << "million" << "USD" << false;
        QTest::newRow("mn") << "a $750mn stake" << 750.0 << 750.0 << "million" << "USD" << false;
        QTest::newRow("million range") << "$200 million to $300 million" << 200.0 << 300.0 << "million" << "USD" << false;
        QTest::newRow("commas") << "a $1,250 million charge" << 1250.0 << 1250.0 << "million" << "USD" << false;
        QTest::newRow("trillion") << "a $1.2 trillion market" << 1.2 << 1.2 << "trillion" << "USD" << false;
        QTest::newRow("units only") << "a $5 phone case" << 5.0 << 5.0 << "" << "USD" << false;
    }

    void readsMoneyForms()
    {
        QFETCH(QString, sentence);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(QString, unit);
        QFETCH(QString, currency);
        QFETCH(bool, approximate);
        const auto found = AmountParser::money(sentence);
        QCOMPARE(found.size(), 1);
        QCOMPARE(*found[0].amount.low, low);
        QCOMPARE(*found[0].amount.high, high);
        QCOMPARE(found[0].amount.unit, unit);
        QCOMPARE(found[0].amount.currency, currency);
        QCOMPARE(found[0].amount.approximate, approximate);
    }

    void numbersWithoutACurrencyAreNotMoney_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::newRow("year") << "Spending will rise in 2026.";
        QTest::newRow("percent") << "Only 9% of users tried it.";
        QTest::newRow("score") << "Llama 4 scored 18 on the index.";
        QTest::newRow("count") << "It employs 70,000 people and runs 25 data centres.";
        QTest::newRow("date") << "It was published on 2026-04-08.";
        QTest::newRow("bare billions") << "It has 3 billion users.";
    }

    void numbersWithoutACurrencyAreNotMoney()
    {
        QFETCH(QString, sentence);
        QVERIFY(AmountParser::money(sentence).isEmpty());
    }

    void twoFiguresInOneSentenceAreBothRead()
    {
        const auto found = AmountParser::money(QStringLiteral("about $72 billion in 2025, up from about $39.2 billion in 2024"));
        QCOMPARE(found.size(), 2);
        QCOMPARE(*found[0].amount.low, 72.0);
        QCOMPARE(*found[1].amount.low, 39.2);
    }

    void readsPercentages()
    {
        const auto found = AmountParser::percentages(QStringLiteral("shares rose nearly 9% while bonds gained 1.5 percent"));
        QCOMPARE(found.size(), 2);
        QCOMPARE(*found[0].amount.low, 9.0);
        QVERIFY(found[0].amount.approximate);
        QCOMPARE(*found[1].amount.low, 1.5);
    }

    void findsDatesRelativeToPublication_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("expected");
        // Published Thursday 2026-04-09.
        QTest::newRow("month day year") << "It debuted on April 8, 2026." << "2026-04-08";
        QTest::newRow("month day") << "It debuted on April 8 in the US." << "2026-04-08";
        QTest::newRow("day month year") << "It debuted on 8 April 2026." << "2026-04-08";
        QTest::newRow("weekday") << "It debuted on Wednesday." << "2026-04-08";
        QTest::newRow("weekday possessive") << "In Wednesday's session it rose." << "2026-04-08";
        QTest::newRow("yesterday") << "It debuted yesterday." << "2026-04-08";
        QTest::newRow("month year") << "The deal was agreed in June 2025." << "2025-06";
        QTest::newRow("abbreviated") << "It shipped on Dec. 3, 2025." << "2025-12-03";
        QTest::newRow("iso") << "Filed 2026-03-31 with the SEC." << "2026-03-31";
        QTest::newRow("last december") << "It closed on December 30." << "2025-12-30";
        // Month names at either end of the text, abbreviated or not, with and without a figure.
        QTest::newRow("in month at end") << "It ships in May" << "2026-05";
        QTest::newRow("month at start") << "Sept. 5 is the day it ships." << "2025-09-05";
        QTest::newRow("day month at end") << "It ships on 5 Dec" << "2025-12-05";
        QTest::newRow("month year at end") << "Agreed in Feb 2026" << "2026-02";
    }

    void findsDatesRelativeToPublication()
    {
        QFETCH(QString, sentence);
        QFETCH(QString, expected);
        const auto found = TextDateFinder::find(sentence, QDate(2026, 4, 9));
        QVERIFY2(!found.isEmpty(), qPrintable(sentence));
        QCOMPARE(found.first().date.display(), expected);
        QCOMPARE(found.first().date.basis, DateBasis::Text);
    }

    void aYearAloneOrAModalMayIsNoDate_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::newRow("year") << "Capex of $115 billion in 2026.";
        QTest::newRow("may") << "The model May be late, and it may slip.";
        QTest::newRow("this week") << "It launched this week.";
    }

    void aYearAloneOrAModalMayIsNoDate()
    {
        QFETCH(QString, sentence);
        QVERIFY(TextDateFinder::find(sentence, QDate(2026, 4, 9)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAmountParser)
#include "tst_amountparser.moc"
