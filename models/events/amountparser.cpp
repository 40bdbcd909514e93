#include "models/events/amountparser.h"

#include "models/events/sentencecontext.h"

#include <QRegularExpression>

namespace tw {

namespace {
const QString kCurrencyPrefix = QStringLiteral("(?:US\\$|\\$|€|£|(?:USD|EUR|GBP)\\s?)");
const QString kNumber = QStringLiteral("\\d+(?:,\\d{3})*(?:\\.\\d+)?");
// Word units may follow a space; letter units (B, M) must touch the number.
const QString kUnit =
    QStringLiteral("(?:[\\s\\x{00A0}]?(?:trillion|billion|million|thousand|bn|mn|tn)|[BMTk])(?![A-Za-z])");
const QString kCurrencySuffix = QStringLiteral("(?:\\s(?:US\\s)?(?:dollars|euros|pounds)\\b|\\s(?:USD|EUR|GBP)\\b)");

QString amountPattern(int n)
{
    return QStringLiteral("(?<c%1>%2)?(?<n%1>%3)(?<u%1>%4)?").arg(n).arg(kCurrencyPrefix, kNumber, kUnit);
}

const QRegularExpression &betweenPattern()
{
    static const QRegularExpression re(QStringLiteral("(?<![\\w.])between\\s+%1\\s+and\\s+%2(?<c3>%3)?")
                                           .arg(amountPattern(1), amountPattern(2), kCurrencySuffix));
    return re;
}

const QRegularExpression &rangePattern()
{
    static const QRegularExpression re(QStringLiteral("(?<![\\w.,])%1(?:\\s*(?:to|-|–|—)\\s*%2)?(?<c3>%3)?")
                                           .arg(amountPattern(1), amountPattern(2), kCurrencySuffix));
    return re;
}

const QRegularExpression &approximatePrefix()
{
    static const QRegularExpression re(QStringLiteral(
        "(?:about|around|roughly|approximately|nearly|almost|close to|some|more than|over|up to|~)\\s*$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

QString currencyCode(QString written)
{
    written = written.trimmed().toLower();
    if (written.isEmpty())
        return QString();
    if (written.contains(QLatin1Char('$')) || written.contains(QLatin1String("dollar")) || written == QLatin1String("usd"))
        return QStringLiteral("USD");
    if (written == QStringLiteral("€") || written.contains(QLatin1String("euro")) || written == QLatin1String("eur"))
        return QStringLiteral("EUR");
    if (written == QStringLiteral("£") || written.contains(QLatin1String("pound")) || written == QLatin1String("gbp"))
        return QStringLiteral("GBP");
    return QString();
}

QString unitName(QString written)
{
    written = written.trimmed();
    if (written.isEmpty())
        return QString();
    if (written == QLatin1String("B") || written.compare(QLatin1String("bn"), Qt::CaseInsensitive) == 0
        || written == QLatin1String("billion"))
        return QStringLiteral("billion");
    if (written == QLatin1String("M") || written == QLatin1String("mn") || written == QLatin1String("million"))
        return QStringLiteral("million");
    if (written == QLatin1String("T") || written == QLatin1String("tn") || written == QLatin1String("trillion"))
        return QStringLiteral("trillion");
    if (written == QLatin1String("k") || written == QLatin1String("thousand"))
        return QStringLiteral("thousand");
    return QString();
}

double numberValue(QString written)
{
    return written.remove(QLatin1Char(',')).toDouble();
}

bool approximateBefore(QStringView sentence, qsizetype start)
{
    return approximatePrefix().match(sentence.left(start).right(24)).hasMatch();
}

// Turns one match of either pattern into a mention, or nothing when it is
// not money (no currency anywhere in it).
std::optional<AmountMention> toMention(const QRegularExpressionMatch &m, QStringView sentence)
{
    QString currency;
    for (const char *group : {"c1", "c2", "c3"}) {
        currency = currencyCode(m.captured(QLatin1String(group)));
        if (!currency.isEmpty())
            break;
    }
    if (currency.isEmpty())
        return std::nullopt;
    const QString unit1 = unitName(m.captured(QStringLiteral("u1")));
    const QString unit2 = unitName(m.captured(QStringLiteral("u2")));
    const bool isRange = m.capturedStart(QStringLiteral("n2")) >= 0;
    // In "$115-$135 billion" and "between 115 and 135 billion" the unit is
    // written once, at the end, and applies to both figures.
    const QString unit = isRange && unit1.isEmpty() ? unit2 : unit1;
    if (isRange && !unit1.isEmpty() && !unit2.isEmpty() && unit1 != unit2)
        return std::nullopt;  // "$500 million to $1 billion": rare; skip rather than guess
    AmountMention mention;
    mention.amount.currency = currency;
    mention.amount.unit = unit;
    mention.amount.low = numberValue(m.captured(QStringLiteral("n1")));
    mention.amount.high = isRange ? numberValue(m.captured(QStringLiteral("n2"))) : *mention.amount.low;
    if (*mention.amount.high < *mention.amount.low)
        return std::nullopt;  // "5-3": a score or a date, not a range
    mention.amount.approximate = approximateBefore(sentence, m.capturedStart(0));
    mention.start = m.capturedStart(0);
    mention.length = m.capturedLength(0);
    return mention;
}
} // namespace

bool AmountParser::mayMentionMoney(const KeywordScreen &screen)
{
    // Every currency kCurrencyPrefix and kCurrencySuffix accept (€ and £
    // screen as $); a match without one is not money (toMention).
    return screen.mayContainAny({"$", "usd", "eur", "gbp", "dollars", "euros", "pounds"});
}

QList<AmountMention> AmountParser::money(QStringView sentence)
{
    QList<AmountMention> found;
    if (!mayMentionMoney(KeywordScreen(sentence)))
        return found;
    const QString text = sentence.toString();
    QList<std::pair<qsizetype, qsizetype>> taken;
    auto betweens = betweenPattern().globalMatch(text);
    while (betweens.hasNext()) {
        const auto m = betweens.next();
        if (auto mention = toMention(m, sentence)) {
            found << *mention;
            taken << std::pair{m.capturedStart(0), m.capturedEnd(0)};
        }
    }
    // Not globalMatch: when "2025 to $325 billion" is no range, the scan must
    // resume right after "2025" so that "$325 billion" is still read.
    for (qsizetype pos = 0; pos < text.size();) {
        const auto m = rangePattern().match(text, pos);
        if (!m.hasMatch())
            break;
        const bool overlaps = std::any_of(taken.cbegin(), taken.cend(), [&](const auto &span) {
            return m.capturedStart(0) < span.second && m.capturedEnd(0) > span.first;
        });
        auto mention = overlaps ? std::nullopt : toMention(m, sentence);
        if (mention) {
            found << *mention;
            pos = m.capturedEnd(0);
        } else {
            pos = m.capturedEnd(QStringLiteral("n1"));
        }
    }
    std::sort(found.begin(), found.end(), [](const AmountMention &a, const AmountMention &b) { return a.start < b.start; });
    return found;
}

QList<AmountMention> AmountParser::percentages(QStringView sentence)
{
    static const QRegularExpression re(
        QStringLiteral("(?<![\\w.])(?<n>\\d+(?:\\.\\d+)?)\\s?(?:%|percent\\b|per cent\\b)"));
    QList<AmountMention> found;
    auto it = re.globalMatch(sentence.toString());
    while (it.hasNext()) {
        const auto m = it.next();
        AmountMention mention;
        mention.amount.low = m.captured(QStringLiteral("n")).toDouble();
        mention.amount.high = mention.amount.low;
        mention.amount.unit = QStringLiteral("percent");
        mention.amount.approximate = approximateBefore(sentence, m.capturedStart(0));
        mention.start = m.capturedStart(0);
        mention.length = m.capturedLength(0);
        found << mention;
    }
    return found;
}

} // namespace tw
