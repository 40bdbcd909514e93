#include "models/sentiment/financetokenizer.h"
#include "models/sentiment/sentimentlexicon.h"
#include "models/sentiment/sentimentscorer.h"

#include <QTest>

using namespace tw;

Q_DECLARE_METATYPE(tw::SentimentLabel)

// The phenomena the rules exist for, each on sentences written for this test.
class TestSentimentScorer : public QObject {
    Q_OBJECT

    const SentimentScorer *m_scorer = nullptr;

    SentenceSentiment score(const QString &s) const { return m_scorer->score(s); }

private slots:
    void initTestCase()
    {
        auto scorer = SentimentScorer::builtIn();
        QVERIFY2(scorer.ok(), qPrintable(scorer.ok() ? QString() : scorer.errorMessage()));
        m_scorer = *scorer;
    }

    void labels_data()
    {
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<SentimentLabel>("expected");
        const auto pos = SentimentLabel::Positive, neg = SentimentLabel::Negative, neu = SentimentLabel::Neutral;
        // Direction of change, read against the metric it moves.
        QTest::newRow("profit rose") << "Operating profit rose to EUR 5.2 mn ." << pos;
        QTest::newRow("net loss narrowed") << "The net loss narrowed to EUR 1.1 mn in the quarter." << pos;
        QTest::newRow("costs increased") << "Operating costs increased by 12 % year-on-year." << neg;
        QTest::newRow("sales decreased") << "Net sales decreased by 5 % to EUR 80 mn ." << neg;
        QTest::newRow("loss widened") << "Its pretax loss widened to $3 billion." << neg;
        // The bottom line outweighs the top line when they move apart; sales alone still count.
        QTest::newRow("profit down, sales up")
            << "Acme's operating profit fell to EUR 3.1 mn while its net sales rose to EUR 40.2 mn ." << neg;
        QTest::newRow("sales down, profit up") << "Net sales decreased by 4 % , while net profit grew to EUR 2.2 mn ." << pos;
        QTest::newRow("sales alone") << "Net sales grew by 9 % in the first half ." << pos;
        QTest::newRow("higher costs, metric after") << "Higher production costs weighed on the quarter." << neg;
        QTest::newRow("lower costs, metric after") << "The group reported lower operating costs." << pos;
        // Figures without a verb: the direction comes from the numbers.
        QTest::newRow("to X from Y, up") << "Operating profit totalled EUR 9.3 mn , up from EUR 4.1 mn ." << pos;
        QTest::newRow("to X from Y") << "EBIT improved to EUR 2.0 mn from EUR 1.2 mn ." << pos;
        QTest::newRow("versus, lower") << "Diluted EPS stood at EUR 0.25 versus EUR 0.42 a year earlier." << neg;
        QTest::newRow("versus, bad metric lower") << "Jobless rate 3.5% vs 3.6% expected" << pos;
        QTest::newRow("scale words") << "Revenue came to EUR 1.2 bn compared with EUR 900 mn ." << pos;
        // Finance phrases.
        QTest::newRow("beat estimates") << "Acme beat estimates for the third quarter." << pos;
        QTest::newRow("cut guidance") << "Acme cut its full-year guidance on Tuesday." << neg;
        QTest::newRow("raised outlook") << "The company raised its outlook for 2026." << pos;
        QTest::newRow("profit warning") << "Acme issued a profit warning for the year." << neg;
        QTest::newRow("record revenue") << "Acme reported record revenue in the quarter." << pos;
        QTest::newRow("downgraded to sell") << "Acme downgraded to sell at Northbank." << neg;
        QTest::newRow("swung to a loss") << "The group swung to a net loss of EUR 4 mn ." << neg;
        QTest::newRow("signed figure") << "$ACME (-6.2% pre) update on the trial" << neg;
        // A change measured in per cent is a move of the thing the sentence is about.
        QTest::newRow("measured move") << "Acme slipped 2.1 % to EUR 12.30 in early trading ." << neg;
        // The vocabulary of cycles, efficiency and erosion.
        QTest::newRow("margins eroded") << "Acme's gross margin eroded in the second half ." << neg;
        QTest::newRow("hampered") << "Deliveries were hampered by a strike at the port ." << neg;
        QTest::newRow("on the decrease") << "The number of branch offices has been on the decrease ." << neg;
        QTest::newRow("upturn") << "Acme expects an upturn in demand for its machines ." << pos;
        QTest::newRow("streamline") << "The reorganisation will streamline the group's structure ." << pos;
        QTest::newRow("significant savings") << "The programme will bring significant savings from 2027 ." << pos;
        QTest::newRow("savings bank") << "Acme sold its stake in a regional savings bank ." << neu;
        // A relative clause describes what a product does; it is not news.
        QTest::newRow("which improve") << "Acme sells sensors which improve the safety of cranes ." << neu;
        QTest::newRow("improved, news") << "Acme's cash position improved in the quarter ." << pos;
        // Nothing to go on.
        QTest::newRow("plain figures") << "Net sales totalled EUR 30.8 mn in the period." << neu;
        QTest::newRow("announcement") << "The annual general meeting will be held in Helsinki on 12 March." << neu;
        QTest::newRow("question") << "Is Acme a good stock?" << neu;
        // Negation.
        QTest::newRow("not good") << "The quarter was not good for the retailer." << neg;
        QTest::newRow("did not increase") << "Revenue did not increase in the quarter." << neg;
        QTest::newRow("failed to beat") << "Acme failed to beat estimates." << neg;
        // Contrast.
        QTest::newRow("but decides") << "Sales rose slightly, but operating profit fell sharply." << neg;
        QTest::newRow("although concedes") << "Although sales fell, operating profit rose strongly to a record." << pos;
        QTest::newRow("despite") << "Shares jumped despite a weak quarter." << pos;
        // A loss against a profit: the sign of the figures, not their size.
        QTest::newRow("loss vs profit")
            << "Acme's operating loss was EUR 2.4 mn , compared with a profit of EUR 6.1 mn a year earlier." << neg;
        QTest::newRow("profit vs loss")
            << "Acme posted a net profit of EUR 0.9 mn for the quarter , versus a net loss of EUR 12.5 mn ." << pos;
        QTest::newRow("loss vs smaller loss")
            << "The operating loss totalled EUR 7.0 mn , compared to a loss of EUR 3.0 mn in 2024 ." << neg;
        QTest::newRow("loss vs larger loss")
            << "Acme reported a loss of EUR 0.3 mn compared to a loss of EUR 2.2 mn in the same period ." << pos;
        QTest::newRow("down from a profit") << "Pretax loss came to EUR 3.3 mn , down from a profit of EUR 1.8 mn ." << neg;
        QTest::newRow("up from a loss") << "Quarterly sales reached EUR 4.0 mn , up from EUR 0.5 mn loss ." << pos;
        // Figures compared across a dated comma.
        QTest::newRow("compared with, year between")
            << "Acme reported net sales of EUR 61.2 mn in the second quarter of 2025 , compared with EUR 58.9 mn a year ago ."
            << pos;
        QTest::newRow("more than in a year") << "Its operating profit was 21 % more than in 2024 ." << pos;
        QTest::newRow("lower than last year") << "Acme expects its sales for the year to be lower than last year ." << neg;
        QTest::newRow("smaller than expected") << "Acme's orders in May were smaller than expected ." << neg;
        // The metric a qualifier names is not the one moved.
        QTest::newRow("profit excluding costs")
            << "Operating profit excluding one-off costs rose to EUR 12 mn from EUR 9 mn ." << pos;
        QTest::newRow("increased costs, adjective") << "Margins were burdened by increased freight costs ." << neg;
        // A change named as a thing, and ownership moves, are not news.
        QTest::newRow("following the increase")
            << "Following the increase , Acme's registered share capital is EUR 12,400,000 ." << neu;
        QTest::newRow("stake raised") << "Northbank raised its stake in Acme to 12 % from 9 % ." << neu;
        QTest::newRow("apposed rise") << "Acme sold 31.5 million units in 2025 , a rise of 6 % on the year ." << pos;
        // Business won is good news for the winner.
        QTest::newRow("received an order") << "Acme has received a major order from a Nordic utility ." << pos;
        QTest::newRow("signed agreements") << "Acme has signed supply agreements with two carmakers ." << pos;
        QTest::newRow("credit agreement") << "Acme signed a credit agreement with its banks ." << neu;
        // Words that are things, not judgements.
        QTest::newRow("a firm") << "Northbank is a private equity firm based in Oslo ." << neu;
        QTest::newRow("outstanding shares") << "The number of outstanding shares is 41,200,000 ." << neu;
        QTest::newRow("declined comment") << "A spokesman for the company declined comment ." << neu;
        QTest::newRow("quoted buy") << "The broker gave a `` buy '' recommendation on Acme ." << pos;
        QTest::newRow("never been more") << "Funds have never been more bullish on Acme" << pos;
    }

