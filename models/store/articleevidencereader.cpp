#include "models/store/articleevidencereader.h"

#include "models/linking/entitylinker.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

#include <QSqlQuery>

#include <algorithm>
#include <vector>

namespace tw {

namespace {

bool byTime(const StoredArticleScore &a, const StoredArticleScore &b)
{
    return a.publishedUtc != b.publishedUtc ? a.publishedUtc < b.publishedUtc : a.articleId < b.articleId;
}

// Read in article id order (the indexes' order), which is fetch order, not
// publication order: put them in time order by sorting their keys, then
// moving each row once.
void sortByTime(QList<StoredArticleScore> &rows)
{
    if (std::is_sorted(rows.cbegin(), rows.cend(), byTime))
        return;
    struct Key {
        qint64 published;
        qint64 id;
        qsizetype row;
    };
    std::vector<Key> keys;
    keys.reserve(size_t(rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i)
        keys.push_back({rows[i].publishedUtc, rows[i].articleId, i});
    // (time, id) is unique within a ticker, so the order is fully determined.
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        return a.published != b.published ? a.published < b.published : a.id < b.id;
    });
    QList<StoredArticleScore> sorted;
    sorted.reserve(rows.size());
    for (const Key &k : keys)
        sorted.append(std::move(rows[k.row]));
    rows = std::move(sorted);
}

QString readFailure(const QString &ticker, const QString &why)
{
    return QStringLiteral("Reading the article scores of %1 failed: %2").arg(ticker, why);
}

} // namespace

ArticleEvidenceReader::ArticleEvidenceReader(QSqlDatabase db)
    : m_db(std::move(db)), m_sqlite(dialectOf(m_db) == SqlDialect::Sqlite && sqliteHandleOf(m_db))
{
}

Result<QList<StoredArticleScore>> ArticleEvidenceReader::forTicker(const QString &ticker, const QString &modelVersion)
{
    QList<StoredArticleScore> rows;
    const Status read = forEach(ticker, modelVersion, [&](const ArticleEvidence &e, QByteArrayView title) {
        rows.append(StoredArticleScore{.articleId = e.articleId,
                                       .ticker = ticker,
                                       .score = e.score,
                                       .label = {},   // label, spans and source: not read
                                       .confidence = e.confidence,
                                       .spans = {},
                                       .relevance = e.relevance,
                                       .publishedUtc = e.publishedUtc,
                                       .title = QString::fromUtf8(title),
                                       .source = {}});
    });
    if (!read)
        return read.error();
    sortByTime(rows);
    return rows;
}

Status ArticleEvidenceReader::forEach(const QString &ticker, const QString &modelVersion, const Visitor &visit)
{
    return m_sqlite ? readSqlite(ticker, modelVersion, visit) : readGeneric(ticker, modelVersion, visit);
}

Status ArticleEvidenceReader::readSqlite(const QString &ticker, const QString &modelVersion, const Visitor &visit)
{
    if (!m_scores) {
        auto scores = SqliteStatement::prepare(
            m_db, "SELECT s.article_id, s.score, s.confidence, a.published_utc, a.title FROM article_scores s "
                  "JOIN articles a ON a.id = s.article_id WHERE s.ticker = ?1 AND s.model_version = ?2 "
                  "ORDER BY s.article_id");
        if (!scores)
            return fail(readFailure(ticker, scores.errorMessage()));
        auto links = SqliteStatement::prepare(
            m_db, "SELECT article_id, relevance FROM article_tickers WHERE ticker = ?1 ORDER BY article_id");
        if (!links)
            return fail(readFailure(ticker, links.errorMessage()));
        m_scores.emplace(std::move(*scores));
        m_links.emplace(std::move(*links));
    }
    SqliteStatement &scores = *m_scores;
    SqliteStatement &links = *m_links;
    scores.reset();
    links.reset();
    const QByteArray tickerUtf8 = ticker.toUtf8();
    scores.bindUtf8(1, tickerUtf8);
    scores.bind(2, modelVersion);
    links.bindUtf8(1, tickerUtf8);

    // The links are stepped only while the scores' statement is on a row, so
    // both read the same snapshot of the store (one read transaction), as
    // the joined query did.
    bool linksLeft = true;
    qint64 linkId = 0;
    double linkRelevance = 0;
    bool linkRead = false;
    for (;;) {
        const Result<bool> row = scores.step();
        if (!row) {
            links.reset();
            return fail(readFailure(ticker, row.errorMessage()));
        }
        if (!*row)
            break;
        ArticleEvidence e;
        e.articleId = scores.columnInt64(0);
        e.score = scores.columnDouble(1);
        e.confidence = scores.columnDouble(2);
        e.publishedUtc = scores.columnInt64(3);
        while (linksLeft && (!linkRead || linkId < e.articleId)) {
            const Result<bool> link = links.step();
            if (!link) {
                scores.reset();
                return fail(readFailure(ticker, link.errorMessage()));
            }
            linksLeft = *link;
            if (linksLeft) {
                linkRead = true;
                linkId = links.columnInt64(0);
                linkRelevance = links.columnDouble(1);
            }
        }
        // No link row: relevance 0, as the joined query's COALESCE gives it.
        e.relevance = TickerLink::relevanceFromStore(linksLeft && linkId == e.articleId ? linkRelevance : 0.0);
        visit(e, scores.columnUtf8(4));
    }
    links.reset();   // ends the read transaction
    return {};
}

Status ArticleEvidenceReader::readGeneric(const QString &ticker, const QString &modelVersion,
                                          const Visitor &visit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.article_id, s.score, s.confidence, COALESCE(t.relevance, 0), a.published_utc, a.title "
        "FROM article_scores s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN article_tickers t ON t.article_id = s.article_id AND t.ticker = s.ticker "
        "WHERE s.ticker = ? AND s.model_version = ? ORDER BY a.published_utc, s.article_id"));
    if (auto s = execBound(q, {ticker, modelVersion}); !s)
        return fail(readFailure(ticker, s.errorMessage()));
    while (q.next()) {
        ArticleEvidence e;
        e.articleId = q.value(0).toLongLong();
        e.score = q.value(1).toDouble();
        e.confidence = q.value(2).toDouble();
        e.relevance = TickerLink::relevanceFromStore(q.value(3).toDouble());
        e.publishedUtc = q.value(4).toLongLong();
        visit(e, q.value(5).toString().toUtf8());
    }
    return {};
}

} // namespace tw
