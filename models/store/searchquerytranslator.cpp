#include "models/store/searchquerytranslator.h"

namespace tw {

namespace {

struct Token {
    enum class Kind { Terms, Open, Close, And, Or, Not };
    Kind kind;
    QStringList words;
    bool prefix = false;
};

// Letters and digits make words; everything else separates them, as both
// backends' tokenizers do (unicode61 and PostgreSQL's default parser).
QStringList wordsOf(const QString &text)
{
    QStringList words;
    QString current;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            current += c.toLower();
        } else if (!current.isEmpty()) {
            words << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        words << current;
    return words;
}

Result<std::vector<Token>> lex(const QString &query)
{
    std::vector<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = query.size();
    while (i < n) {
        const QChar c = query.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('(')) {
            tokens.push_back({Token::Kind::Open, {}, false});
            ++i;
        } else if (c == QLatin1Char(')')) {
            tokens.push_back({Token::Kind::Close, {}, false});
            ++i;
        } else if (c == QLatin1Char('"')) {
            const qsizetype close = query.indexOf(QLatin1Char('"'), i + 1);
            if (close < 0)
                return fail(QStringLiteral("unclosed quote: a phrase needs a closing \""));
            const QStringList words = wordsOf(query.mid(i + 1, close - i - 1));
            i = close + 1;
            bool prefix = false;
            while (i < n && query.at(i) == QLatin1Char('*')) {
                prefix = true;
                ++i;
            }
            if (words.isEmpty())
                return fail(QStringLiteral("empty phrase \"\": put words between the quotes"));
            tokens.push_back({Token::Kind::Terms, words, prefix});
        } else {
            qsizetype end = i;
            while (end < n && !query.at(end).isSpace() && query.at(end) != QLatin1Char('(')
                   && query.at(end) != QLatin1Char(')') && query.at(end) != QLatin1Char('"'))
                ++end;
            QString raw = query.mid(i, end - i);
            i = end;
            if (raw == QLatin1String("AND")) {
                tokens.push_back({Token::Kind::And, {}, false});
                continue;
            }
            if (raw == QLatin1String("OR")) {
                tokens.push_back({Token::Kind::Or, {}, false});
                continue;
            }
            if (raw == QLatin1String("NOT")) {
                tokens.push_back({Token::Kind::Not, {}, false});
                continue;
            }
            const bool prefix = raw.endsWith(QLatin1Char('*'));
            const QStringList words = wordsOf(raw);
            if (!words.isEmpty())  // lone punctuation ("-", "&") carries no word
                tokens.push_back({Token::Kind::Terms, words, prefix});
        }
    }
    return tokens;
}

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    Result<SearchNode> parseAll()
    {
        if (m_tokens.empty())
            return fail(QStringLiteral("the query has no words to search for"));
        auto node = parseOr();
        if (!node)
            return node;
        if (m_pos < m_tokens.size())
            return fail(QStringLiteral("unmatched ')'"));
        return node;
    }

private:
    bool at(Token::Kind kind) const { return m_pos < m_tokens.size() && m_tokens[m_pos].kind == kind; }
    bool atEnd() const { return m_pos >= m_tokens.size(); }

    Result<SearchNode> parseOr()
    {
        SearchNode node;
        node.kind = SearchNode::Kind::Or;
        while (true) {
            auto operand = parseAnd();
            if (!operand)
                return operand;
            node.include.push_back(std::move(*operand));
            if (!at(Token::Kind::Or))
                break;
            ++m_pos;
        }
        if (node.include.size() == 1)
            return std::move(node.include.front());
        return node;
    }

    Result<SearchNode> parseAnd()
    {
        SearchNode node;
        node.kind = SearchNode::Kind::And;
        while (!atEnd() && !at(Token::Kind::Or) && !at(Token::Kind::Close)) {
            const bool explicitAnd = at(Token::Kind::And);
            if (explicitAnd) {
                if (node.include.empty())
                    return fail(QStringLiteral("AND needs a word on both sides"));
                ++m_pos;
            }
            const bool negated = at(Token::Kind::Not);
            if (negated) {
                if (node.include.empty())
                    return fail(QStringLiteral("NOT needs something to exclude from, e.g. meta NOT capex"));
                ++m_pos;
            }
            if (atEnd() || at(Token::Kind::Or) || at(Token::Kind::Close) || at(Token::Kind::And) || at(Token::Kind::Not))
                return fail(QStringLiteral("%1 needs a word after it").arg(negated ? QStringLiteral("NOT")
                                                                                  : QStringLiteral("AND")));
            auto operand = parsePrimary();
            if (!operand)
                return operand;
            (negated ? node.exclude : node.include).push_back(std::move(*operand));
        }
        if (node.include.empty())
            return fail(at(Token::Kind::Or) || (atEnd() && m_pos > 0 && m_tokens[m_pos - 1].kind == Token::Kind::Or)
                            ? QStringLiteral("OR needs a word on both sides")
                            : QStringLiteral("empty parentheses or a missing word"));
        if (node.include.size() == 1 && node.exclude.empty())
            return std::move(node.include.front());
        return node;
    }

