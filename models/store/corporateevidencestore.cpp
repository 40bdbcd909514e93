#include "models/store/corporateevidencestore.h"

#include "models/store/foreignkeypause.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

#include <QVariant>

namespace tw {

namespace {
constexpr const char *kInsertMemberSql = "INSERT INTO score_story_members (article_id, ticker, model_version, "
                                         "story_id, published_utc, score, confidence, relevance) "
                                         "VALUES (?,?,?,?,?,?,?,?)";
} // namespace

const QByteArray &Utf8Cache::of(const QString &text)
{
    if (text != m_text || m_utf8.isNull()) {
        m_text = text;
        m_utf8 = text.toUtf8();
    }
    return m_utf8;
}

StoryEvidence StoredStory::evidence() const
{
    const double n = std::max(1, copies);
    return StoryEvidence{publishedUtc, storyWeight(relevance, confidenceSum / n), scoreSum / n};
}

CorporateEvidenceStore::CorporateEvidenceStore(QSqlDatabase db)
    : m_db(db), m_between(db), m_insertStory(db),
      m_updateStory(db, "UPDATE score_stories SET published_utc = ?, first_article_id = ?, title = ?, copies = ?, "
                        "score_sum = ?, confidence_sum = ?, relevance = ? WHERE id = ?"),
      m_deleteStory(db, "DELETE FROM score_stories WHERE id = ?"), m_story(db),
      m_insertMember(db, kInsertMemberSql),
      m_selectMembers(db), m_deleteMembers(db, "DELETE FROM score_story_members WHERE article_id = ?"), m_members(db),
      m_title(db), m_count(db), m_state(db),
      m_saveState(db, "INSERT INTO corporate_score_state (ticker, horizon, model_version, as_of_utc, weight, "
                      "weighted, absolute) VALUES (?,?,?,?,?,?,?) ON CONFLICT (ticker, horizon, model_version) DO "
                      "UPDATE SET as_of_utc = excluded.as_of_utc, weight = excluded.weight, weighted = "
                      "excluded.weighted, absolute = excluded.absolute")
{
}

// Prepared on first use and kept for the object's life.
Result<QSqlQuery *> CorporateEvidenceStore::prepared(QSqlQuery &q, const char *sql)
{
    if (q.lastQuery().isEmpty()) {
        q.setForwardOnly(true);
        if (!q.prepare(QString::fromLatin1(sql)))
            return fail(describeSqlError(QStringLiteral("Could not prepare a score-state statement"), q));
    }
    return &q;
}

// prepared(), then run with `values` bound as execBound binds them.
Result<QSqlQuery *> CorporateEvidenceStore::run(QSqlQuery &q, const char *sql, std::initializer_list<QVariant> values)
{
    auto ready = prepared(q, sql);
    if (!ready)
        return ready.error();
    if (auto s = execBound(q, values); !s)
        return s.error();
    return ready;
}

namespace {
// The link_weight columns migration 7 made are not used: the link's relevance
// (article_tickers, 0-100, read as 0-1) is the one weight a link brings, kept
// in `relevance`; the columns keep their default of 1.
constexpr const char *kInsertStorySql =
    "INSERT INTO score_stories (ticker, model_version, published_utc, first_article_id, title, copies, score_sum, "
    "confidence_sum, relevance) VALUES (?,?,?,?,?,?,?,?,?)";
constexpr const char *kStoryColumns = "id, ticker, model_version, published_utc, first_article_id, title, copies, "
                                      "score_sum, confidence_sum, relevance";

// From a QSqlQuery or a SqliteRow.
template <typename Row>
StoredStory readStory(const Row &q)
{
    StoredStory s;
    s.id = q.value(0).toLongLong();
    s.ticker = q.value(1).toString();
    s.modelVersion = q.value(2).toString();
    s.publishedUtc = q.value(3).toLongLong();
    s.firstArticleId = q.value(4).toLongLong();
    s.title = q.value(5).toString();
    s.copies = q.value(6).toInt();
    s.scoreSum = q.value(7).toDouble();
    s.confidenceSum = q.value(8).toDouble();
    s.relevance = q.value(9).toDouble();
    return s;
}

StoryMember readMember(const QSqlQuery &q)
{
    StoryMember m;
    m.articleId = q.value(0).toLongLong();
    m.ticker = q.value(1).toString();
    m.modelVersion = q.value(2).toString();
    m.storyId = q.value(3).toLongLong();
    m.publishedUtc = q.value(4).toLongLong();
    m.score = q.value(5).toDouble();
    m.confidence = q.value(6).toDouble();
    m.relevance = q.value(7).toDouble();
    return m;
}

constexpr const char *kMemberColumns =
    "article_id, ticker, model_version, story_id, published_utc, score, confidence, relevance";
} // namespace

Result<QList<StoredStory>> CorporateEvidenceStore::storiesBetween(const QString &ticker, const QString &modelVersion,
                                                                   qint64 fromUtc, qint64 toUtc)
{
    static const QByteArray sql = QByteArray("SELECT ") + kStoryColumns
        + " FROM score_stories WHERE ticker = ? AND model_version = ? AND published_utc >= ? AND published_utc <= ? "
          "ORDER BY published_utc, id";
    if (dialectOf(m_db) == SqlDialect::Sqlite)
        return sqliteStoriesBetween(sql.constData(), ticker, modelVersion, fromUtc, toUtc);
    auto q = run(m_between, sql.constData(), {ticker, modelVersion, fromUtc, toUtc});
    if (!q)
        return q.error();
    QList<StoredStory> out = readRows(**q, readStory<QSqlQuery>);
    (*q)->finish();
    return out;
}

// A day of a company's stories is read for each scored article's copy
// window: on SQLite through the driver's handle, where QSQLITE's per-row
// caching cost more than the read.
Result<QList<StoredStory>> CorporateEvidenceStore::sqliteStoriesBetween(const char *sql, const QString &ticker,
                                                                         const QString &modelVersion, qint64 fromUtc,
                                                                         qint64 toUtc)
{
    SqliteStatement &q = m_sqliteBetween;
    if (auto ready = q.prepareOnce(m_db, sql); !ready)
        return ready.error();
    q.bind(1, ticker);
    q.bind(2, modelVersion);
    q.bind(3, fromUtc);
    q.bind(4, toUtc);
    return readAllRows(q, [&] { return QStringLiteral("Could not read the stories of %1").arg(ticker); },
                       readStory<SqliteRow>);
}

Result<qint64> CorporateEvidenceStore::insertStory(const StoredStory &s)
{
    if (dialectOf(m_db) == SqlDialect::Sqlite) {
        // Not INSERT ... RETURNING: on SQLite that statement opens a statement
        // savepoint, and a savepoint makes FTS5 flush the batch's pending
        // full-text terms to a new segment (a third of ingest's instructions
        // went to those flushes and their merges).
        if (auto ready = m_sqliteStory.prepareOnce(m_db, kInsertStorySql); !ready)
            return ready.error();
        return insertSqliteStory(s);
    }
    static const QByteArray returning = QByteArray(kInsertStorySql) + " RETURNING id";
    auto q = run(m_insertStory, returning.constData(),
                 {s.ticker, s.modelVersion, s.publishedUtc, s.firstArticleId, s.title, s.copies, s.scoreSum,
                  s.confidenceSum, s.relevance});
    if (!q)
        return q.error();
    if (!(*q)->next())
        return fail(QStringLiteral("Could not store a story of %1").arg(s.ticker));
    const qint64 id = (*q)->value(0).toLongLong();
    (*q)->finish();
    return id;
}

Status CorporateEvidenceStore::updateStory(const StoredStory &s)
{
    return m_updateStory.exec({s.publishedUtc, s.firstArticleId, s.title, s.copies, s.scoreSum, s.confidenceSum, s.relevance, s.id});
}

Status CorporateEvidenceStore::deleteStory(qint64 storyId)
{
    return m_deleteStory.exec({storyId});
}

Result<std::optional<StoredStory>> CorporateEvidenceStore::story(qint64 storyId)
{
    static const QByteArray sql = QByteArray("SELECT ") + kStoryColumns + " FROM score_stories WHERE id = ?";
    auto q = run(m_story, sql.constData(), {storyId});
    if (!q)
        return q.error();
    std::optional<StoredStory> out;
    if ((*q)->next())
        out = readStory<QSqlQuery>(**q);
    (*q)->finish();
    return out;
}

Status CorporateEvidenceStore::insertMember(const StoryMember &m)
{
    return m_insertMember.exec(
        {m.articleId, m.ticker, m.modelVersion, m.storyId, m.publishedUtc, m.score, m.confidence, m.relevance});
}

Status CorporateEvidenceStore::insertBuilt(QList<StoredStory> &stories, QList<StoryMember> &members)
{
    if (dialectOf(m_db) == SqlDialect::Sqlite)
        return insertBuiltSqlite(stories, members);
    for (StoredStory &s : stories) {
        auto id = insertStory(s);
        if (!id)
            return id.error();
        s.id = *id;
    }
    for (StoryMember &m : members) {
        m.storyId = stories[qsizetype(m.storyId)].id;
        if (auto s = insertMember(m); !s)
            return s;
    }
    return {};
}

// A rebuild writes a row per story and per member (a million of each for a
// million articles): bound straight, the ticker and model version (the same
// in every row) converted once, where PreparedWrite would make a QVariant of
// every value. Values stored as insertMember stores them.
Status CorporateEvidenceStore::insertBuiltSqlite(QList<StoredStory> &stories, QList<StoryMember> &members)
{
    if (auto ready = m_sqliteStory.prepareOnce(m_db, kInsertStorySql); !ready)
        return ready;
    if (auto ready = m_sqliteMember.prepareOnce(m_db, kInsertMemberSql); !ready)
        return ready;
    for (StoredStory &s : stories) {
        auto id = insertSqliteStory(s);
        if (!id)
            return id.error();
        s.id = *id;
    }
    Utf8Cache ticker, modelVersion;
    SqliteStatement &q = m_sqliteMember;
    for (StoryMember &m : members) {
        m.storyId = stories[qsizetype(m.storyId)].id;
        q.bind(1, m.articleId);
        q.bindUtf8(2, ticker.of(m.ticker));
        q.bindUtf8(3, modelVersion.of(m.modelVersion));
        q.bind(4, m.storyId);
        q.bind(5, m.publishedUtc);
        q.bind(6, m.score);
        q.bind(7, m.confidence);
        q.bind(8, m.relevance);
        if (auto done = q.step(); !done)
            return fail(QStringLiteral("Could not store a story member of %1: %2").arg(m.ticker, done.errorMessage()));
    }
    return {};
}

// Values bound as QSqlQuery bound them: text, integers and reals.
Result<qint64> CorporateEvidenceStore::insertSqliteStory(const StoredStory &s)
{
    SqliteStatement &q = m_sqliteStory;
    q.bindUtf8(1, m_storyTicker.of(s.ticker));
    q.bindUtf8(2, m_storyModelVersion.of(s.modelVersion));
    q.bind(3, s.publishedUtc);
    q.bind(4, s.firstArticleId);
    q.bind(5, s.title);
    q.bind(6, qint64(s.copies));
    q.bind(7, s.scoreSum);
    q.bind(8, s.confidenceSum);
    q.bind(9, s.relevance);
    if (auto done = q.step(); !done)
        return fail(QStringLiteral("Could not store a story of %1: %2").arg(s.ticker, done.errorMessage()));
    return q.lastInsertRowId();
}

Result<bool> CorporateEvidenceStore::isEmpty()
{
    auto any = queryScalar(m_db, QStringLiteral("SELECT CASE WHEN EXISTS (SELECT 1 FROM score_stories) OR EXISTS "
                                                "(SELECT 1 FROM score_story_members) OR EXISTS (SELECT 1 FROM "
                                                "corporate_score_state) THEN 1 ELSE 0 END"));
    if (!any)
        return any.error();
    return *any == 0;
}

Result<QList<StoryMember>> CorporateEvidenceStore::takeMembers(qint64 articleId)
{
    static const QByteArray sql =
        QByteArray("SELECT ") + kMemberColumns + " FROM score_story_members WHERE article_id = ?";
    auto q = run(m_selectMembers, sql.constData(), {articleId});
    if (!q)
        return q.error();
    QList<StoryMember> out = readRows(**q, readMember);
    (*q)->finish();
    if (out.isEmpty())
        return out;
    if (auto s = m_deleteMembers.exec({articleId}); !s)
        return s.error();
    return out;
}

Result<QList<StoryMember>> CorporateEvidenceStore::members(qint64 storyId)
{
    static const QByteArray sql = QByteArray("SELECT ") + kMemberColumns
        + " FROM score_story_members WHERE story_id = ? ORDER BY published_utc, article_id";
    auto q = run(m_members, sql.constData(), {storyId});
    if (!q)
        return q.error();
    QList<StoryMember> out = readRows(**q, readMember);
    (*q)->finish();
    return out;
}

Result<QString> CorporateEvidenceStore::articleTitle(qint64 articleId)
{
    auto q = run(m_title, "SELECT title FROM articles WHERE id = ?", {articleId});
    if (!q)
        return q.error();
    QString title;
    if ((*q)->next())
        title = (*q)->value(0).toString();
    (*q)->finish();
    return title;
}

Result<CorporateEvidenceStore::WindowCount> CorporateEvidenceStore::countStories(const QString &ticker,
                                                                                 const QString &modelVersion,
                                                                                 qint64 fromUtc, qint64 toUtc)
{
    auto q = run(m_count,
                 "SELECT count(*), coalesce(max(published_utc), 0) FROM score_stories "
                 "WHERE ticker = ? AND model_version = ? AND published_utc > ? AND published_utc <= ?",
                 {ticker, modelVersion, fromUtc, toUtc});
    if (!q)
        return q.error();
    WindowCount out;
    if ((*q)->next())
        out = WindowCount{(*q)->value(0).toInt(), (*q)->value(1).toLongLong()};
    (*q)->finish();
    return out;
}

Result<std::optional<HorizonSums>> CorporateEvidenceStore::state(const QString &ticker,
                                                                                       const QString &modelVersion)
{
    auto q = run(m_state,
                 "SELECT horizon, as_of_utc, weight, weighted, absolute FROM corporate_score_state "
                 "WHERE ticker = ? AND model_version = ?",
                 {ticker, modelVersion});
    if (!q)
        return q.error();
    HorizonSums sums;
    int found = 0;
    while ((*q)->next()) {
        const auto h = parseHorizon((*q)->value(0).toString());
        if (!h)
            continue;
        sums[size_t(*h)] = EvidenceSums{(*q)->value(1).toLongLong(), (*q)->value(2).toDouble(),
                                        (*q)->value(3).toDouble(), (*q)->value(4).toDouble()};
        ++found;
    }
    (*q)->finish();
    if (found != int(sums.size()))
        return std::optional<HorizonSums>{};
    return std::optional<HorizonSums>{sums};
}

Status CorporateEvidenceStore::saveState(const QString &ticker, const QString &modelVersion, ScoreHorizon horizon,
                                         const EvidenceSums &sums)
{
    return m_saveState.exec({ticker, horizonName(horizon), modelVersion, sums.asOfUtc, sums.weight, sums.weighted, sums.absolute});
}

Status CorporateEvidenceStore::clear(const QString &ticker, const QString &modelVersion)
{
    // Members through their stories (every member belongs to a story of its
    // own company and model version): the members table has no index on the
    // company, and scanning it per company cost a store of a million
    // articles seconds on the first batch after a model change.
    for (const char *sql : {"DELETE FROM score_story_members WHERE story_id IN "
                            "(SELECT id FROM score_stories WHERE ticker = ? AND model_version = ?)",
                            "DELETE FROM score_stories WHERE ticker = ? AND model_version = ?",
                            "DELETE FROM corporate_score_state WHERE ticker = ? AND model_version = ?"}) {
        if (auto s = execBound(m_db, QString::fromLatin1(sql), {ticker, modelVersion}); !s)
            return s;
    }
    return {};
}

Status CorporateEvidenceStore::clearTicker(const QString &ticker)
{
    for (const char *sql : {"DELETE FROM score_story_members WHERE ticker = ?", "DELETE FROM score_stories WHERE ticker = ?",
                            "DELETE FROM corporate_score_state WHERE ticker = ?"}) {
        if (auto s = execBound(m_db, QString::fromLatin1(sql), {ticker}); !s)
            return s;
    }
    return {};
}

Status CorporateEvidenceStore::clearAll()
{
    return execStatements(m_db, {QStringLiteral("DELETE FROM score_story_members"),
                                 QStringLiteral("DELETE FROM score_stories"),
                                 QStringLiteral("DELETE FROM corporate_score_state")});
}

Status CorporateEvidenceStore::clearAllCommitted()
{
    // With foreign keys on, SQLite deletes the member rows (children of
    // articles) one at a time, each with its index entries: a tenth of a
    // full rescore's time. With them off it drops the table's pages at once.
    // Removing child rows cannot break a key.
    auto paused = ForeignKeyPause::begin(m_db);
    if (!paused)
        return paused.error();
    const Status cleared = inTransaction(m_db, [this] { return clearAll(); });
    if (auto on = (*paused).end(); !on && cleared)
        return on;
    return cleared;
}

} // namespace tw
