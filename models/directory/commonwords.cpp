#include "models/directory/commonwords.h"

#include "models/text/asciilower.h"

#include <QFile>

#include <algorithm>

namespace tw {

CommonWords::CommonWords(const QStringList &words)
{
    m_words.reserve(words.size());
    for (const QString &w : words)
        m_words.insert(w.toLower());
}

const CommonWords &CommonWords::builtIn()
{
    static const CommonWords words = [] {
        QFile file(QStringLiteral(":/directory/common-words.txt"));
        if (!file.open(QIODevice::ReadOnly))
            return CommonWords();
        const QString text = QString::fromUtf8(file.readAll());
        QStringList list;
        for (QStringView line : QStringView(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (!line.startsWith(QLatin1Char('#')))
                list << line.toString();
        }
        return CommonWords(list);
    }();
    return words;
}

QByteArray CommonWords::reduce(const QByteArray &wordList)
{
    QList<QByteArray> kept;
    for (const QByteArray &raw : wordList.split('\n')) {
        const QByteArray w = raw.trimmed();
        if (w.isEmpty())
            continue;
        if (std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
            kept << w;
    }
    std::sort(kept.begin(), kept.end());
    kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
    QByteArray out;
    for (const QByteArray &w : kept)
        out += w + '\n';
    return out;
}

bool CommonWords::contains(QStringView word) const
{
    // ASCII (tickers, nearly every word): folded on the stack.
    char16_t buffer[32];
    if (const auto lower = asciiLower(word, buffer))
        return containsLower(*lower);
    return m_words.contains(word.toString().toLower());
}

} // namespace tw
