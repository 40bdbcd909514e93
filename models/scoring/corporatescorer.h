#pragma once

#include "models/store/articlescorestore.h"

#include <QList>
#include <QString>

#include <optional>

namespace tw {

// How far back a corporate score looks: the half-life of an article's weight.
enum class ScoreHorizon { Short, Medium, Long };

QString horizonName(ScoreHorizon horizon);   // "short", "medium", "long"
std::optional<ScoreHorizon> parseHorizon(QStringView name);
qint64 horizonHalfLifeMs(ScoreHorizon horizon);   // 1 day, 1 week, 30 days
QList<ScoreHorizon> allHorizons();

// Bearish < 35, Somewhat bearish < 45, Neutral < 55, Somewhat bullish < 65, Bullish.
QString corporateScoreLabel(double score);

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
    int articleCount = 0;     // distinct stories with weight left
    double confidence = 0;    // 0-1: how much evidence, and how much it agrees
    QList<StoryContribution> topStories;   // by |points|, at most 5
    QList<PhraseContribution> topPhrases;  // by |points|, at most 5

    QString headline() const;              // "78 Bullish · medium term"
    QString explanationJson() const;
};

// Rolls a company's article scores into one 0-100 score for a horizon:
// recency-weighted (exponential, the horizon's half-life) mean of article
// scores, each weighted by the article's relevance to the company and the
// scorer's confidence, near-duplicate stories (syndicated copies) merged into
// one, shrunk towards neutral when evidence is thin. Pure and deterministic:
// the same rows and as-of give the same score.
class CorporateScorer {
public:
    static CorporateScore compute(const QString &ticker, ScoreHorizon horizon, qint64 asOfUtc,
                                  const QList<StoredArticleScore> &rows);
};

// Groups articles that tell the same story: titles whose word sets overlap by
// at least 60% (Jaccard), published within three days of the group's first.
class StoryGrouper {
public:
    // Group index per row, rows ordered by time (the caller's promise);
    // groups numbered in order of first appearance.
    static QList<int> group(const QList<StoredArticleScore> &rows);
    static double titleSimilarity(const QString &a, const QString &b);
};

} // namespace tw
