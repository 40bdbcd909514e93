#pragma once

#include "models/core/result.h"
#include "models/domain/article.h"
#include "models/linking/entitylinker.h"
#include "models/scoring/articlescorer.h"
#include "models/scoring/corporatescorer.h"
#include "models/store/corporateevidencestore.h"
#include "models/store/corporatescorestore.h"

#include <functional>
#include <QHash>

#include <optional>
#include <QSet>

#include <map>
#include <QSqlDatabase>
#include <QStringList>

namespace tw {

// Keeps corporate scores current from running state, so that a batch costs
// what is in it and not the company's whole history: each article score
// joins (or starts) a story, the story's change is added to the decayed sums
// of every horizon (EvidenceSums), and at the end of a batch each touched
// company's score is read off its sums. The result is the score
// CorporateScorer::compute gives from all rows when articles arrive in time
// order. Grouping is greedy (a copy joins the earliest alike story begun
// within three days), so copies arriving out of order, or a story's first
// copy being corrected, may leave groups a full recompute would draw a little
// differently; `score --all` draws them again.
// A company with no state yet (an older store, a new model version) has it
// built once from its stored article scores. The caller owns the transaction.
class CorporateScoreUpdater {
public:
    CorporateScoreUpdater(QSqlDatabase db, QString modelVersion);

    // Before an article's scores are replaced: loads (or builds) the state of
    // the companies it is now linked to and, unless it is new, takes its
    // earlier copies out of their stories.
    Status beforeScores(qint64 articleId, bool fresh, const QList<TickerLink> &links);
    // After: adds the article's new scores to stories.
    Status addScores(qint64 articleId, const Article &article, const QList<ArticleScore> &scores,
                     const QList<TickerLink> &links);

    // Writes each company's score of every horizon at `asOfUtc` (a row of
    // corporate_scores) and saves the state of every company changed since the
    // last flush. Returns the scores written.
    Result<QList<CorporateScore>> flush(const QStringList &tickers, qint64 asOfUtc);
    // Forgets unsaved state (at the start of a batch, after one that may have failed).
    void discard();
    // Forgets everything remembered from the store (its transaction rolled back).
    void forgetAll()
    {
        m_pending.clear();
        m_titleWords.clear();
        m_stories.clear();
        m_dirty = false;
    }

    // Builds the tickers' state from scratch from article_scores (after a full rescore).
    Status rebuild(const QStringList &tickers);
    // The same when every article score is committed (ArticleRescorer has
    // run): each ticker's rows are read and grouped on a second connection,
    // a ticker or two ahead of this one storing the stories. Not for a
    // transaction that changed article scores itself (the second connection
    // would not see the changes).
    // `progress` (optional) hears (companies built, companies) after each.
    Status rebuildCommitted(const QStringList &tickers,
                            const std::function<void(qsizetype, qsizetype)> &progress = {});

private:
    struct Key {
        QString ticker;
        QString modelVersion;
        bool operator==(const Key &o) const { return ticker == o.ticker && modelVersion == o.modelVersion; }
    };
    friend size_t qHash(const Key &k, size_t seed) { return qHashMulti(seed, k.ticker, k.modelVersion); }

    // The state of (ticker, version), loaded on first use in a batch; null
    // when it has none and is not the current version (nothing to keep).
    Result<HorizonSums *> load(const Key &key);
    Status build(const Key &key);
public:
    // A ticker's stories worked out from its article scores (oldest first),
    // before any is stored: pure, so it may run on any thread.
    struct BuiltStories {
        QList<StoredStory> stories;
        QList<StoryMember> members;   // storyId: the index of the story in `stories`
        HorizonSums sums{};
    };
    static BuiltStories assemble(const QString &ticker, const QString &modelVersion,
                                 const QList<StoredArticleScore> &rows);

private:
    Status store(const Key &key, BuiltStories &built, bool clearFirst);
    Status applyStoryChange(const Key &key, const std::optional<StoryEvidence> &before,
                            const std::optional<StoryEvidence> &after);
    Status addMember(const StoryMember &member, const QString &title);
    Status removeMember(const StoryMember &member);

    QSqlDatabase m_db;
    QString m_modelVersion;
    CorporateEvidenceStore m_evidence;
    CorporateScoreStore m_scores;
    QHash<Key, HorizonSums> m_pending;
    // Title words of stories seen this run, by story id: a copy is compared
    // with every story of its six days, and hashing their titles each time
    // was most of the cost. A story's title changes only with its first copy.
    QHash<qint64, StoryGrouper::TitleWords> m_titleWords;
    // The stories the batches look at, by company and UTC day: each day is
    // read from the store once, not once per copy, and kept from batch to
    // batch while no other connection has committed (SQLite's data_version).
    struct DayCache {
        QSet<qint64> days;
        std::map<std::pair<qint64, qint64>, StoredStory> byTime;   // (published, id)
        QHash<qint64, qint64> publishedOf;                        // id -> published
    };
    QHash<Key, DayCache> m_stories;
    // The cached stories (valid until the cache next changes).
    Result<QList<const StoredStory *>> nearStories(const Key &key, qint64 fromUtc, qint64 toUtc);
    void cacheStory(const StoredStory &story);
    void uncacheStory(const Key &key, qint64 storyId);
    bool m_dirty = false;   // changes since the last flush (dropped if the batch rolls back)
    // PRAGMA data_version when the day cache was last checked; none on
    // PostgreSQL, where the cache lasts one batch.
    std::optional<qint64> m_othersMark;
    void keepStoriesIfNobodyElseWrote();
    const StoryGrouper::TitleWords &wordsOf(const StoredStory &story);
};

} // namespace tw
