#include "models/sentiment/sentimentevaluation.h"
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tw;

// `tickerwire eval` and the figures behind it, on a file whose answer is known.
class TestSentimentEval : public QObject {
    Q_OBJECT

    QTemporaryDir m_sandbox;

private slots:
    void confusionMatrixFigures()
    {
        ConfusionMatrix m;
        const auto neg = SentimentLabel::Negative, neu = SentimentLabel::Neutral, pos = SentimentLabel::Positive;
        m.add(neg, neg);
        m.add(neg, neg);
        m.add(neu, neu);
        m.add(neu, pos);
        m.add(pos, pos);
        m.add(pos, pos);
        QCOMPARE(m.total(), qint64(6));
        QCOMPARE(m.accuracy(), 5.0 / 6.0);
        QCOMPARE(m.precision(pos), 2.0 / 3.0);
        QCOMPARE(m.recall(neu), 0.5);
        QCOMPARE(m.precision(neu), 1.0);
        QCOMPARE(m.f1(neg), 1.0);
        QVERIFY(std::abs(m.macroF1() - (1.0 + 2.0 / 3.0 + 0.8) / 3.0) < 1e-12);
        ConfusionMatrix empty;
        QCOMPARE(empty.accuracy(), 0.0);
        QCOMPARE(empty.macroF1(), 0.0);
    }

