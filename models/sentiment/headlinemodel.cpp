#include "models/sentiment/headlinemodel.h"

#include "models/sentiment/builtinheadlinedigest.h"

#include "models/sentiment/financetokenizer.h"

#include <QCryptographicHash>
#include <QFile>

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

namespace tw {

namespace {

constexpr const char *kRuleNames[HeadlineModel::kRuleFeatures] = {"<rule>", "<rule-magnitude>", "<rule-positive>",
                                                                  "<rule-negative>"};

inline size_t slotFor(quint64 key, size_t mask) { return size_t((key * 0x9E3779B97F4A7C15ULL) >> 24) & mask; }
inline quint64 pairKey(quint64 a, quint64 b) { return ((a ^ (a >> 29)) * 0xBF58476D1CE4E5B9ULL) ^ (b * 0x94D049BB133111EBULL) ^ 1; }

// Figures, cashtags and currency signs read as classes, not as themselves.
struct ClassKeys {
    quint64 number = FinanceTokenizer::hashWord(u"<num>");
    quint64 percent = FinanceTokenizer::hashWord(u"<%>");
    quint64 up = FinanceTokenizer::hashWord(u"<+%>");
    quint64 down = FinanceTokenizer::hashWord(u"<-%>");
    quint64 cashtag = FinanceTokenizer::hashWord(u"<tag>");
    quint64 currency = FinanceTokenizer::hashWord(u"<cur>");
};
const ClassKeys &classKeys()
{
    static const ClassKeys keys;
    return keys;
}

// The key of one token, and (for training) its name.
quint64 pieceOf(const Token &t, QStringView text, QString *name)
{
    const ClassKeys &k = classKeys();
    QStringView n;
    quint64 key = t.hash;
    switch (t.kind) {
    case TokenKind::Number:
        if (t.percent && t.signedFigure && t.value != 0) {
            key = t.value > 0 ? k.up : k.down;
            n = t.value > 0 ? u"<+%>" : u"<-%>";
        } else {
            key = t.percent ? k.percent : k.number;
            n = t.percent ? u"<%>" : u"<num>";
        }
        break;
    case TokenKind::Cashtag: key = k.cashtag; n = u"<tag>"; break;
    case TokenKind::Currency: key = k.currency; n = u"<cur>"; break;
    case TokenKind::Word:
    case TokenKind::Punct: break;
    }
    if (name)
        *name = n.isEmpty() ? text.mid(t.start, t.length).toString().toLower().replace(QChar(0x2019), QLatin1Char('\''))
                            : n.toString();
    return key;
}

// The distinct feature keys of a text (words, and word pairs when asked),
// sorted; with `names`, the feature texts in the same order (training only).
void textFeatures(QStringView text, bool bigrams, std::vector<quint64> &keys, std::vector<QString> *names = nullptr)
{
    thread_local std::vector<Token> tokens;
    tokens.clear();
    FinanceTokenizer::tokenize(text, tokens);
    keys.clear();
    if (!names) {
        quint64 previous = 0;
        for (size_t i = 0; i < tokens.size(); ++i) {
            const quint64 key = pieceOf(tokens[i], text, nullptr);
            keys.push_back(key);
            if (bigrams && i > 0)
                keys.push_back(pairKey(previous, key));
            previous = key;
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        return;
    }
    std::vector<std::pair<quint64, QString>> named;
    QString previousName, name;
    quint64 previous = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const quint64 key = pieceOf(tokens[i], text, &name);
        named.emplace_back(key, name);
        if (bigrams && i > 0)
            named.emplace_back(pairKey(previous, key), previousName + QLatin1Char(' ') + name);
        previous = key;
        previousName = name;
    }
    std::sort(named.begin(), named.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    named.erase(std::unique(named.begin(), named.end(), [](const auto &a, const auto &b) { return a.first == b.first; }),
                named.end());
    names->clear();
    for (auto &[key, text] : named) {
        keys.push_back(key);
        names->push_back(std::move(text));
    }
}

quint64 keyOfName(const QString &name)
{
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    if (space < 0)
        return FinanceTokenizer::hashWord(name);
    return pairKey(FinanceTokenizer::hashWord(QStringView(name).left(space)),
                   FinanceTokenizer::hashWord(QStringView(name).mid(space + 1)));
}

using Dense = std::array<double, HeadlineModel::kRuleFeatures>;

Dense ruleFeatures(const SentenceSentiment &r)
{
    double positive = 0, negative = 0;
    for (const SentimentSpan &s : r.spans)
        (s.weight > 0 ? positive : negative) += std::abs(s.weight);
    return {r.score, std::abs(r.score), std::tanh(positive), std::tanh(negative)};
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

// The file's number form: four decimals, as QString::number(d, 'f', 4)
// writes them (a tie rounds away from zero, -0 has no sign, a negative that
// rounds to zero keeps its "-"), without its cost: loading the model writes
// about 58,000 numbers (for its digest) at every start. A float times 10^4 is
// exact in a double, so the rounding below is exact too.
void appendNumber(QByteArray &out, float v)
{
    const double scaled = std::round(double(v) * 10000.0);
    if (!(std::abs(scaled) < 1e15)) {
        out += QByteArray::number(double(v), 'f', 4);
        return;
    }
    const long long units = std::llabs(static_cast<long long>(scaled));
    char buf[32];
    char *p = buf;
    if (v < 0)
        *p++ = '-';
    p = std::to_chars(p, buf + sizeof buf, units / 10000).ptr;
    *p++ = '.';
    const long long fraction = units % 10000;
    for (long long place = 1000; place > 0; place /= 10)
        *p++ = char('0' + fraction / place % 10);
    out.append(buf, p - buf);
}

std::optional<float> readNumber(QStringView text)
{
    text = text.trimmed();
    char buf[64];
    if (text.isEmpty() || text.size() >= qsizetype(sizeof buf))
        return std::nullopt;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c > 0x7f)
            return std::nullopt;
        buf[i] = char(c);
    }
    const char *end = buf + text.size();
    double value = 0;
    const auto [ptr, ec] = std::from_chars(buf, end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value) || std::abs(value) > double(FLT_MAX))
        return std::nullopt;
    return float(value);
}

} // namespace

