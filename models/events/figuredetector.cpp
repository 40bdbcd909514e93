#include "models/events/amountparser.h"
#include "models/events/eventdetectors.h"

#include <QRegularExpression>

namespace tw {

namespace {
struct MetricCue {
    QString metric;
    QRegularExpression pattern;
};

const QList<MetricCue> &metricCues()
{
    static const QList<MetricCue> cues{
        {QStringLiteral("capex"),
         QRegularExpression(QStringLiteral(
             "\\b(?:capital expenditures?|capex|capital spending|capital outlays?|infrastructure spending|"
             "(?:spend(?:ing)?|invest(?:ing|ment)?)\\b[^.;]{0,60}?\\b(?:infrastructure|data cent(?:re|er)s)|"
             "spending (?:plan|outlook|forecast|guidance))\\b"),
                            QRegularExpression::CaseInsensitiveOption)},
        {QStringLiteral("revenue"),
         QRegularExpression(QStringLiteral("\\b(?:revenue|revenues|sales)\\b"), QRegularExpression::CaseInsensitiveOption)},
        {QStringLiteral("expenses"),
         QRegularExpression(QStringLiteral("\\b(?:total expenses|operating expenses|expenses|costs)\\b"),
                            QRegularExpression::CaseInsensitiveOption)},
    };
    return cues;
}

const QString kMetricWords = QStringLiteral(
    "(?:capital expenditures?|capex|capital spending|revenue|revenues|sales|expenses|total expenses|operating expenses)");

// The metric named closest to the amount, or empty.
QString metricNear(const QString &text, qsizetype start, qsizetype end)
{
    QString best;
    qsizetype bestDistance = 200;
    for (const MetricCue &cue : metricCues()) {
        for (auto it = cue.pattern.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const qsizetype distance = m.capturedEnd(0) <= start ? start - m.capturedEnd(0)
                                       : m.capturedStart(0) >= end ? m.capturedStart(0) - end
                                                                   : 0;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = cue.metric;
            }
        }
    }
    return best;
}

// The year a figure is for: "$72 billion in 2025", "$115bn-$135bn of
// AI-related capital expenditure in 2026", "2026 AI capex guidance at ...",
// "this year". 0 when the text does not say.
int periodYear(const QString &text, qsizetype start, qsizetype end, int publishedYear, int previousYear)
{
    static const QRegularExpression yearEarlier(
        QStringLiteral("^[^,;$€£]{0,20}?\\b(?:a year earlier|a year before|the year before|the previous year|"
                       "the prior year)\\b"));
    static const QRegularExpression yearAfter(QStringLiteral(
        "^[^,;$€£]{0,50}?\\b(?:in|for|during|over)\\s+(?:fiscal\\s+(?:year\\s+)?|FY\\s?)?((?:19|20)\\d\\d)\\b"));
    static const QRegularExpression relativeAfter(QStringLiteral("^[^,;$€£]{0,50}?\\b(this|next|last) year\\b"));
    static const QRegularExpression yearBefore(
        QStringLiteral("\\b(?:FY\\s?)?((?:19|20)\\d\\d)\\s+(?:AI[- ]related\\s+|AI\\s+)?%1\\b[^$€£]{0,80}$").arg(kMetricWords),
        QRegularExpression::CaseInsensitiveOption);
    // "For 2026, Meta expects ..." opens the sentence or a clause; a mid-
    // sentence "in 2025, up from $39bn" belongs to the figure before it.
    static const QRegularExpression forYearBefore(
        QStringLiteral("(?:^|[;:]\\s*)(?:For|for|In|in) ((?:19|20)\\d\\d),[^$€£]{0,60}$"));

    const QString after = text.mid(end, 80);
    if (previousYear > 0 && yearEarlier.match(after).hasMatch())
        return previousYear - 1;  // "$72 billion in 2025, up from $39.2 billion a year earlier"
    if (const auto m = yearAfter.match(after); m.hasMatch())
        return m.captured(1).toInt();
    if (const auto m = relativeAfter.match(after); m.hasMatch()) {
        const QString which = m.captured(1);
        return publishedYear + (which == QLatin1String("next") ? 1 : which == QLatin1String("last") ? -1 : 0);
    }
    const QString before = text.left(start);
    if (const auto m = yearBefore.match(before); m.hasMatch())
        return m.captured(1).toInt();
    if (const auto m = forYearBefore.match(before); m.hasMatch())
        return m.captured(1).toInt();
    return 0;
}

// The quarter a figure is for ("for the third quarter of fiscal 2027",
// "in the current quarter", "Q2"), as {year, quarter}; quarter 0 when the
// text names none. Commas may intervene ("$54 billion, plus or minus 2%,
// for the third quarter"). Fiscal quarters keep the company's numbering.
std::pair<int, int> quarterOf(const QString &text, qsizetype end, QDate published)
{
    static const QRegularExpression quarter(QStringLiteral(
        "^[^;$€£]{0,60}?\\b(?:for|in|during) (?:the |its )?(?:(?<ordinal>first|second|third|fourth|1st|2nd|3rd|4th) "
        "(?:fiscal )?quarter|(?<relative>current|this|next|coming) (?:fiscal )?quarter|(?:fiscal )?Q(?<q>[1-4]))"
        "(?: of (?:fiscal )?(?:year )?(?<year>(?:19|20)\\d\\d))?"));
    const auto m = quarter.match(text.mid(end, 100));
    if (!m.hasMatch())
        return {0, 0};
    const int publishedQuarter = (published.month() - 1) / 3 + 1;
    int year = m.captured(QStringLiteral("year")).isEmpty() ? published.year() : m.captured(QStringLiteral("year")).toInt();
    int q = 0;
    static const QStringList ordinals{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third"),
                                      QStringLiteral("fourth")};
    static const QStringList numerals{QStringLiteral("1st"), QStringLiteral("2nd"), QStringLiteral("3rd"), QStringLiteral("4th")};
    const QString ordinal = m.captured(QStringLiteral("ordinal"));
    if (!ordinal.isEmpty())
        q = int(std::max(ordinals.indexOf(ordinal), numerals.indexOf(ordinal))) + 1;
    else if (!m.captured(QStringLiteral("q")).isEmpty())
        q = m.captured(QStringLiteral("q")).toInt();
    else if (m.captured(QStringLiteral("relative")) == QLatin1String("current")
             || m.captured(QStringLiteral("relative")) == QLatin1String("this"))
        q = publishedQuarter;
    else {
        q = publishedQuarter % 4 + 1;
        if (q == 1)
            ++year;
    }
    return {year, q};
}

QString revisionIn(const QString &text)
{
    static const QRegularExpression revision(QStringLiteral(
        "\\b(?<verb>rais|lift|increas|cut|lower|reduc|trim|reaffirm|reiterat|maintain)\\w*\\s+(?:its\\s+|the\\s+)?"
        "(?:(?:19|20)\\d\\d\\s+)?(?:[\\w-]+\\s+){0,3}?(?:guidance|forecast|outlook|target|capex|capital expenditure|"
        "spending plan)\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    const auto m = revision.match(text);
    if (!m.hasMatch())
        return QString();
    const QString verb = m.captured(QStringLiteral("verb")).toLower();
    if (verb == QLatin1String("rais") || verb == QLatin1String("lift") || verb == QLatin1String("increas"))
        return QStringLiteral("raised");
    if (verb == QLatin1String("reaffirm") || verb == QLatin1String("reiterat") || verb == QLatin1String("maintain"))
        return QStringLiteral("reaffirmed");
    return QStringLiteral("cut");
}

} // namespace

namespace detect {

bool mayStateFigures(const KeywordScreen &screen)
{
    // A figure is money with a metric named near it (metricCues).
    return AmountParser::mayMentionMoney(screen)
        && screen.mayContainAny({"capital", "capex", "spend", "invest", "revenue", "sales", "expenses", "costs"});
}

QList<ExtractedEvent> figures(const SentenceContext &s)
{
    static const QRegularExpression guidanceCue(QStringLiteral(
        "\\b(?:guid(?:e|es|ed|ing|ance)|outlook|forecasts?|forecasted|expects?|expected|projects?|projected|"
        "plans?|planned|anticipates?|sees|targets?|reaffirm\\w*|reiterat\\w*)\\b"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression actualCue(QStringLiteral(
        "\\b(?:spent|reached|came to|totall?ed|amounted to|laid out|reported|was|were|spending of|rose to|grew to)\\b"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression midpoint(QStringLiteral("midpoint(?: of)?[^$€£]{0,12}$"),
                                             QRegularExpression::CaseInsensitiveOption);

    // What analysts expected, or "better than expected", is not what the
    // company guided.
    static const QRegularExpression someoneElse(
        QStringLiteral("\\b(?:analysts?|analysts'|Wall Street|investors|consensus|economists|the market|than|as)\\s+"
                       "(?:had\\s+)?$"),
        QRegularExpression::CaseInsensitiveOption);

    static const QRegularExpression previousFigure(QStringLiteral("\\b(?:up |down )?from\\s+(?:about\\s+|roughly\\s+)?$"));

    QList<ExtractedEvent> found;
    if (!mayStateFigures(s.screen))
        return found;
    bool guides = false;
    for (auto it = guidanceCue.globalMatch(s.text); it.hasNext() && !guides;) {
        const auto cue = it.next();
        guides = !someoneElse.match(s.text.left(cue.capturedStart(0)).right(30)).hasMatch();
    }
    const bool reports = actualCue.match(s.text).hasMatch();
    if (!guides && !reports)
        return found;
    const int publishedYear = s.published.year();
    int previousYear = 0;
    for (const AmountMention &a : AmountParser::money(s.text)) {
        if (a.amount.unit.isEmpty())
            continue;  // "a $5 phone case": no company guides in single dollars
        if (midpoint.match(s.text.left(a.start)).hasMatch())
            continue;  // the midpoint restates a range already read
        const QString metric = metricNear(s.text, a.start, a.start + a.length);
        if (metric.isEmpty())
            continue;
        int year = periodYear(s.text, a.start, a.start + a.length, publishedYear, previousYear);
        const auto [quarterYear, quarter] = quarterOf(s.text, a.start + a.length, s.published);
        const int publishedQuarter = (s.published.month() - 1) / 3 + 1;
        bool past = year > 0 && year < publishedYear;
        if (quarter > 0) {
            year = quarterYear;
            past = year < publishedYear || (year == publishedYear && quarter < publishedQuarter);
        }
        previousYear = year;
        if (past ? !reports : !guides)
            continue;
        if (!past && previousFigure.match(s.text.left(a.start)).hasMatch())
            continue;  // "raised ... to $85 billion from $75 billion": the old figure is not news
        bool named = false;
        const QString ticker = s.actorBefore(a.start, &named);
        if (ticker.isEmpty())
            continue;
        ExtractedEvent e;
        e.ticker = ticker;
        e.kind = past ? EventKind::Actual : EventKind::Guidance;
        e.metric = metric;
        e.amount = a.amount;
        e.periodInferred = year <= 0;
        e.amount.period = QString::number(year > 0 ? year : publishedYear)
                          + (quarter > 0 ? QStringLiteral("-Q%1").arg(quarter) : QString());
        e.sentenceStart = s.offset;
        e.sentenceEnd = s.offset + s.text.size();
        // Guidance is dated when it was given (the article, or a date the text
        // names); a year alone is the period it covers.
        e.date = s.dateNear(a.start);
        if (past) {
            e.title = QStringLiteral("%1 %2 %3: %4 (reported)").arg(ticker, e.amount.period, metric, e.amount.moneyText());
            e.confidence = std::min(0.9, 0.7 + (named ? 0.1 : 0.0));
        } else {
            e.subject = revisionIn(s.text);
            const QString verb = e.subject == QLatin1String("raised")       ? QStringLiteral("raises")
                                 : e.subject == QLatin1String("cut")        ? QStringLiteral("cuts")
                                 : e.subject == QLatin1String("reaffirmed") ? QStringLiteral("reaffirms")
                                                                            : QStringLiteral("guides");
            e.title = verb == QLatin1String("guides")
                          ? QStringLiteral("%1 guides %2 %3 to %4").arg(ticker, e.amount.period, metric, e.amount.moneyText())
                          : QStringLiteral("%1 %2 %3 %4 guidance to %5")
                                .arg(ticker, verb, e.amount.period, metric, e.amount.moneyText());
            e.confidence = std::min(0.9, 0.7 + (named ? 0.1 : 0.0) - (year > 0 ? 0.0 : 0.1));
        }
        found << e;
    }
    return found;
}

} // namespace detect

} // namespace tw
