#include "models/scoring/articlescorer.h"
#include "models/sentiment/sentimentscorer.h"
#include "testsupport.h"

#include <QTest>

using namespace tw;

// Issue #20 item 3: a phrase is highlighted in the polarity it contributed in
// its sentence, after negation, contrast and direction of change; domain
// nouns with no direction ("capital expenditure", "guidance") are not
// highlighted. tests/fixtures/sentiment/highlights.tsv says what a reader
// should see for 100+ sentences written for this test.
class TestHighlights : public QObject {
    Q_OBJECT

    struct Expected {
        int sign;   // +1 green, -1 red, 0 never highlighted
        QString phrase;
    };

private slots:
    void fixtureSentences()
    {
        auto scorer = SentimentScorer::builtIn();
        QVERIFY(scorer.ok());
        const QString text =
            QString::fromUtf8(twtest::readAll(twtest::fixture(QStringLiteral("sentiment/highlights.tsv"))));
        QVERIFY(!text.isEmpty());
        int sentences = 0;
        QStringList failures;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const QStringList fields = line.split(QLatin1Char('\t'));
            QCOMPARE(fields.size(), 2);
            const QString sentence = fields[0];
            ++sentences;
            struct Range {
                int sign;
                qsizetype start, end;
                QString phrase;
            };
            QList<Range> expected;
            for (QString item : fields[1].split(QStringLiteral(" | "))) {
                item = item.trimmed();
                const int sign = item.startsWith(QLatin1Char('+')) ? 1 : item.startsWith(QLatin1Char('-')) ? -1 : 0;
                QVERIFY2(item.startsWith(QLatin1Char('+')) || item.startsWith(QLatin1Char('-'))
                             || item.startsWith(QLatin1Char('0')),
                         qPrintable(line));
                const QString phrase = item.mid(1);
                const qsizetype at = sentence.indexOf(phrase);
                QVERIFY2(at >= 0, qPrintable(QStringLiteral("'%1' is not in: %2").arg(phrase, sentence)));
                expected << Range{sign, at, at + phrase.size(), phrase};
            }
            const SentenceSentiment result = (*scorer)->score(sentence);
            auto overlaps = [](qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1) { return a0 < b1 && b0 < a1; };
            QStringList problems;
            for (const Range &e : expected) {
                bool covered = false;
                for (const SentimentSpan &s : result.spans) {
                    if (!overlaps(s.start, s.start + s.length, e.start, e.end))
                        continue;
                    if (e.sign == 0)
                        problems << QStringLiteral("'%1' highlighted %2").arg(sentence.mid(s.start, s.length)).arg(s.weight, 0, 'f', 2);
                    else if ((s.weight > 0 ? 1 : -1) == e.sign)
                        covered = true;
                    else
                        problems << QStringLiteral("'%1' has the wrong colour").arg(sentence.mid(s.start, s.length));
                }
                if (e.sign != 0 && !covered)
                    problems << QStringLiteral("'%1' not highlighted %2").arg(e.phrase, e.sign > 0 ? u"green" : u"red");
            }
            for (const SentimentSpan &s : result.spans) {
                bool explained = false;
                for (const Range &e : expected)
                    explained = explained
                             || (e.sign == (s.weight > 0 ? 1 : -1) && overlaps(s.start, s.start + s.length, e.start, e.end));
                bool forbidden = false;
                for (const Range &e : expected)
                    forbidden = forbidden || (e.sign == 0 && overlaps(s.start, s.start + s.length, e.start, e.end));
                if (!explained && !forbidden)
                    problems << QStringLiteral("unexpected highlight '%1' (%2)")
                                    .arg(sentence.mid(s.start, s.length))
                                    .arg(s.weight, 0, 'f', 2);
            }
            problems.removeDuplicates();
            if (!problems.isEmpty())
                failures << sentence + QStringLiteral("\n    ") + problems.join(QStringLiteral("; "));
        }
        for (const QString &f : std::as_const(failures))
            qWarning("%s", qPrintable(f));
        QVERIFY(sentences >= 100);
        QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 sentences read wrongly (listed above)").arg(failures.size()).arg(sentences)));
    }

    // What the reader shows: the article's spans for a company keep the
    // polarity each phrase had in its sentence, whatever the article's verdict.
    void articleSpansKeepTheirSentencePolarity()
    {
        auto scorer = SentimentScorer::builtIn();
        auto headlines = HeadlineModel::builtIn();
        QVERIFY(scorer.ok() && headlines.ok());
        TickerInfo meta;
        meta.symbol = QStringLiteral("META");
        meta.name = QStringLiteral("Meta Platforms");
        meta.aliases = {QStringLiteral("Meta")};
        const EntityLinker linker({meta});
        const ArticleScorer articles(**scorer, linker, *headlines);
        Article a;
        a.title = QStringLiteral("Meta beats estimates and raises its revenue outlook");
        a.body = QStringLiteral("Meta reported strong demand for its advertising products. "
                                "Meta said capital expenditure will be between $115 billion and $135 billion. "
                                "The spending plan raises serious questions about cash flow, one analyst said of Meta.");
        const QList<ArticleScore> scores = articles.score(a, linker.link(a));
        QCOMPARE(scores.size(), 1);
        QCOMPARE(scores[0].label, SentimentLabel::Positive);
        bool questionsRed = false;
        for (const ArticleSpan &span : scores[0].spans) {
            QVERIFY2(!span.text.contains(QStringLiteral("capital expenditure")), qPrintable(span.text));
            QVERIFY2(!span.text.contains(QStringLiteral("cash flow")) || span.weight < 0, qPrintable(span.text));
            if (span.text.contains(QStringLiteral("questions")))
                questionsRed = span.weight < 0;
        }
        QVERIFY(questionsRed);
    }
};

QTEST_GUILESS_MAIN(TestHighlights)
#include "tst_highlights.moc"
