#pragma once

#include "models/linking/entitylinker.h"
#include "models/core/result.h"
#include "models/store/sqldialect.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <optional>

namespace tw {

// What the article list shows; every empty member means "any".
struct ArticleFilter {
    QString ticker;
    QString source;
    QString label; // sentiment label from article_scores ("bullish", ...)
    QDateTime from; // inclusive, UTC
    QDateTime to; // exclusive, UTC
    QString search; // FTS5 query over title, summary and body
    // With a ticker: only articles whose link to it is at least this relevant
    // (0-100; kMainSubjectRelevance hides passing mentions).
    int minRelevance = 0;
    bool newestFirst = true;
    // Only rows stored after this article id (0: any): what arrived since the
    // list was read, whatever its publication time.
    qint64 storedAfterId = 0;

    bool operator==(const ArticleFilter &) const = default;
};

struct ArticleRow {
    qint64 id = 0;
    qint64 publishedUtc = 0;
    QString source;
    QString tickers; // "META, NVDA", most relevant first
    QString title;
    std::optional<double> score;
    QString label;
};

// Where the next page starts: the (published_utc, id) of the last row shown.
// Keyset paging keeps every page an index range scan, so page 5,000 costs what
// page 1 costs (OFFSET would walk all the rows before it).
struct ArticleCursor {
    qint64 publishedUtc = 0;
    qint64 id = 0;
};

// The article list's rows as SQL pieces, shared by the paged list and its
// CSV export so both hold exactly the same rows in the same order.
struct ArticleListSql {
    QString from;            // "articles a", or what ArticleSearch joins for a search
    QStringList where;       // ANDed conditions
    QVariantList binds;      // for `where`, in order
    QString orderBy;
    // A search the index pages in store order (SQLite): the id column pages
    // follow instead of (published_utc, id); empty otherwise.
    QString storeOrderId;

    static Result<ArticleListSql> build(const ArticleFilter &filter, SqlDialect dialect);
    QString whereClause() const;       // "WHERE ..." or empty
};

// Pages of the article list, in published order (ties broken by id); with a
// search, in store order (id), which FTS5 can page without sorting.
class ArticlePageReader {
public:
    explicit ArticlePageReader(QSqlDatabase db);

    Result<QList<ArticleRow>> page(
        const ArticleFilter &filter, const std::optional<ArticleCursor> &after, int limit) const;
    // The newest article id in the store (0 when empty): where storedAfterId starts.
    Result<qint64> latestId() const;
    Result<QStringList> sources() const;
    Result<QStringList> labels() const;

private:
    QSqlDatabase m_db;
};

} // namespace tw
