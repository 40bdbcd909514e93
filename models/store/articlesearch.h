#pragma once

#include "models/core/result.h"
#include "models/store/sqldialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QList>
#include <QVariant>
#include <QVariantList>

namespace tw {

// Where a matched term starts and ends in ArticleSearch::Marks' texts
// (control characters no stored title or body keeps).
inline constexpr char16_t kSearchMarkStart = u'\x02';
inline constexpr char16_t kSearchMarkEnd = u'\x03';

// One piece of a marked text: whether it is a matched term.
struct MarkedTextPart {
    QString text;
    bool matched = false;
};
// Splits a marked title or snippet into its pieces (without the marks).
QList<MarkedTextPart> splitMarkedText(const QString &marked);

// Full-text search over the stored articles on both backends: the one place
// outside the migrations that writes FTS5 MATCH (SQLite) or a tsquery
// (PostgreSQL). The user's syntax is FTS5's: SQLite reads it as written,
// PostgreSQL as SearchQueryTranslator turns it into a tsquery, so a search
// means the same on both. Callers put the pieces into their own SELECT.
class ArticleSearch {
public:
    explicit ArticleSearch(SqlDialect dialect) : m_dialect(dialect) {}
    explicit ArticleSearch(const QSqlDatabase &db) : m_dialect(dialectOf(db)) {}

    // The parts of a SELECT over articles (alias `a`) that keep those matching.
    struct Match {
        QString from;        // in place of "articles a": on SQLite the index joined to the articles
        QString condition;   // AND it into the WHERE clause; binds `bind`
        QVariant bind;
        // The article id as the index orders it: on SQLite the index's rowid,
        // so an id range or order is walked in the index without sorting.
        QString idColumn;
        bool inIndexOrder = false;   // paging by idColumn is cheap (SQLite)
    };
    // Fails, naming the problem, when the query cannot be translated.
    Result<Match> match(const QString &query) const;

    // Select expressions that mark the matched terms of `query`, for a
    // SELECT built from match(query): the title with each matched term
    // between kSearchMarkStart and kSearchMarkEnd (FTS5 highlight(),
    // ts_headline), and a few words around the best match in the article
    // (snippet(), ts_headline over the summary and the body's start), so the
    // list shows why a row matched. `binds` go before the SELECT's others.
    struct Marks {
        QString title;
        QString snippet;
        QVariantList binds;
    };
    Result<Marks> marks(const QString &query) const;

    // Whether the backend's index accepts `query`: asking the index itself is
    // the only faithful check of FTS5's syntax. The error is the backend's
    // reason (or the translator's), for the caller to word.
    static Status validate(const QSqlDatabase &db, const QString &query);

    // What a user types in a search box ("muse spark", "capex 2026") as a
    // query that matches every word, the last one as a prefix unless a space
    // follows it; text with operators or quotes is taken as written.
    static QString fromTyped(const QString &typed);

private:
    SqlDialect m_dialect;
};

} // namespace tw
