#include "models/sentiment/sentimentscorer.h"

#include <algorithm>
#include <cmath>

namespace tw {

namespace {

constexpr int kRulesVersion = 4;

// A change with no metric in reach reads as "the thing the sentence is about
// went up/down", which in news is good/bad more often than not, but weaker.
constexpr double kUnboundOrientation = 0.6;
constexpr double kMeasuredOrientation = 1.0;   // ... unless it is measured in per cent: "Acme fell 2.1 %"
constexpr double kNegation = -0.8;
constexpr double kBeforeBut = 0.5;
constexpr double kAfterBut = 1.4;
constexpr double kConcessionClause = 0.4;
constexpr double kSignedFigure = 0.9;   // "(-5%)", "+1.5%" in a headline: the market's own verdict
constexpr double kComparison = 0.9;
constexpr double kDescriptive = 0.5;    // a polar verb that opens a relative clause: "products that improve safety"
constexpr double kQuestion = 0.5;       // "Is X a good stock to buy?" asserts nothing     // "to EUR 5 mn from EUR 8 mn" without a verb
constexpr double kHighlightFloor = 0.35;
constexpr double kFromBadState = 0.9;   // "up from a loss"
constexpr double kTopLineOutweighed = 0.35;   // "sales rose while operating profit fell": the profit decides
constexpr int kFigureAfter = 6;         // tokens from a comparison marker to its figure
constexpr int kFigureBefore = 10;       // tokens from a figure to the marker after it
constexpr int kComparisonMetricBack = 16;   // tokens from a compared figure's metric back to the marker
constexpr int kMetricBack = 6;          // tokens between a metric and the change after it
constexpr int kMetricAhead = 4;
constexpr int kMetricBackAcrossComma = 12;         // tokens between a change and the metric after it
constexpr int kNegationReach = 3;
constexpr int kIntensifierReach = 2;

struct Item {
    LexiconRole role;
    float value;
    qint32 begin;    // token range
    qint32 end;
    qint32 clause;
};

struct Contribution {
    double weight;
    double base;          // the weight before modifiers: what decides a highlight
    qint32 anchorBegin;   // the token range of the word that carries it (for modifiers)
    qint32 anchorEnd;
    qint32 spanBegin;     // the token range to highlight
    qint32 spanEnd;
    qint32 clause;
    qint32 metric;        // the item of the metric it moved, or -1
};

struct Scratch {
    std::vector<Token> tokens;
    std::vector<qint32> clauseOf;
    std::vector<qint32> itemAt;   // token -> item starting there, or -1
    std::vector<Item> items;
    std::vector<Contribution> contributions;
    std::vector<quint8> metricUsed;
    std::vector<quint8> qualified;   // a metric that names a part of another ("profit excluding costs")
    std::vector<quint8> oldState;    // a metric after "from"/"compared with": the state it moved from
};

const quint64 kOfHash = FinanceTokenizer::hashWord(u"of");
const quint64 kByHash = FinanceTokenizer::hashWord(u"by");
const quint64 kWhichHash = FinanceTokenizer::hashWord(u"which");
const quint64 kThatHash = FinanceTokenizer::hashWord(u"that");
const quint64 kWhoHash = FinanceTokenizer::hashWord(u"who");

bool isChange(LexiconRole r)
{
    return r == LexiconRole::Rise || r == LexiconRole::Fall || r == LexiconRole::RiseBefore
        || r == LexiconRole::FallBefore;
}
bool isMetric(LexiconRole r)
{
    return r == LexiconRole::GoodMetric || r == LexiconRole::BadMetric || r == LexiconRole::CostMetric
        || r == LexiconRole::GrowthMetric || r == LexiconRole::Level || r == LexiconRole::TopLineMetric;
}
bool isComparisonMarker(LexiconRole r)
{
    return r == LexiconRole::From || r == LexiconRole::To || r == LexiconRole::Versus;
}

// +1 for a metric whose figure is a profit, -1 for a loss, 0 for any other.
int profitOrLoss(const Item &m)
{
    if (m.role == LexiconRole::GoodMetric || m.role == LexiconRole::GrowthMetric || m.role == LexiconRole::TopLineMetric)
        return 1;
    if (m.role == LexiconRole::BadMetric || (m.role == LexiconRole::Level && m.value < 0))
        return -1;
    return 0;
}

// "EUR", "USD", "SEK": a currency written as its code.
bool isCurrencyCode(QStringView word)
{
    if (word.size() != 3)
        return false;
    for (QChar c : word)
        if (c < u'A' || c > u'Z')
            return false;
    return true;
}

// A figure that is a year ("from 2007 to 2008") compares nothing.
bool looksLikeYear(const Token &t) { return !t.percent && t.value >= 1950 && t.value <= 2050 && t.value == std::floor(t.value); }

} // namespace

QString sentimentLabelName(SentimentLabel label)
{
    switch (label) {
    case SentimentLabel::Negative: return QStringLiteral("negative");
    case SentimentLabel::Positive: return QStringLiteral("positive");
    case SentimentLabel::Neutral: break;
    }
    return QStringLiteral("neutral");
}

std::optional<SentimentLabel> parseSentimentLabel(QStringView name)
{
    if (name == u"positive")
        return SentimentLabel::Positive;
    if (name == u"negative")
        return SentimentLabel::Negative;
    if (name == u"neutral")
        return SentimentLabel::Neutral;
    return std::nullopt;
}

SentimentScorer::SentimentScorer(SentimentLexicon lexicon, SentimentTuning tuning)
    : m_lexicon(std::move(lexicon)), m_tuning(tuning)
{
}

Result<SentimentScorer> SentimentScorer::createDefault()
{
    auto lexicon = SentimentLexicon::loadDefault();
    if (!lexicon)
        return lexicon.error();
    return SentimentScorer(std::move(*lexicon));
}

Result<const SentimentScorer *> SentimentScorer::builtIn()
{
    static const Result<SentimentScorer> scorer = createDefault();
    if (!scorer)
        return scorer.error();
    return &scorer.value();
}

QString SentimentScorer::modelVersion() const
{
    return QStringLiteral("rules-%1+lex-%2").arg(kRulesVersion).arg(m_lexicon.digest());
}

SentenceSentiment SentimentScorer::score(QStringView sentence) const
{
    thread_local Scratch s;
    s.tokens.clear();
    FinanceTokenizer::tokenize(sentence, s.tokens);
    const auto &tokens = s.tokens;
    const qint32 n = qint32(tokens.size());

    // 1. Lexicon items, longest phrase first, and clauses.
    s.items.clear();
    s.clauseOf.assign(size_t(n), 0);
    s.itemAt.assign(size_t(n), -1);
    qint32 clause = 0;
    for (qint32 i = 0; i < n;) {
        const LexiconMatch m = m_lexicon.longestMatch(tokens, size_t(i));
        if (m.entry) {
            const LexiconRole role = m.entry->role;
            if (role == LexiconRole::ContrastBut || role == LexiconRole::Concession || role == LexiconRole::Clause)
                ++clause;
            s.itemAt[size_t(i)] = qint32(s.items.size());
            s.items.push_back(Item{role, m.entry->value, i, i + m.tokens, clause});
            for (qint32 k = i; k < i + m.tokens; ++k)
                s.clauseOf[size_t(k)] = clause;
            i += m.tokens;
            continue;
        }
        s.clauseOf[size_t(i)] = clause;
        if (tokens[size_t(i)].boundary)
            ++clause;
        ++i;
    }
    const auto &items = s.items;
    const qint32 itemCount = qint32(items.size());
    s.metricUsed.assign(size_t(itemCount), 0);
    s.qualified.assign(size_t(itemCount), 0);
    s.oldState.assign(size_t(itemCount), 0);
    s.contributions.clear();
    for (qint32 k = 0; k + 1 < itemCount; ++k) {
        const Item &it = items[size_t(k)];
        const Item &next = items[size_t(k + 1)];
        if (!isMetric(next.role) || next.clause != it.clause || next.begin - it.end > 3)
            continue;
        // "operating profit excluding one-off costs rose": the costs name which profit.
        if (it.role == LexiconRole::Qualifier)
            s.qualified[size_t(k + 1)] = 1;
        // "up from EUR 1.2 mn loss", "compared with a loss of": where the metric came from.
        else if (it.role == LexiconRole::From || it.role == LexiconRole::Versus)
            s.oldState[size_t(k + 1)] = 1;
    }

    auto findMetric = [&](qint32 from, bool ahead, qint32 reach, qint32 anchorToken, qint32 anchorClause,
                          qint32 firstClause) -> qint32 {
        if (ahead) {
            for (qint32 j = from + 1; j < itemCount; ++j) {
                const Item &it = items[size_t(j)];
                // "up from a loss": what follows "from" is the old state, not the metric moved
                if (it.begin - anchorToken > reach || it.clause != anchorClause || isChange(it.role)
                    || it.role == LexiconRole::From || it.role == LexiconRole::Versus)
                    return -1;
                if (isMetric(it.role) && !s.qualified[size_t(j)])
                    return j;
            }
        } else {
            for (qint32 j = from - 1; j >= 0; --j) {
                const Item &it = items[size_t(j)];
                if (anchorToken - it.end > reach || it.clause > anchorClause || it.clause < firstClause)
                    return -1;
                if (isMetric(it.role) && !s.qualified[size_t(j)] && !s.oldState[size_t(j)]) {
                    // "the value of its property portfolio increased": the metric
                    // that heads an "of" phrase is the one that moved.
                    if (j > 0) {
                        const Item &head = items[size_t(j - 1)];
                        if (isMetric(head.role) && head.clause == it.clause && it.begin - head.end <= 6
                            && !s.qualified[size_t(j - 1)] && !s.oldState[size_t(j - 1)]
                            && tokens[size_t(head.end)].hash == kOfHash)
                            return j - 1;
                    }
                    return j;
                }
            }
        }
        return -1;
    };
    auto orientationOf = [&](qint32 metric) {
        if (metric < 0)
            return kUnboundOrientation;
        const Item &m = items[size_t(metric)];
        s.metricUsed[size_t(metric)] = 1;
        if (m.role == LexiconRole::Level)   // "reported a loss of EUR 2 mn, compared with EUR 5 mn"
            return m.value < 0 ? -1.0 : 1.0;
        const bool good = m.role == LexiconRole::GoodMetric || m.role == LexiconRole::GrowthMetric
                       || m.role == LexiconRole::TopLineMetric;
        return (good ? 1.0 : -1.0) * m.value;
    };
    auto addContribution = [&](double w, qint32 anchorBegin, qint32 anchorEnd, qint32 metric, qint32 clauseId) {
        qint32 spanBegin = anchorBegin, spanEnd = anchorEnd;
        if (metric >= 0) {
            spanBegin = std::min(spanBegin, items[size_t(metric)].begin);
            spanEnd = std::max(spanEnd, items[size_t(metric)].end);
        }
        s.contributions.push_back(
            Contribution{w, std::abs(w), anchorBegin, anchorEnd, spanBegin, spanEnd, clauseId, metric});
    };

    // 2. Changes, read against the metric they move.
    for (qint32 k = 0; k < itemCount; ++k) {
        const Item &it = items[size_t(k)];
        if (!isChange(it.role))
            continue;
        const bool up = it.role == LexiconRole::Rise || it.role == LexiconRole::RiseBefore;
        const bool namesAfter = it.role == LexiconRole::RiseBefore || it.role == LexiconRole::FallBefore;
        qint32 metric = namesAfter ? findMetric(k, true, kMetricAhead, it.end, it.clause, it.clause)
                                   : findMetric(k, false, kMetricBack, it.begin, it.clause, it.clause);
        // "hit by increased freight costs": a verb form used as an adjective
        // moves the metric right after it.
        if (!namesAfter && k + 1 < itemCount) {
            const Item &next = items[size_t(k + 1)];
            if (isMetric(next.role) && next.clause == it.clause && !s.qualified[size_t(k + 1)]
                && (next.begin == it.end
                    || (next.begin == it.end + 1 && tokens[size_t(it.end)].kind == TokenKind::Word
                        && s.itemAt[size_t(it.end)] < 0)))
                metric = k + 1;
        }
        if (metric < 0)
            metric = namesAfter ? findMetric(k, false, kMetricBack, it.begin, it.clause, it.clause)
                                : findMetric(k, true, kMetricAhead, it.end, it.clause, it.clause);
        // "Net profit came to EUR 4.4 mn , up from EUR 1.1 mn": a change that
        // opens a clause after a comma reads against the clause before.
        if (metric < 0 && !namesAfter && it.begin > 0 && sentence[tokens[size_t(it.begin - 1)].start] == u',')
            metric = findMetric(k, false, kMetricBackAcrossComma, it.begin, it.clause, it.clause - 1);
        // "raised EUR 200 million", "raised $10.5 billion in a bond sale":
        // money raised, not a metric moved.
        if (metric < 0 && it.role == LexiconRole::RiseBefore && it.end < n
            && (tokens[size_t(it.end)].kind == TokenKind::Currency || tokens[size_t(it.end)].kind == TokenKind::Number
                || (it.end + 1 < n && tokens[size_t(it.end + 1)].kind == TokenKind::Number
                    && isCurrencyCode(sentence.mid(tokens[size_t(it.end)].start, tokens[size_t(it.end)].length)))))
            continue;
        // "a pretax loss of EUR 3.3 mn , down from a profit of EUR 1.8 mn":
        // a loss now where there was a profit is bad news, whichever way the figures moved.
        const qint32 fromItem = k + 1 < itemCount && items[size_t(k + 1)].role == LexiconRole::From
                                    && items[size_t(k + 1)].begin == it.end ? k + 1 : -1;
        if (metric >= 0 && fromItem >= 0 && fromItem + 1 < itemCount && s.oldState[size_t(fromItem + 1)]) {
            const int nowSide = profitOrLoss(items[size_t(metric)]);
            if (nowSide != 0 && profitOrLoss(items[size_t(fromItem + 1)]) == -nowSide) {
                s.metricUsed[size_t(metric)] = 1;
                s.metricUsed[size_t(fromItem + 1)] = 1;
                addContribution(nowSide * it.value, it.begin, it.end, metric, it.clause);
                continue;
            }
        }
        // "Acme fell 2.1 % to EUR 12.30": a change measured in per cent is a
        // move of the thing the sentence is about (its share, its business),
        // as plain a verdict as a named metric.
        double orientation = orientationOf(metric);
        if (metric < 0) {
            qint32 j = it.end;
            if (j < n && tokens[size_t(j)].hash == kByHash)
                ++j;
            if (j < n && tokens[size_t(j)].kind == TokenKind::Number && tokens[size_t(j)].percent)
                orientation = kMeasuredOrientation;
        }
        const double w = (up ? 1.0 : -1.0) * it.value * orientation;
        addContribution(w, it.begin, it.end, metric, it.clause);
        // "lowered its outlook for cloud revenue growth": the metrics that
        // qualify the one it moved are moved with it, not news of their own.
        for (qint32 j = metric + 1; metric > k && j < itemCount; ++j) {
            const Item &next = items[size_t(j)];
            if (next.clause != it.clause || isChange(next.role) || next.begin - items[size_t(j - 1)].end > kMetricAhead)
                break;
            if (isMetric(next.role))
                s.metricUsed[size_t(j)] = 1;
        }
    }

    // 3. Changes read from figures: "to EUR 5 mn from EUR 8 mn", "0.25 versus 0.42".
    // "compared with a loss of EUR 6.0 mn": the figure may follow a few words.
    auto figureAfter = [&](qint32 token) -> qint32 {
        for (qint32 j = token; j < n && j < token + kFigureAfter; ++j) {
            const Token &t = tokens[size_t(j)];
            if (t.kind == TokenKind::Number)
                return looksLikeYear(t) ? -1 : j;
            if (t.boundary || (s.itemAt[size_t(j)] >= 0 && isComparisonMarker(items[size_t(s.itemAt[size_t(j)])].role)))
                return -1;
        }
        return -1;
    };
    auto figureBefore = [&](qint32 token) -> qint32 {
        for (qint32 j = token - 1; j >= 0 && j >= token - kFigureBefore; --j) {
            const Token &t = tokens[size_t(j)];
            // "EUR 61.2 mn in the second quarter of 2025 , compared with EUR 58.9 mn":
            // the year dates the figure before it
            if (t.kind == TokenKind::Number && looksLikeYear(t))
                continue;
            if (t.kind == TokenKind::Number)
                return j;
            // the comma before the marker
            if (t.boundary && !(j == token - 1 && sentence[t.start] == u','))
                return -1;
        }
        return -1;
    };
    auto figureValue = [&](qint32 token) {
        double v = tokens[size_t(token)].value;
        if (token + 1 < n && s.itemAt[size_t(token + 1)] >= 0) {
            const Item &next = items[size_t(s.itemAt[size_t(token + 1)])];
            if (next.role == LexiconRole::Scale)
                v *= next.value;
        }
        return v;
    };
    auto changeNearby = [&](qint32 item) {
        for (qint32 j = item - 1; j >= 0 && items[size_t(item)].begin - items[size_t(j)].end <= 8; --j) {
            if (items[size_t(j)].clause == items[size_t(item)].clause && isChange(items[size_t(j)].role))
                return true;
        }
        return false;
    };
    bool comparedFigures = false;
    for (qint32 k = 0; k < itemCount; ++k) {
        const Item &it = items[size_t(k)];
        qint32 newer = -1, older = -1;
        qint32 end = it.end;
        qint32 oldFrom = it.end;   // where the older figure's words start
        if (it.role == LexiconRole::Versus) {
            newer = figureBefore(it.begin);
            older = figureAfter(it.end);
        } else if (it.role == LexiconRole::To || it.role == LexiconRole::From) {
            const qint32 first = figureAfter(it.end);
            if (first < 0)
                continue;
            // The partner marker within a few tokens after the first figure.
            for (qint32 j = k + 1; j < itemCount && items[size_t(j)].begin - first <= 6; ++j) {
                const Item &partner = items[size_t(j)];
                const bool pairs = (it.role == LexiconRole::To && partner.role == LexiconRole::From)
                                || (it.role == LexiconRole::From && partner.role == LexiconRole::To);
                if (!pairs)
                    continue;
                const qint32 second = figureAfter(partner.end);
                if (second >= 0) {
                    newer = it.role == LexiconRole::To ? first : second;
                    older = it.role == LexiconRole::To ? second : first;
                    oldFrom = it.role == LexiconRole::To ? partner.end : it.end;
                    end = partner.end;
                    k = j;   // the pair is used up
                }
                break;
            }
        } else {
            continue;
        }
        if (newer < 0 || older < 0 || tokens[size_t(newer)].percent != tokens[size_t(older)].percent
            || changeNearby(k))
            continue;
        const double a = figureValue(newer), b = figureValue(older);
        if (a == b)
            continue;
        // "The operating loss totalled EUR 7.0 mn , compared to a loss of EUR 3.0 mn":
        // the metric may be in the clause before the comma.
        const bool afterComma = it.begin > 0 && sentence[tokens[size_t(it.begin - 1)].start] == u',';
        const qint32 metric = findMetric(k, false, kComparisonMetricBack, it.begin, it.clause, afterComma ? it.clause - 1 : it.clause);
        comparedFigures = true;
        // "a loss of EUR 2.4 mn , compared with a profit of EUR 6.1 mn": figures
        // of a loss and of a profit have opposite signs, whatever their sizes.
        qint32 oldMetric = -1;
        for (qint32 j = k + 1; j < itemCount && items[size_t(j)].end <= older; ++j)
            if (items[size_t(j)].begin >= oldFrom && isMetric(items[size_t(j)].role)) {
                oldMetric = j;
                break;
            }
        const int newSide = metric >= 0 ? profitOrLoss(items[size_t(metric)]) : 0;
        const int oldSide = oldMetric >= 0 ? profitOrLoss(items[size_t(oldMetric)]) : 0;
        if (newSide != 0 && oldSide == -newSide) {
            s.metricUsed[size_t(metric)] = 1;
            s.metricUsed[size_t(oldMetric)] = 1;
            addContribution(newSide * kComparison, it.begin, end, metric, it.clause);
            continue;
        }
        const double w = (a > b ? 1.0 : -1.0) * kComparison * orientationOf(metric);
        addContribution(w, it.begin, end, metric, it.clause);
    }

    // "solutions which improve processes": a relative clause says what a
    // product or a company does, which is description more than news.
    auto opensRelativeClause = [&](qint32 token) {
        if (token == 0)
            return false;
        const quint64 h = tokens[size_t(token - 1)].hash;
        return h == kWhichHash || h == kThatHash || h == kWhoHash;
    };

    // 4. Polar phrases, signed figures, and bad metrics nobody moved ("net loss of EUR 2 mn").
    for (qint32 k = 0; k < itemCount; ++k) {
        const Item &it = items[size_t(k)];
        const bool unmoved = !s.metricUsed[size_t(k)] && !s.qualified[size_t(k)];
        if (it.role == LexiconRole::Polar)
            addContribution(opensRelativeClause(it.begin) ? it.value * kDescriptive : it.value, it.begin, it.end, -1,
                            it.clause);
        else if (it.role == LexiconRole::Level && unmoved && !s.oldState[size_t(k)])
            addContribution(it.value, it.begin, it.end, -1, it.clause);
        // "swung to a profit from a loss", "up from a loss": away from a loss
        // is good news, unless figures say how the loss itself moved.
        else if (it.role == LexiconRole::BadMetric && unmoved && s.oldState[size_t(k)] && !comparedFigures)
            addContribution(it.value * kFromBadState, it.begin, it.end, -1, it.clause);
        else if (it.role == LexiconRole::BadMetric && unmoved && !s.oldState[size_t(k)])
            addContribution(-it.value * 0.5, it.begin, it.end, -1, it.clause);
        else if (it.role == LexiconRole::GrowthMetric && unmoved)
            addContribution(it.value * 0.6, it.begin, it.end, -1, it.clause);
    }
    for (qint32 i = 0; i < n; ++i) {
        const Token &t = tokens[size_t(i)];
        if (t.kind == TokenKind::Number && t.signedFigure && t.percent && t.value != 0)
            addContribution(t.value > 0 ? kSignedFigure : -kSignedFigure, i, i + 1, -1, s.clauseOf[size_t(i)]);
    }

    // 5. Modifiers: negation, intensifiers, hedges, contrast.
    qint32 butAt = -1;
    for (const Item &it : items)
        if (it.role == LexiconRole::ContrastBut)
            butAt = it.begin;   // the last "but" decides what the sentence concludes
    double total = 0, evidence = 0;
    for (Contribution &c : s.contributions) {
        for (const Item &it : items) {
            if (it.clause != c.clause)
                continue;
            switch (it.role) {
            case LexiconRole::Negator:
                if (it.end <= c.anchorBegin && c.anchorBegin - it.end < kNegationReach)
                    c.weight *= kNegation;
                break;
            case LexiconRole::Intensifier:
                if ((it.end <= c.anchorBegin && c.anchorBegin - it.end < kIntensifierReach)
                    || (it.begin >= c.anchorEnd && it.begin - c.anchorEnd < kIntensifierReach))
                    c.weight *= it.value;
                break;
            case LexiconRole::Hedge:
                if (it.end <= c.anchorBegin)
                    c.weight *= it.value;
                break;
            case LexiconRole::Concession:
                c.weight *= kConcessionClause;
                break;
            default:
                break;
            }
        }
        if (butAt >= 0)
            c.weight *= c.anchorBegin < butAt ? kBeforeBut : kAfterBut;
    }
    // The bottom line outweighs the top line: when a profit (or a loss) moved
    // one way and sales the other, the sentence is about the profit.
    auto movedMetricRole = [&](const Contribution &c) {
        return c.metric >= 0 ? items[size_t(c.metric)].role : LexiconRole::Polar;
    };
    bool bottomUp = false, bottomDown = false;
    for (const Contribution &c : s.contributions) {
        const LexiconRole r = movedMetricRole(c);
        const bool bottomLine = (r == LexiconRole::GoodMetric && items[size_t(c.metric)].value > 0)
                             || r == LexiconRole::BadMetric || r == LexiconRole::Level;
        if (bottomLine) {
            bottomUp = bottomUp || c.weight > 0;
            bottomDown = bottomDown || c.weight < 0;
        }
    }
    for (Contribution &c : s.contributions) {
        if (movedMetricRole(c) == LexiconRole::TopLineMetric && ((c.weight > 0 && bottomDown) || (c.weight < 0 && bottomUp)))
            c.weight *= kTopLineOutweighed;
        total += c.weight;
        evidence += std::abs(c.weight);
    }

    for (const Token &t : tokens) {
        if (t.kind == TokenKind::Punct && sentence[t.start] == u'?') {
            total *= kQuestion;
            break;
        }
    }

    // 6. Normalise, label, explain.
    SentenceSentiment result;
    result.score = total / std::sqrt(total * total + m_tuning.saturation);
    if (result.score >= m_tuning.positiveThreshold)
        result.label = SentimentLabel::Positive;
    else if (result.score <= -m_tuning.negativeThreshold)
        result.label = SentimentLabel::Negative;
    const double agreement = evidence > 0 ? std::abs(total) / evidence : 1.0;
    if (result.label == SentimentLabel::Neutral) {
        const double threshold = result.score >= 0 ? m_tuning.positiveThreshold : m_tuning.negativeThreshold;
        result.confidence = 0.5 + 0.4 * (1.0 - std::abs(result.score) / threshold) - (evidence > 0 ? 0.1 : 0.0);
    } else {
        result.confidence = std::abs(result.score) * (0.5 + 0.5 * agreement);
    }
    result.confidence = std::clamp(result.confidence, 0.0, 1.0);
    for (const Contribution &c : s.contributions) {
        // Weak evidence ("deal", "agreement") counts but is not worth a
        // highlight; a strong phrase a concession or hedge damps still is.
        if (c.base < kHighlightFloor || std::abs(c.weight) < 1e-3)
            continue;
        const Token &first = tokens[size_t(c.spanBegin)];
        const Token &last = tokens[size_t(c.spanEnd - 1)];
        result.spans.append(SentimentSpan{first.start, last.start + last.length - first.start, c.weight});
    }
    std::sort(result.spans.begin(), result.spans.end(),
              [](const SentimentSpan &a, const SentimentSpan &b) { return a.start < b.start; });
    return result;
}

} // namespace tw
