#include "feeds/parsers/xmlrepair.h"

#include "feeds/parsers/htmlentities.h"
#include "feeds/parsers/xmlprolog.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <vector>

namespace tw {

namespace {
bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r';
}

bool isNameStart(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_' || (u >= 0xC0 && c.isLetter());
}

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return isNameStart(c) || (u >= u'0' && u <= u'9') || u == u'-' || u == u'.' || u == u':'
        || (u >= 0xB7 && (c.isLetterOrNumber() || c.isMark()));
}

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

// XML 1.0's Char production for one UTF-16 unit (surrogates checked apart).
bool isAllowedUnit(char16_t u)
{
    return u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xFFFD && u != 0xFFFE);
}

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

void appendReference(QString *out, char32_t c)
{
    *out += QStringLiteral("&#%1;").arg(uint(c));
}

bool isVoidHtmlElement(QStringView name)
{
    // Only the void elements no feed vocabulary uses: <link>, <source>,
    // <meta> and <base> are feed elements with content too.
    for (const char *v : {"br", "hr", "img", "wbr"})
        if (name.compare(QLatin1String(v), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

struct Attribute {
    QString name;
    QString value;   // already escaped for a double-quoted value
};

// indexOf for a reader that only moves forward: what was found ahead (or
// found nowhere) is not searched for again, so a document of many broken
// sections is read once, not once per section.
class ForwardFinder {
public:
    explicit ForwardFinder(QLatin1String needle) : m_needle(needle) {}
    qsizetype next(QStringView in, qsizetype from)
    {
        if (m_found == -1 || (m_found >= from && m_searchedFrom <= from))
            return m_found;
        m_searchedFrom = from;
        m_found = in.indexOf(m_needle, from);
        return m_found;
    }

private:
    QLatin1String m_needle;
    qsizetype m_found = -2;   // -2: not searched yet
    qsizetype m_searchedFrom = 0;
};

class Repairer {
public:
    Repairer(QStringView in, const QString &itemElement) : m_in(in), m_itemElement(itemElement)
    {
        m_out.reserve(in.size() + in.size() / 16);
    }

    XmlRepair run()
    {
        const qsizetype n = m_in.size();
        while (m_i < n && !m_rootClosed) {
            const QChar c = m_in.at(m_i);
            if (c == QLatin1Char('<')) {
                markup();
            } else if (m_open.empty()) {
                // Before the root: only white space (and markup) is allowed.
                if (isSpace(c))
                    m_out += c;
                else
                    ++m_textOutsideRoot;
                ++m_i;
            } else if (c == QLatin1Char('&')) {
                m_i = reference(m_i, &m_out, false);
            } else {
                text();
            }
        }
        // Only the root's end tag missing loses nothing; anything more open,
        // or an end inside markup, is a download cut short.
        m_cutShort = m_cutShort || m_open.size() > 1;
        if (m_cutShort)
            dropItemCutShort();
        while (!m_open.empty()) {
            ++m_closedAtEnd;
            closeTop();
        }
        return {std::move(m_out), report(), m_cutShort, m_itemsCutShort};
    }

private:
    struct Open {
        QString name;
        QStringList prefixes;   // declared on this element
        qsizetype outStart;     // where its start tag begins in m_out
    };

    bool isItem(QStringView qualifiedName) const
    {
        const qsizetype colon = qualifiedName.indexOf(QLatin1Char(':'));
        return !m_itemElement.isEmpty() && qualifiedName.sliced(colon + 1) == m_itemElement;
    }

    // An item the text ends inside is incomplete (a headline cut in half):
    // it goes, rather than being stored as if it were whole.
    void dropItemCutShort()
    {
        if (m_itemElement.isEmpty())
            return;
        for (size_t k = 0; k < m_open.size(); ++k) {
            const QString &name = m_open[k].name;
            const qsizetype colon = name.indexOf(QLatin1Char(':'));
            if (QStringView(name).sliced(colon + 1) == m_itemElement) {
                m_out.truncate(m_open[k].outStart);
                m_open.resize(k);
                ++m_itemsCutShort;
                return;
            }
        }
    }

    // A run of character data up to the next '<' or '&'.
    void text()
    {
        const qsizetype n = m_in.size();
        qsizetype run = m_i;
        auto flush = [&] { m_out += m_in.mid(run, m_i - run); };
        while (m_i < n) {
            const char16_t u = m_in.at(m_i).unicode();
            if (u == u'<' || u == u'&')
                break;
            if (u >= 0x20 && u < 0xD800 && u != u']') {
                ++m_i;
                continue;
            }
            if (u == u']' && m_in.mid(m_i, 3) == QLatin1String("]]>")) {
                flush();
                m_out += QLatin1String("]]&gt;");
                m_i += 3;
                run = m_i;
                continue;
            }
            if (u >= 0xD800 && u <= 0xDBFF && m_i + 1 < n && m_in.at(m_i + 1).isLowSurrogate()) {
                m_i += 2;
                continue;
            }
            if (u == u']' || (!QChar::isSurrogate(u) && isAllowedUnit(u))) {
                ++m_i;
                continue;
            }
            flush();
            ++m_badChars;
            ++m_i;
            run = m_i;
        }
        flush();
    }

    // Character data `s` (an attribute value, a comment, a CDATA section)
    // without the characters XML forbids.
    QString allowedOnly(QStringView s)
    {
        QString out;
        out.reserve(s.size());
        for (qsizetype k = 0; k < s.size(); ++k) {
            const char16_t u = s.at(k).unicode();
            if (u >= 0xD800 && u <= 0xDBFF && k + 1 < s.size() && s.at(k + 1).isLowSurrogate()) {
                out += s.mid(k, 2);
                ++k;
            } else if (!QChar::isSurrogate(u) && isAllowedUnit(u)) {
                out += QChar(u);
            } else {
                ++m_badChars;
            }
        }
        return out;
    }

    // At '&': a reference XML takes is copied; an HTML entity becomes a
    // character reference; anything else is text. Returns where to go on.
    qsizetype reference(qsizetype at, QString *out, bool inAttribute)
    {
        const qsizetype n = m_in.size();
        qsizetype p = at + 1;
        if (p < n && m_in.at(p) == QLatin1Char('#')) {
            const bool hex = p + 1 < n && (m_in.at(p + 1) == QLatin1Char('x') || m_in.at(p + 1) == QLatin1Char('X'));
            const qsizetype digits = p + (hex ? 2 : 1);
            qsizetype q = digits;
            quint64 code = 0;
            while (q < n && q - digits < 10) {
                const char16_t u = m_in.at(q).unicode();
                const int v = referenceDigitValue(u, hex);
                if (v < 0)
                    break;
                code = code * (hex ? 16 : 10) + quint64(v);
                ++q;
            }
            if (q == digits) {
                ++m_bareAmpersands;
                *out += QLatin1String("&amp;");
                return at + 1;
            }
            const bool semicolon = q < n && m_in.at(q) == QLatin1Char(';');
            if (code <= 0x10FFFF && isXmlChar(char32_t(code))) {
                const bool upperX = hex && m_in.at(p + 1) == QLatin1Char('X');   // XML has no "&#X41;"
                if (semicolon && !upperX) {
                    *out += m_in.mid(at, q + 1 - at);
                    return q + 1;
                }
                ++(semicolon ? m_referencesFixed : m_unclosedReferences);
                appendReference(out, char32_t(code));
                return semicolon ? q + 1 : q;
            }
            ++m_badChars;   // a reference to a character XML forbids (&#0;, &#x1B;)
            return semicolon ? q + 1 : q;
        }
        qsizetype q = p;
        while (q < n && q - p < 64 && (isNameChar(m_in.at(q))))
            ++q;
        const QStringView name = m_in.mid(p, q - p);
        if (!name.isEmpty() && isNameStart(name.at(0)) && q < n && m_in.at(q) == QLatin1Char(';')) {
            if (name == QLatin1String("amp") || name == QLatin1String("lt") || name == QLatin1String("gt")
                || name == QLatin1String("quot") || name == QLatin1String("apos") || m_dtdEntities.contains(name.toString())) {
                *out += m_in.mid(at, q + 1 - at);
                return q + 1;
            }
            if (const HtmlEntity *e = findHtmlEntity(name)) {
                noteHtmlEntity(name);
                appendReference(out, e->first);
                if (e->second)
                    appendReference(out, e->second);
                return q + 1;
            }
            ++m_unknownEntities;
            if (m_unknownExamples.size() < 3)
                m_unknownExamples << QLatin1Char('&') + name.toString() + QLatin1Char(';');
            *out += QLatin1String("&amp;");
            return at + 1;
        }
        // No ';': HTML still reads the legacy names ("&copy 2024", "&amp "),
        // when the whole name is one (so "&section=2" in a link stays text).
        qsizetype r = p;
        while (r < n && isAsciiAlnum(m_in.at(r)))
            ++r;
        const QStringView bare = m_in.mid(p, r - p);
        const bool followedByEquals = r < n && m_in.at(r) == QLatin1Char('=');
        if (const HtmlEntity *e = bare.isEmpty() ? nullptr : findHtmlEntity(bare);
            e && e->legacy && !(inAttribute && followedByEquals)) {
            noteHtmlEntity(bare);
            ++m_unclosedReferences;
            appendReference(out, e->first);
            return r;
        }
        ++m_bareAmpersands;
        *out += QLatin1String("&amp;");
        return at + 1;
    }

    void noteHtmlEntity(QStringView name)
    {
        ++m_htmlEntities;
        const QString shown = QLatin1Char('&') + name.toString() + QLatin1Char(';');
        if (m_htmlExamples.size() < 3 && !m_htmlExamples.contains(shown))
            m_htmlExamples << shown;
    }

    void markup()
    {
        const QStringView rest = m_in.mid(m_i);
        if (rest.startsWith(QLatin1String("<!--")))
            comment();
        else if (rest.startsWith(QLatin1String("<![CDATA[")))
            cdata();
        else if (rest.startsWith(QLatin1String("<!DOCTYPE"), Qt::CaseInsensitive))
            doctype();
        else if (rest.startsWith(QLatin1String("<?")))
            processingInstruction();
        else if (rest.startsWith(QLatin1String("</")))
            endTag();
        else if (rest.size() > 1 && isNameStart(rest.at(1)))
            startTag();
        else if (rest.startsWith(QLatin1String("<!")))
            skipDeclaration();
        else
            strayLessThan();
    }

    void strayLessThan()
    {
        ++m_strayLessThan;
        if (!m_open.empty())
            m_out += QLatin1String("&lt;");
        ++m_i;
    }

    void comment()
    {
        qsizetype end = m_commentEnds.next(m_in, m_i + 4);
        const bool closed = end >= 0;
        // Never closed: it ends before the next tag, not at the document's
        // end with every item after it (nothing of the document is in a comment).
        const qsizetype nextTag = closed || m_open.empty() ? -1 : m_in.indexOf(QLatin1Char('<'), m_i + 4);
        if (!closed && nextTag >= 0) {
            end = nextTag;
        } else if (!closed) {
            end = m_in.size();
            m_cutShort = true;
        }
        const QStringView body = m_in.mid(m_i + 4, end - m_i - 4);
        QString fixed = allowedOnly(body);
        while (fixed.contains(QLatin1String("--")))
            fixed.replace(QLatin1String("--"), QLatin1String("- -"));
        if (fixed.endsWith(QLatin1Char('-')))
            fixed += QLatin1Char(' ');
        if (!closed || fixed != body)
            ++m_commentsFixed;
        if (closed && fixed == body)
            m_out += m_in.mid(m_i, end + 3 - m_i);
        else
            m_out += QLatin1String("<!--") + fixed + QLatin1String("-->");
        m_i = closed ? end + 3 : end;
    }

    void cdata()
    {
        qsizetype end = m_cdataEnds.next(m_in, m_i + 9);
        // Never closed (a generator that cut its text to a length, "]]>" and
        // all): no "]]>" follows, or another section opens first. It ends where
        // its element does; run to the next "]]>" or the document's end, it
        // would take the items after it along.
        const qsizetype nextSection = m_cdataStarts.next(m_in, m_i + 9);
        if (!m_open.empty() && (end < 0 || (nextSection >= 0 && nextSection < end))) {
            const qsizetype limit = end < 0 ? (nextSection < 0 ? m_in.size() : nextSection) : nextSection;
            // Searched up to the limit only: a search to the document's end at
            // every such section was quadratic on a feed made of them.
            const qsizetype elementEnd =
                m_in.first(limit).indexOf(QString(QStringLiteral("</") + m_open.back().name + QLatin1Char('>')), m_i + 9);
            if (elementEnd >= 0) {
                ++m_unterminatedCdata;
                m_out += QLatin1String("<![CDATA[") + allowedOnly(m_in.mid(m_i + 9, elementEnd - m_i - 9)) + QLatin1String("]]>");
                m_i = elementEnd;
                return;
            }
        }
        const bool closed = end >= 0;
        if (!closed) {
            end = m_in.size();
            ++m_unterminatedCdata;
            m_cutShort = true;
        }
        if (m_open.empty()) {
            ++m_textOutsideRoot;
        } else {
            const QStringView body = m_in.mid(m_i + 9, end - m_i - 9);
            const QString fixed = allowedOnly(body);
            if (closed && fixed.size() == body.size())
                m_out += m_in.mid(m_i, end + 3 - m_i);
            else
                m_out += QLatin1String("<![CDATA[") + fixed + QLatin1String("]]>");
        }
        m_i = closed ? end + 3 : end;
    }

    void doctype()
    {
        const qsizetype end = doctypeEnd(m_in, m_i + 9);
        if (end < 0 || !m_open.empty() || m_sawDoctype) {
            m_cutShort = m_cutShort || end < 0;
            ++m_declarationsDropped;
            m_i = end < 0 ? m_in.size() : end + 1;
            return;
        }
        m_sawDoctype = true;
        const QStringView decl = m_in.mid(m_i, end + 1 - m_i);
        static const QRegularExpression entity(QStringLiteral("<!ENTITY\\s+([^\\s%]+)"));
        for (auto it = entity.globalMatch(decl.toString()); it.hasNext();)
            m_dtdEntities.insert(it.next().captured(1));
        if (decl.startsWith(QLatin1String("<!DOCTYPE"))) {
            m_out += decl;
        } else {
            m_out += QLatin1String("<!DOCTYPE");   // QXmlStreamReader reads only the upper-case keyword
            m_out += decl.mid(9);
            ++m_declarationsFixed;
        }
        m_i = end + 1;
    }

    void skipDeclaration()
    {
        // "<!ELEMENT ...>" or "<![if !IE]>" where no DTD is: nothing to keep.
        const qsizetype end = m_in.indexOf(QLatin1Char('>'), m_i);
        ++m_declarationsDropped;
        m_cutShort = m_cutShort || end < 0;
        m_i = end < 0 ? m_in.size() : end + 1;
    }

    void processingInstruction()
    {
        qsizetype end = m_in.indexOf(QLatin1String("?>"), m_i + 2);
        if (end < 0) {
            ++m_declarationsDropped;
            m_cutShort = true;
            m_i = m_in.size();
            return;
        }
        const QStringView pi = m_in.mid(m_i, end + 2 - m_i);
        const bool declaration = pi.size() > 5 && pi.mid(2, 3).compare(QLatin1String("xml"), Qt::CaseInsensitive) == 0
                              && (isSpace(pi.at(5)) || pi.at(5) == QLatin1Char('?'));
        if (declaration && !QStringView(m_out).trimmed().isEmpty())
            ++m_declarationsDropped;   // a second declaration: concatenated documents
        else
            m_out += pi;
        m_i = end + 2;
    }

    void endTag()
    {
        const qsizetype n = m_in.size();
        qsizetype p = m_i + 2;
        const qsizetype nameStart = p;
        while (p < n && isNameChar(m_in.at(p)))
            ++p;
        const QStringView name = m_in.mid(nameStart, p - nameStart);
        // The tag runs to the next '>'; another '<' first means it is no tag.
        const qsizetype gt = m_in.indexOf(QLatin1Char('>'), p);
        const qsizetype lt = m_in.indexOf(QLatin1Char('<'), p);
        if (name.isEmpty() || !isNameStart(name.at(0)) || gt < 0 || (lt >= 0 && lt < gt)) {
            if (gt < 0 && lt < 0 && !name.isEmpty()) {
                m_i = n;   // the end tag itself is cut short: the elements are closed at the end
                return;
            }
            strayLessThan();
            return;
        }
        bool clean = true;
        for (qsizetype k = p; k < gt; ++k)
            if (!isSpace(m_in.at(k)))
                clean = false;
        const qsizetype after = gt + 1;
        qsizetype match = -1;
        for (qsizetype k = qsizetype(m_open.size()) - 1; k >= 0 && match < 0; --k)
            if (m_open[size_t(k)].name == name)
                match = k;
        for (qsizetype k = qsizetype(m_open.size()) - 1; k >= 0 && match < 0; --k)
            if (m_open[size_t(k)].name.compare(name, Qt::CaseInsensitive) == 0)
                match = k;
        if (match < 0) {
            ++m_strayEndTags;
            m_i = after;
            return;
        }
        while (qsizetype(m_open.size()) - 1 > match) {
            ++m_closedEarly;
            closeTop();
        }
        if (clean && m_open.back().name == name) {
            m_out += m_in.mid(m_i, after - m_i);
            popTop();
        } else {
            ++m_tagsFixed;
            closeTop();
        }
        m_i = after;
    }

    void closeTop()
    {
        m_out += QLatin1String("</") + m_open.back().name + QLatin1Char('>');
        popTop();
    }

    void popTop()
    {
        m_open.pop_back();
        if (m_open.empty())
            m_rootClosed = true;
    }

    // An attribute value from `p` (at its quote, or its first character when
    // unquoted), escaped for double quotes. Returns false when no value ends.
    bool attributeValue(qsizetype *p, QString *value, bool *changed)
    {
        const qsizetype n = m_in.size();
        qsizetype k = *p;
        QChar quote;
        if (m_in.at(k) == QLatin1Char('"') || m_in.at(k) == QLatin1Char('\'')) {
            quote = m_in.at(k);
            ++k;
        } else {
            *changed = true;
        }
        while (k < n) {
            const QChar c = m_in.at(k);
            if (!quote.isNull() ? c == quote : (isSpace(c) || c == QLatin1Char('>')
                                                 || (c == QLatin1Char('/') && k + 1 < n && m_in.at(k + 1) == QLatin1Char('>')))) {
                *p = quote.isNull() ? k : k + 1;
                return true;
            }
            if (c == QLatin1Char('&')) {
                const qsizetype before = value->size();
                const qsizetype next = reference(k, value, true);
                if (QStringView(*value).sliced(before) != m_in.mid(k, next - k))
                    *changed = true;
                k = next;
                continue;
            }
            if (c == QLatin1Char('<') || c == QLatin1Char('"')) {
                *value += c == QLatin1Char('<') ? QLatin1String("&lt;") : QLatin1String("&quot;");
                *changed = true;
            } else if (c == QLatin1Char('\'') && quote.isNull()) {
                *value += c;
            } else if (c.isSurrogate() || !isAllowedUnit(c.unicode())) {
                if (c.isHighSurrogate() && k + 1 < n && m_in.at(k + 1).isLowSurrogate()) {
                    *value += m_in.mid(k, 2);
                    k += 2;
                    continue;
                }
                ++m_badChars;
                *changed = true;
            } else {
                *value += c;
            }
            ++k;
        }
        return false;
    }

    bool prefixInScope(QStringView prefix, const QStringList &onThisTag) const
    {
        if (prefix == QLatin1String("xml") || prefix == QLatin1String("xmlns") || onThisTag.contains(prefix))
            return true;
        for (const Open &o : m_open)
            if (o.prefixes.contains(prefix))
                return true;
        return false;
    }

    void startTag()
    {
        const qsizetype n = m_in.size();
        qsizetype p = m_i + 1;
        const qsizetype nameStart = p;
        while (p < n && isNameChar(m_in.at(p)))
            ++p;
        const QString name = m_in.mid(nameStart, p - nameStart).toString();
        std::vector<Attribute> attributes;
        QStringList declared;   // prefixes this tag declares
        bool changed = false;
        bool selfClosing = false;
        for (;;) {
            const qsizetype beforeSpace = p;
            while (p < n && isSpace(m_in.at(p)))
                ++p;
            if (p >= n) {
                m_i = n;   // cut short inside a tag: dropped; open elements close at the end
                m_cutShort = true;
                return;
            }
            const QChar c = m_in.at(p);
            if (c == QLatin1Char('>')) {
                ++p;
                break;
            }
            if (c == QLatin1Char('/') && p + 1 < n && m_in.at(p + 1) == QLatin1Char('>')) {
                p += 2;
                selfClosing = true;
                break;
            }
            if (c == QLatin1Char('<')) {
                strayLessThan();   // "a <b then": no tag after all
                return;
            }
            if (!isNameStart(c)) {
                ++p;   // junk inside the tag
                changed = true;
                continue;
            }
            const qsizetype attributeStart = p;
            while (p < n && isNameChar(m_in.at(p)))
                ++p;
            Attribute a{m_in.mid(attributeStart, p - attributeStart).toString(), {}};
            if (attributeStart == beforeSpace)
                changed = true;   // no white space before the attribute
            qsizetype q = p;
            while (q < n && isSpace(m_in.at(q)))
                ++q;
            if (q < n && m_in.at(q) == QLatin1Char('=')) {
                ++q;
                while (q < n && isSpace(m_in.at(q)))
                    ++q;
                if (q >= n) {
                    m_i = n;
                    m_cutShort = true;
                    return;
                }
                if (!attributeValue(&q, &a.value, &changed)) {
                    if (m_in.indexOf(QLatin1Char('<'), q) < 0) {
                        m_i = n;   // cut short inside a value
                        m_cutShort = true;
                        return;
                    }
                    strayLessThan();
                    return;
                }
                p = q;
            } else {
                a.value = a.name;   // <input checked>
                changed = true;
            }
            const bool duplicate = std::any_of(attributes.begin(), attributes.end(),
                                               [&](const Attribute &b) { return b.name == a.name; });
            const bool emptyPrefixDeclaration = a.name.startsWith(QLatin1String("xmlns:")) && a.value.isEmpty();
            if (duplicate || emptyPrefixDeclaration || a.name.count(QLatin1Char(':')) > 1) {
                changed = true;
                continue;
            }
            if (a.name.startsWith(QLatin1String("xmlns:")))
                declared << a.name.mid(6);
            attributes.push_back(std::move(a));
        }
        // An item starting inside an item that was never closed: the open one
        // ends here (as a new <li> ends the last in HTML), or every item after
        // it would be read as part of it.
        if (isItem(name)) {
            for (size_t k = m_open.size(); k-- > 0;) {
                if (!isItem(m_open[k].name))
                    continue;
                while (m_open.size() > k) {
                    ++m_closedEarly;
                    closeTop();
                }
                break;
            }
        }
        // Prefixes used here that nothing in scope declares.
        QStringList missing;
        auto need = [&](QStringView qualified) {
            const qsizetype colon = qualified.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                return;
            const QStringView prefix = qualified.first(colon);
            if (!prefixInScope(prefix, declared) && !missing.contains(prefix))
                missing << prefix.toString();
        };
        if (name.count(QLatin1Char(':')) > 1 || name.endsWith(QLatin1Char(':'))) {
            strayLessThan();
            return;
        }
        need(name);
        for (const Attribute &a : attributes)
            if (!a.name.startsWith(QLatin1String("xmlns")))
                need(a.name);
        const bool isVoid = !selfClosing && isVoidHtmlElement(name)
                         && !m_in.mid(p).startsWith(QString(QStringLiteral("</") + name + QLatin1Char('>')), Qt::CaseInsensitive);
        const qsizetype tagStart = m_out.size();
        if (!missing.isEmpty() || isVoid || changed) {
            if (changed || isVoid)
                ++m_tagsFixed;
            m_prefixesDeclared += int(missing.size());
            for (const QString &prefix : std::as_const(missing)) {
                if (!m_undeclaredExamples.contains(prefix) && m_undeclaredExamples.size() < 3)
                    m_undeclaredExamples << prefix;
                QString uri = wellKnownNamespace(prefix);
                if (uri.isEmpty())
                    uri = QStringLiteral("urn:x-undeclared-prefix:") + prefix;
                attributes.push_back({QStringLiteral("xmlns:") + prefix, uri});
                declared << prefix;
            }
            m_out += QLatin1Char('<') + name;
            for (const Attribute &a : attributes)
                m_out += QLatin1Char(' ') + a.name + QLatin1String("=\"") + a.value + QLatin1Char('"');
            selfClosing = selfClosing || isVoid;
            m_out += selfClosing ? QLatin1String("/>") : QLatin1String(">");
        } else {
            m_out += m_in.mid(m_i, p - m_i);
        }
        m_i = p;
        if (!selfClosing)
            m_open.push_back(Open{name, declared, tagStart});
        else if (m_open.empty())
            m_rootClosed = true;   // an empty root
    }

    QStringList report() const
    {
        QStringList r;
        auto add = [&](int count, const QString &what) {
            if (count > 0)
                r << what.arg(count);
        };
        add(m_htmlEntities, QStringLiteral("%1 HTML entities the document does not declare (") + m_htmlExamples.join(QStringLiteral(", "))
                                + QStringLiteral(") read as characters"));
        add(m_unknownEntities, QStringLiteral("%1 unknown entities (") + m_unknownExamples.join(QStringLiteral(", "))
                                   + QStringLiteral(") kept as text"));
        add(m_bareAmpersands, QStringLiteral("%1 bare '&' kept as text"));
        add(m_unclosedReferences, QStringLiteral("%1 character references without ';' read"));
        add(m_referencesFixed, QStringLiteral("%1 character references written \"&#X\" read"));
        add(m_strayLessThan, QStringLiteral("%1 '<' that start no tag kept as text"));
        add(m_badChars, QStringLiteral("%1 characters XML forbids dropped"));
        add(m_tagsFixed, QStringLiteral("%1 malformed tags repaired"));
        add(m_closedEarly, QStringLiteral("%1 elements left open closed by their parent's end tag"));
        add(m_strayEndTags, QStringLiteral("%1 end tags without a start tag dropped"));
        add(m_prefixesDeclared, QStringLiteral("%1 undeclared namespace prefixes (") + m_undeclaredExamples.join(QStringLiteral(", "))
                                    + QStringLiteral(") declared"));
        add(m_commentsFixed, QStringLiteral("%1 malformed comments repaired"));
        add(m_unterminatedCdata, QStringLiteral("%1 unterminated CDATA sections closed"));
        add(m_declarationsDropped, QStringLiteral("%1 misplaced declarations dropped"));
        add(m_declarationsFixed, QStringLiteral("%1 declarations repaired"));
        add(m_textOutsideRoot, QStringLiteral("%1 characters outside the root element dropped"));
        if (m_cutShort)
            add(m_closedAtEnd, QStringLiteral("document cut short: %1 elements closed at its end"));
        else
            add(m_closedAtEnd, QStringLiteral("%1 missing end tag of the root element added"));
        if (m_itemsCutShort > 0)
            r << QStringLiteral("the %1 it was cut short in dropped").arg(m_itemElement);
        return r;
    }

    QStringView m_in;
    QString m_itemElement;
    qsizetype m_i = 0;
    QString m_out;
    std::vector<Open> m_open;
    ForwardFinder m_cdataEnds{QLatin1String("]]>")};
    ForwardFinder m_cdataStarts{QLatin1String("<![CDATA[")};
    ForwardFinder m_commentEnds{QLatin1String("-->")};
    QSet<QString> m_dtdEntities;
    bool m_sawDoctype = false;
    bool m_rootClosed = false;
    int m_htmlEntities = 0;
    int m_unknownEntities = 0;
    int m_bareAmpersands = 0;
    int m_unclosedReferences = 0;
    int m_referencesFixed = 0;
    int m_strayLessThan = 0;
    int m_badChars = 0;
    int m_tagsFixed = 0;
    int m_closedEarly = 0;
    int m_strayEndTags = 0;
    int m_prefixesDeclared = 0;
    int m_commentsFixed = 0;
    int m_unterminatedCdata = 0;
    int m_declarationsDropped = 0;
    int m_declarationsFixed = 0;
    int m_textOutsideRoot = 0;
    int m_closedAtEnd = 0;
    int m_itemsCutShort = 0;
    bool m_cutShort = false;
    QStringList m_htmlExamples;
    QStringList m_unknownExamples;
    QStringList m_undeclaredExamples;
};
} // namespace

QString wellKnownNamespace(QStringView prefix)
{
    // The prefixes feeds use without declaring them, as feedparser knows them.
    static const QHash<QString, QString> known{
        {QStringLiteral("atom"), QStringLiteral("http://www.w3.org/2005/Atom")},
        {QStringLiteral("content"), QStringLiteral("http://purl.org/rss/1.0/modules/content/")},
        {QStringLiteral("dc"), QStringLiteral("http://purl.org/dc/elements/1.1/")},
        {QStringLiteral("dcterms"), QStringLiteral("http://purl.org/dc/terms/")},
        {QStringLiteral("rdf"), QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns#")},
        {QStringLiteral("media"), QStringLiteral("http://search.yahoo.com/mrss/")},
        {QStringLiteral("itunes"), QStringLiteral("http://www.itunes.com/dtds/podcast-1.0.dtd")},
        {QStringLiteral("slash"), QStringLiteral("http://purl.org/rss/1.0/modules/slash/")},
        {QStringLiteral("sy"), QStringLiteral("http://purl.org/rss/1.0/modules/syndication/")},
        {QStringLiteral("wfw"), QStringLiteral("http://wellformedweb.org/CommentAPI/")},
        {QStringLiteral("georss"), QStringLiteral("http://www.georss.org/georss")},
        {QStringLiteral("geo"), QStringLiteral("http://www.w3.org/2003/01/geo/wgs84_pos#")},
        {QStringLiteral("feedburner"), QStringLiteral("http://rssnamespace.org/feedburner/ext/1.0")},
        {QStringLiteral("xhtml"), QStringLiteral("http://www.w3.org/1999/xhtml")},
        {QStringLiteral("thr"), QStringLiteral("http://purl.org/syndication/thread/1.0")},
        {QStringLiteral("cc"), QStringLiteral("http://web.resource.org/cc/")},
        {QStringLiteral("creativeCommons"), QStringLiteral("http://backend.userland.com/creativeCommonsRssModule")},
        {QStringLiteral("admin"), QStringLiteral("http://webns.net/mvcb/")},
        {QStringLiteral("nasdaq"), QStringLiteral("http://nasdaq.com/reference/feeds/1.0")},
    };
    return known.value(prefix.toString());
}

QString HtmlEntityResolver::resolveUndeclaredEntity(const QString &name)
{
    const HtmlEntity *e = findHtmlEntity(name);
    if (!e)
        return {};
    ++m_resolved;
    if (m_examples.size() < 3 && !m_examples.contains(QLatin1Char('&') + name + QLatin1Char(';')))
        m_examples << QLatin1Char('&') + name + QLatin1Char(';');
    // The replacement is read as markup: character references, never the characters ("&LT;").
    QString replacement;
    appendReference(&replacement, e->first);
    if (e->second)
        appendReference(&replacement, e->second);
    return replacement;
}

XmlRepair repairXml(QStringView text, const QString &itemElement)
{
    return Repairer(text, itemElement).run();
}

} // namespace tw
