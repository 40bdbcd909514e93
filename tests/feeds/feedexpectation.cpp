#include "feedexpectation.h"

#include "feeds/parsers/htmlentities.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QUrl>

#include <memory>
#include <optional>
#include <utility>

namespace twtest {

namespace {

// ---- values ---------------------------------------------------------------

// Where a value came from, when it is one of the fields we keep: decides how
// it is compared.
enum class Field { None, Title, Link, Body, Date, Count };

struct Value {
    enum Kind { NotApplicable, Missing, NoneValue, Bool, Int, Float, Str, Tuple, Dict, Node };
    Kind kind = NotApplicable;
    bool b = false;
    qint64 i = 0;
    double f = 0;
    QString s;
    QList<Value> items;                 // tuple, or dict as key, value, key, value...
    QString node;                       // "feed", "entries", "entry", "title_detail", "content", "content_item", ...
    int index = -1;                     // the entry (or content item) a node stands for
    Field field = Field::None;

    static Value na() { return {}; }
    static Value missing() { Value v; v.kind = Missing; return v; }
    static Value boolean(bool x) { Value v; v.kind = Bool; v.b = x; return v; }
    static Value integer(qint64 x) { Value v; v.kind = Int; v.i = x; return v; }
    static Value string(QString x, Field f = Field::None) { Value v; v.kind = Str; v.s = std::move(x); v.field = f; return v; }
    static Value nodeOf(const QString &name, int index = -1) { Value v; v.kind = Node; v.node = name; v.index = index; return v; }
};

// ---- tokens and syntax tree -----------------------------------------------

struct Token {
    enum Kind { End, Name, Number, String, Op } kind = End;
    QString text;
};

QList<Token> tokenize(const QString &src, bool *ok)
{
    QList<Token> out;
    qsizetype i = 0;
    auto fail = [&] { *ok = false; return out; };
    // The run of characters from i that `in` accepts, as one token.
    auto take = [&](Token::Kind kind, auto in) {
        qsizetype p = i;
        while (p < src.size() && in(src.at(p)))
            ++p;
        out.append(Token{kind, src.mid(i, p - i)});
        i = p;
    };
    while (i < src.size()) {
        const QChar c = src.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        // String literal, with an optional u/b/r prefix; adjacent literals concatenate.
        qsizetype q = i;
        bool raw = false;
        while (q < src.size() && QStringLiteral("uUbBrR").contains(src.at(q)) && q - i < 2) {
            raw = raw || src.at(q).toLower() == QLatin1Char('r');
            ++q;
        }
        if (q < src.size() && (src.at(q) == QLatin1Char('\'') || src.at(q) == QLatin1Char('"'))) {
            const QChar quote = src.at(q);
            const bool triple = src.mid(q, 3) == QString(3, quote);
            qsizetype p = q + (triple ? 3 : 1);
            QString value;
            for (;;) {
                if (p >= src.size())
                    return fail();
                if (triple ? src.mid(p, 3) == QString(3, quote) : src.at(p) == quote)
                    break;
                if (src.at(p) == QLatin1Char('\\') && !raw && p + 1 < src.size()) {
                    const QChar e = src.at(p + 1);
                    p += 2;
                    auto hex = [&](int n) {
                        bool okHex = false;
                        const uint code = src.mid(p, n).toUInt(&okHex, 16);
                        p += n;
                        if (!okHex)
                            *ok = false;
                        const char32_t cp = code;
                        value += QString::fromUcs4(&cp, 1);
                    };
                    switch (e.unicode()) {
                    case 'n': value += QLatin1Char('\n'); break;
                    case 't': value += QLatin1Char('\t'); break;
                    case 'r': value += QLatin1Char('\r'); break;
                    case '0': value += QChar(0); break;
                    case 'x': hex(2); break;
                    case 'u': hex(4); break;
                    case 'U': hex(8); break;
                    case '\n': break;
                    default:
                        if (e == QLatin1Char('\\') || e == QLatin1Char('\'') || e == QLatin1Char('"'))
                            value += e;
                        else
                            value += QLatin1Char('\\') + QString(e);
                    }
                    continue;
                }
                value += src.at(p++);
            }
            p += triple ? 3 : 1;
            if (!out.isEmpty() && out.last().kind == Token::String)
                out.last().text += value;
            else
                out.append(Token{Token::String, value});
            i = p;
            continue;
        }
        if (c.isLetter() || c == QLatin1Char('_')) {
            take(Token::Name, [](QChar n) { return n.isLetterOrNumber() || n == QLatin1Char('_'); });
            continue;
        }
        if (c.isDigit()) {
            take(Token::Number, [](QChar n) { return n.isDigit() || n == QLatin1Char('.'); });
            continue;
        }
        for (const char *op : {"==", "!=", "<=", ">="}) {
            if (src.mid(i, 2) == QLatin1String(op)) {
                out.append(Token{Token::Op, QLatin1String(op)});
                i += 2;
                goto next;
            }
        }
        if (QStringLiteral("()[]{},:.+-<>").contains(c)) {
            out.append(Token{Token::Op, QString(c)});
            ++i;
            continue;
        }
        return fail();
    next:;
    }
    out.append(Token{Token::End, {}});
    return out;
}

struct Node;
using NodePtr = std::shared_ptr<Node>;
struct Node {
    enum Kind { Literal, Name, Index, Attr, Call, TupleLit, DictLit, Not, And, Or, Compare, Add, Neg } kind;
    Value literal;
    QString name;            // Name, Attr (attribute), Call (function name when callee is a Name)
    QList<NodePtr> kids;
    QStringList ops;         // Compare: the operators between kids
};

class Parser {
public:
    explicit Parser(QList<Token> tokens) : m_t(std::move(tokens)) {}
    NodePtr parse()
    {
        NodePtr n = orExpr();
        return peek().kind == Token::End && !m_failed ? n : nullptr;
    }

private:
    const Token &peek(int ahead = 0) const { return m_t.at(std::min<qsizetype>(m_pos + ahead, m_t.size() - 1)); }
    bool isOp(const char *op) const { return peek().kind == Token::Op && peek().text == QLatin1String(op); }
    bool isWord(const char *w, int ahead = 0) const
    {
        return peek(ahead).kind == Token::Name && peek(ahead).text == QLatin1String(w);
    }
    void expect(const char *op)
    {
        if (isOp(op))
            ++m_pos;
        else
            m_failed = true;
    }
    static NodePtr make(Node::Kind k) { auto n = std::make_shared<Node>(); n->kind = k; return n; }

