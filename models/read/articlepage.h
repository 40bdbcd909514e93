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

// The key the article list is sorted by. Each is a keyset an index serves
// (published_utc; title, id; source, id), so every page is a range scan.
enum class ArticleOrder { Published, Title, Source };

// What the article list shows; every empty member means "any".
struct ArticleFilter {
    QString ticker;
    QString source;
    QString label; // sentiment label from article_scores ("bullish", ...)
    QDateTime from; // inclusive, UTC
    QDateTime to; // exclusive, UTC
    QString search; // FTS5 query over title, summary and body
    ArticleOrder order = ArticleOrder::Published;
    // Descending by the order's key: newest first for Published, Z to A for
    // Title and Source (ties always by id in the same direction).
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
    // With a search: the title with its matched terms marked, and a few words
    // around the best match (see splitMarkedText); empty otherwise.
    QString markedTitle;
    QString snippet;
    std::optional<double> score;
    QString label;
};

// Where the next page starts: the sort key and id of the last row shown.
// Keyset paging keeps every page an index range scan, so page 5,000 costs what
// page 1 costs (OFFSET would walk all the rows before it).
struct ArticleCursor {
    qint64 publishedUtc = 0;
    qint64 id = 0;
    QString text;   // the title or source, for those orders

    static ArticleCursor after(const ArticleRow &row, ArticleOrder order);
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
    // With a search: select expressions marking the matched terms, and
    // their values (bound before `binds`); "''" without one.
    QString markedTitle = QStringLiteral("''");
    QString snippet = QStringLiteral("''");
    QVariantList selectBinds;

    static Result<ArticleListSql> build(const ArticleFilter &filter, SqlDialect dialect);
    QString whereClause() const;       // "WHERE ..." or empty
};

// Pages of the article list, in the filter's order (ties broken by id); a
// search in published order comes in store order (id) on SQLite, which FTS5
// can page without sorting.
class ArticlePageReader {
public:
    explicit ArticlePageReader(QSqlDatabase db);

    Result<QList<ArticleRow>> page(
        const ArticleFilter &filter, const std::optional<ArticleCursor> &after, int limit) const;
    // How many articles the filter matches, however many pages are read.
    Result<qint64> count(const ArticleFilter &filter) const;
    // The newest article id in the store (0 when empty): where storedAfterId starts.
    Result<qint64> latestId() const;
    Result<QStringList> sources() const;
    Result<QStringList> labels() const;

private:
    QSqlDatabase m_db;
};

} // namespace tw
