#include "models/pipeline/articleingestor.h"
#include "models/scoring/articlescorer.h"
#include "models/scoring/corporatescorer.h"
#include "models/scoring/scorewriter.h"
#include "models/sentiment/headlinemodel.h"
#include "models/store/sqlexec.h"
#include "models/core/storetime.h"
#include "models/store/storeconnection.h"
#include "models/store/tickerstore.h"

#include "models/read/corporatescorereader.h"
#include "models/store/articlescorestore.h"
#include "models/store/articlestore.h"
#include "models/store/articletickerstore.h"
#include "models/store/corporateevidencestore.h"
#include "temporarystores.h"

#include <QRandomGenerator>
#include <QTest>

using namespace tw;

namespace {

constexpr qint64 kHour = 3600LL * 1000;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kNow = 1'780'000'000'000LL;   // a fixed as-of: scores must not depend on the clock

// Acme Corp. on the NYSE, the company these tests score.
TickerInfo acmeCorp()
{
    return TickerInfo{QStringLiteral("ACME"), QStringLiteral("Acme Corp."), QStringLiteral("NYSE"),
                      QStringLiteral("America/New_York"), {QStringLiteral("Acme")}, true, 0};
}

StoredArticleScore story(qint64 id, const QString &title, double score, qint64 ageMs, const QString &source = {})
{
    StoredArticleScore s;
    s.articleId = id;
    s.ticker = QStringLiteral("ACME");
    s.score = score;
    s.confidence = 0.8;
    s.relevance = 1.0;
    s.publishedUtc = kNow - ageMs;
    s.title = title;
    s.source = source;
    s.spans = QStringLiteral(R"([{"field":"title","start":0,"length":4,"weight":1.0,"text":"beat"}])");
    return s;
}

} // namespace

// Corporate scores: horizons, syndicated copies, labels, explanations, and the
// ingest path that keeps them current.
class TestCorporateScore : public QObject {
    Q_OBJECT

private slots:
    void labelsFollowTheBands()
    {
        QCOMPARE(corporateScoreLabel(12), QStringLiteral("Bearish"));
        QCOMPARE(corporateScoreLabel(34.9), QStringLiteral("Bearish"));
        QCOMPARE(corporateScoreLabel(35), QStringLiteral("Somewhat bearish"));
        QCOMPARE(corporateScoreLabel(45), QStringLiteral("Neutral"));
        QCOMPARE(corporateScoreLabel(54.9), QStringLiteral("Neutral"));
        QCOMPARE(corporateScoreLabel(55), QStringLiteral("Somewhat bullish"));
        QCOMPARE(corporateScoreLabel(65), QStringLiteral("Bullish"));
        CorporateScore s;
        s.score = 78.4;
        s.label = corporateScoreLabel(s.score);
        s.horizon = ScoreHorizon::Medium;
        QCOMPARE(s.headline(), QStringLiteral("78 Bullish \u00b7 medium term"));
        QCOMPARE(parseHorizon(u"long"), std::optional<ScoreHorizon>(ScoreHorizon::Long));
        QVERIFY(!parseHorizon(u"forever"));
    }

