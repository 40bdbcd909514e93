#include "models/store/articlescorestore.h"

#include "models/linking/entitylinker.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"

#include <QVarLengthArray>

namespace tw {

namespace {
const char *const kDeleteSql = "DELETE FROM article_scores WHERE article_id = ?";
const char *const kInsertSql = "INSERT INTO article_scores (article_id, ticker, model_version, score, label, "
                               "confidence, spans, scored_utc) VALUES (?,?,?,?,?,?,?,?)";
// The SQLite path keeps a row whose (article, ticker) is scored again and
// rewrites its values in place: a row delete and insert touch the table
// and its four indexes twice, and look the article up for the foreign key;
// an update touches only the indexes holding a column it sets (three when
// the model version stays, model_version being in all four).
const char *const kOldRowsSql = "SELECT rowid, ticker, model_version FROM article_scores WHERE article_id = ?";
const char *const kDeleteRowSql = "DELETE FROM article_scores WHERE rowid = ?";
const char *const kUpdateSql = "UPDATE article_scores SET score = ?, label = ?, confidence = ?, spans = ?, "
                               "scored_utc = ? WHERE rowid = ?";
const char *const kUpdateVersionSql = "UPDATE article_scores SET score = ?, label = ?, confidence = ?, spans = ?, "
                                      "scored_utc = ?, model_version = ? WHERE rowid = ?";
} // namespace

ArticleScoreRow ArticleScoreRow::from(const ArticleScore &score)
{
    return {score.ticker, score.score, score.label, score.confidence, ArticleScorer::spansJsonUtf8(score.spans)};
}

ArticleScoreStore::ArticleScoreStore(QSqlDatabase db) : m_db(db), m_delete(db), m_insert(db)
{
    if (dialectOf(m_db) == SqlDialect::Sqlite) {
        auto oldRows = SqliteStatement::prepare(m_db, kOldRowsSql);
        auto deleting = SqliteStatement::prepare(m_db, kDeleteRowSql);
        auto updating = SqliteStatement::prepare(m_db, kUpdateSql);
        auto updatingVersion = SqliteStatement::prepare(m_db, kUpdateVersionSql);
        auto inserting = SqliteStatement::prepare(m_db, kInsertSql);
        if (oldRows && deleting && updating && updatingVersion && inserting) {
            m_sqliteOldRows = std::move(*oldRows);
            m_sqliteDelete = std::move(*deleting);
            m_sqliteUpdate = std::move(*updating);
            m_sqliteUpdateVersion = std::move(*updatingVersion);
            m_sqliteInsert = std::move(*inserting);
            return;
        }
    }
    m_delete.prepare(QLatin1String(kDeleteSql));
    m_insert.prepare(QLatin1String(kInsertSql));
}

Status ArticleScoreStore::replace(qint64 articleId, const QString &modelVersion, const QList<ArticleScore> &scores,
                                  qint64 scoredUtc)
{
    QList<ArticleScoreRow> rows;
    rows.reserve(scores.size());
    for (const ArticleScore &a : scores)
        rows << ArticleScoreRow::from(a);
    return replace(articleId, modelVersion, rows, scoredUtc);
}

Status ArticleScoreStore::replace(qint64 articleId, const QString &modelVersion, const QList<ArticleScoreRow> &rows,
                                  qint64 scoredUtc)
{
    bool hadScores = false;
    if (m_sqliteInsert.isPrepared()) {
        if (modelVersion != m_modelVersionOfUtf8) {
            m_modelVersionOfUtf8 = modelVersion;
            m_modelVersionUtf8 = modelVersion.toUtf8();
        }
        auto replaced = replaceSqlite(articleId, rows, scoredUtc);
        if (!replaced)
            return fail(QStringLiteral("Could not replace the scores of article %1: %2").arg(articleId).arg(replaced.errorMessage()));
        hadScores = *replaced;
    } else {
        if (auto s = execBound(m_delete, {articleId}); !s)
            return s;
        hadScores = m_delete.numRowsAffected() > 0;
        for (const ArticleScoreRow &a : rows) {
            if (auto s = execBound(m_insert, {articleId, a.ticker, modelVersion, a.score, sentimentLabelName(a.label),
                                              a.confidence, QString::fromUtf8(a.spansJson), scoredUtc});
                !s)
                return s;
        }
    }
    if (!hadScores && rows.isEmpty())
        return {};  // nothing was scored before or now: nothing to tell
    // Named by the article: its scores were replaced as a whole.
    return StoreChangeNotifier::announce(m_db, {QStringLiteral("article_scores"), QStringLiteral("updated"), articleId});
}

// The article's rows are matched to the new scores by ticker: a row of this
// model version first, else one of another version (rewritten to this one);
// a row left unmatched is deleted, a score left unmatched inserted.
Result<bool> ArticleScoreStore::replaceSqlite(qint64 articleId, const QList<ArticleScoreRow> &rows, qint64 scoredUtc)
{
    struct OldRow {
        qint64 rowid;
        QByteArray ticker;
        bool sameVersion;
    };
    QVarLengthArray<OldRow, 8> old;
    m_sqliteOldRows.bind(1, articleId);
    if (auto read = forEachRow(m_sqliteOldRows,
                               [&](const SqliteStatement &row) {
                                   old.append(OldRow{row.columnInt64(0), row.columnUtf8(1).toByteArray(),
                                                     row.columnUtf8(2) == QByteArrayView(m_modelVersionUtf8)});
                               });
        !read)
        return read.error();

    QVarLengthArray<QByteArray, 8> tickers;
    for (const ArticleScoreRow &a : rows)
        tickers.append(a.ticker.toUtf8());
    // For each new score, the old row it rewrites (0: none) and whether that
    // row is of another model version.
    QVarLengthArray<qint64, 8> rowidOf(rows.size(), 0);
    QVarLengthArray<bool, 8> versionChanges(rows.size(), false);
    QVarLengthArray<bool, 8> kept(old.size(), false);
    for (const bool sameVersion : {true, false}) {
        for (qsizetype o = 0; o < old.size(); ++o) {
            if (kept[o] || old[o].sameVersion != sameVersion)
                continue;
            for (qsizetype i = 0; i < rows.size(); ++i) {
                if (rowidOf[i] == 0 && tickers[i] == old[o].ticker) {
                    rowidOf[i] = old[o].rowid;
                    versionChanges[i] = !sameVersion;
                    kept[o] = true;
                    break;
                }
            }
        }
    }
    // Deletes first: a row of another version may share the ticker of one kept.
    for (qsizetype o = 0; o < old.size(); ++o) {
        if (kept[o])
            continue;
        m_sqliteDelete.bind(1, old[o].rowid);
        if (auto done = m_sqliteDelete.step(); !done)
            return done.error();
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const ArticleScoreRow &a = rows[i];
        SqliteStatement &q = rowidOf[i] == 0 ? m_sqliteInsert : versionChanges[i] ? m_sqliteUpdateVersion : m_sqliteUpdate;
        if (rowidOf[i] == 0) {
            // As QSqlQuery bound them: text, a real, text, a real, text, an integer.
            q.bind(1, articleId);
            q.bindUtf8(2, tickers[i]);
            q.bindUtf8(3, m_modelVersionUtf8);
            q.bind(4, a.score);
            q.bind(5, sentimentLabelName(a.label));
            q.bind(6, a.confidence);
            q.bindUtf8(7, a.spansJson);
            q.bind(8, scoredUtc);
        } else {
            q.bind(1, a.score);
            q.bind(2, sentimentLabelName(a.label));
            q.bind(3, a.confidence);
            q.bindUtf8(4, a.spansJson);
            q.bind(5, scoredUtc);
            if (versionChanges[i]) {
                q.bindUtf8(6, m_modelVersionUtf8);
                q.bind(7, rowidOf[i]);
            } else {
                q.bind(6, rowidOf[i]);
            }
        }
        if (auto done = q.step(); !done)
            return done.error();
    }
    return !old.isEmpty();
}

Result<QList<StoredArticleScore>> ArticleScoreStore::forTicker(const QString &ticker, const QString &modelVersion) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.article_id, s.score, s.label, s.confidence, s.spans, COALESCE(t.relevance, 0), a.published_utc, "
        "a.title, a.source FROM article_scores s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN article_tickers t ON t.article_id = s.article_id AND t.ticker = s.ticker "
        "WHERE s.ticker = ? AND s.model_version = ? ORDER BY a.published_utc, s.article_id"));
    if (auto s = execBound(q, {ticker, modelVersion}); !s)
        return s.error();
    QList<StoredArticleScore> rows;
    while (q.next()) {
        StoredArticleScore r;
        r.articleId = q.value(0).toLongLong();
        r.ticker = ticker;
        r.score = q.value(1).toDouble();
        r.label = q.value(2).toString();
        r.confidence = q.value(3).toDouble();
        r.spans = q.value(4).toString();
        r.relevance = TickerLink::relevanceFromStore(q.value(5).toDouble());
        r.publishedUtc = q.value(6).toLongLong();
        r.title = q.value(7).toString();
        r.source = q.value(8).toString();
        rows << r;
    }
    return rows;
}

} // namespace tw