    Result<SearchNode> parsePrimary()
    {
        const Token &t = m_tokens[m_pos];
        if (t.kind == Token::Kind::Terms) {
            ++m_pos;
            SearchNode node;
            node.tokens = t.words;
            node.prefix = t.prefix;
            return node;
        }
        if (t.kind == Token::Kind::Open) {
            ++m_pos;
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (!at(Token::Kind::Close))
                return fail(QStringLiteral("unclosed '(': add the matching ')'"));
            ++m_pos;
            return inner;
        }
        return fail(QStringLiteral("unmatched ')'"));
    }

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
};

// Each of `nodes` in one backend's syntax.
QStringList translated(const std::vector<SearchNode> &nodes, QString (*translate)(const SearchNode &))
{
    QStringList parts;
    for (const SearchNode &node : nodes)
        parts << translate(node);
    return parts;
}
} // namespace

Result<SearchNode> SearchQueryTranslator::parse(const QString &query)
{
    auto tokens = lex(query);
    if (!tokens)
        return tokens.error();
    return Parser(std::move(*tokens)).parseAll();
}

QString SearchQueryTranslator::fts5(const SearchNode &node)
{
    switch (node.kind) {
    case SearchNode::Kind::Terms:
        // Quoted, so no word is ever read as an FTS5 operator or column name.
        return QLatin1Char('"') + node.tokens.join(QLatin1Char(' ')) + QLatin1Char('"')
             + (node.prefix ? QStringLiteral("*") : QString());
    case SearchNode::Kind::Or:
        return QLatin1Char('(') + translated(node.include, fts5).join(QStringLiteral(" OR ")) + QLatin1Char(')');
    case SearchNode::Kind::And: {
        const QStringList parts = translated(node.include, fts5);
        // FTS5's NOT is binary ("a NOT b"), so exclusions wrap what they exclude from.
        QString expr = parts.size() == 1 ? parts.front() : QLatin1Char('(') + parts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
        for (const SearchNode &child : node.exclude)
            expr = QStringLiteral("(%1 NOT %2)").arg(expr, fts5(child));
        return expr;
    }
    }
    return {};
}

QString SearchQueryTranslator::tsQuery(const SearchNode &node)
{
    switch (node.kind) {
    case SearchNode::Kind::Terms: {
        // Tokens are letters and digits only, so they need no quoting in tsquery.
        QStringList words = node.tokens;
        if (node.prefix)
            words.back() += QStringLiteral(":*");
        if (words.size() == 1)
            return words.front();
        return QLatin1Char('(') + words.join(QStringLiteral(" <-> ")) + QLatin1Char(')');
    }
    case SearchNode::Kind::Or:
        return QLatin1Char('(') + translated(node.include, tsQuery).join(QStringLiteral(" | ")) + QLatin1Char(')');
    case SearchNode::Kind::And: {
        QStringList parts = translated(node.include, tsQuery);
        for (const SearchNode &child : node.exclude)
            parts << QLatin1Char('!') + tsQuery(child);
        return QLatin1Char('(') + parts.join(QStringLiteral(" & ")) + QLatin1Char(')');
    }
    }
    return {};
}

Result<QString> SearchQueryTranslator::toFts5(const QString &query)
{
    auto node = parse(query);
    if (!node)
        return node.error();
    return fts5(*node);
}

Result<QString> SearchQueryTranslator::toTsQuery(const QString &query)
{
    auto node = parse(query);
    if (!node)
        return node.error();
    return tsQuery(*node);
}

Result<QString> SearchQueryTranslator::translate(const QString &query, SqlDialect dialect)
{
    return dialect == SqlDialect::Postgres ? toTsQuery(query) : toFts5(query);
}

} // namespace tw
