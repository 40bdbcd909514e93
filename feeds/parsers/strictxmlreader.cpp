#include "feeds/parsers/strictxmlreader.h"

#include "feeds/parsers/htmlelements.h"
#include "feeds/parsers/htmlentities.h"

#include <algorithm>

namespace tw {

namespace {
const QString kXmlNamespace = QStringLiteral("http://www.w3.org/XML/1998/namespace");
const QString kXmlnsNamespace = QStringLiteral("http://www.w3.org/2000/xmlns/");

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isNameStart(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isNameChar(char16_t c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u':';
}

// XML 1.0's Char production, for a code point.
bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

// Width of an allowed character that needs no translation: tab and line
// feed, a surrogate pair, U+E000..U+FFFD. 0 for anything else.
int plainWidth(const char16_t *p, const char16_t *end)
{
    const char16_t c = *p;
    if (c == u'\t' || c == u'\n' || (c >= 0xE000 && c <= 0xFFFD))
        return 1;
    if (c >= 0xD800 && c <= 0xDBFF && end - p >= 2 && p[1] >= 0xDC00 && p[1] <= 0xDFFF)
        return 2;
    return 0;
}
} // namespace

StrictXmlReader::StrictXmlReader(const QString &text)
    : m_begin(reinterpret_cast<const char16_t *>(text.constData())),
      m_p(m_begin),
      m_end(m_begin + text.size())
{
}

StrictXmlReader::TokenType StrictXmlReader::fail(const char *why)
{
    if (m_error == NoError) {
        m_error = NotWellFormedError;
        m_errorString = QString::fromLatin1(why);
    }
    m_namespaceUri = {};
    return m_token = Invalid;
}

qint64 StrictXmlReader::lineNumber() const
{
    return 1 + std::count(m_begin, m_p, u'\n');
}

void StrictXmlReader::skipSpace()
{
    while (m_p < m_end && isSpace(*m_p))
        ++m_p;
}

bool StrictXmlReader::readName(QStringView *name)
{
    const char16_t *start = m_p;
    if (m_p == m_end || !isNameStart(*m_p))
        return false;
    int colons = 0;
    while (m_p < m_end && isNameChar(*m_p)) {
        if (*m_p == u':') {
            ++colons;
            // A QName: at most one colon, and a name start after it.
            if (colons > 1 || m_p + 1 == m_end || !isNameStart(m_p[1]))
                return false;
        }
        ++m_p;
    }
    if (m_p < m_end && *m_p >= 0x80)
        return false;   // a non-ASCII name character: QXmlStreamReader judges those
    *name = QStringView(start, m_p - start);
    return true;
}

// The XML declaration, if the document starts with one. Only the plain forms:
// anything else is QXmlStreamReader's to judge.
bool StrictXmlReader::atDocumentStart()
{
    const QStringView rest(m_p, m_end - m_p);
    if (!rest.startsWith(u"<?xml") || rest.size() < 6 || !isSpace(rest[5].unicode()))
        return true;
    m_p += 5;
    auto pseudoAttribute = [&](QStringView expectedName, QStringView *value) {
        skipSpace();
        QStringView n;
        if (!readName(&n) || n != expectedName)
            return false;
        skipSpace();
        if (m_p == m_end || *m_p != u'=')
            return false;
        ++m_p;
        skipSpace();
        if (m_p == m_end || (*m_p != u'"' && *m_p != u'\''))
            return false;
        const char16_t quote = *m_p++;
        const char16_t *start = m_p;
        while (m_p < m_end && *m_p != quote && *m_p != u'<')
            ++m_p;
        if (m_p == m_end || *m_p != quote)
            return false;
        *value = QStringView(start, m_p - start);
        ++m_p;
        return true;
    };
    QStringView version;
    if (!pseudoAttribute(u"version", &version) || version != u"1.0") {
        fail("unsupported XML declaration");
        return false;
    }
    const char16_t *afterVersion = m_p;
    QStringView standalone;
    if (!pseudoAttribute(u"standalone", &standalone)) {
        m_p = afterVersion;
    } else if (standalone != u"yes" && standalone != u"no") {
        fail("unsupported XML declaration");
        return false;
    }
    skipSpace();
    if (m_end - m_p < 2 || m_p[0] != u'?' || m_p[1] != u'>') {
        fail("unsupported XML declaration");
        return false;
    }
    m_p += 2;
    return true;
}

StrictXmlReader::TokenType StrictXmlReader::readNext()
{
    if (m_error != NoError)
        return Invalid;
    if (m_token == EndDocument)
        return EndDocument;
    if (m_pendingEnd) {
        m_pendingEnd = false;
        m_bindings.resize(m_open.back().bindings);
        m_open.pop_back();
        m_rootClosed = m_open.empty();
        m_namespaceUri = {};
        return m_token = EndElement;
    }
    if (!m_started) {
        m_started = true;
        if (!atDocumentStart())
            return Invalid;
    }
    // Nothing after the root is read, as QXmlStreamReader's callers here stop there too.
    if (m_rootClosed)
        return m_token = EndDocument;
    while (m_p < m_end) {
        if (*m_p == u'<') {
            // NoToken: a comment, processing instruction or CDATA section was read.
            if (const TokenType t = readMarkup(); t != NoToken)
                return t;
            continue;
        }
        if (m_open.empty()) {
            skipSpace();
            if (m_p < m_end && *m_p != u'<')
                return fail("text outside the root element");
            continue;
        }
        if (!readText(false))
            return Invalid;
    }
    return fail("premature end of document");
}

// At '<'. Returns NoToken for markup that is not an element (comment,
// processing instruction, CDATA section) once it is consumed.
StrictXmlReader::TokenType StrictXmlReader::readMarkup()
{
    const char16_t next = m_end - m_p >= 2 ? m_p[1] : u'\0';
    if (next == u'/')
        return readEndTag();
    if (next == u'?')
        return skipProcessingInstruction() ? NoToken : Invalid;
    if (next != u'!')
        return readStartTag();
    const QStringView rest(m_p, m_end - m_p);
    if (rest.startsWith(u"<!--"))
        return skipComment() ? NoToken : Invalid;
    if (rest.startsWith(u"<![CDATA[")) {
        if (m_open.empty())
            return fail("CDATA outside the root element");
        m_p += 9;
        return readText(true) ? NoToken : Invalid;
    }
    return fail("DOCTYPE or markup declaration");
}

bool StrictXmlReader::skipComment()
{
    m_p += 4;
    for (; m_p < m_end; ++m_p) {
        const char16_t c = *m_p;
        if (c == u'-' && m_end - m_p >= 2 && m_p[1] == u'-') {
            if (m_end - m_p >= 3 && m_p[2] == u'>') {
                m_p += 3;
                return true;
            }
            fail("'--' inside a comment");
            return false;
        }
        if (c < 0x20 && !isSpace(c)) {
            fail("invalid character in a comment");
            return false;
        }
        if (c >= 0xD800) {
            fail("character left to QXmlStreamReader");
            return false;
        }
    }
    fail("unterminated comment");
    return false;
}

bool StrictXmlReader::skipProcessingInstruction()
{
    m_p += 2;
    QStringView target;
    // Targets are names without a colon (QXmlStreamReader refuses one), and
    // "xml" only starts the declaration.
    if (!readName(&target) || target.contains(u':') || target.compare(u"xml", Qt::CaseInsensitive) == 0) {
        fail("unsupported processing instruction");
        return false;
    }
    if (m_end - m_p >= 2 && m_p[0] == u'?' && m_p[1] == u'>') {
        m_p += 2;
        return true;
    }
    if (m_p == m_end || !isSpace(*m_p)) {
        fail("unsupported processing instruction");
        return false;
    }
    for (; m_p < m_end; ++m_p) {
        const char16_t c = *m_p;
        if (c == u'?' && m_end - m_p >= 2 && m_p[1] == u'>') {
            m_p += 2;
            return true;
        }
        if ((c < 0x20 && !isSpace(c)) || c >= 0xD800) {
            fail("character left to QXmlStreamReader");
            return false;
        }
    }
    fail("unterminated processing instruction");
    return false;
}

// Character data, appended to `out` when it is not null, with line ends
// made '\n' as XML requires. Text runs up to the next '<' with references
// resolved ("]]>" is not allowed in it); a CDATA section runs up to "]]>",
// which is consumed, and takes everything else literally.
bool StrictXmlReader::readCharacterData(QString *out, bool cdata)
{
    const char16_t *run = m_p;
    auto flush = [&] {
        if (out && m_p > run)
            out->append(QStringView(run, m_p - run));
    };
    while (m_p < m_end) {
        const char16_t c = *m_p;
        if (c >= 0x20 && c < 0xD800 && c != u'<' && c != u'&' && c != u']') {
            ++m_p;
            continue;
        }
        if (c == u']') {
            if (m_end - m_p >= 3 && m_p[1] == u']' && m_p[2] == u'>') {
                if (!cdata) {
                    fail("']]>' in text");
                    return false;
                }
                flush();
                m_p += 3;
                return true;
            }
            ++m_p;
            continue;
        }
        if (cdata && (c == u'<' || c == u'&')) {
            ++m_p;
            continue;
        }
        if (c == u'<')
            break;
        if (const int n = plainWidth(m_p, m_end)) {
            m_p += n;
            continue;
        }
        flush();
        if (c == u'&') {
            if (!readReference(out))
                return false;
        } else if (c == u'\r') {
            if (out)
                out->append(QLatin1Char('\n'));
            ++m_p;
            if (m_p < m_end && *m_p == u'\n')
                ++m_p;
        } else {
            fail("invalid character");
            return false;
        }
        run = m_p;
    }
    if (cdata) {
        fail("unterminated CDATA section");
        return false;
    }
    flush();
    return true;
}

// Character data into the sink, escaped when readElementMarkup asks for it.
bool StrictXmlReader::readText(bool cdata)
{
    if (!m_escapeSink || !m_sink)
        return readCharacterData(m_sink, cdata);
    QString chunk;
    const bool ok = readCharacterData(&chunk, cdata);
    for (const QChar c : std::as_const(chunk)) {
        if (c == QLatin1Char('&'))
            m_sink->append(QLatin1String("&amp;"));
        else if (c == QLatin1Char('<'))
            m_sink->append(QLatin1String("&lt;"));
        else if (c == QLatin1Char('>'))
            m_sink->append(QLatin1String("&gt;"));
        else
            m_sink->append(c);
    }
    return ok;
}

// At '&': one of the five predefined entities or a character reference.
bool StrictXmlReader::readReference(QString *out)
{
    ++m_p;
    const char16_t *start = m_p;
    while (m_p < m_end && *m_p != u';' && m_p - start < 12)
        ++m_p;
    if (m_p == m_end || *m_p != u';') {
        fail("unterminated reference");
        return false;
    }
    const QStringView ref(start, m_p - start);
    ++m_p;
    char32_t c = 0;
    if (ref.startsWith(u'#')) {
        const bool hex = ref.size() > 1 && ref[1] == u'x';
        const QStringView digits = ref.sliced(hex ? 2 : 1);
        if (digits.isEmpty()) {
            fail("bad character reference");
            return false;
        }
        for (const QChar d : digits) {
            const char16_t u = d.unicode();
            const int v = referenceDigitValue(u, hex);
            if (v < 0 || c > 0x10FFFF) {
                fail("bad character reference");
                return false;
            }
            c = c * (hex ? 16 : 10) + char32_t(v);
        }
        if (!isXmlChar(c)) {
            fail("character reference to a character XML forbids");
            return false;
        }
    } else if (ref == u"amp") {
        c = u'&';
    } else if (ref == u"lt") {
        c = u'<';
    } else if (ref == u"gt") {
        c = u'>';
    } else if (ref == u"quot") {
        c = u'"';
    } else if (ref == u"apos") {
        c = u'\'';
    } else {
        fail("entity left to QXmlStreamReader");
        return false;
    }
    if (out)
        appendCodePoint(out, c);
    return true;
}

// An attribute value in quotes: references resolved, and each white space
// character made a space (XML's normalisation of CDATA attributes).
bool StrictXmlReader::readAttributeValue(QString *out)
{
    if (m_p == m_end || (*m_p != u'"' && *m_p != u'\''))
        return false;
    const char16_t quote = *m_p++;
    const char16_t *run = m_p;
    auto flush = [&] {
        if (m_p > run)
            out->append(QStringView(run, m_p - run));
    };
    while (m_p < m_end) {
        const char16_t c = *m_p;
        if (c == quote) {
            flush();
            ++m_p;
            return true;
        }
        if (c >= 0x20 && c < 0xD800 && c != u'<' && c != u'&') {
            ++m_p;
            continue;
        }
        if (const int n = c >= 0xD800 ? plainWidth(m_p, m_end) : 0) {
            m_p += n;
            continue;
        }
        flush();
        if (c == u'&') {
            if (!readReference(out))
                return false;
        } else if (c == u'\t' || c == u'\n') {
            out->append(QLatin1Char(' '));
            ++m_p;
        } else if (c == u'\r') {
            out->append(QLatin1Char(' '));
            ++m_p;
            if (m_p < m_end && *m_p == u'\n')
                ++m_p;
        } else {
            return false;   // '<' or a character XML forbids
        }
        run = m_p;
    }
    return false;
}

bool StrictXmlReader::resolve(QStringView qualifiedName, bool isElement, QStringView *prefix, QStringView *local,
                              QStringView *uri) const
{
    const qsizetype colon = qualifiedName.indexOf(u':');
    *prefix = colon < 0 ? QStringView() : qualifiedName.first(colon);
    *local = colon < 0 ? qualifiedName : qualifiedName.sliced(colon + 1);
    *uri = {};
    if (prefix->isEmpty() && !isElement)
        return true;   // an unprefixed attribute is in no namespace
    if (*prefix == u"xml") {
        *uri = kXmlNamespace;
        return true;
    }
    if (*prefix == u"xmlns")
        return false;
    for (auto b = m_bindings.rbegin(); b != m_bindings.rend(); ++b) {
        if (b->prefix == *prefix) {
            *uri = b->uri;
            return true;
        }
    }
    return prefix->isEmpty();   // no default namespace in force: none
}

StrictXmlReader::TokenType StrictXmlReader::readStartTag()
{
    ++m_p;
    QStringView qualifiedName;
    if (!readName(&qualifiedName))
        return fail("bad element name");
    const size_t bindingsBefore = m_bindings.size();
    auto &list = m_attributes.m_list;
    list.clear();
    bool selfClosing = false;
    for (;;) {
        const char16_t *beforeSpace = m_p;
        skipSpace();
        if (m_p == m_end)
            return fail("premature end of document");
        if (*m_p == u'>') {
            ++m_p;
            break;
        }
        if (*m_p == u'/') {
            if (m_end - m_p < 2 || m_p[1] != u'>')
                return fail("bad start tag");
            m_p += 2;
            selfClosing = true;
            break;
        }
        if (m_p == beforeSpace)
            return fail("attributes must be separated by white space");
        QStringView attributeName;
        if (!readName(&attributeName))
            return fail("bad attribute name");
        skipSpace();
        if (m_p == m_end || *m_p != u'=')
            return fail("attribute without a value");
        ++m_p;
        skipSpace();
        QString value;
        if (!readAttributeValue(&value))
            return fail("bad attribute value");
        for (const auto &a : list)
            if (a.qualifiedName == attributeName)
                return fail("attribute given twice");
        if (attributeName == u"xmlns") {
            m_bindings.push_back(Binding{QStringView(), value});
        } else if (attributeName.startsWith(u"xmlns:")) {
            const QStringView prefix = attributeName.sliced(6);
            if (value.isEmpty() || prefix == u"xmlns" || (prefix == u"xml") != (value == kXmlNamespace)
                || value == kXmlnsNamespace)
                return fail("namespace declaration left to QXmlStreamReader");
            m_bindings.push_back(Binding{prefix, value});
        }
        // Declarations stay in the list (for the duplicate check); lookups
        // never ask for them, as QXmlStreamReader does not list them.
        list.push_back(Attributes::Attribute{attributeName, {}, {}, {}, std::move(value)});
    }
    for (auto &a : list) {
        if (a.qualifiedName == u"xmlns" || a.qualifiedName.startsWith(u"xmlns:")) {
            a.name = {};   // never matches a lookup by namespace and name
            continue;
        }
        if (!resolve(a.qualifiedName, false, &a.prefix, &a.name, &a.namespaceUri))
            return fail("undeclared attribute prefix");
    }
    for (size_t i = 0; i < list.size(); ++i)
        for (size_t j = i + 1; j < list.size(); ++j)
            if (!list[i].name.isEmpty() && list[i].name == list[j].name
                && list[i].namespaceUri == list[j].namespaceUri)
                return fail("attribute given twice");
    QStringView prefix;
    if (!resolve(qualifiedName, true, &prefix, &m_name, &m_namespaceUri))
        return fail("undeclared element prefix");
    m_qualifiedName = qualifiedName;
    m_open.push_back(OpenElement{qualifiedName, bindingsBefore});
    m_pendingEnd = selfClosing;
    return m_token = StartElement;
}

StrictXmlReader::TokenType StrictXmlReader::readEndTag()
{
    m_p += 2;
    QStringView qualifiedName;
    if (!readName(&qualifiedName))
        return fail("bad end tag");
    skipSpace();
    if (m_p == m_end || *m_p != u'>')
        return fail("bad end tag");
    ++m_p;
    if (m_open.empty() || m_open.back().qualifiedName != qualifiedName)
        return fail("end tag does not match the start tag");
    const qsizetype colon = qualifiedName.indexOf(u':');
    m_name = colon < 0 ? qualifiedName : qualifiedName.sliced(colon + 1);
    m_qualifiedName = qualifiedName;
    m_namespaceUri = {};
    m_bindings.resize(m_open.back().bindings);
    m_open.pop_back();
    m_rootClosed = m_open.empty();
    return m_token = EndElement;
}

bool StrictXmlReader::readNextStartElement()
{
    for (;;) {
        switch (readNext()) {
        case StartElement:
            return true;
        case EndElement:
        case EndDocument:
        case Invalid:
            return false;
        case NoToken:
            break;
        }
    }
}

void StrictXmlReader::skipCurrentElement()
{
    int depth = 1;
    while (depth > 0) {
        const TokenType t = readNext();
        if (t == Invalid || t == EndDocument)
            return;
        depth += t == StartElement ? 1 : -1;
    }
}

QString StrictXmlReader::readElementText(ReadElementTextBehaviour behaviour)
{
    if (m_token != StartElement)
        return {};
    QString result;
    QString *const outer = m_sink;
    m_sink = &result;
    int depth = 0;
    for (bool done = false; !done;) {
        switch (readNext()) {
        case StartElement:
            if (behaviour == IncludeChildElements) {
                ++depth;
            } else if (behaviour == SkipChildElements) {
                m_sink = nullptr;
                skipCurrentElement();
                m_sink = &result;
            } else {
                fail("expected character data");
                done = true;
            }
            break;
        case EndElement:
            done = depth-- == 0;
            break;
        case EndDocument:
        case Invalid:
        case NoToken:
            done = true;
            break;
        }
    }
    m_sink = outer;
    return result;
}

QString StrictXmlReader::readElementMarkup(MarkupText text)
{
    if (m_token != StartElement)
        return {};
    QString result;
    QString *const outer = m_sink;
    const bool outerEscape = m_escapeSink;
    m_sink = &result;
    m_escapeSink = text == MarkupText::Escaped;
    int depth = 0;
    for (bool done = false; !done;) {
        switch (readNext()) {
        case StartElement:
            if (isHtmlElementName(m_name)) {
                result += QLatin1Char('<');
                result += m_name;
                result += QLatin1Char('>');
            }
            ++depth;
            break;
        case EndElement:
            if (depth-- == 0) {
                done = true;
            } else if (isHtmlElementName(m_name)) {
                result += QLatin1String("</");
                result += m_name;
                result += QLatin1Char('>');
            }
            break;
        case EndDocument:
        case Invalid:
        case NoToken:
            done = true;
            break;
        }
    }
    m_sink = outer;
    m_escapeSink = outerEscape;
    return result;
}

} // namespace tw
