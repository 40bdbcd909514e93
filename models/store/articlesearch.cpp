#include "models/store/articlesearch.h"

#include "models/store/searchquerytranslator.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace tw {

Result<ArticleSearch::Match> ArticleSearch::match(const QString &query) const
{
    switch (m_dialect) {
    case SqlDialect::Sqlite:
        // The index first (CROSS JOIN keeps SQLite from reordering): FTS5
        // walks its matches in rowid order and stops after a page, where
        // sorting by date would first collect every match.
        return Match{QStringLiteral("articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid"),
                     QStringLiteral("articles_fts MATCH ?"), query, QStringLiteral("articles_fts.rowid"), true};
    case SqlDialect::Postgres: {
        auto tsquery = SearchQueryTranslator::toTsQuery(query);
        if (!tsquery)
            return tsquery.error();
        return Match{QStringLiteral("articles a"), QStringLiteral("a.search_vector @@ to_tsquery('english', ?)"),
                     *tsquery, QStringLiteral("a.id"), false};
    }
    }
    return fail(QStringLiteral("unknown SQL dialect"));
}

Result<ArticleSearch::Marks> ArticleSearch::marks(const QString &query) const
{
    switch (m_dialect) {
    case SqlDialect::Sqlite:
        // Column 0 is the title; -1 lets snippet() pick the column that
        // matched best (summary or body, or the title when only it did).
        return Marks{QStringLiteral("highlight(articles_fts, 0, char(2), char(3))"),
                     QStringLiteral("snippet(articles_fts, -1, char(2), char(3), '…', 14)"), {}};
    case SqlDialect::Postgres: {
        auto tsquery = SearchQueryTranslator::toTsQuery(query);
        if (!tsquery)
            return tsquery.error();
        const QString marks = QStringLiteral("StartSel=\"%1\", StopSel=\"%2\"")
                                  .arg(QChar(kSearchMarkStart))
                                  .arg(QChar(kSearchMarkEnd));
        // ts_headline reads the whole text it is given: the summary and the
        // start of the body are where an article says what it is about.
        return Marks{QStringLiteral("ts_headline('english', a.title, to_tsquery('english', ?), ?)"),
                     QStringLiteral("ts_headline('english', coalesce(a.summary, '') || ' ' || "
                                    "substr(coalesce(a.body, ''), 1, 20000), to_tsquery('english', ?), ?)"),
                     {*tsquery, QString(marks + QStringLiteral(", HighlightAll=true")), *tsquery,
                      QString(marks + QStringLiteral(", MaxWords=18, MinWords=8, MaxFragments=1, FragmentDelimiter=' … '"))}};
    }
    }
    return fail(QStringLiteral("unknown SQL dialect"));
}

QList<MarkedTextPart> splitMarkedText(const QString &marked)
{
    QList<MarkedTextPart> parts;
    MarkedTextPart current;
    for (const QChar c : marked) {
        if (c == QChar(kSearchMarkStart) || c == QChar(kSearchMarkEnd)) {
            if (!current.text.isEmpty())
                parts << current;
            current = MarkedTextPart{QString(), c == QChar(kSearchMarkStart)};
            continue;
        }
        current.text += c;
    }
    if (!current.text.isEmpty())
        parts << current;
    return parts;
}

Status ArticleSearch::validate(const QSqlDatabase &db, const QString &query)
{
    QSqlQuery q(db);
    switch (dialectOf(db)) {
    case SqlDialect::Sqlite:
        q.prepare(QStringLiteral("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1"));
        q.addBindValue(query);
        break;
    case SqlDialect::Postgres: {
        auto tsquery = SearchQueryTranslator::toTsQuery(query);
        if (!tsquery)
            return tsquery.error();
        q.prepare(QStringLiteral("SELECT to_tsquery('english', ?)"));
        q.addBindValue(*tsquery);
        break;
    }
    }
    if (!q.exec())
        return fail(q.lastError().databaseText());
    return {};
}

QString ArticleSearch::fromTyped(const QString &typed)
{
    const QString text = typed.simplified();
    if (text.isEmpty())
        return {};
    static const QRegularExpression advanced(QStringLiteral(R"(["*()]|\b(AND|OR|NOT|NEAR)\b)"));
    if (advanced.match(text).hasMatch())
        return text;
    QStringList terms;
    static const QRegularExpression word(QStringLiteral(R"([\p{L}\p{N}_]+)"));
    for (auto it = word.globalMatch(text); it.hasNext();)
        terms << QStringLiteral("\"%1\"").arg(it.next().captured(0));
    // Only the word still being typed is a prefix: a prefix merges the lists
    // of every term it covers, which costs on a large index, and the words
    // before it are complete. A trailing space completes the last one too.
    if (!terms.isEmpty() && !typed.back().isSpace())
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

} // namespace tw
