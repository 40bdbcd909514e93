#include "models/sentiment/sentimentevaluation.h"

namespace tw {

Result<QList<LabeledSentence>> parseLabeledSentences(const QString &tsv)
{
    QList<LabeledSentence> sentences;
    const QStringList lines = tsv.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QStringView line(lines[n]);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        const qsizetype tab = line.indexOf(u'\t');
        if (tab < 0)
            return fail(QStringLiteral("line %1: expected label<TAB>sentence").arg(n + 1));
        const auto label = parseSentimentLabel(line.left(tab).trimmed());
        if (!label)
            return fail(QStringLiteral("line %1: unknown label '%2' (positive, negative or neutral)")
                            .arg(n + 1)
                            .arg(line.left(tab).toString()));
        sentences.append(LabeledSentence{*label, line.mid(tab + 1).toString()});
    }
    return sentences;
}

qint64 ConfusionMatrix::total() const
{
    qint64 sum = 0;
    for (const auto &row : m_counts)
        for (qint64 c : row)
            sum += c;
    return sum;
}

qint64 ConfusionMatrix::support(SentimentLabel gold) const
{
    qint64 sum = 0;
    for (qint64 c : m_counts[size_t(gold)])
        sum += c;
    return sum;
}

double ConfusionMatrix::accuracy() const
{
    const qint64 all = total();
    if (all == 0)
        return 0;
    qint64 right = 0;
    for (size_t i = 0; i < 3; ++i)
        right += m_counts[i][i];
    return double(right) / double(all);
}

double ConfusionMatrix::precision(SentimentLabel label) const
{
    qint64 predicted = 0;
    for (size_t g = 0; g < 3; ++g)
        predicted += m_counts[g][size_t(label)];
    return predicted == 0 ? 0.0 : double(count(label, label)) / double(predicted);
}

double ConfusionMatrix::recall(SentimentLabel label) const
{
    const qint64 gold = support(label);
    return gold == 0 ? 0.0 : double(count(label, label)) / double(gold);
}

double ConfusionMatrix::f1(SentimentLabel label) const
{
    const double p = precision(label), r = recall(label);
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

double ConfusionMatrix::macroF1() const
{
    return (f1(SentimentLabel::Negative) + f1(SentimentLabel::Neutral) + f1(SentimentLabel::Positive)) / 3.0;
}

} // namespace tw
