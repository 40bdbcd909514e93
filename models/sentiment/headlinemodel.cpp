#include "models/sentiment/headlinemodel.h"

#include "models/sentiment/financetokenizer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <map>

namespace tw {

namespace {

constexpr int kMinCount = 3;       // a word seen fewer times in training is noise
constexpr int kEpochs = 15;
constexpr double kLearningRate = 0.1;
constexpr double kL2 = 1e-3;   // picked on a split of tfns/dev (80 train / 20 held out)

inline size_t slotFor(quint64 key, size_t mask) { return size_t((key * 0x9E3779B97F4A7C15ULL) >> 24) & mask; }

// The distinct lower-cased words of a headline, as hashes and (for training) text.
void headlineWords(QStringView text, std::vector<quint64> &hashes, QStringList *surfaces = nullptr)
{
    thread_local std::vector<Token> tokens;
    tokens.clear();
    FinanceTokenizer::tokenize(text, tokens);
    hashes.clear();
    for (const Token &t : tokens) {
        if (t.kind != TokenKind::Word || std::find(hashes.begin(), hashes.end(), t.hash) != hashes.end())
            continue;
        hashes.push_back(t.hash);
        if (surfaces)
            *surfaces << text.mid(t.start, t.length).toString().toLower().replace(QChar(0x2019), QLatin1Char('\''));
    }
}

HeadlineModel::Scores softmax(const std::array<double, 3> &z)
{
    const double m = std::max({z[0], z[1], z[2]});
    HeadlineModel::Scores p{std::exp(z[0] - m), std::exp(z[1] - m), std::exp(z[2] - m)};
    const double sum = p[0] + p[1] + p[2];
    for (double &v : p)
        v /= sum;
    return p;
}

QString number(float v) { return QString::number(double(v), 'f', 4); }

} // namespace

void HeadlineModel::buildIndex()
{
    size_t capacity = 64;
    while (capacity < m_words.size() * 2)
        capacity *= 2;
    m_slots.assign(capacity, Slot{});
    const size_t mask = capacity - 1;
    for (size_t i = 0; i < m_words.size(); ++i) {
        const quint64 key = FinanceTokenizer::hashWord(m_words[i].text);
        size_t slot = slotFor(key, mask);
        while (m_slots[slot].index >= 0 && m_slots[slot].key != key)
            slot = (slot + 1) & mask;
        m_slots[slot] = Slot{key, qint32(i)};
    }
}

qint32 HeadlineModel::find(quint64 key) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = slotFor(key, mask); m_slots[slot].index >= 0; slot = (slot + 1) & mask)
        if (m_slots[slot].key == key)
            return m_slots[slot].index;
    return -1;
}

HeadlineModel::Scores HeadlineModel::probabilities(QStringView headline, double ruleScore) const
{
    thread_local std::vector<quint64> hashes;
    headlineWords(headline, hashes);
    std::array<double, 3> z{};
    for (size_t k = 0; k < 3; ++k)
        z[k] = double(m_bias[k]) + double(m_rule[k]) * ruleScore + double(m_ruleMagnitude[k]) * std::abs(ruleScore);
    for (quint64 h : hashes) {
        const qint32 i = find(h);
        if (i >= 0)
            for (size_t k = 0; k < 3; ++k)
                z[k] += double(m_words[size_t(i)].weights[k]);
    }
    return softmax(z);
}