    void labels()
    {
        QFETCH(QString, sentence);
        QFETCH(SentimentLabel, expected);
        const SentenceSentiment s = score(sentence);
        QVERIFY2(s.label == expected, qPrintable(QStringLiteral("%1 -> %2 (%3)")
                                                      .arg(sentence, sentimentLabelName(s.label))
                                                      .arg(s.score)));
        QVERIFY(s.score > -1 && s.score < 1);
        QVERIFY(s.confidence >= 0 && s.confidence <= 1);
    }

    void intensifiersAndHedgesScaleTheScore()
    {
        const double plain = score(QStringLiteral("Sales increased.")).score;
        const double sharp = score(QStringLiteral("Sales increased sharply.")).score;
        const double hedged = score(QStringLiteral("Sales may increase.")).score;
        const double slight = score(QStringLiteral("Sales increased slightly.")).score;
        QVERIFY(plain > 0);
        QVERIFY(sharp > plain);
        QVERIFY(hedged > 0 && hedged < plain);
        QVERIFY(slight > 0 && slight < plain);
    }

    void spansPointAtTheDrivingPhrase()
    {
        const QString sentence = QStringLiteral("In 2025 , net loss narrowed to EUR 1 mn , the company said.");
        const SentenceSentiment s = score(sentence);
        QCOMPARE(s.spans.size(), 1);
        QCOMPARE(sentence.mid(s.spans[0].start, s.spans[0].length), QStringLiteral("net loss narrowed"));
        QVERIFY(s.spans[0].weight > 0);

        const QString two = QStringLiteral("Acme beat estimates but warned on margins.");
        const SentenceSentiment t = score(two);
        QCOMPARE(t.spans.size(), 2);
        QCOMPARE(two.mid(t.spans[0].start, t.spans[0].length), QStringLiteral("beat estimates"));
        QVERIFY(t.spans[0].weight > 0);
        QCOMPARE(two.mid(t.spans[1].start, t.spans[1].length), QStringLiteral("warned"));
        QVERIFY(t.spans[1].weight < 0);
    }

