#include "models/sentiment/sentimentlexicon.h"

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
        {QStringLiteral("topline"), LexiconRole::TopLineMetric},
        {QStringLiteral("bad"), LexiconRole::BadMetric},
        {QStringLiteral("cost"), LexiconRole::CostMetric},
        {QStringLiteral("growth"), LexiconRole::GrowthMetric},
        {QStringLiteral("negator"), LexiconRole::Negator},
        {QStringLiteral("intensifier"), LexiconRole::Intensifier},
        {QStringLiteral("hedge"), LexiconRole::Hedge},
        {QStringLiteral("but"), LexiconRole::ContrastBut},
        {QStringLiteral("concession"), LexiconRole::Concession},
        {QStringLiteral("clause"), LexiconRole::Clause},
        {QStringLiteral("from"), LexiconRole::From},
        {QStringLiteral("to"), LexiconRole::To},
        {QStringLiteral("versus"), LexiconRole::Versus},
        {QStringLiteral("scale"), LexiconRole::Scale},
        {QStringLiteral("qualifier"), LexiconRole::Qualifier},
        {QStringLiteral("level"), LexiconRole::Level},
    };
    return names;
}

// "lay off|beat/beats estimates/ahead_of_plan" -> every token sequence it stands for.
std::vector<std::vector<quint64>> expandPhrase(const QString &phrase)
{
    std::vector<std::vector<quint64>> sequences{{}};
    for (const QString &slot : phrase.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString alternatives = slot;
        const bool optional = alternatives.endsWith(QLatin1Char('?')) && alternatives.size() > 1;
        if (optional)
            alternatives.chop(1);
        std::vector<std::vector<quint64>> next;
        for (QString alt : alternatives.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            // Tokenise the alternative as sentences are tokenised, so "didn't"
            // and "S&P" hash the same way in both.
            alt.replace(QLatin1Char('_'), QLatin1Char(' '));
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

std::vector<std::vector<quint64>> expandTerm(const QString &term)
{
    std::vector<std::vector<quint64>> all;
    for (const QString &phrase : term.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        auto sequences = expandPhrase(phrase);
        all.insert(all.end(), sequences.begin(), sequences.end());
    }
    return all;
}

inline size_t slotFor(quint64 key, size_t mask) { return size_t((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask; }

// The key of a token sequence extended by one token.
inline quint64 extend(quint64 prefix, quint64 token) { return (prefix ^ (prefix >> 31)) * 0xBF58476D1CE4E5B9ULL + token; }

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
        for (const auto &sequence : expandTerm(fields[0].trimmed()))
            lexicon.add(sequence, LexiconEntry{*role, value});
    }
    lexicon.m_digest = QString::fromLatin1(
        QCryptographicHash::hash(tsv.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
    return lexicon;
}

Result<SentimentLexicon> SentimentLexicon::loadDefault()
{
    QFile file(QStringLiteral(":/sentiment/lexicon.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("the built-in sentiment lexicon is missing"));
    return parse(QString::fromUtf8(file.readAll()));
}

SentimentLexicon::Node &SentimentLexicon::insertNode(quint64 key)
{
    if ((m_used + 1) * 2 > m_nodes.size()) {
        std::vector<Node> old = std::move(m_nodes);
        m_nodes.assign(std::max<size_t>(256, old.size() * 2), Node{});
        m_used = 0;
        for (const Node &n : old)
            if (n.used)
                insertNode(n.key) = n;
    }
    const size_t mask = m_nodes.size() - 1;
    size_t slot = slotFor(key, mask);
    while (m_nodes[slot].used && m_nodes[slot].key != key)
        slot = (slot + 1) & mask;
    Node &node = m_nodes[slot];
    if (!node.used) {
        node.used = true;
        node.key = key;
        ++m_used;
    }
    return node;
}

const SentimentLexicon::Node *SentimentLexicon::findNode(quint64 key) const
{
    if (m_nodes.empty())
        return nullptr;
    const size_t mask = m_nodes.size() - 1;
    size_t slot = slotFor(key, mask);
    while (m_nodes[slot].used) {
        if (m_nodes[slot].key == key)
            return &m_nodes[slot];
        slot = (slot + 1) & mask;
    }
    return nullptr;
}

void SentimentLexicon::add(const std::vector<quint64> &sequence, LexiconEntry entry)
{
    quint64 key = sequence.front();
    const quint64 bit = key >> 48;
    m_firstTokenFilter[size_t(bit >> 6) % kFilterWords] |= quint64(1) << (bit & 63);
    for (size_t k = 1; k < sequence.size(); ++k) {
        insertNode(key).prefix = true;
        key = extend(key, sequence[k]);
    }
    Node &node = insertNode(key);
    if (node.entry < 0) {   // for the same phrase the earlier line wins
        node.entry = qint32(m_entries.size());
        m_entries.push_back(entry);
    }
}

LexiconMatch SentimentLexicon::longestMatch(const std::vector<Token> &tokens, size_t at) const
{
    LexiconMatch best;
    const Token &first = tokens[at];
    if (first.kind != TokenKind::Word && first.kind != TokenKind::Punct)
        return best;
    quint64 key = first.hash;
    const quint64 bit = key >> 48;
    if (!(m_firstTokenFilter[size_t(bit >> 6) % kFilterWords] & (quint64(1) << (bit & 63))))
        return best;
    for (size_t k = at;;) {
        const Node *node = findNode(key);
        if (!node)
            break;
        if (node->entry >= 0)
            best = LexiconMatch{&m_entries[size_t(node->entry)], qint32(k - at + 1)};
        if (!node->prefix || ++k >= tokens.size())
            break;
        const Token &next = tokens[k];
        if (next.kind != TokenKind::Word && next.kind != TokenKind::Punct)
            break;
        key = extend(key, next.hash);
    }
    return best;
}

} // namespace tw
