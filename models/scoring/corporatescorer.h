#pragma once

#include "models/store/articlescorestore.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <span>
#include <vector>

namespace tw {

// How far back a corporate score looks: the half-life of an article's weight.
enum class ScoreHorizon { Short, Medium, Long };

QString horizonName(ScoreHorizon horizon);   // "short", "medium", "long"
std::optional<ScoreHorizon> parseHorizon(QStringView name);
qint64 horizonHalfLifeMs(ScoreHorizon horizon);   // 1 day, 1 week, 30 days
QList<ScoreHorizon> allHorizons();

// Bearish < 35, Somewhat bearish < 45, Neutral < 55, Somewhat bullish < 65, Bullish.
QString corporateScoreLabel(double score);
// The label of a score whose evidence is below the threshold, whatever its number.
QString insufficientNewsLabel();   // "Insufficient news"

// The evidence-weighted estimator's choices, in one place (README and
// `score --explain` quote them):
//  - a story's weight is max(relevance, 0.1) x (0.25 + 0.75 x
//    confidence), decayed by 2^-(age / half-life): a fully relevant,
//    fully confident story published now weighs 1;
//  - the mean of the stories' scores is shrunk towards neutral by a prior of
//    kNeutralPriorWeight such stories scoring 0 (a Beta(1, 1) prior on the
//    share of bullish evidence: the Bayesian average weighted/(weights + 2));
//  - below kMinStories distinct stories in the last five half-lives, or below
//    kMinEvidence total weight, the score is "insufficient news".
inline constexpr double kNeutralPriorWeight = 2.0;
inline constexpr int kMinStories = 2;
inline constexpr double kMinEvidence = 0.8;
inline constexpr double kForgottenHalfLives = 5.0;   // older stories are not counted as stories (weight < 1/32)

// One distinct story's evidence: its first copy's time, its weight before
// decay, and its score (mean over copies, -1..1).
struct StoryEvidence {
    qint64 publishedUtc = 0;
    double weight = 0;
    double score = 0;
};

double storyWeight(double relevance, double confidence);

// The decayed sums a corporate score is made of, for one ticker and horizon,
// as they stand at `asOfUtc`. Exponential decay multiplies every term by the
// same factor as time passes, so the sums can be carried forward and a story
// added, changed or removed in O(1): this is the running state that ingest
// keeps per ticker and horizon (corporate_score_state).
struct EvidenceSums {
    qint64 asOfUtc = 0;
    double weight = 0;     // sum of w x decay
    double weighted = 0;   // sum of w x score x decay
    double absolute = 0;   // sum of w x |score| x decay

    void advanceTo(qint64 utc, qint64 halfLifeMs);
    // Adds (sign +1) or takes away (sign -1) a story; moves asOfUtc forward to
    // a story newer than it.
    void add(const StoryEvidence &story, double sign, qint64 halfLifeMs);
};

struct StoryContribution {
    qint64 articleId = 0;     // the earliest copy of the story
    QString title;
    QString source;
    qint64 publishedUtc = 0;
    double articleScore = 0;  // [-1, 1], mean over its copies
    double weight = 0;        // relevance x confidence x recency
    double points = 0;        // its share of (score - 50)
    int copies = 1;           // syndicated near-duplicates, counted once
};

struct PhraseContribution {
    QString text;
    double points = 0;
};

struct CorporateScore {
    QString ticker;
    ScoreHorizon horizon = ScoreHorizon::Medium;
    qint64 asOfUtc = 0;
    double score = 50;        // 0-100
    QString label;
    int articleCount = 0;     // distinct stories with weight left (within five half-lives)
    double confidence = 0;    // 0-1: how much evidence, and how much it agrees
    // The evidence behind the number.
    double evidence = 0;      // total decayed story weight (1 = one fresh, fully relevant, confident story)
    double rawMean = 0;       // weighted mean of the stories' scores, -1..1, before shrinkage
    double shrinkage = 0;     // the share of rawMean kept: evidence / (evidence + prior weight)
    qint64 newestStoryUtc = 0;   // 0: no story
    QString insufficientReason;  // empty when the evidence is enough; else why not (for a tooltip)
    bool sufficient() const { return insufficientReason.isEmpty(); }
    QList<StoryContribution> topStories;   // by |points|, at most 5
    QList<PhraseContribution> topPhrases;  // by |points|, at most 5

    QString headline() const;              // "78 Bullish · medium term"
    QString evidenceLine() const;          // "14 stories, evidence 6.2, newest 2026-04-08"
    QString explanationJson() const;
};

// Rolls a company's article scores into one 0-100 score for a horizon:
// recency-weighted (exponential, the horizon's half-life) mean of article
// scores, each weighted by the article's relevance to the company and the
// scorer's confidence, near-duplicate stories (syndicated copies) merged into
// one, shrunk towards neutral by the evidence (see kNeutralPriorWeight).
// Pure and deterministic: the same rows and as-of give the same score.
class CorporateScorer {
public:
    // From every row (with the stories and phrases that moved the score).
    static CorporateScore compute(const QString &ticker, ScoreHorizon horizon, qint64 asOfUtc,
                                  const QList<StoredArticleScore> &rows);
    // From running sums already at `asOfUtc` and the count of stories within
    // five half-lives: the same number as compute(), without the lists.
    static CorporateScore fromEvidence(const QString &ticker, ScoreHorizon horizon, const EvidenceSums &sums,
                                       int stories, qint64 newestStoryUtc);
};

// Groups articles that tell the same story: titles whose word sets overlap by
// at least 60% (Jaccard), published within three days of the group's first.
class StoryGrouper {
public:
    // A title's distinct words, hashed and sorted: what titles are compared by.
    using TitleWords = std::vector<quint64>;
    static TitleWords words(const QString &title);
    static double similarity(const TitleWords &a, const TitleWords &b);
    // similarity(a, b) >= 0.6, the grouping's threshold, decided as soon as
    // the rest of the comparison cannot change the answer.
    static bool sameStory(const TitleWords &a, const TitleWords &b);

    // Appends a title's words (the same as words(title)) to `out`: from its
    // UTF-8 as a store reads it, or its text; returns how many. For many
    // titles kept side by side without a vector each.
    static size_t appendWords(QByteArrayView utf8, std::vector<quint64> &out);
    static size_t appendWords(QStringView title, std::vector<quint64> &out);

    // Group index per row, rows ordered by time (the caller's promise);
    // groups numbered in order of first appearance.
    static QList<int> group(const QList<StoredArticleScore> &rows);
    // The same from the rows' times (ascending) and their titles' words.
    static QList<int> group(std::span<const qint64> publishedUtc, std::span<const std::span<const quint64>> words);
    static double titleSimilarity(const QString &a, const QString &b);
};

} // namespace tw