    void deterministic()
    {
        const QString s = QStringLiteral("Acme's operating profit rose 12 % but costs increased.");
        const SentenceSentiment a = score(s), b = score(s);
        QCOMPARE(a.score, b.score);
        QCOMPARE(a.spans.size(), b.spans.size());
        QVERIFY(m_scorer->modelVersion().startsWith(QStringLiteral("rules-")));
    }

    void tokenizerReadsFinanceFigures()
    {
        std::vector<Token> tokens;
        const QString text = QStringLiteral("EUR 5.2 mn, $115 billion, 9%, 1,050.7 and EUR7 .4 m; -5% $META https://t.co/x");
        FinanceTokenizer::tokenize(text, tokens);
        QList<double> numbers;
        QList<bool> percents;
        int cashtags = 0;
        for (const Token &t : tokens) {
            if (t.kind == TokenKind::Number) {
                numbers << t.value;
                percents << t.percent;
            }
            cashtags += t.kind == TokenKind::Cashtag ? 1 : 0;
            QVERIFY(t.start >= 0 && t.start + t.length <= text.size());
        }
        QCOMPARE(numbers.size(), 6);
        QCOMPARE(numbers[0], 5.2);
        QCOMPARE(numbers[1], 115.0);
        QCOMPARE(numbers[2], 9.0);
        QVERIFY(percents[2]);
        QCOMPARE(numbers[3], 1050.7);
        QVERIFY(std::abs(numbers[4] - 7.4) < 1e-9);
        QCOMPARE(numbers[5], -5.0);
        QCOMPARE(cashtags, 1);
        QCOMPARE(FinanceTokenizer::hashWord(u"Didn’t"), FinanceTokenizer::hashWord(u"didn't"));
    }

    void lexiconExpandsAlternativesAndReportsBadLines()
    {
        auto lexicon = SentimentLexicon::parse(QStringLiteral("# comment\n"
                                                              "beat/beats estimates/views|tops\tpolar\t1.5\n"
                                                              "beat\tpolar\t0.5\n"
                                                              "a? net/operating? loss\tbad\t1\n"));
        QVERIFY(lexicon.ok());
        // 2 x 2 phrases + "tops" + "beat" + (a or nothing) x (net, operating or nothing) x loss
        QCOMPARE(lexicon->size(), size_t(4 + 1 + 1 + 2 * 3));
        std::vector<Token> tokens;
        FinanceTokenizer::tokenize(u"Acme beats views", tokens);
        const LexiconMatch m = lexicon->longestMatch(tokens, 1);
        QCOMPARE(m.tokens, 2);
        QCOMPARE(m.entry->value, 1.5f);

        auto bad = SentimentLexicon::parse(QStringLiteral("good\tpolar\t1\nworse\tsideways\t1\n"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorMessage().contains(QStringLiteral("line 2")));
    }
};

QTEST_GUILESS_MAIN(TestSentimentScorer)
#include "tst_sentimentscorer.moc"
