#pragma once

#include "models/core/result.h"
#include "models/scoring/corporatescorer.h"
#include "models/store/preparedwrite.h"
#include "models/store/sqlitestatement.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <array>
#include <optional>

namespace tw {

// A text's UTF-8, converted again only when the text changes: for a value
// bound in row after row (a ticker, a model version).
class Utf8Cache {
public:
    const QByteArray &of(const QString &text);

private:
    QString m_text;
    QByteArray m_utf8;
};

// The running sums of each horizon, indexed by int(ScoreHorizon).
using HorizonSums = std::array<EvidenceSums, 3>;

// A distinct story of a company as the running corporate score keeps it:
// the first copy's time, id and title, and the copies' summed evidence.
struct StoredStory {
    qint64 id = 0;
    QString ticker;
    QString modelVersion;
    qint64 publishedUtc = 0;
    qint64 firstArticleId = 0;
    QString title;
    int copies = 0;
    double scoreSum = 0;
    double confidenceSum = 0;
    double relevance = 0;    // the most relevant copy's link relevance, 0-1

    StoryEvidence evidence() const;
};

// One article copy in a story, with what it brought.
struct StoryMember {
    qint64 articleId = 0;
    QString ticker;
    QString modelVersion;
    qint64 storyId = 0;
    qint64 publishedUtc = 0;
    double score = 0;
    double confidence = 0;
    double relevance = 0;    // the copy's link relevance, 0-1
};

// score_stories, score_story_members and corporate_score_state (migration 7):
// the running evidence behind corporate scores. Statements are prepared once
// per store object; the caller owns the transaction.
class CorporateEvidenceStore {
public:
    explicit CorporateEvidenceStore(QSqlDatabase db);

    // Stories of the ticker first published in [fromUtc, toUtc], oldest first (ties by id).
    Result<QList<StoredStory>> storiesBetween(const QString &ticker, const QString &modelVersion, qint64 fromUtc,
                                              qint64 toUtc);
    Result<qint64> insertStory(const StoredStory &story);
    Status updateStory(const StoredStory &story);
    Status deleteStory(qint64 storyId);
    Result<std::optional<StoredStory>> story(qint64 storyId);

    Status insertMember(const StoryMember &member);
    // A ticker's stories and their members at once (a rebuild), in order:
    // each story gets its id, and each member's storyId (the index of its
    // story in `stories`) becomes that id. On SQLite through the connection
    // directly: a million members cost seconds, not tens of them.
    Status insertBuilt(QList<StoredStory> &stories, QList<StoryMember> &members);
    // No story, member or state at all (as a full rescore leaves it).
    Result<bool> isEmpty();
    // Removes and returns every story membership of the article (any ticker or model version).
    Result<QList<StoryMember>> takeMembers(qint64 articleId);
    Result<QList<StoryMember>> members(qint64 storyId);
    Result<QString> articleTitle(qint64 articleId);

    // Stories with published time in (fromUtc, toUtc], and the newest of them (0: none).
    struct WindowCount {
        int stories = 0;
        qint64 newestUtc = 0;
    };
    Result<WindowCount> countStories(const QString &ticker, const QString &modelVersion, qint64 fromUtc, qint64 toUtc);

    // The sums per horizon; nullopt when the ticker has no state yet (never built).
    Result<std::optional<HorizonSums>> state(const QString &ticker, const QString &modelVersion);
    Status saveState(const QString &ticker, const QString &modelVersion, ScoreHorizon horizon, const EvidenceSums &sums);
    // Forgets the ticker's stories, members and state under the model version.
    Status clear(const QString &ticker, const QString &modelVersion);
    // Forgets the ticker's stories, members and state under every model
    // version (its articles went): the next update builds them again.
    Status clearTicker(const QString &ticker);
    // Forgets everything under every model version (before a full rescore).
    Status clearAll();
    // The same in a transaction of its own, faster (called outside any transaction).
    Status clearAllCommitted();

private:
    Result<QSqlQuery *> prepared(QSqlQuery &q, const char *sql);
    Result<QSqlQuery *> run(QSqlQuery &q, const char *sql, std::initializer_list<QVariant> values);

    QSqlDatabase m_db;
    Result<qint64> insertSqliteStory(const StoredStory &story);
    Status insertBuiltSqlite(QList<StoredStory> &stories, QList<StoryMember> &members);

    Result<QList<StoredStory>> sqliteStoriesBetween(const char *sql, const QString &ticker,
                                                    const QString &modelVersion, qint64 fromUtc, qint64 toUtc);

    SqliteStatement m_sqliteStory, m_sqliteBetween, m_sqliteMember;
    Utf8Cache m_storyTicker, m_storyModelVersion;
    QSqlQuery m_between, m_insertStory;
    PreparedWrite m_updateStory, m_deleteStory;
    QSqlQuery m_story;
    PreparedWrite m_insertMember;
    QSqlQuery m_selectMembers;
    PreparedWrite m_deleteMembers;
    QSqlQuery m_members, m_title, m_count, m_state;
    PreparedWrite m_saveState;
};

} // namespace tw