    using Level = NodePtr (Parser::*)();

    // A left-associative chain, `operand (op operand)*`, each op a `kind` node.
    template <typename AtOp>
    NodePtr chain(AtOp atOp, Node::Kind kind, Level operand)
    {
        NodePtr left = (this->*operand)();
        while (atOp()) {
            ++m_pos;
            NodePtr n = make(kind);
            n->kids = {left, (this->*operand)()};
            left = n;
        }
        return left;
    }

    // A prefix operator, `op self`, when `atOp`; else the next level down.
    NodePtr prefix(bool atOp, Node::Kind kind, Level self, Level next)
    {
        if (!atOp)
            return (this->*next)();
        ++m_pos;
        NodePtr n = make(kind);
        n->kids << (this->*self)();
        return n;
    }

    NodePtr orExpr() { return chain([this] { return isWord("or"); }, Node::Or, &Parser::andExpr); }
    NodePtr andExpr()
    {
        NodePtr left = notExpr();
        if (!isWord("and"))
            return left;
        NodePtr n = make(Node::And);
        n->kids << left;
        while (isWord("and")) {
            ++m_pos;
            n->kids << notExpr();
        }
        return n;
    }
    NodePtr notExpr() { return prefix(isWord("not"), Node::Not, &Parser::notExpr, &Parser::comparison); }
    NodePtr comparison()
    {
        NodePtr first = sum();
        NodePtr n = make(Node::Compare);
        n->kids << first;
        for (QString op = takeComparisonOp(); !op.isEmpty(); op = takeComparisonOp()) {
            n->ops << op;
            n->kids << sum();
        }
        return n->ops.isEmpty() ? first : n;
    }
    // The comparison operator at the cursor, consumed; empty when there is
    // none. A two-word operator is tried before its first word alone.
    QString takeComparisonOp()
    {
        for (const char *op : {"==", "!=", "<", ">", "<=", ">="}) {
            if (isOp(op)) {
                ++m_pos;
                return QString::fromLatin1(op);
            }
        }
        static const std::pair<const char *, const char *> kWordOps[] = {
            {"is", "not"}, {"is", nullptr}, {"not", "in"}, {"in", nullptr}};
        for (const auto &[first, second] : kWordOps) {
            if (!isWord(first) || (second && !isWord(second, 1)))
                continue;
            m_pos += second ? 2 : 1;
            QString op = QString::fromLatin1(first);
            if (second)
                op += QLatin1Char(' ') + QString::fromLatin1(second);
            return op;
        }
        return {};
    }
    NodePtr sum() { return chain([this] { return isOp("+"); }, Node::Add, &Parser::unary); }
    NodePtr unary() { return prefix(isOp("-"), Node::Neg, &Parser::unary, &Parser::postfix); }
    NodePtr postfix()
    {
        NodePtr n = atom();
        for (;;) {
            if (isOp("[")) {
                ++m_pos;
                NodePtr idx = make(Node::Index);
                idx->kids = {n, orExpr()};
                expect("]");
                n = idx;
            } else if (isOp(".")) {
                ++m_pos;
                NodePtr a = make(Node::Attr);
                a->kids << n;
                a->name = peek().text;
                ++m_pos;
                n = a;
            } else if (isOp("(")) {
                ++m_pos;
                NodePtr call = make(Node::Call);
                call->kids << n;
                while (!isOp(")") && peek().kind != Token::End) {
                    call->kids << orExpr();
                    if (isOp(","))
                        ++m_pos;
                }
                expect(")");
                n = call;
            } else {
                return n;
            }
        }
    }
    NodePtr atom()
    {
        const Token t = peek();
        ++m_pos;
        if (t.kind == Token::String) {
            NodePtr n = make(Node::Literal);
            n->literal = Value::string(t.text);
            return n;
        }
        if (t.kind == Token::Number) {
            NodePtr n = make(Node::Literal);
            if (t.text.contains(QLatin1Char('.'))) {
                n->literal.kind = Value::Float;
                n->literal.f = t.text.toDouble();
            } else {
                n->literal = Value::integer(t.text.toLongLong());
            }
            return n;
        }
        if (t.kind == Token::Name) {
            NodePtr n = make(Node::Literal);
            if (t.text == QLatin1String("None")) {
                n->literal.kind = Value::NoneValue;
            } else if (t.text == QLatin1String("True") || t.text == QLatin1String("False")) {
                n->literal = Value::boolean(t.text == QLatin1String("True"));
            } else {
                n->kind = Node::Name;
                n->name = t.text;
            }
            return n;
        }
        if (t.kind == Token::Op && t.text == QLatin1String("(")) {
            NodePtr first = orExpr();
            if (isOp(")")) {
                ++m_pos;
                return first;
            }
            NodePtr tuple = make(Node::TupleLit);
            tuple->kids << first;
            while (isOp(",")) {
                ++m_pos;
                if (isOp(")"))
                    break;
                tuple->kids << orExpr();
            }
            expect(")");
            return tuple;
        }
        if (t.kind == Token::Op && (t.text == QLatin1String("{") || t.text == QLatin1String("["))) {
            const bool dict = t.text == QLatin1String("{");
            NodePtr n = make(dict ? Node::DictLit : Node::TupleLit);
            const char *close = dict ? "}" : "]";
            while (!isOp(close) && peek().kind != Token::End) {
                n->kids << orExpr();
                if (dict) {
                    expect(":");
                    n->kids << orExpr();
                }
                if (isOp(","))
                    ++m_pos;
            }
            expect(close);
            return n;
        }
        m_failed = true;
        return make(Node::Literal);
    }

