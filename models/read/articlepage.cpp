#include "models/read/articlepage.h"

#include "models/core/storetime.h"
#include "models/store/articlesearch.h"
#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace tw {

ArticlePageReader::ArticlePageReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<ArticleListSql> ArticleListSql::build(const ArticleFilter &filter, SqlDialect dialect)
{
    ArticleListSql sql;
    // Never a null QString: Qt binds that as SQL NULL, and NULL = '' is not true.
    const QString ticker = filter.ticker.isEmpty() ? QStringLiteral("") : filter.ticker;
    if (!filter.ticker.isEmpty()) {
        // Correlated EXISTS: the scan follows the published_utc index and
        // probes the (article_id, ticker) key per row, so a page stops after
        // a page's worth of matches instead of gathering every tagged article.
        if (filter.minRelevance > 0) {
            sql.where << QStringLiteral("EXISTS (SELECT 1 FROM article_tickers k WHERE k.article_id = a.id AND k.ticker = ? "
                                        "AND k.relevance >= ?)");
            sql.binds << filter.ticker << double(filter.minRelevance);
        } else {
            sql.where << QStringLiteral("EXISTS (SELECT 1 FROM article_tickers k WHERE k.article_id = a.id AND k.ticker = ?)");
            sql.binds << filter.ticker;
        }
    }
    if (!filter.source.isEmpty()) {
        sql.where << QStringLiteral("a.source = ?");
        sql.binds << filter.source;
    }
    if (!filter.label.isEmpty()) {
        sql.where << QStringLiteral("EXISTS (SELECT 1 FROM article_scores s WHERE s.article_id = a.id AND s.label = ?"
                                    " AND (? = '' OR s.ticker = ?))");
        sql.binds << filter.label << ticker << ticker;
    }
    if (filter.from.isValid()) {
        sql.where << QStringLiteral("a.published_utc >= ?");
        sql.binds << toStoreTime(filter.from);
    }
    if (filter.to.isValid()) {
        sql.where << QStringLiteral("a.published_utc < ?");
        sql.binds << toStoreTime(filter.to);
    }
    if (filter.storedAfterId > 0) {
        sql.where << QStringLiteral("a.id > ?");
        sql.binds << filter.storedAfterId;
    }
    const QString search = ArticleSearch::fromTyped(filter.search);
    const QString order = filter.newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC");
    sql.from = QStringLiteral("articles a");
    switch (filter.order) {
    case ArticleOrder::Published:
        sql.orderBy = QStringLiteral("a.published_utc %1, a.id %1").arg(order);
        break;
    case ArticleOrder::Title:
        sql.orderBy = QStringLiteral("a.title %1, a.id %1").arg(order);
        break;
    case ArticleOrder::Source:
        sql.orderBy = QStringLiteral("a.source %1, a.id %1").arg(order);
        break;
    }
    if (!search.isEmpty()) {
        auto match = ArticleSearch(dialect).match(search);
        if (!match)
            return fail(QStringLiteral("Search \"%1\" failed: %2").arg(filter.search, match.errorMessage()));
        sql.from = match->from;
        sql.where.prepend(match->condition);
        sql.binds.prepend(match->bind);
        auto marks = ArticleSearch(dialect).marks(search);
        if (!marks)
            return fail(QStringLiteral("Search \"%1\" failed: %2").arg(filter.search, marks.errorMessage()));
        sql.markedTitle = marks->title;
        sql.snippet = marks->snippet;
        sql.selectBinds = marks->binds;
        // Sorted by title or source, the matches are sorted (the cost grows
        // with their number: half a second for a third of a million).
        if (match->inIndexOrder && filter.order == ArticleOrder::Published) {
            // Search results come in store order (id, which follows arrival and
            // so, nearly, publication): the index stops after a page, where
            // sorting by date would first have to collect every match
            // (seconds for a common word in a million).
            sql.orderBy = QStringLiteral("%1 %2").arg(match->idColumn, order);
            sql.storeOrderId = match->idColumn;
        }
    }
    return sql;
}

QString ArticleListSql::whereClause() const
{
    return where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "));
}

