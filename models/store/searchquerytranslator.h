#pragma once

#include "models/core/result.h"
#include "models/store/sqldialect.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tw {

// One parsed search: words and "phrases" (a word like AT&T is the phrase
// "at t"), a trailing * for a prefix, AND (also implied by a space), OR, NOT
// (always "this NOT that": there must be something to exclude from) and
// parentheses. Operators are upper case; lower-case and/or/not are words.
struct SearchNode {
    enum class Kind { Terms, And, Or };
    Kind kind = Kind::Terms;
    QStringList tokens;  // Terms: lower-case letters/digits; more than one is a phrase
    bool prefix = false; // Terms: the last token is a prefix
    std::vector<SearchNode> include;  // And/Or operands
    std::vector<SearchNode> exclude;  // And only: the NOT operands
};

// Turns the user's query into the backend's full-text syntax, so the search box
// means the same on SQLite (FTS5 MATCH) and PostgreSQL (to_tsquery). Malformed
// input is an error naming the problem, never a backend syntax error.
class SearchQueryTranslator {
public:
    static Result<SearchNode> parse(const QString &query);
    static Result<QString> toFts5(const QString &query);
    static Result<QString> toTsQuery(const QString &query);
    static Result<QString> translate(const QString &query, SqlDialect dialect);

    static QString fts5(const SearchNode &node);
    static QString tsQuery(const SearchNode &node);
};

} // namespace tw