    QList<Token> m_t;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

// ---- text comparison -------------------------------------------------------

const QSet<QString> &sanitizerElements()
{
    // feedparser's _HTMLSanitizer.acceptable_elements (6.0.10): what it calls HTML.
    static const QSet<QString> names = [] {
        QSet<QString> s;
        for (const QString &n : QStringLiteral(
                 "a abbr acronym address area article aside audio b big blockquote br button canvas caption center "
                 "cite code col colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em "
                 "event-source fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i img input "
                 "ins kbd keygen label legend li m map menu meter multicol nav nextid noscript ol optgroup option "
                 "output p pre progress q s samp section select small sound source spacer span strike strong sub sup "
                 "table tbody td textarea tfoot th thead time tr tt u ul var video")
                 .split(QLatin1Char(' ')))
            s.insert(n);
        return s;
    }();
    return names;
}

// feedparser's looks_like_html: a close tag or an entity reference, every tag
// one its sanitizer allows, every entity one HTML defines.
bool looksLikeHtml(const QString &s)
{
    static const QRegularExpression closeTag(QStringLiteral("</(\\w+)>"));
    static const QRegularExpression entity(QStringLiteral("&#?\\w+;"));
    static const QRegularExpression tag(QStringLiteral("</?(\\w+)"));
    static const QRegularExpression named(QStringLiteral("&(\\w+);"));
    if (!closeTag.match(s).hasMatch() && !entity.match(s).hasMatch())
        return false;
    for (auto it = tag.globalMatch(s); it.hasNext();)
        if (!sanitizerElements().contains(it.next().captured(1).toLower()))
            return false;
    for (auto it = named.globalMatch(s); it.hasNext();)
        if (!tw::findHtmlEntity(it.next().captured(1)))
            return false;
    return true;
}

// A plain reading of sanitized HTML: script and style dropped with their
// content, other tags dropped, references resolved. Deliberately simple and
// separate from the parsers' own HTML-to-text code, which it checks.
QString sanitizedHtmlToText(const QString &html)
{
    static const QRegularExpression dropped(QStringLiteral("<(script|style|applet)\\b.*?</\\1\\s*>"),
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression blockTag(QStringLiteral(
        "</?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|hr|dd|dt|dl)\\b[^>]*>"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("</?[A-Za-z][^>]*>"));
    static const QRegularExpression reference(QStringLiteral("&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);"));
    QString text = html;
    text.remove(dropped);
    text.remove(comment);
    text.replace(blockTag, QStringLiteral(" "));   // a block boundary separates words, an inline tag does not
    text.remove(tag);
    QString out;
    qsizetype last = 0;
    for (auto it = reference.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        if (name.startsWith(QLatin1Char('#'))) {
            const bool hex = name.size() > 1 && (name.at(1) == QLatin1Char('x') || name.at(1) == QLatin1Char('X'));
            const char32_t c = tw::htmlCharacterReference(name.mid(hex ? 2 : 1).toUInt(nullptr, hex ? 16 : 10));
            out += QString::fromUcs4(&c, 1);
        } else if (const tw::HtmlEntity *e = tw::findHtmlEntity(name)) {
            tw::appendHtmlEntity(&out, *e);
        } else {
            out += m.captured(0);
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString folded(const QString &s)
{
    QString t = s;
    t.replace(QChar(0x00A0), QLatin1Char(' '));
    return t.simplified();
}

// feedparser's value is the element's text, or HTML when the element was
// HTML; the assertion does not say which. Ours matches when it is the text
// of either reading (they differ only for values holding markup).
bool textMatches(const Value &ours, const QString &expected)
{
    if (ours.field == Field::Link)
        return ours.s == expected || (!ours.s.isEmpty() && QUrl(ours.s) == QUrl(expected));
    if (ours.field == Field::None)
        return ours.s == expected;
    const QString text = folded(ours.s);
    return text == folded(expectedAsText(expected, ours.field == Field::Body)) || text == folded(expected)
        || text == folded(sanitizedHtmlToText(expected));
}

// ---- evaluation ------------------------------------------------------------

struct Evaluator {
    const KeptFeed &feed;
    QString failure;
    bool emptyEntry = false;

    static QString show(const Value &v)
    {
        switch (v.kind) {
        case Value::NotApplicable: return QStringLiteral("<n/a>");
        case Value::Missing: return QStringLiteral("<missing>");
        case Value::NoneValue: return QStringLiteral("None");
        case Value::Bool: return v.b ? QStringLiteral("True") : QStringLiteral("False");
        case Value::Int: return QString::number(v.i);
        case Value::Float: return QString::number(v.f);
        case Value::Str: return QLatin1Char('"') + v.s.left(160) + QLatin1Char('"');
        case Value::Tuple: {
            QStringList parts;
            for (const Value &x : v.items)
                parts << show(x);
            return QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
        case Value::Dict: return QStringLiteral("{...}");
        case Value::Node: return QStringLiteral("<%1>").arg(v.node);
        }
        return {};
    }

    static Value dateTuple(const QDateTime &when)
    {
        if (!when.isValid())
            return Value::missing();
        const QDateTime t = when.toUTC();
        Value v;
        v.kind = Value::Tuple;
        v.field = Field::Date;
        const QDate d = t.date();
        const QTime h = t.time();
        for (qint64 x : {qint64(d.year()), qint64(d.month()), qint64(d.day()), qint64(h.hour()), qint64(h.minute()),
                         qint64(h.second()), qint64(d.dayOfWeek() - 1), qint64(d.dayOfYear()), qint64(0)})
            v.items << Value::integer(x);
        return v;
    }

    Value member(const Value &on, const QString &key)
    {
        if (on.kind == Value::Missing)
            return Value::missing();
        if (on.kind != Value::Node)
            return Value::na();
        if (on.node == QLatin1String("feed")) {
            if (key == QLatin1String("title"))
                return Value::string(feed.title, Field::Title);
            if (key == QLatin1String("title_detail"))
                return Value::nodeOf(QStringLiteral("feed_title_detail"));
            return Value::na();
        }
        if (on.node == QLatin1String("feed_title_detail"))
            return key == QLatin1String("value") ? Value::string(feed.title, Field::Title) : Value::na();
        if (on.node == QLatin1String("entry")) {
            static const QStringList dates = {QStringLiteral("published_parsed"), QStringLiteral("issued_parsed"),
                                              QStringLiteral("updated_parsed"), QStringLiteral("modified_parsed"),
                                              QStringLiteral("date_parsed")};
            static const QStringList kept = QStringList{QStringLiteral("title"), QStringLiteral("link"),
                                                        QStringLiteral("description"), QStringLiteral("summary"),
                                                        QStringLiteral("title_detail"), QStringLiteral("summary_detail"),
                                                        QStringLiteral("content")} + dates;
            if (!kept.contains(key))
                return Value::na();
            if (key == QLatin1String("content") || key.endsWith(QLatin1String("_detail")))
                return Value::nodeOf(key, on.index);
            if (on.index < 0 || on.index >= feed.entries.size())
                return Value::missing();
            const KeptEntry &e = feed.entries.at(on.index);
            if (key == QLatin1String("title"))
                return Value::string(e.title, Field::Title);
            if (key == QLatin1String("link"))
                return Value::string(e.link, Field::Link);
            if (key == QLatin1String("description") || key == QLatin1String("summary"))
                return Value::string(e.summary, Field::Body);
            return dateTuple(e.date);
        }
        if (on.node == QLatin1String("title_detail") || on.node == QLatin1String("summary_detail")) {
            if (key != QLatin1String("value"))
                return Value::na();
            return member(Value::nodeOf(QStringLiteral("entry"), on.index),
                          on.node == QLatin1String("title_detail") ? QStringLiteral("title") : QStringLiteral("summary"));
        }
        if (on.node == QLatin1String("content_item")) {
            if (key != QLatin1String("value"))
                return Value::na();
            if (on.index < 0 || on.index >= feed.entries.size())
                return Value::missing();
            const KeptEntry &e = feed.entries.at(on.index);
            return e.content.isEmpty() ? Value::missing() : Value::string(e.content, Field::Body);
        }
        return Value::na();
    }

    Value index(const Value &on, const Value &key)
    {
        if (on.kind == Value::Missing)
            return Value::missing();
        if (on.kind != Value::Node)
            return Value::na();
        if (key.kind == Value::Str)
            return member(on, key.s);
        if (key.kind != Value::Int)
            return Value::na();
        if (on.node == QLatin1String("entries")) {
            // feedparser's index to ours: its empty entries are not stored.
            if (feed.emptyEntries.contains(int(key.i))) {
                emptyEntry = true;
                return Value::na();
            }
            int ours = int(key.i);
            for (const int empty : feed.emptyEntries)
                if (empty < key.i)
                    --ours;
            return Value::nodeOf(QStringLiteral("entry"), ours);
        }
        if (on.node == QLatin1String("content")) {
            if (key.i != 0)
                return Value::na();   // we keep one body
            return Value::nodeOf(QStringLiteral("content_item"), on.index);
        }
        return Value::na();
    }

    bool equal(const Value &a, const Value &b)
    {
        if (a.kind == Value::Str && b.kind == Value::Str)
            return a.field != Field::None ? textMatches(a, b.s) : textMatches(b, a.s);
        if (a.kind == Value::Tuple && b.kind == Value::Tuple) {
            if (a.items.size() != b.items.size())
                return false;
            for (qsizetype i = 0; i < a.items.size(); ++i)
                if (!equal(a.items.at(i), b.items.at(i)))
                    return false;
            return true;
        }
        if ((a.kind == Value::Int || a.kind == Value::Float) && (b.kind == Value::Int || b.kind == Value::Float))
            return (a.kind == Value::Int ? double(a.i) : a.f) == (b.kind == Value::Int ? double(b.i) : b.f);
        if (a.kind == Value::Bool && b.kind == Value::Bool)
            return a.b == b.b;
        if (a.kind == Value::NoneValue && b.kind == Value::NoneValue)
            return true;
        return false;
    }

    // `encoding == X`: the bytes read as X give the text we decoded.
    Value encodingIs(const Value &name)
    {
        if (name.kind != Value::Str)
            return Value::na();
        QString label = name.s.toLower();
        if (label == QLatin1String("gb2312") || label == QLatin1String("gbk"))
            label = QStringLiteral("gb18030");
        QStringDecoder decoder(label.toLatin1().constData());
        if (!decoder.isValid())
            return Value::na();
        QString reference = decoder.decode(feed.body);
        auto withoutProlog = [](QString text) {
            while (!text.isEmpty() && (text.at(0).isSpace() || text.at(0) == QChar(0xFEFF)))
                text.remove(0, 1);
            if (text.startsWith(QLatin1String("<?xml")))
                text = text.mid(text.indexOf(QLatin1String("?>")) + 2);
            return text.trimmed();
        };
        return Value::boolean(withoutProlog(reference) == withoutProlog(feed.decodedText));
    }

    Value eval(const NodePtr &n)
    {
        switch (n->kind) {
        case Node::Literal: return n->literal;
        case Node::Name:
            if (n->name == QLatin1String("feed"))
                return Value::nodeOf(QStringLiteral("feed"));
            if (n->name == QLatin1String("entries"))
                return Value::nodeOf(QStringLiteral("entries"));
            if (n->name == QLatin1String("encoding")) {
                Value v = Value::nodeOf(QStringLiteral("encoding"));
                return v;
            }
            return Value::na();   // bozo, version, headers, etag, ...
        case Node::Index: return index(eval(n->kids.at(0)), eval(n->kids.at(1)));
        case Node::Attr: {
            const Value on = eval(n->kids.at(0));
            if (on.kind == Value::Node && on.node != QLatin1String("entries"))
                return member(on, n->name);
            return on.kind == Value::Missing ? Value::missing() : Value::na();
        }
        case Node::Call: {
            const NodePtr callee = n->kids.at(0);
            if (callee->kind == Node::Name && n->kids.size() == 2) {
                const Value arg = eval(n->kids.at(1));
                if (callee->name == QLatin1String("len")) {
                    if (arg.kind == Value::Node && arg.node == QLatin1String("entries")) {
                        Value v = Value::integer(feed.entries.size() + feed.emptyEntries.size());
                        v.field = Field::Count;
                        return v;
                    }
                    return Value::na();
                }
                if (callee->name == QLatin1String("ord")) {
                    if (arg.kind == Value::Missing)
                        return Value::missing();
                    if (arg.kind != Value::Str)
                        return Value::na();
                    const QString t = folded(arg.s);
                    return t.size() == 1 ? Value::integer(t.at(0).unicode()) : Value::missing();
                }
            }
            return Value::na();   // .get(), isinstance(), locals(), ...
        }
        case Node::TupleLit: {
            Value v;
            v.kind = Value::Tuple;
            for (const NodePtr &k : n->kids) {
                v.items << eval(k);
                if (v.items.last().kind == Value::NotApplicable)
                    return Value::na();
            }
            return v;
        }
        case Node::DictLit: return Value::na();
        case Node::Neg: {
            Value v = eval(n->kids.at(0));
            if (v.kind == Value::Int)
                v.i = -v.i;
            else if (v.kind == Value::Float)
                v.f = -v.f;
            else
                return Value::na();
            return v;
        }
        case Node::Add: {
            const Value a = eval(n->kids.at(0));
            const Value b = eval(n->kids.at(1));
            if (a.kind == Value::Str && b.kind == Value::Str)
                return Value::string(a.s + b.s);
            if (a.kind == Value::Int && b.kind == Value::Int)
                return Value::integer(a.i + b.i);
            return Value::na();
        }
        case Node::Not: {
            const Value v = eval(n->kids.at(0));
            if (v.kind == Value::Bool)
                return Value::boolean(!v.b);
            if (v.kind == Value::Str && v.field != Field::None)
                return Value::boolean(v.s.isEmpty());
            if (v.kind == Value::Missing)
                return Value::boolean(true);
            return Value::na();
        }
        case Node::And: {
            bool any = false;
            bool all = true;
            for (const NodePtr &k : n->kids) {
                const Value v = truth(eval(k));
                if (v.kind == Value::NotApplicable)
                    continue;
                any = true;
                if (!v.b) {
                    all = false;
                    break;
                }
            }
            return any ? Value::boolean(all) : Value::na();
        }
        case Node::Or: {
            const Value a = truth(eval(n->kids.at(0)));
            const Value b = truth(eval(n->kids.at(1)));
            if (a.kind == Value::NotApplicable || b.kind == Value::NotApplicable)
                return Value::na();
            return Value::boolean(a.b || b.b);
        }
        case Node::Compare: {
            Value left = eval(n->kids.at(0));
            for (qsizetype i = 0; i < n->ops.size(); ++i) {
                const Value right = eval(n->kids.at(i + 1));
                const QString &op = n->ops.at(i);
                Value result;
                if (left.kind == Value::Node && left.node == QLatin1String("encoding") && op == QLatin1String("=="))
                    result = encodingIs(right);
                else if (left.kind == Value::NotApplicable || right.kind == Value::NotApplicable
                         || left.kind == Value::Node || right.kind == Value::Node)
                    result = Value::na();
                else if (op == QLatin1String("=="))
                    result = Value::boolean(equal(left, right));
                else if (op == QLatin1String("!="))
                    result = Value::boolean(!equal(left, right));
                else if (op == QLatin1String("is") && right.kind == Value::NoneValue)
                    result = Value::boolean(left.kind == Value::Missing || (left.kind == Value::Str && left.s.isEmpty()));
                else if (op == QLatin1String("is") || op == QLatin1String("is not"))
                    result = Value::na();
                else
                    result = Value::na();
                if (result.kind == Value::Bool && !result.b && failure.isEmpty())
                    failure = QStringLiteral("%1 %2 %3").arg(show(left), op, show(right));
                if (result.kind != Value::Bool || !result.b)
                    return result;
                left = right;
            }
            return Value::boolean(true);
        }
        }
        return Value::na();
    }

    static Value truth(const Value &v)
    {
        if (v.kind == Value::Bool || v.kind == Value::NotApplicable)
            return v;
        if (v.kind == Value::Str && v.field != Field::None)
            return Value::boolean(!v.s.isEmpty());
        return Value::na();
    }
};
} // namespace

QString expectedAsText(const QString &value, bool bodyField)
{
    // feedparser's sanitizer writes void elements self-closed ("<img ... />"):
    // a body holding one is HTML even without a close tag.
    static const QRegularExpression selfClosed(QStringLiteral("<[A-Za-z][A-Za-z0-9]*(\\s[^<>]*)?/>"));
    const bool html = looksLikeHtml(value) || (bodyField && selfClosed.match(value).hasMatch());
    return html ? sanitizedHtmlToText(value) : value;
}

Evaluation evaluateExpectation(const QString &expression, const KeptFeed &feed)
{
    bool ok = true;
    const QList<Token> tokens = tokenize(expression, &ok);
    if (!ok)
        return {Verdict::NotApplicable, QStringLiteral("unparsed")};
    NodePtr tree = Parser(tokens).parse();
    if (!tree)
        return {Verdict::NotApplicable, QStringLiteral("unparsed")};
    Evaluator e{feed, {}};
    const Value v = Evaluator::truth(e.eval(tree));
    if (v.kind != Value::Bool)
        return {Verdict::NotApplicable, e.emptyEntry ? QStringLiteral("empty entry") : QString()};
    return {v.b ? Verdict::Pass : Verdict::Fail, e.failure};
}

} // namespace twtest
