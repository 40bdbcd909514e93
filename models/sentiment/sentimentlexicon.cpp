#include "sentiment/sentimentlexicon.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>

#include <algorithm>

namespace tw {

namespace {

const QHash<QString, LexiconRole> &roleNames()
{
    static const QHash<QString, LexiconRole> names{
        {QStringLiteral("polar"), LexiconRole::Polar},
        {QStringLiteral("rise"), LexiconRole::Rise},
        {QStringLiteral("fall"), LexiconRole::Fall},
        {QStringLiteral("rise-before"), LexiconRole::RiseBefore},
        {QStringLiteral("fall-before"), LexiconRole::FallBefore},
        {QStringLiteral("good"), LexiconRole::GoodMetric},
        {QStringLiteral("bad"), LexiconRole::BadMetric},
        {QStringLiteral("negator"), LexiconRole::Negator},
        {QStringLiteral("intensifier"), LexiconRole::Intensifier},
        {QStringLiteral("hedge"), LexiconRole::Hedge},
        {QStringLiteral("but"), LexiconRole::ContrastBut},
        {QStringLiteral("concession"), LexiconRole::Concession},
        {QStringLiteral("from"), LexiconRole::From},
        {QStringLiteral("to"), LexiconRole::To},
        {QStringLiteral("versus"), LexiconRole::Versus},
        {QStringLiteral("scale"), LexiconRole::Scale},
    };
    return names;
}

// "beat|beats estimates|expectations" -> every token sequence it stands for.
std::vector<std::vector<quint64>> expandTerm(const QString &term)
{
    std::vector<std::vector<quint64>> sequences{{}};
    for (const QString &slot : term.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString alternatives = slot;
        const bool optional = alternatives.endsWith(QLatin1Char('?')) && alternatives.size() > 1;
        if (optional)
            alternatives.chop(1);
        std::vector<std::vector<quint64>> next;
        for (const QString &alt : alternatives.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            // Tokenise the alternative as sentences are tokenised, so "didn't"
            // and "S&P" hash the same way in both.
            std::vector<Token> tokens;
            FinanceTokenizer::tokenize(alt, tokens);
            for (const auto &seq : sequences) {
                auto extended = seq;
                for (const Token &t : tokens)
                    extended.push_back(t.hash);
                next.push_back(std::move(extended));
            }
        }
        if (optional)
            next.insert(next.end(), sequences.begin(), sequences.end());
        sequences = std::move(next);
    }
    sequences.erase(std::remove_if(sequences.begin(), sequences.end(), [](const auto &s) { return s.empty(); }),
                    sequences.end());
    return sequences;
}

inline size_t slotFor(quint64 key, size_t mask) { return size_t((key ^ (key >> 29)) * 0x9E3779B97F4A7C15ULL >> 7) & mask; }

} // namespace

Result<SentimentLexicon> SentimentLexicon::parse(const QString &tsv)
{
    SentimentLexicon lexicon;
    const QStringList lines = tsv.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines[n].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = lines[n].split(QLatin1Char('\t'));
        if (fields.size() < 2)
            return fail(QStringLiteral("lexicon line %1: expected term<TAB>role[<TAB>value]").arg(n + 1));
        const auto role = roleNames().constFind(fields[1].trimmed());
        if (role == roleNames().constEnd())
            return fail(QStringLiteral("lexicon line %1: unknown role '%2'").arg(n + 1).arg(fields[1].trimmed()));
        bool ok = true;
        const float value = fields.size() > 2 ? fields[2].trimmed().toFloat(&ok) : 1.0f;
        if (!ok)
            return fail(QStringLiteral("lexicon line %1: bad value '%2'").arg(n + 1).arg(fields[2].trimmed()));
        for (auto &sequence : expandTerm(fields[0].trimmed())) {
            LexiconEntry entry;
            entry.role = *role;
            entry.value = value;
            entry.tail.assign(sequence.begin() + 1, sequence.end());
            lexicon.m_entries.emplace_back(sequence.front(), std::move(entry));
        }
    }
    lexicon.m_digest = QString::fromLatin1(
        QCryptographicHash::hash(tsv.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    lexicon.buildIndex();
    return lexicon;
}

Result<SentimentLexicon> SentimentLexicon::loadDefault()
{
    QFile file(QStringLiteral(":/sentiment/lexicon.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("the built-in sentiment lexicon is missing"));
    return parse(QString::fromUtf8(file.readAll()));
}

void SentimentLexicon::buildIndex()
{
    // Stable: for equal phrases the earlier line wins, so the file reads top-down.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return a.second.tail.size() > b.second.tail.size();
    });
    size_t capacity = 64;
    while (capacity < m_entries.size() * 2)
        capacity *= 2;
    m_buckets.assign(capacity, Bucket{});
    const size_t mask = capacity - 1;
    for (size_t i = 0; i < m_entries.size();) {
        size_t j = i;
        while (j < m_entries.size() && m_entries[j].first == m_entries[i].first)
            ++j;
        size_t slot = slotFor(m_entries[i].first, mask);
        while (m_buckets[slot].count != 0)
            slot = (slot + 1) & mask;
        m_buckets[slot] = Bucket{m_entries[i].first, quint32(i), quint32(j - i)};
        i = j;
    }
}

LexiconMatch SentimentLexicon::longestMatch(const std::vector<Token> &tokens, size_t at) const
{
    const Token &first = tokens[at];
    if (first.kind != TokenKind::Word && first.kind != TokenKind::Punct)
        return {};
    const size_t mask = m_buckets.size() - 1;
    size_t slot = slotFor(first.hash, mask);
    while (m_buckets[slot].count != 0) {
        const Bucket &b = m_buckets[slot];
        if (b.key == first.hash) {
            for (quint32 e = b.begin; e < b.begin + b.count; ++e) {
                const LexiconEntry &entry = m_entries[e].second;
                if (at + 1 + entry.tail.size() > tokens.size())
                    continue;
                bool match = true;
                for (size_t k = 0; k < entry.tail.size() && match; ++k) {
                    const Token &t = tokens[at + 1 + k];
                    match = (t.kind == TokenKind::Word || t.kind == TokenKind::Punct) && t.hash == entry.tail[k];
                }
                if (match)
                    return {&entry, qint32(entry.tail.size() + 1)};
            }
            return {};
        }
        slot = (slot + 1) & mask;
    }
    return {};
}

} // namespace tw