Result<QList<ArticleRow>> ArticlePageReader::page(
    const ArticleFilter &filter, const std::optional<ArticleCursor> &after, int limit) const
{
    const SqlDialect dialect = dialectOf(m_db);
    auto list = ArticleListSql::build(filter, dialect);
    if (!list)
        return list.error();
    // Never a null QString: Qt binds that as SQL NULL, and NULL = '' is not true.
    const QString ticker = filter.ticker.isEmpty() ? QStringLiteral("") : filter.ticker;
    // Bound first: the badge prefers the score for the filtered ticker.
    QVariantList selectBinds{ticker};
    QStringList &where = list->where;
    QVariantList &binds = list->binds;
    const QString &from = list->from;
    const QString &orderBy = list->orderBy;
    const bool searching = !ArticleSearch::fromTyped(filter.search).isEmpty();
    if (!list->storeOrderId.isEmpty()) {
        if (after) {
            where << QStringLiteral("%1 %2 ?").arg(list->storeOrderId, filter.newestFirst ? QStringLiteral("<")
                                                                                           : QStringLiteral(">"));
            binds << after->id;
        }
    } else if (after) {
        const QString cmp = filter.newestFirst ? QStringLiteral("<") : QStringLiteral(">");
        switch (filter.order) {
        case ArticleOrder::Published:
            where << QStringLiteral("(a.published_utc, a.id) %1 (?, ?)").arg(cmp);
            binds << after->publishedUtc << after->id;
            break;
        case ArticleOrder::Title:
            where << QStringLiteral("(a.title, a.id) %1 (?, ?)").arg(cmp);
            binds << after->text << after->id;
            break;
        case ArticleOrder::Source:
            where << QStringLiteral("(a.source, a.id) %1 (?, ?)").arg(cmp);
            binds << after->text << after->id;
            break;
        }
    }
    const QString sql = QStringLiteral(
        "SELECT a.id, a.published_utc, a.source, a.title, %5, %6, "
        "(SELECT %4 FROM (SELECT ticker FROM article_tickers "
        "   WHERE article_id = a.id ORDER BY relevance DESC, ticker) linked), "
        "(SELECT s.score || ' ' || s.label FROM article_scores s WHERE s.article_id = a.id "
        "   ORDER BY (s.ticker = ?) DESC, s.confidence DESC, s.scored_utc DESC LIMIT 1) "
        "FROM %1 %2 ORDER BY %3 LIMIT ?")
                            .arg(from, list->whereClause(), orderBy,
                                 dialect == SqlDialect::Postgres ? QStringLiteral("string_agg(ticker, ', ')")
                                          : QStringLiteral("group_concat(ticker, ', ')"),
                                 list->markedTitle, list->snippet);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return fail(describeSqlError(QStringLiteral("Article list query is invalid"), q));
    for (const QVariant &v : list->selectBinds + selectBinds + binds)
        q.addBindValue(v);
    q.addBindValue(limit);
    if (!q.exec()) {
        if (searching)
            return fail(QStringLiteral("Search \"%1\" failed: %2").arg(filter.search, q.lastError().databaseText()));
        return fail(describeSqlError(QStringLiteral("Article list read failed"), q));
    }
    QList<ArticleRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        ArticleRow r;
        r.id = q.value(0).toLongLong();
        r.publishedUtc = q.value(1).toLongLong();
        r.source = q.value(2).toString();
        r.title = q.value(3).toString();
        r.markedTitle = q.value(4).toString();
        r.snippet = q.value(5).toString();
        r.tickers = q.value(6).toString();
        const QString badge = q.value(7).toString();
        if (!badge.isEmpty()) {
            const qsizetype space = badge.indexOf(QLatin1Char(' '));
            r.score = badge.left(space).toDouble();
            r.label = badge.mid(space + 1);
        }
        rows << r;
    }
    return rows;
}

namespace {
Result<QStringList> distinctStrings(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return fail(describeSqlError(QStringLiteral("Filter values read failed"), q));
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    return values;
}
} // namespace

ArticleCursor ArticleCursor::after(const ArticleRow &row, ArticleOrder order)
{
    switch (order) {
    case ArticleOrder::Published:
        break;
    case ArticleOrder::Title:
        return ArticleCursor{row.publishedUtc, row.id, row.title};
    case ArticleOrder::Source:
        return ArticleCursor{row.publishedUtc, row.id, row.source};
    }
    return ArticleCursor{row.publishedUtc, row.id, QString()};
}

Result<qint64> ArticlePageReader::count(const ArticleFilter &filter) const
{
    ArticleFilter unordered = filter;
    unordered.order = ArticleOrder::Published;   // a search then reads the index without sorting
    auto list = ArticleListSql::build(unordered, dialectOf(m_db));
    if (!list)
        return list.error();
    const bool onlyTicker = !filter.ticker.isEmpty() && filter.source.isEmpty() && filter.label.isEmpty()
        && !filter.from.isValid() && !filter.to.isValid() && filter.storedAfterId == 0
        && ArticleSearch::fromTyped(filter.search).isEmpty();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (onlyTicker) {
        // The (ticker, article_id) index holds the answer: no article row is read.
        q.prepare(QStringLiteral("SELECT count(*) FROM article_tickers WHERE ticker = ?"));
        q.addBindValue(filter.ticker);
    } else {
        q.prepare(QStringLiteral("SELECT count(*) FROM %1 %2").arg(list->from, list->whereClause()));
        for (const QVariant &v : std::as_const(list->binds))
            q.addBindValue(v);
    }
    if (!q.exec() || !q.next())
        return fail(describeSqlError(QStringLiteral("Article count failed"), q));
    return q.value(0).toLongLong();
}

Result<qint64> ArticlePageReader::latestId() const
{
    return queryScalar(m_db, QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM articles"));
}

Result<QStringList> ArticlePageReader::sources() const
{
    // The index on articles(source) makes DISTINCT a skip scan, not a table scan.
    return distinctStrings(
        m_db, QStringLiteral("SELECT DISTINCT source FROM articles WHERE source <> '' ORDER BY source"));
}

Result<QStringList> ArticlePageReader::labels() const
{
    // Labels are a handful of words, but article_scores has no index on them:
    // sampling the newest scores keeps this instant on a million rows (a
    // label that only old scores carry is still filterable by typing it).
    return distinctStrings(m_db,
        QStringLiteral("SELECT DISTINCT label FROM (SELECT label FROM article_scores "
                       "ORDER BY rowid DESC LIMIT 5000) ORDER BY label"));
}

} // namespace tw