    void parsingRejectsUnknownLabelsWithTheLine()
    {
        auto ok = parseLabeledSentences(QStringLiteral("positive\tUp.\r\n\nneutral\tFlat.\n"));
        QVERIFY(ok.ok());
        QCOMPARE(ok->size(), 2);
        QCOMPARE(ok->at(1).text, QStringLiteral("Flat."));
        auto bad = parseLabeledSentences(QStringLiteral("positive\tUp.\nbullish\tUp.\n"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorMessage().contains(QStringLiteral("line 2")));
        QVERIFY(!parseLabeledSentences(QStringLiteral("no tab here\n")).ok());
    }

    void evalCommandPrintsTheKnownAnswer()
    {
        const auto run = twtest::runCli(
            {QStringLiteral("eval"), twtest::fixture(QStringLiteral("sentiment/known-answer.tsv"))}, m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("\naccuracy: 0.833\n")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("\nmacro_f1: 0.822\n")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("sentences: 6\n")));
        QVERIFY(run.out.contains(QRegularExpression(QStringLiteral("\\nsentences_per_second: [1-9]\\d*\\n"))));
        // Confusion matrix: the neutral row has one neutral and one positive.
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("\\nneutral\\s+0\\s+1\\s+1\\n"))), qPrintable(run.out));
        // Per class: precision, recall, F1, support.
        QVERIFY(run.out.contains(QRegularExpression(QStringLiteral("\\npositive\\s+0\\.667\\s+1\\.000\\s+0\\.800\\s+2\\n"))));
    }

    // Error analysis: each error names the phrases that scored it, and
    // --scores writes one line per sentence with the rules' phrases.
    void evalCommandExplainsItsErrors()
    {
        const QString scores = m_sandbox.filePath(QStringLiteral("scores.tsv"));
        const auto run = twtest::runCli({QStringLiteral("eval"), twtest::fixture(QStringLiteral("sentiment/known-answer.tsv")),
                                         QStringLiteral("--errors"), QStringLiteral("5"), QStringLiteral("--scores"), scores},
                                        m_sandbox.path());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral(
                     "error: gold neutral predicted positive score 0\\.\\d\\d \\| Acme raised its outlook for the year\\. "
                     "\\[raised its outlook 0\\.\\d\\d\\]\\n"))),
                 qPrintable(run.out));
        QFile file(scores);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        for (const QString &line : lines)
            QCOMPARE(line.split(QLatin1Char('\t')).size(), 9);
        const QStringList warning = lines[3].split(QLatin1Char('\t'));
        QCOMPARE(warning[0], QStringLiteral("negative"));
        QCOMPARE(warning[1], QStringLiteral("negative"));
        QVERIFY2(warning[7].startsWith(QStringLiteral("profit warning=-")), qPrintable(warning[7]));
        QCOMPARE(warning[8], QStringLiteral("Acme issued a profit warning."));
    }

    void scoreCommandPrintsAndExplains()
    {
        const QString db = m_sandbox.filePath(QStringLiteral("score.db"));
        const auto all = twtest::runCli({QStringLiteral("--demo"), QStringLiteral("--store"), db, QStringLiteral("score"),
                                         QStringLiteral("--all")},
                                        m_sandbox.path());
        QCOMPARE(all.exitCode, 0);
        QVERIFY2(all.err.contains(QRegularExpression(QStringLiteral("scored (\\d+) of \\1 articles"))), qPrintable(all.err));
        QVERIFY(all.out.contains(QStringLiteral("META: ")));

        const auto one = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("score"), QStringLiteral("--ticker"),
                                         QStringLiteral("meta"), QStringLiteral("--horizon"), QStringLiteral("medium"),
                                         QStringLiteral("--explain")},
                                        m_sandbox.path());
        QCOMPARE(one.exitCode, 0);
        const QRegularExpression headline(QStringLiteral(
            "^META: \\d{1,3} (Bearish|Somewhat bearish|Neutral|Somewhat bullish|Bullish|Insufficient news) \u00b7 medium term "
            "\\(\\d+ (story|stories), evidence \\d+\\.\\d\\d"));
        QVERIFY2(one.out.contains(headline), qPrintable(one.out));
        QVERIFY(!one.out.contains(QStringLiteral("short term")));
        QVERIFY(one.out.contains(QStringLiteral("stories (points")));
        QVERIFY(one.out.contains(QStringLiteral("  evidence: ")));
        QVERIFY(one.out.contains(QStringLiteral("  shrinkage: ")));
        QVERIFY(one.out.contains(QStringLiteral("phrases:")));
        // Deterministic: the same store prints the same thing.
        const auto again = twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("score"), QStringLiteral("--ticker"),
                                           QStringLiteral("META"), QStringLiteral("--horizon"), QStringLiteral("medium"),
                                           QStringLiteral("--explain")},
                                          m_sandbox.path());
        QCOMPARE(again.out, one.out);

        QCOMPARE(twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("score")}, m_sandbox.path()).exitCode, 2);
        QCOMPARE(twtest::runCli({QStringLiteral("--store"), db, QStringLiteral("score"), QStringLiteral("--ticker"),
                                 QStringLiteral("META"), QStringLiteral("--horizon"), QStringLiteral("decade")},
                                m_sandbox.path())
                     .exitCode,
                 2);
        const auto unknown = twtest::runCli(
            {QStringLiteral("--store"), db, QStringLiteral("score"), QStringLiteral("--ticker"), QStringLiteral("ZZZZ")},
            m_sandbox.path());
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(QStringLiteral("ZZZZ")));
    }

    void evalCommandFailures()
    {
        QCOMPARE(twtest::runCli({QStringLiteral("eval")}, m_sandbox.path()).exitCode, 2);
        const auto missing = twtest::runCli({QStringLiteral("eval"), m_sandbox.filePath(QStringLiteral("no.tsv"))},
                                            m_sandbox.path());
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("no.tsv")));
        const QString bad = m_sandbox.filePath(QStringLiteral("bad.tsv"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("positive\tfine\nmaybe\tnot fine\n");
        f.close();
        const auto badRun = twtest::runCli({QStringLiteral("eval"), bad}, m_sandbox.path());
        QCOMPARE(badRun.exitCode, 1);
        QVERIFY2(badRun.err.contains(QStringLiteral("line 2")), qPrintable(badRun.err));
    }
};

QTEST_GUILESS_MAIN(TestSentimentEval)
#include "tst_sentimenteval.moc"
