#include "models/text/sentencesplitter.h"

#include "models/text/asciilower.h"

#include <QSet>

namespace tw {

namespace {
bool isAbbreviation(QStringView word)
{
    static const QSet<QString> abbreviations{
        QStringLiteral("inc"),  QStringLiteral("corp"), QStringLiteral("co"),   QStringLiteral("ltd"),
        QStringLiteral("plc"),  QStringLiteral("llc"),  QStringLiteral("mr"),   QStringLiteral("mrs"),
        QStringLiteral("ms"),   QStringLiteral("dr"),   QStringLiteral("st"),   QStringLiteral("jr"),
        QStringLiteral("sr"),   QStringLiteral("vs"),   QStringLiteral("etc"),  QStringLiteral("e.g"),
        QStringLiteral("i.e"),  QStringLiteral("u.s"),  QStringLiteral("u.k"),  QStringLiteral("no"),
        QStringLiteral("approx"), QStringLiteral("est"), QStringLiteral("jan"), QStringLiteral("feb"),
        QStringLiteral("mar"),  QStringLiteral("apr"),  QStringLiteral("jun"),  QStringLiteral("jul"),
        QStringLiteral("aug"),  QStringLiteral("sep"),  QStringLiteral("sept"), QStringLiteral("oct"),
        QStringLiteral("nov"),  QStringLiteral("dec"),  QStringLiteral("bn"),   QStringLiteral("mn"),
    };
    // ASCII words (nearly all): folded on the stack.
    char16_t buffer[16];
    if (const auto lower = asciiLower(word, buffer))
        return abbreviations.contains(QString::fromRawData(reinterpret_cast<const QChar *>(lower->utf16()), lower->size()));
    return abbreviations.contains(word.toString().toLower());
}

// The word that ends just before `end` (a '.'), including inner dots ("U.S").
QStringView wordBefore(QStringView text, qsizetype end)
{
    qsizetype begin = end;
    while (begin > 0 && (text[begin - 1].isLetterOrNumber() || text[begin - 1] == QLatin1Char('.')))
        --begin;
    return text.mid(begin, end - begin);
}

bool opensSentence(QChar c)
{
    return c.isUpper() || c.isDigit() || c == QLatin1Char('"') || c == QChar(0x201C) || c == QLatin1Char('\'')
        || c == QChar(0x2018) || c == QLatin1Char('(') || c == QLatin1Char('$') || c == QChar(0x20AC);
}

// One splitter for both kinds of span list.
template <typename Spans>
void splitInto(QStringView text, Spans &sentences)
{
    qsizetype start = 0;
    auto closeSentence = [&](qsizetype end) {
        // Trim surrounding whitespace from the span.
        qsizetype s = start;
        qsizetype e = end;
        while (s < e && text[s].isSpace())
            ++s;
        while (e > s && text[e - 1].isSpace())
            --e;
        if (e > s)
            sentences.append(SentenceSpan{s, e - s});
        start = end;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c.unicode() > u'?')
            continue;   // a sentence ends only at '\n', '!', '.' or '?', all below it: letters go on at once
        if (c == QLatin1Char('\n') && i + 1 < n && text[i + 1] == QLatin1Char('\n')) {
            closeSentence(i);
            continue;
        }
        if (c != QLatin1Char('.') && c != QLatin1Char('!') && c != QLatin1Char('?'))
            continue;
        // Closing quotes and brackets belong to the sentence they end.
        qsizetype end = i + 1;
        while (end < n && (text[end] == QLatin1Char('"') || text[end] == QChar(0x201D) || text[end] == QLatin1Char(')')
                           || text[end] == QLatin1Char('\'') || text[end] == QChar(0x2019)))
            ++end;
        if (end < n && !text[end].isSpace())
            continue;  // 5.2, example.com, U.S.-based
        qsizetype next = end;
        while (next < n && text[next].isSpace())
            ++next;
        if (next >= n) {
            closeSentence(n);
            i = n;
            break;
        }
        if (!opensSentence(text[next]))
            continue;
        if (c == QLatin1Char('.')) {
            const QStringView word = wordBefore(text, i);
            if (isAbbreviation(word))
                continue;
            if (word.size() == 1 && word[0].isUpper())
                continue;  // an initial: "Alexandr W. Wang"
        }
        closeSentence(end);
        i = end - 1;
    }
    closeSentence(n);
}
} // namespace

QList<SentenceSpan> SentenceSplitter::split(QStringView text)
{
    QList<SentenceSpan> sentences;
    splitInto(text, sentences);
    return sentences;
}

void SentenceSplitter::split(QStringView text, Spans &into)
{
    into.clear();
    splitInto(text, into);
}

} // namespace tw