    void horizonsWeighRecentNewsDifferently()
    {
        // Good news three weeks ago, bad news this morning.
        const QList<StoredArticleScore> rows{story(1, QStringLiteral("Acme beats estimates and raises outlook"), 0.7, 21 * kDay),
                                             story(2, QStringLiteral("Acme wins record order from Northwind"), 0.6, 20 * kDay),
                                             story(3, QStringLiteral("Acme recalls its flagship drill"), -0.7, 3 * kHour)};
        const CorporateScore shortTerm = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Short, kNow, rows);
        const CorporateScore medium = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Medium, kNow, rows);
        const CorporateScore longTerm = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Long, kNow, rows);
        QVERIFY2(shortTerm.score < 45, qPrintable(QString::number(shortTerm.score)));
        QVERIFY2(longTerm.score > 50, qPrintable(QString::number(longTerm.score)));
        QVERIFY(shortTerm.score < medium.score && medium.score < longTerm.score);
        // The three-week-old stories are forgotten on the one-day horizon.
        QCOMPARE(shortTerm.articleCount, 1);
        QCOMPARE(longTerm.articleCount, 3);
        QCOMPARE(longTerm.label, corporateScoreLabel(longTerm.score));
        // An article published after the as-of does not count.
        auto later = rows;
        later << story(4, QStringLiteral("Acme raises dividend"), 0.9, -2 * kHour);
        QCOMPARE(CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Long, kNow, later).score, longTerm.score);
    }

    void syndicatedCopiesCountOnce()
    {
        QList<StoredArticleScore> rows{
            story(1, QStringLiteral("Acme beats estimates, raises full-year outlook"), 0.6, 5 * kHour, QStringLiteral("Wire A")),
            story(2, QStringLiteral("Acme beats estimates; raises full-year outlook"), 0.6, 4 * kHour, QStringLiteral("Paper B")),
            story(3, QStringLiteral("ACME BEATS ESTIMATES, RAISES FULL-YEAR OUTLOOK"), 0.6, 3 * kHour, QStringLiteral("Site C")),
            story(4, QStringLiteral("Regulator opens probe into Acme accounting"), -0.6, 4 * kHour, QStringLiteral("Wire A"))};
        const CorporateScore s = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Medium, kNow, rows);
        QCOMPARE(s.articleCount, 2);
        // One good story and one bad one of equal weight: neutral, not 3:1 bullish.
        QVERIFY2(std::abs(s.score - 50) < 2.5, qPrintable(QString::number(s.score)));
        bool found = false;
        for (const StoryContribution &c : s.topStories) {
            if (c.articleId == 1) {
                QCOMPARE(c.copies, 3);
                found = true;
            }
            QVERIFY(c.articleId != 2 && c.articleId != 3);
        }
        QVERIFY(found);
        QVERIFY(StoryGrouper::titleSimilarity(rows[0].title, rows[3].title) < 0.3);
        // The same story a week later is news again, not a copy.
        rows << story(5, QStringLiteral("Acme beats estimates, raises full-year outlook"), 0.6, 20 * kDay);
        QCOMPARE(CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Long, kNow, rows).articleCount, 3);
    }

    // Titles compare by their distinct words, case folded (ASCII and beyond),
    // with punctuation between words; the overlap is |common| / |either|.
    void titleWordsFoldCaseAndCountOverlap()
    {
        QCOMPARE(StoryGrouper::words(QStringLiteral("Société Générale BEATS, Société!")),
                 StoryGrouper::words(QStringLiteral("SOCIÉTÉ générale beats")));
        QCOMPARE(StoryGrouper::words(QStringLiteral("ΑΘΗΝΑ Zürich")), StoryGrouper::words(QStringLiteral("αθηνα ZÜRICH")));
        QVERIFY(StoryGrouper::words(QStringLiteral("Societe")) != StoryGrouper::words(QStringLiteral("Société")));
        QCOMPARE(StoryGrouper::words(QStringLiteral("Q3: 2026 — up 12%")).size(), size_t(4));
        QCOMPARE(StoryGrouper::titleSimilarity(QStringLiteral("alpha beta gamma"), QStringLiteral("Beta, GAMMA delta")), 0.5);
        QCOMPARE(StoryGrouper::titleSimilarity(QStringLiteral("one two three"), QStringLiteral("three two one one")), 1.0);
        QCOMPARE(StoryGrouper::titleSimilarity(QStringLiteral("a b c d e"), QStringLiteral("f g h")), 0.0);
        QCOMPARE(StoryGrouper::titleSimilarity(QStringLiteral("words"), QStringLiteral("…")), 0.0);
    }

    // A store's UTF-8 gives the words of the title it reads as: ASCII bytes
    // hashed as they are, anything else (accents, Greek, a malformed byte,
    // a NUL) through the QString the store would make.
    void titleWordsFromUtf8EqualThoseFromText()
    {
        const QList<QByteArray> titles{QByteArrayLiteral("Acme beats estimates, raises outlook"),
                                       QByteArrayLiteral("ACME BEATS: Q3 2026 up 12% [a] {b} ~c_d` Zz 09"),
                                       QByteArrayLiteral("Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale BEATS"),
                                       QByteArrayLiteral("\xce\x91\xce\x98\xce\x97\xce\x9d\xce\x91 Z\xc3\xbcrich"),
                                       QByteArrayLiteral("broken \xff\xfe bytes and \xc3 half"),
                                       QByteArray("nul\0inside", 10),
                                       QByteArrayLiteral("")};
        std::vector<quint64> flat;
        for (const QByteArray &t : titles) {
            const size_t before = flat.size();
            const size_t n = StoryGrouper::appendWords(QByteArrayView(t), flat);
            QCOMPARE(flat.size(), before + n);
            const StoryGrouper::TitleWords expected = StoryGrouper::words(QString::fromUtf8(t));
            QCOMPARE(StoryGrouper::TitleWords(flat.begin() + qsizetype(before), flat.end()), expected);
            const size_t again = flat.size();
            StoryGrouper::appendWords(QStringView(QString::fromUtf8(t)), flat);
            QCOMPARE(StoryGrouper::TitleWords(flat.begin() + qsizetype(again), flat.end()), expected);
        }
        // More words than the short sort handles, repeats among them.
        QByteArray longTitle;
        for (int i = 0; i < 60; ++i)
            longTitle += "w" + QByteArray::number(i % 40) + " ";
        std::vector<quint64> words;
        StoryGrouper::appendWords(QByteArrayView(longTitle), words);
        QCOMPARE(words, StoryGrouper::words(QString::fromLatin1(longTitle)));
        QCOMPARE(words.size(), size_t(40));
    }

    // Grouping looks only at groups begun in the last three days; on a long
    // random history it must still group exactly as comparing every group.
    void groupingMatchesTheExhaustiveComparison()
    {
        QRandomGenerator random(7);
        const QStringList words{QStringLiteral("Acme"), QStringLiteral("beats"), QStringLiteral("estimates"),
                                QStringLiteral("raises"), QStringLiteral("outlook"), QStringLiteral("probe"),
                                QStringLiteral("shares"), QStringLiteral("slide")};
        QList<StoredArticleScore> rows;
        qint64 at = kNow - 120 * kDay;
        for (int i = 0; i < 1500; ++i) {
            at += qint64(random.bounded(6 * int(kHour / 1000))) * 1000;   // up to six hours apart
            QStringList title;
            for (int w = 0; w < 4; ++w)
                title << words.at(int(random.bounded(quint32(words.size()))));
            rows << story(i + 1, title.join(u' '), 0.1, kNow - at);
        }
        std::sort(rows.begin(), rows.end(),
                  [](const StoredArticleScore &a, const StoredArticleScore &b) { return a.publishedUtc < b.publishedUtc; });
        QList<int> expected(rows.size(), -1);
        QList<qsizetype> firsts;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            for (qsizetype g = 0; g < firsts.size() && expected[i] < 0; ++g)
                if (std::abs(rows[i].publishedUtc - rows[firsts[g]].publishedUtc) <= 3 * kDay
                    && StoryGrouper::titleSimilarity(rows[i].title, rows[firsts[g]].title) >= 0.6)
                    expected[i] = int(g);
            if (expected[i] < 0) {
                expected[i] = int(firsts.size());
                firsts << i;
            }
        }
        QVERIFY(firsts.size() > 20 && firsts.size() < rows.size() / 2);   // real grouping happened
        QCOMPARE(StoryGrouper::group(rows), expected);
        // The same from times and words kept side by side.
        std::vector<qint64> times;
        std::vector<quint64> flat;
        std::vector<size_t> begins;
        for (const StoredArticleScore &r : std::as_const(rows)) {
            times.push_back(r.publishedUtc);
            begins.push_back(flat.size());
            StoryGrouper::appendWords(QByteArrayView(r.title.toUtf8()), flat);
        }
        begins.push_back(flat.size());
        std::vector<std::span<const quint64>> spans;
        for (size_t i = 0; i + 1 < begins.size(); ++i)
            spans.push_back(std::span<const quint64>(flat).subspan(begins[i], begins[i + 1] - begins[i]));
        QCOMPARE(StoryGrouper::group(times, spans), expected);
    }

    void explanationIsDeterministicAndAddsUp()
    {
        const QList<StoredArticleScore> rows{story(1, QStringLiteral("Acme beats estimates"), 0.8, 2 * kDay),
                                             story(2, QStringLiteral("Acme shares slide on probe"), -0.3, 1 * kDay),
                                             story(3, QStringLiteral("Acme opens plant in Ohio"), 0.2, 3 * kDay)};
        const CorporateScore a = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Medium, kNow, rows);
        const CorporateScore b = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Medium, kNow, rows);
        QCOMPARE(a.score, b.score);
        QCOMPARE(a.explanationJson(), b.explanationJson());
        QCOMPARE(a.topStories.first().articleId, qint64(1));
        double sum = 0;
        for (const StoryContribution &c : a.topStories)
            sum += c.points;
        QVERIFY(std::abs(sum - (a.score - 50)) < 1e-9);
        QVERIFY(!a.topPhrases.isEmpty());
        QCOMPARE(a.topPhrases.first().text, QStringLiteral("beat"));
        QVERIFY(a.explanationJson().contains(QStringLiteral("\"stories\"")));

        const CorporateScore none = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Short, kNow, {});
        QCOMPARE(none.score, 50.0);
        // No evidence is not "Neutral": it is no score at all.
        QCOMPARE(none.label, insufficientNewsLabel());
        QVERIFY(!none.sufficient());
        QCOMPARE(none.articleCount, 0);
        QCOMPARE(none.confidence, 0.0);
    }

    void articleScoreReadsTheSentencesAboutTheCompany()
    {
        const TickerInfo acme = acmeCorp();
        TickerInfo north{QStringLiteral("NWND"), QStringLiteral("Northwind Inc."), QStringLiteral("NYSE"),
                         QStringLiteral("America/New_York"), {QStringLiteral("Northwind")}, true, 1};
        const EntityLinker linker({acme, north});
        auto sentences = SentimentScorer::builtIn();
        QVERIFY(sentences.ok());
        const ArticleScorer scorer(**sentences, linker);
        Article article;
        article.title = QStringLiteral("Quarterly results from the industrial sector");
        article.body = QStringLiteral("Acme said operating profit rose 20 % to a record. "
                                      "Northwind swung to a net loss and cut its guidance.");
        const QList<ArticleScore> scores =
            scorer.score(article, {TickerLink{QStringLiteral("ACME"), 0.5, 1}, TickerLink{QStringLiteral("NWND"), 0.5, 1}});
        QCOMPARE(scores.size(), 2);
        QCOMPARE(scores[0].label, SentimentLabel::Positive);
        QCOMPARE(scores[1].label, SentimentLabel::Negative);
        QVERIFY(!scores[0].spans.isEmpty());
        const ArticleSpan &top = scores[0].spans.first();
        QCOMPARE(top.field, ArticleField::Body);
        QCOMPARE(article.body.mid(top.start, top.length), top.text);
        QVERIFY(ArticleScorer::spansJson(scores[0].spans).contains(QStringLiteral("\"field\":\"body\"")));
    }

    // One story, however strong, is not enough to call a company bullish; the
    // same mean from many stories is further from neutral than from few.
    void evidenceShrinksTowardsNeutral()
    {
        const QList<StoredArticleScore> one{story(1, QStringLiteral("Acme beats estimates"), 0.9, 2 * kHour)};
        const CorporateScore single = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Medium, kNow, one);
        QCOMPARE(single.articleCount, 1);
        QCOMPARE(single.label, insufficientNewsLabel());
        QVERIFY(single.insufficientReason.contains(QStringLiteral("1 story")));
        QVERIFY(single.score > 50 && single.score < 50 + 50 * std::tanh(2 * 0.9));   // shrunk
        QVERIFY(single.shrinkage > 0 && single.shrinkage < 0.5);

        QList<StoredArticleScore> many;
        const QStringList subjects{QStringLiteral("order"), QStringLiteral("plant"), QStringLiteral("dividend"),
                                   QStringLiteral("contract"), QStringLiteral("upgrade"), QStringLiteral("launch"),
                                   QStringLiteral("record"), QStringLiteral("partner"), QStringLiteral("outlook"),
                                   QStringLiteral("margin")};
        for (int i = 0; i < subjects.size(); ++i)
            many << story(i + 1, QStringLiteral("Acme %1 news number %2").arg(subjects[i]).arg(i), 0.9, (i + 1) * kHour);
        const CorporateScore several = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Medium, kNow, many);
        QCOMPARE(several.articleCount, 10);
        QVERIFY(several.sufficient());
        QCOMPARE(several.label, QStringLiteral("Bullish"));
        QVERIFY(several.score > single.score);
        QVERIFY(several.confidence > single.confidence);
        QVERIFY(several.shrinkage > 0.75);
        QVERIFY(std::abs(several.rawMean - 0.9) < 1e-9);
        QVERIFY(several.explanationJson().contains(QStringLiteral("\"prior_weight\":2")));

        // Two weak, old stories: counted, but not enough evidence.
        QList<StoredArticleScore> stale{story(1, QStringLiteral("Acme beats estimates"), 0.9, 20 * kDay),
                                        story(2, QStringLiteral("Acme opens a plant"), 0.9, 21 * kDay)};
        const CorporateScore old = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Medium, kNow, stale);
        QCOMPARE(old.articleCount, 2);
        QCOMPARE(old.label, insufficientNewsLabel());
        QVERIFY(old.insufficientReason.startsWith(QStringLiteral("Evidence")));
        // Past five half-lives nothing counts as a story.
        const CorporateScore gone = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Short, kNow, stale);
        QCOMPARE(gone.articleCount, 0);
        QVERIFY(gone.insufficientReason.startsWith(QStringLiteral("No story in the last 5 days")));
    }

    // The link's relevance weighs a story in, once: half the relevance, half
    // the weight and half the evidence (not a quarter).
    void linkRelevanceScalesTheEvidence()
    {
        QList<StoredArticleScore> full{story(1, QStringLiteral("Acme beats estimates"), 0.5, 0),
                                       story(2, QStringLiteral("Acme opens a plant"), 0.5, 0)};
        QList<StoredArticleScore> half = full;
        for (StoredArticleScore &r : half)
            r.relevance = 0.5;
        const double a = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Short, kNow, full).evidence;
        const double b = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Short, kNow, half).evidence;
        QVERIFY(std::abs(b - a / 2) < 1e-12);
        QCOMPARE(storyWeight(1.0, 1.0), 1.0);
        QCOMPARE(storyWeight(0.25, 1.0), 0.25);
        QCOMPARE(storyWeight(0.0, 1.0), 0.1);   // a link at all counts a little
    }

    // article_tickers keeps relevance 0-100 (migration 6): the running state
    // and a recompute from the store both read 50 as a weight of 0.5, so a
    // story linked at 50 brings half the evidence of one linked at 100.
    void storedLinkRelevanceReachesTheScoreOnce()
    {
        auto evidenceAt = [](int percent, double *running, double *recomputed, double *stored) {
            twtest::TemporaryStore store;
            QVERIFY2(store.open(QStringLiteral("s.db"), QStringLiteral("t")), qPrintable(store.errorString()));
            QSqlDatabase db = store.database();
            const TickerInfo acme = acmeCorp();
            QVERIFY(TickerStore(db).upsert(acme).ok());
            QList<Article> articles;
            for (int i = 0; i < 3; ++i) {
                Article a;
                a.guid = QStringLiteral("acme-%1").arg(i);
                a.title = QStringList{QStringLiteral("Acme beats estimates and raises its outlook"),
                                      QStringLiteral("Acme wins a record order"),
                                      QStringLiteral("Acme cuts guidance")}.at(i);
                a.body = a.title + QStringLiteral(".");
                a.published = fromStoreTime(kNow - i * kDay);
                a.fetched = a.published;
                articles << a;
            }
            QVERIFY(ArticleIngestor(db).ingest(articles).ok());
            // Linked again at `percent`, the way relinking rewrites a link.
            auto sentences = SentimentScorer::builtIn();
            auto headlines = HeadlineModel::builtIn();
            QVERIFY(sentences.ok() && headlines.ok());
            const EntityLinker linker({acme});
            ScoreWriter writer(db, **sentences, linker, *headlines);
            ArticleStore store2(db);
            QSqlQuery ids(QStringLiteral("SELECT id FROM articles ORDER BY id"), db);
            const QList<TickerLink> links{TickerLink{QStringLiteral("ACME"), percent / 100.0, 1}};
            while (ids.next()) {
                const qint64 id = ids.value(0).toLongLong();
                auto article = store2.byId(id);
                QVERIFY(article.ok() && article->has_value());
                QVERIFY(ArticleTickerStore(db).replace(id, links).ok());
                QVERIFY(writer.scoreArticle(id, **article, links).ok());
            }
            QVERIFY(writer.refreshCorporate({QStringLiteral("ACME")}, kNow).ok());
            *stored = *queryScalar(db, QStringLiteral("SELECT max(relevance) FROM article_tickers"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT evidence FROM corporate_scores WHERE ticker = 'ACME' AND horizon = "
                                          "'short' ORDER BY as_of_utc DESC LIMIT 1")) && q.next());
            *running = q.value(0).toDouble();
            auto rows = ArticleScoreStore(db).forTicker(QStringLiteral("ACME"), writer.modelVersion());
            QVERIFY(rows.ok() && rows->size() == 3);
            for (const StoredArticleScore &r : *rows)
                QCOMPARE(r.relevance, percent / 100.0);
            *recomputed = CorporateScorer::compute(QStringLiteral("ACME"), ScoreHorizon::Short, kNow, *rows).evidence;
        };
        double run100 = 0, full100 = 0, stored100 = 0, run50 = 0, full50 = 0, stored50 = 0;
        evidenceAt(100, &run100, &full100, &stored100);
        evidenceAt(50, &run50, &full50, &stored50);
        QCOMPARE(stored100, 100.0);
        QCOMPARE(stored50, 50.0);
        QVERIFY(run100 > 0);
        QVERIFY2(std::abs(run100 - full100) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(run100).arg(full100)));
        QVERIFY2(std::abs(run50 - full50) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(run50).arg(full50)));
        QVERIFY2(std::abs(run50 - run100 / 2) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(run50).arg(run100)));
    }

    // The running state ingest keeps gives the score a full recompute over
    // every stored row gives: batch after batch, after a corrected article
    // and after the state is thrown away (a store from an older build).
    // The running state joins a copy to a story by sameStory(), the grouping
    // by similarity() >= 0.6: the same answer for any two titles' words.
    void sameStoryIsSimilarityOfSixTenths()
    {
        QRandomGenerator rng(20261207);
        int alike = 0;
        for (int n = 0; n < 20000; ++n) {
            auto words = [&] {
                StoryGrouper::TitleWords w;
                const int size = int(rng.bounded(0, 14));
                for (int i = 0; i < size; ++i)
                    w.push_back(rng.bounded(0u, 24u));   // a small vocabulary: titles overlap often
                std::sort(w.begin(), w.end());
                w.erase(std::unique(w.begin(), w.end()), w.end());
                return w;
            };
            const StoryGrouper::TitleWords a = words();
            // The other title: this one with a few words dropped and a few added.
            StoryGrouper::TitleWords b;
            for (quint64 w : a)
                if (rng.bounded(0, 5) != 0)
                    b.push_back(w);
            for (int extra = int(rng.bounded(0, 4)); extra > 0; --extra)
                b.push_back(rng.bounded(0u, 48u));
            std::sort(b.begin(), b.end());
            b.erase(std::unique(b.begin(), b.end()), b.end());
            const bool same = StoryGrouper::sameStory(a, b);
            QCOMPARE(same, StoryGrouper::similarity(a, b) >= 0.6);
            alike += same ? 1 : 0;
        }
        QVERIFY2(alike > 2000 && alike < 18000, qPrintable(QString::number(alike)));   // both answers were asked for
        QVERIFY(StoryGrouper::sameStory(StoryGrouper::words(QStringLiteral("Meta shares rise on AI spending plan")),
                                        StoryGrouper::words(QStringLiteral("Meta shares rise on AI spending plans"))));
    }

    void runningStateMatchesAFullRecompute()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("s.db"), QStringLiteral("t")), qPrintable(store.errorString()));
        QSqlDatabase db = store.database();
        QVERIFY(TickerStore(db).upsert(acmeCorp()).ok());
        const QStringList good{QStringLiteral("Acme beats estimates and raises its outlook"),
                               QStringLiteral("Acme wins a record order"), QStringLiteral("Acme profit jumps")};
        const QStringList bad{QStringLiteral("Acme recalls its flagship drill"), QStringLiteral("Acme shares plunge"),
                              QStringLiteral("Acme cuts guidance")};
        QRandomGenerator random(11);
        ArticleIngestor ingestor(db);
        qint64 at = kNow - 90 * kDay;
        int n = 0;
        auto makeArticle = [&](int i) {
            Article a;
            a.guid = QStringLiteral("acme-%1").arg(i);
            const bool positive = random.bounded(3) != 0;
            const QStringList &titles = positive ? good : bad;
            // Repeated titles within days make syndicated copies.
            a.title = titles.at(int(random.bounded(quint32(titles.size()))));
            a.body = a.title + QStringLiteral(". Acme said the quarter was ")
                + (positive ? QStringLiteral("strong.") : QStringLiteral("weak."));
            at += qint64(random.bounded(30)) * kHour;
            a.published = fromStoreTime(at);
            a.fetched = a.published;
            return a;
        };
        auto compare = [&](const char *when) {
            QSqlQuery version(QStringLiteral("SELECT model_version FROM article_scores LIMIT 1"), db);
            QVERIFY(version.next());
            auto all = ArticleScoreStore(db).forTicker(QStringLiteral("ACME"), version.value(0).toString());
            QVERIFY(all.ok());
            const qint64 asOf = *queryScalar(db, QStringLiteral("SELECT max(published_utc) FROM articles"));
            for (ScoreHorizon h : allHorizons()) {
                const CorporateScore full = CorporateScorer::compute(QStringLiteral("ACME"), h, asOf, *all);
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT score, article_count, evidence, label, insufficient FROM corporate_scores "
                                         "WHERE ticker = 'ACME' AND horizon = ? AND as_of_utc = ?"));
                q.addBindValue(horizonName(h));
                q.addBindValue(asOf);
                QVERIFY2(q.exec() && q.next(), when);
                QVERIFY2(std::abs(q.value(0).toDouble() - full.score) < 1e-6,
                         qPrintable(QStringLiteral("%1 %2: %3 vs %4").arg(QLatin1String(when), horizonName(h))
                                        .arg(q.value(0).toDouble()).arg(full.score)));
                QCOMPARE(q.value(1).toInt(), full.articleCount);
                QVERIFY(std::abs(q.value(2).toDouble() - full.evidence) < 1e-6);
                QCOMPARE(q.value(3).toString(), full.label);
                QCOMPARE(q.value(4).toString(), full.insufficientReason);
            }
        };
        Article unique;
        unique.guid = QStringLiteral("acme-unique");
        unique.title = QStringLiteral("Acme names a new chief financial officer");
        unique.body = QStringLiteral("Acme said its new finance chief starts in May; shares rose.");
        unique.published = fromStoreTime(at + 10 * kDay);
        unique.fetched = unique.published;
        for (int batch = 0; batch < 6; ++batch) {
            QList<Article> articles;
            for (int i = 0; i < 15; ++i)
                articles << makeArticle(n++);
            if (batch == 0)
                articles << unique;
            auto report = ingestor.ingest(articles);
            QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.errorMessage()));
            compare("after a batch");
        }
        QVERIFY(*queryScalar(db, QStringLiteral("SELECT count(*) FROM score_stories")) < n);   // copies were grouped

        // A corrected article: its old copy leaves its story, the new text joins one.
        Article corrected = unique;
        corrected.title = QStringLiteral("Acme swings to a loss and warns on costs");
        corrected.body = corrected.title;
        QVERIFY(ingestor.ingest({corrected}).ok());
        compare("after a correction");

        // An older build's store has no running state: it is built on the next batch.
        QVERIFY(CorporateEvidenceStore(db).clearAll().ok());
        QVERIFY(ingestor.ingest({makeArticle(n++)}).ok());
        compare("after rebuilding the state");
    }

    // The ingest keeps the days of stories it read from batch to batch; a
    // story another writer (another connection) stored in between must still
    // be found, so its copy joins it instead of starting a story of its own.
    void aStoryAnotherWriterStoredIsJoined()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.open(QStringLiteral("s.db"), QStringLiteral("first")), qPrintable(store.errorString()));
        QSqlDatabase db = store.database();
        QVERIFY(TickerStore(db).upsert(acmeCorp()).ok());
        auto second = StoreConnection::open(store.location(), QStringLiteral("second"));
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.errorMessage()));
        auto article = [](const QString &guid, const QString &title, qint64 at) {
            Article a;
            a.guid = guid;
            a.source = guid;   // each from its own wire
            a.title = title;
            a.body = title + QStringLiteral(". Acme said demand was strong.");
            a.published = fromStoreTime(at);
            a.fetched = a.published;
            return a;
        };
        const QString copied = QStringLiteral("Acme wins a record order from a European railway");
        ArticleIngestor first(db);
        ArticleIngestor other((*second)->database());
        // The first writer reads the day (its story of another title)...
        QVERIFY(first.ingest({article(QStringLiteral("a1"), QStringLiteral("Acme names a new chief executive"),
                                      kNow - 2 * kHour)}).ok());
        // ...the second stores a story on it...
        QVERIFY(other.ingest({article(QStringLiteral("b1"), copied, kNow - kHour)}).ok());
        // ...and the first's copy of it joins that story.
        QVERIFY(first.ingest({article(QStringLiteral("a2"), copied, kNow)}).ok());
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM score_stories")), qint64(2));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT max(copies) FROM score_stories")), qint64(2));
        // The first writer's own stories stay current without a re-read.
        QVERIFY(first.ingest({article(QStringLiteral("a3"), copied, kNow + kHour)}).ok());
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT count(*) FROM score_stories")), qint64(2));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT max(copies) FROM score_stories")), qint64(3));
    }

    // The reader's daily series: a point per day, a gap (no score) where the
    // evidence is insufficient, never a flat 50.
    void dailySeriesHasGapsWithoutEvidence()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.openDemo(QStringLiteral("s.db"), QStringLiteral("t")), qPrintable(store.errorString()));
        QSqlDatabase db = store.database();
        // The running state exists once an ingest has touched the company.
        Article more;
        more.guid = QStringLiteral("daily-test");
        more.title = QStringLiteral("Meta expands Muse Spark to more countries");
        more.body = QStringLiteral("Meta said usage grew strongly.");
        more.published = fromStoreTime(*queryScalar(db, QStringLiteral("SELECT MAX(published_utc) FROM articles")));
        more.fetched = more.published;
        QVERIFY(ArticleIngestor(db).ingest({more}).ok());
        const QDate last = more.published.date();
        auto series = CorporateScoreReader(db).daily(QStringLiteral("META"), QStringLiteral("medium"),
                                                    last.addDays(-400), last);
        QVERIFY2(series.ok(), qPrintable(series.ok() ? QString() : series.errorMessage()));
        QCOMPARE(series->size(), 401);
        QVERIFY(!series->first().hasEvidence);
        QCOMPARE(series->first().label, insufficientNewsLabel());
        QVERIFY(!series->first().insufficientReason.isEmpty());
        int withEvidence = 0;
        for (const DailyCorporateScore &d : *series)
            withEvidence += d.hasEvidence ? 1 : 0;
        QVERIFY(withEvidence > 0 && withEvidence < series->size());
        QVERIFY(series->last().stories >= 2);
        auto latest = CorporateScoreReader(db).latest(QStringLiteral("META"), QStringLiteral("medium"));
        QVERIFY(latest.ok() && latest->has_value());
        QCOMPARE((*latest)->articleCount, series->last().stories);
        QVERIFY(std::abs((*latest)->evidence - series->last().evidence) < 0.2);
        QVERIFY(!CorporateScoreReader(db).daily(QStringLiteral("META"), QStringLiteral("forever"), last, last).ok());
    }

    void historyBackfillScoresEachStepFromTheArticlesKnownThen()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.openDemo(QStringLiteral("s.db"), QStringLiteral("t")), qPrintable(store.errorString()));
        QSqlDatabase db = store.database();
        const qint64 latest = *queryScalar(db, QStringLiteral("SELECT MAX(published_utc) FROM articles"));
        const qint64 week = 7 * 24 * kHour;

        // A week before any META article the score is neutral, with no evidence.
        const qint64 first = *queryScalar(db, QStringLiteral(
            "SELECT MIN(a.published_utc) FROM articles a JOIN article_tickers t ON t.article_id = a.id WHERE t.ticker = 'META'"));
        auto sentences = SentimentScorer::builtIn();
        auto headlines = HeadlineModel::builtIn();
        QVERIFY(sentences.ok() && headlines.ok());
        auto tickers = TickerStore(db).all();
        QVERIFY(tickers.ok());
        const EntityLinker linker(*tickers);
        ScoreWriter writer(db, **sentences, linker, *headlines);
        auto written = writer.backfillCorporateHistory({QStringLiteral("META")}, first - 3 * week, first - week, week);
        QVERIFY(written.ok());
        QCOMPARE(*written, 3 * 3);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT score, article_count FROM corporate_scores WHERE ticker = 'META' AND as_of_utc = ?"));
        q.addBindValue(first - week);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toDouble(), 50.0);
        QCOMPARE(q.value(1).toInt(), 0);

        // Rewriting the same steps changes nothing (scores are keyed by as-of time).
        const qint64 rows = *queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM corporate_scores"));
        QVERIFY(writer.backfillCorporateHistory({QStringLiteral("META")}, latest - week, latest, week).ok());
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM corporate_scores")), rows);
        QVERIFY(!writer.backfillCorporateHistory({QStringLiteral("META")}, latest, latest - week, week).ok());
    }

    void ingestKeepsScoresCurrent()
    {
        twtest::TemporaryStore store;
        QVERIFY2(store.openDemo(QStringLiteral("s.db"), QStringLiteral("t")), qPrintable(store.errorString()));
        QSqlDatabase db = store.database();
        const qint64 articleScores = *queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM article_scores"));
        QVERIFY(articleScores >= *queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM articles")));
        // The demo arrives in one batch; it backfills a year of weekly scores
        // (53 points per horizon) so the chart's overlay has a history.
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM corporate_scores WHERE ticker = 'META'")), qint64(3 * 53));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT COUNT(DISTINCT as_of_utc) FROM corporate_scores WHERE ticker = 'META'")),
                 qint64(53));
        QVERIFY(*queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM article_scores WHERE spans <> '[]'")) > 0);

        // A new, clearly bearish META story moves META's short-term score down and
        // leaves the other companies alone.
        auto lastShort = [&](const QString &ticker) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT score FROM corporate_scores WHERE ticker = ? AND horizon = 'short' "
                                     "ORDER BY as_of_utc DESC LIMIT 1"));
            q.addBindValue(ticker);
            return q.exec() && q.next() ? q.value(0).toDouble() : -1.0;
        };
        const double before = lastShort(QStringLiteral("META"));
        const qint64 msftRows = *queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM corporate_scores WHERE ticker = 'MSFT'"));
        Article bad;
        bad.guid = QStringLiteral("test-bad-news");
        bad.title = QStringLiteral("Meta shares plunge after profit warning; regulators open probe");
        bad.body = QStringLiteral("Meta cut its full-year guidance and warned that costs will rise sharply.");
        bad.published = fromStoreTime(*queryScalar(db, QStringLiteral("SELECT MAX(published_utc) FROM articles")) + kHour);
        bad.fetched = bad.published;
        auto report = ArticleIngestor(db).ingest({bad});
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.errorMessage()));
        const double after = lastShort(QStringLiteral("META"));
        QVERIFY2(after < before && after < 45, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QCOMPARE(*queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM corporate_scores WHERE ticker = 'MSFT'")), msftRows);
    }
};

QTEST_GUILESS_MAIN(TestCorporateScore)
#include "tst_corporatescore.moc"