void HeadlineModel::buildIndex()
{
    size_t capacity = 64;
    while (capacity < m_features.size() * 2)
        capacity *= 2;
    m_slots.assign(capacity, Slot{});
    const size_t mask = capacity - 1;
    for (size_t i = 0; i < m_features.size(); ++i) {
        const quint64 key = keyOfName(m_features[i].text);
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

HeadlineModel::Scores HeadlineModel::probabilities(QStringView text, const SentenceSentiment &rules) const
{
    thread_local std::vector<quint64> keys;
    textFeatures(text, true, keys);
    const Dense dense = ruleFeatures(rules);
    std::array<double, 3> z{};
    for (size_t k = 0; k < 3; ++k) {
        z[k] = double(m_bias[k]);
        for (size_t d = 0; d < kRuleFeatures; ++d)
            z[k] += double(m_rule[d][k]) * dense[d];
    }
    for (quint64 h : keys) {
        const qint32 i = find(h);
        if (i >= 0)
            for (size_t k = 0; k < 3; ++k)
                z[k] += double(m_features[size_t(i)].weights[k]);
    }
    return softmax(z);
}

HeadlineModel HeadlineModel::train(const QList<LabeledSentence> &sentences, const SentimentScorer &rules,
                                   const HeadlineTraining &knobs)
{
    // Vocabulary: features seen in at least minCount sentences, in text
    // order so the file and the weights do not depend on hash order.
    std::vector<quint64> keys;
    std::vector<QString> names;
    std::map<QString, int> counts;
    for (const LabeledSentence &s : sentences) {
        textFeatures(s.text, knobs.bigrams, keys, &names);
        for (const QString &n : names)
            ++counts[n];
    }
    HeadlineModel model;
    for (const auto &[name, count] : counts)
        if (count >= knobs.minCount)
            model.m_features.push_back(Feature{name, {}});
    model.buildIndex();

    // Features once: feature indices and the rule features of every sentence.
    struct Example {
        std::vector<qint32> features;
        Dense dense;
        size_t label;
    };
    std::vector<Example> examples;
    examples.reserve(size_t(sentences.size()));
    for (const LabeledSentence &s : sentences) {
        textFeatures(s.text, knobs.bigrams, keys);
        Example e{{}, ruleFeatures(rules.score(s.text)), size_t(s.label)};
        for (quint64 h : keys)
            if (const qint32 i = model.find(h); i >= 0)
                e.features.push_back(i);
        examples.push_back(std::move(e));
    }

    // SGD with a decaying rate over a shuffle drawn from a fixed LCG: the
    // same file and knobs give the same weights on every machine.
    std::vector<std::array<double, 3>> w(model.m_features.size(), std::array<double, 3>{});
    std::array<double, 3> bias{};
    std::array<std::array<double, 3>, kRuleFeatures> rule{};
    std::vector<size_t> order(examples.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    quint32 state = knobs.seed;
    auto nextRandom = [&state] {
        state = state * 1664525u + 1013904223u;
        return state;
    };
    for (int epoch = 0; epoch < knobs.epochs; ++epoch) {
        for (size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[size_t(nextRandom() >> 8) % i]);
        const double rate = knobs.learningRate / (1.0 + epoch * 0.2);
        for (size_t index : order) {
            const Example &e = examples[index];
            std::array<double, 3> z{};
            for (size_t k = 0; k < 3; ++k) {
                z[k] = bias[k];
                for (size_t d = 0; d < kRuleFeatures; ++d)
                    z[k] += rule[d][k] * e.dense[d];
                for (qint32 i : e.features)
                    z[k] += w[size_t(i)][k];
            }
            const Scores p = softmax(z);
            for (size_t k = 0; k < 3; ++k) {
                const double g = p[k] - (k == e.label ? 1.0 : 0.0);
                bias[k] -= rate * g;
                for (size_t d = 0; d < kRuleFeatures; ++d)
                    rule[d][k] -= rate * g * e.dense[d];
                for (qint32 i : e.features)
                    w[size_t(i)][k] -= rate * (g + knobs.l2 * w[size_t(i)][k]);
            }
        }
    }
    // Rounded as the file stores them, so a trained model and a loaded one agree.
    auto stored = [](double v) {
        QByteArray text;
        appendNumber(text, float(v));
        return *readNumber(QString::fromLatin1(text));
    };
    for (size_t i = 0; i < w.size(); ++i)
        for (size_t k = 0; k < 3; ++k)
            model.m_features[i].weights[k] = stored(w[i][k]);
    for (size_t k = 0; k < 3; ++k) {
        model.m_bias[k] = stored(bias[k]);
        for (size_t d = 0; d < kRuleFeatures; ++d)
            model.m_rule[d][k] = stored(rule[d][k]);
    }
    model.m_digest = model.computeDigest();
    return model;
}

ConfusionMatrix HeadlineModel::crossValidate(const QList<LabeledSentence> &sentences, const SentimentScorer &rules,
                                             const HeadlineTraining &knobs, int folds)
{
    ConfusionMatrix matrix;
    for (int fold = 0; fold < folds; ++fold) {
        QList<LabeledSentence> train, held;
        for (qsizetype i = 0; i < sentences.size(); ++i)
            (i % folds == fold ? held : train) << sentences[i];
        const HeadlineModel model = HeadlineModel::train(train, rules, knobs);
        for (const LabeledSentence &s : held)
            matrix.add(s.label, model.score(rules, s.text).label);
    }
    return matrix;
}

QString HeadlineModel::serialize() const
{
    return QString::fromUtf8(serializeUtf8());
}

QByteArray HeadlineModel::serializeUtf8() const
{
    QByteArray out("# Tickerwire sentence model: multinomial logistic regression over words, word pairs\n"
                   "# and the rule features. Generated by `tickerwire train-headlines` (see README.md here);\n"
                   "# do not edit by hand. Columns: feature, negative, neutral, positive.\n");
    out.reserve(out.size() + qsizetype(m_features.size()) * 40);
    auto row = [&](QByteArrayView name, const std::array<float, 3> &v) {
        out += name;
        for (float x : v) {
            out += '\t';
            appendNumber(out, x);
        }
        out += '\n';
    };
    row("<bias>", m_bias);
    for (size_t d = 0; d < kRuleFeatures; ++d)
        row(kRuleNames[d], m_rule[d]);
    for (const Feature &f : m_features)
        row(f.text.toUtf8(), f.weights);
    return out;
}

Result<HeadlineModel> HeadlineModel::parse(const QString &tsv)
{
    auto model = parseRows(tsv);
    if (model)
        model->m_digest = model->computeDigest();
    return model;
}

Result<HeadlineModel> HeadlineModel::parseRows(const QString &tsv)
{
    HeadlineModel model;
    // Lines and cells are read as views in place: splitting 19,000 lines into
    // lists cost more than reading their numbers.
    const QStringView text(tsv);
    qsizetype n = -1;
    for (qsizetype start = 0; start <= text.size();) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        const QStringView line = text.sliced(start, end - start);
        start = end + 1;
        ++n;
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        std::array<QStringView, 4> f;
        qsizetype cells = 0;
        for (qsizetype from = 0; from <= line.size() && cells <= 4;) {
            qsizetype tab = line.indexOf(u'\t', from);
            if (tab < 0)
                tab = line.size();
            if (cells < 4)
                f[size_t(cells)] = line.sliced(from, tab - from);
            ++cells;
            from = tab + 1;
        }
        if (cells != 4)
            return fail(QStringLiteral("headline model line %1: expected 4 columns").arg(n + 1));
        std::array<float, 3> v{};
        for (size_t k = 0; k < 3; ++k) {
            const std::optional<float> read = readNumber(f[k + 1]);
            if (!read)
                return fail(QStringLiteral("headline model line %1: bad number").arg(n + 1));
            v[k] = *read;
        }
        if (f[0] == QLatin1String("<bias>")) {
            model.m_bias = v;
            continue;
        }
        bool dense = false;
        for (size_t d = 0; d < kRuleFeatures; ++d) {
            if (f[0] == QLatin1String(kRuleNames[d])) {
                model.m_rule[d] = v;
                dense = true;
            }
        }
        if (!dense)
            model.m_features.push_back(Feature{f[0].toString(), v});
    }
    model.buildIndex();
    return model;
}

Result<const HeadlineModel *> HeadlineModel::builtIn()
{
    static const Result<HeadlineModel> model = loadDefault();
    if (!model)
        return model.error();
    return &model.value();
}

QString HeadlineModel::digestOf(const QByteArray &serialized)
{
    return QString::fromLatin1(QCryptographicHash::hash(serialized, QCryptographicHash::Sha256).toHex().left(8));
}

QString HeadlineModel::computeDigest() const
{
    return digestOf(serializeUtf8());
}

SentenceSentiment HeadlineModel::score(const SentimentScorer &rules, QStringView text) const
{
    SentenceSentiment s = rules.score(text);
    const Scores p = probabilities(text, s);
    size_t best = 0;
    for (size_t k = 1; k < 3; ++k)
        if (p[k] > p[best])
            best = k;
    s.label = SentimentLabel(best);
    // A text the model calls neutral moves nothing (its small leanings are noise).
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
    auto model = parseRows(QString::fromUtf8(file.readAll()));
    // The shipped file is the model's own serialization, byte for byte
    // (train-headlines writes it; tst_headlinemodel checks it), so its digest
    // is the file's, taken when the build was configured: every process that
    // scores no longer serializes and hashes the 58,000 weights to learn it.
    if (model)
        model->m_digest = QStringLiteral(TICKERWIRE_BUILTIN_HEADLINE_DIGEST);
    return model;
}

} // namespace tw