HeadlineModel HeadlineModel::train(const QList<LabeledSentence> &sentences, const SentimentScorer &rules)
{
    // Vocabulary: words seen at least kMinCount times, in text order so the
    // file and the weights do not depend on hash order. Words the lexicon
    // already knows are left to the rules: learnt again here, they would be
    // learnt as corrections of the rules and pull against them.
    std::vector<quint64> hashes;
    QStringList surfaces;
    std::map<QString, int> counts;
    for (const LabeledSentence &s : sentences) {
        surfaces.clear();
        headlineWords(s.text, hashes, &surfaces);
        for (const QString &w : surfaces)
            ++counts[w];
    }
    HeadlineModel model;
    for (const auto &[word, count] : counts)
        if (count >= kMinCount && !rules.lexicon().hasWord(FinanceTokenizer::hashWord(word)))
            model.m_words.push_back(Word{word, {}});
    model.buildIndex();

    // Features once: word indices and the rule score of every sentence.
    struct Example {
        std::vector<qint32> words;
        double rule;
        size_t label;
    };
    std::vector<Example> examples;
    examples.reserve(size_t(sentences.size()));
    for (const LabeledSentence &s : sentences) {
        headlineWords(s.text, hashes);
        Example e{{}, rules.score(s.text).score, size_t(s.label)};
        for (quint64 h : hashes)
            if (const qint32 i = model.find(h); i >= 0)
                e.words.push_back(i);
        examples.push_back(std::move(e));
    }

    // Plain SGD in file order with a decaying rate: no randomness, so the
    // same file gives the same weights.
    std::vector<std::array<double, 3>> w(model.m_words.size(), std::array<double, 3>{});
    std::array<double, 3> bias{}, rule{}, magnitude{};
    for (int epoch = 0; epoch < kEpochs; ++epoch) {
        const double rate = kLearningRate / (1.0 + epoch * 0.2);
        for (const Example &e : examples) {
            std::array<double, 3> z{};
            for (size_t k = 0; k < 3; ++k) {
                z[k] = bias[k] + rule[k] * e.rule + magnitude[k] * std::abs(e.rule);
                for (qint32 i : e.words)
                    z[k] += w[size_t(i)][k];
            }
            const Scores p = softmax(z);
            for (size_t k = 0; k < 3; ++k) {
                const double g = p[k] - (k == e.label ? 1.0 : 0.0);
                bias[k] -= rate * g;
                rule[k] -= rate * g * e.rule;
                magnitude[k] -= rate * g * std::abs(e.rule);
                for (qint32 i : e.words)
                    w[size_t(i)][k] -= rate * (g + kL2 * w[size_t(i)][k]);
            }
        }
    }
    // Rounded as the file stores them, so a trained model and a loaded one agree.
    auto stored = [](double v) { return number(float(v)).toFloat(); };
    for (size_t i = 0; i < w.size(); ++i)
        for (size_t k = 0; k < 3; ++k)
            model.m_words[i].weights[k] = stored(w[i][k]);
    for (size_t k = 0; k < 3; ++k) {
        model.m_bias[k] = stored(bias[k]);
        model.m_rule[k] = stored(rule[k]);
        model.m_ruleMagnitude[k] = stored(magnitude[k]);
    }
    model.m_digest = model.computeDigest();
    return model;
}

QString HeadlineModel::serialize() const
{
    QString out;
    QTextStream s(&out);
    s << "# Tickerwire headline model: multinomial logistic regression over headline words\n"
         "# and the rule score. Generated by `tickerwire train-headlines` (see README.md here);\n"
         "# do not edit by hand. Columns: feature, negative, neutral, positive.\n";
    auto row = [&](const QString &name, const std::array<float, 3> &v) {
        s << name << '\t' << number(v[0]) << '\t' << number(v[1]) << '\t' << number(v[2]) << '\n';
    };
    row(QStringLiteral("<bias>"), m_bias);
    row(QStringLiteral("<rule>"), m_rule);
    row(QStringLiteral("<rule-magnitude>"), m_ruleMagnitude);
    for (const Word &w : m_words)
        row(w.text, w.weights);
    s.flush();
    return out;
}

Result<HeadlineModel> HeadlineModel::parse(const QString &tsv)
{
    HeadlineModel model;
    const QStringList lines = tsv.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        if (lines[n].isEmpty() || lines[n].startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = lines[n].split(QLatin1Char('\t'));
        if (f.size() != 4)
            return fail(QStringLiteral("headline model line %1: expected 4 columns").arg(n + 1));
        std::array<float, 3> v{};
        for (size_t k = 0; k < 3; ++k) {
            bool ok = false;
            v[k] = f[qsizetype(k) + 1].toFloat(&ok);
            if (!ok)
                return fail(QStringLiteral("headline model line %1: bad number").arg(n + 1));
        }
        if (f[0] == QLatin1String("<bias>"))
            model.m_bias = v;
        else if (f[0] == QLatin1String("<rule>"))
            model.m_rule = v;
        else if (f[0] == QLatin1String("<rule-magnitude>"))
            model.m_ruleMagnitude = v;
        else
            model.m_words.push_back(Word{f[0], v});
    }
    model.buildIndex();
    model.m_digest = model.computeDigest();
    return model;
}

Result<const HeadlineModel *> HeadlineModel::builtIn()
{
    static const Result<HeadlineModel> model = loadDefault();
    if (!model)
        return model.error();
    return &model.value();
}

QString HeadlineModel::computeDigest() const
{
    return QString::fromLatin1(
        QCryptographicHash::hash(serialize().toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
}

SentenceSentiment HeadlineModel::score(const SentimentScorer &rules, QStringView headline) const
{
    SentenceSentiment s = rules.score(headline);
    const Scores p = probabilities(headline, s.score);
    size_t best = 0;
    for (size_t k = 1; k < 3; ++k)
        if (p[k] > p[best])
            best = k;
    s.label = SentimentLabel(best);
    // A headline the model calls neutral moves nothing (its small leanings are noise).
    s.score = s.label == SentimentLabel::Neutral
                ? 0.0
                : p[size_t(SentimentLabel::Positive)] - p[size_t(SentimentLabel::Negative)];
    s.confidence = p[best];
    return s;
}

Result<HeadlineModel> HeadlineModel::loadDefault()
{
    QFile file(QStringLiteral(":/sentiment/headline-model.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("the built-in headline model is missing"));
    return parse(QString::fromUtf8(file.readAll()));
}

} // namespace tw
