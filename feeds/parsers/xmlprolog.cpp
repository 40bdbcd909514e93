#include "feeds/parsers/xmlprolog.h"

namespace tw {

namespace {
bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char(':') || c == QLatin1Char('-')
        || c == QLatin1Char('.');
}
} // namespace

qsizetype doctypeEnd(QStringView text, qsizetype at)
{
    int brackets = 0;
    QChar quote;
    for (qsizetype i = at; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('[')) {
            ++brackets;
        } else if (c == QLatin1Char(']')) {
            --brackets;
        } else if (c == QLatin1Char('>') && brackets <= 0) {
            return i;
        }
    }
    return -1;
}

XmlProlog readXmlProlog(QStringView text)
{
    XmlProlog prolog;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QChar(0xFEFF)) {
            ++i;
            continue;
        }
        if (c != QLatin1Char('<')) {
            prolog.error = QStringLiteral("text before the root element");
            return prolog;
        }
        const QStringView rest = text.sliced(i);
        qsizetype end = -1;
        if (rest.startsWith(QLatin1String("<?"))) {
            end = text.indexOf(QLatin1String("?>"), i);
            end = end < 0 ? -1 : end + 2;
        } else if (rest.startsWith(QLatin1String("<!--"))) {
            end = text.indexOf(QLatin1String("-->"), i + 4);
            end = end < 0 ? -1 : end + 3;
        } else if (rest.startsWith(QLatin1String("<!DOCTYPE"), Qt::CaseInsensitive)) {
            end = doctypeEnd(text, i);
            if (end >= 0) {
                prolog.doctype = text.mid(i, end + 1 - i).toString();
                ++end;
            }
        } else {
            qsizetype n = i + 1;
            while (n < text.size() && isNameChar(text.at(n)))
                ++n;
            if (n == i + 1) {
                prolog.error = QStringLiteral("no element name after '<'");
                return prolog;
            }
            prolog.rootStart = i;
            prolog.rootQualifiedName = text.mid(i + 1, n - i - 1).toString();
            const qsizetype colon = prolog.rootQualifiedName.indexOf(QLatin1Char(':'));
            prolog.rootName = colon < 0 ? prolog.rootQualifiedName : prolog.rootQualifiedName.mid(colon + 1);
            const QString xmlns = colon < 0 ? QStringLiteral("xmlns") : QStringLiteral("xmlns:") + prolog.rootQualifiedName.left(colon);
            // The root's own namespace declaration, from its start tag.
            const qsizetype tagEnd = text.indexOf(QLatin1Char('>'), n);
            const QStringView tag = text.mid(n, tagEnd < 0 ? -1 : tagEnd - n);
            for (qsizetype at = tag.indexOf(xmlns); at >= 0; at = tag.indexOf(xmlns, at + 1)) {
                qsizetype p = at + xmlns.size();
                if (at > 0 && !tag.at(at - 1).isSpace())
                    continue;
                while (p < tag.size() && tag.at(p).isSpace())
                    ++p;
                if (p >= tag.size() || tag.at(p) != QLatin1Char('='))
                    continue;
                ++p;
                while (p < tag.size() && tag.at(p).isSpace())
                    ++p;
                if (p >= tag.size() || (tag.at(p) != QLatin1Char('"') && tag.at(p) != QLatin1Char('\'')))
                    continue;
                const qsizetype close = tag.indexOf(tag.at(p), p + 1);
                if (close > p)
                    prolog.rootNamespace = tag.mid(p + 1, close - p - 1).toString();
                break;
            }
            return prolog;
        }
        if (end < 0) {
            prolog.error = QStringLiteral("unterminated markup before the root element");
            return prolog;
        }
        i = end;
    }
    prolog.error = QStringLiteral("no root element");
    return prolog;
}

} // namespace tw
