#include "feeds/parsers/filingtext.h"

#include "feeds/parsers/textnormalizer.h"

#include <QHash>
#include <QRegularExpression>

namespace tw {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char(':') || c == QLatin1Char('-') || c == QLatin1Char('_');
}

// Elements whose end starts a new line.
bool isBlock(QStringView name)
{
    static const QStringList blocks{
        QStringLiteral("p"),     QStringLiteral("div"),   QStringLiteral("br"),         QStringLiteral("tr"),
        QStringLiteral("table"), QStringLiteral("li"),    QStringLiteral("ul"),         QStringLiteral("ol"),
        QStringLiteral("h1"),    QStringLiteral("h2"),    QStringLiteral("h3"),         QStringLiteral("h4"),
        QStringLiteral("h5"),    QStringLiteral("h6"),    QStringLiteral("hr"),         QStringLiteral("center"),
        QStringLiteral("pre"),   QStringLiteral("body"),  QStringLiteral("blockquote"), QStringLiteral("dl"),
        QStringLiteral("dt"),    QStringLiteral("dd"),    QStringLiteral("section"),    QStringLiteral("article"),
        QStringLiteral("header"), QStringLiteral("footer"), QStringLiteral("html"),     QStringLiteral("page"),
        QStringLiteral("caption"), QStringLiteral("form")};
    for (const QString &b : blocks) {
        if (name.compare(b, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isCell(QStringView name)
{
    return name.compare(u"td", Qt::CaseInsensitive) == 0 || name.compare(u"th", Qt::CaseInsensitive) == 0;
}

// Elements read for nothing: their whole content goes.
bool isSkipped(QStringView name)
{
    return name.compare(u"script", Qt::CaseInsensitive) == 0 || name.compare(u"style", Qt::CaseInsensitive) == 0
        || name.compare(u"head", Qt::CaseInsensitive) == 0 || name.compare(u"ix:header", Qt::CaseInsensitive) == 0;
}

QString decodeEntity(QStringView name)
{
    if (name.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const uint code = name.size() > 1 && (name.at(1) == QLatin1Char('x') || name.at(1) == QLatin1Char('X'))
            ? name.mid(2).toUInt(&ok, 16)
            : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return QString();
        if (code >= 0x80 && code <= 0x9F)   // as browsers do: Windows-1252's quotes and dashes
            return plainTextFromHtml(QStringLiteral("&#%1;").arg(code));
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    static const QHash<QString, QString> common{
        {QStringLiteral("nbsp"), QStringLiteral(" ")},        {QStringLiteral("amp"), QStringLiteral("&")},
        {QStringLiteral("lt"), QStringLiteral("<")},          {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("quot"), QStringLiteral("\"")},       {QStringLiteral("apos"), QStringLiteral("'")},
        {QStringLiteral("rsquo"), QStringLiteral("\u2019")},  {QStringLiteral("lsquo"), QStringLiteral("\u2018")},
        {QStringLiteral("rdquo"), QStringLiteral("\u201D")},  {QStringLiteral("ldquo"), QStringLiteral("\u201C")},
        {QStringLiteral("ndash"), QStringLiteral("\u2013")},  {QStringLiteral("mdash"), QStringLiteral("\u2014")},
        {QStringLiteral("bull"), QStringLiteral("\u2022")},   {QStringLiteral("middot"), QStringLiteral("\u00B7")},
        {QStringLiteral("sect"), QStringLiteral("\u00A7")},   {QStringLiteral("reg"), QStringLiteral("\u00AE")},
        {QStringLiteral("copy"), QStringLiteral("\u00A9")},   {QStringLiteral("trade"), QStringLiteral("\u2122")},
        {QStringLiteral("hellip"), QStringLiteral("\u2026")}, {QStringLiteral("ensp"), QStringLiteral(" ")},
        {QStringLiteral("emsp"), QStringLiteral(" ")},        {QStringLiteral("thinsp"), QStringLiteral(" ")},
    };
    if (auto it = common.constFind(name.toString()); it != common.constEnd())
        return *it;
    // The rest of HTML's entities, through the feed text reader's full table.
    const QString decoded = plainTextFromHtml(QLatin1Char('&') + name.toString() + QLatin1Char(';'));
    return decoded.startsWith(QLatin1Char('&')) ? QString() : decoded;
}

// Collects text into lines, folding white space.
class LineBuilder {
public:
    void text(QStringView s)
    {
        for (QChar c : s) {
            if (c.isSpace() || c == QChar(0x00A0) || c.category() == QChar::Separator_Space) {
                m_space = !m_line.isEmpty();
            } else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
                continue;   // zero-width and control characters carry nothing
            } else {
                if (m_space)
                    m_line += QLatin1Char(' ');
                m_space = false;
                m_line += c;
            }
        }
    }
    void space() { m_space = !m_line.isEmpty(); }
    void newline()
    {
        if (!m_line.isEmpty())
            m_lines << m_line;
        m_line.clear();
        m_space = false;
    }
    QStringList take()
    {
        newline();
        return std::move(m_lines);
    }

private:
    QStringList m_lines;
    QString m_line;
    bool m_space = false;
};

QStringList htmlLines(const QString &doc)
{
    LineBuilder out;
    const qsizetype n = doc.size();
    qsizetype i = 0;
    qsizetype textStart = 0;
    auto flushText = [&](qsizetype end) {
        QStringView raw = QStringView(doc).mid(textStart, end - textStart);
        qsizetype from = 0;
        for (qsizetype amp = raw.indexOf(QLatin1Char('&')); amp >= 0; amp = raw.indexOf(QLatin1Char('&'), from)) {
            out.text(raw.mid(from, amp - from));
            qsizetype semi = amp + 1;
            while (semi < raw.size() && semi - amp <= 32 && (raw.at(semi).isLetterOrNumber() || raw.at(semi) == QLatin1Char('#')))
                ++semi;
            if (semi < raw.size() && raw.at(semi) == QLatin1Char(';') && semi > amp + 1) {
                const QString decoded = decodeEntity(raw.mid(amp + 1, semi - amp - 1));
                if (!decoded.isNull()) {
                    out.text(decoded);
                    from = semi + 1;
                    continue;
                }
            }
            out.text(raw.mid(amp, 1));
            from = amp + 1;
        }
        out.text(raw.mid(from));
    };
    while (i < n) {
        if (doc.at(i) != QLatin1Char('<') || i + 1 >= n) {
            ++i;
            continue;
        }
        const QChar next = doc.at(i + 1);
        if (doc.mid(i, 4) == QLatin1String("<!--")) {
            flushText(i);
            const qsizetype end = doc.indexOf(QLatin1String("-->"), i + 4);
            i = end < 0 ? n : end + 3;
            textStart = i;
            continue;
        }
        const bool closing = next == QLatin1Char('/');
        const qsizetype nameStart = i + (closing ? 2 : 1);
        if (!(next.isLetter() || closing || next == QLatin1Char('!') || next == QLatin1Char('?'))) {
            ++i;   // "revenue < forecast": not markup
            continue;
        }
        flushText(i);
        // The tag's end, with quoted attribute values skipped.
        qsizetype j = nameStart;
        QChar quote;
        for (; j < n; ++j) {
            const QChar c = doc.at(j);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                quote = c;
            } else if (c == QLatin1Char('>')) {
                break;
            }
        }
        qsizetype nameEnd = nameStart;
        while (nameEnd < n && nameEnd < j && isNameChar(doc.at(nameEnd)))
            ++nameEnd;
        const QStringView name = QStringView(doc).mid(nameStart, nameEnd - nameStart);
        i = j < n ? j + 1 : n;
        if (!closing && isSkipped(name)) {
            const QString close = QStringLiteral("</") + name.toString();
            const qsizetype end = doc.indexOf(close, i, Qt::CaseInsensitive);
            if (end >= 0) {
                const qsizetype gt = doc.indexOf(QLatin1Char('>'), end);
                i = gt < 0 ? n : gt + 1;
            }
        } else if (isBlock(name)) {
            out.newline();
        } else if (isCell(name)) {
            out.space();
        }
        textStart = i;
    }
    flushText(n);
    return out.take();
}

QStringList plainLines(const QString &doc)
{
    QStringList lines;
    QString paragraph;
    static const QRegularExpression itemHeading(QStringLiteral("^\\s*item\\s+\\d"), QRegularExpression::CaseInsensitiveOption);
    auto flush = [&] {
        const QString p = paragraph.simplified();
        if (!p.isEmpty())
            lines << p;
        paragraph.clear();
    };
    for (const QStringView line : QStringView(doc).split(QLatin1Char('\n'))) {
        const QString text = line.toString();
        if (text.trimmed().isEmpty()) {
            flush();
            continue;
        }
        // A heading is a line of its own even without blank lines around it.
        if (itemHeading.match(text).hasMatch()) {
            flush();
            paragraph = text;
            flush();
            continue;
        }
        paragraph += QLatin1Char(' ') + text;
    }
    flush();
    return lines;
}

} // namespace

bool looksLikeHtml(const QString &document)
{
    static const QRegularExpression markup(QStringLiteral("<(?:html|body|p|div|table|font|br)\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    return markup.match(QStringView(document).left(200000)).hasMatch();
}

QStringList filingTextLines(const QString &document)
{
    return looksLikeHtml(document) ? htmlLines(document) : plainLines(document);
}

} // namespace tw
