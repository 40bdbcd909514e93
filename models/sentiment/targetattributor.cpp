#include "models/sentiment/targetattributor.h"

#include "models/sentiment/financetokenizer.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace tw {

namespace {

constexpr int kRivalReach = 3;   // tokens between "from"/"over" and the company it introduces

QSet<quint64> hashes(std::initializer_list<const char16_t *> words)
{
    QSet<quint64> set;
    for (const char16_t *w : words)
        set.insert(FinanceTokenizer::hashWord(w));
    return set;
}

// Words that open a new clause for attribution: what follows is about
// whoever that clause names.
const QSet<quint64> &clauseWords()
{
    static const QSet<quint64> words = hashes(
        {u"as", u"while", u"whereas", u"but", u"however", u"although", u"though", u"despite",
         u"after", u"amid", u"meanwhile", u"since", u"because", u"and", u"when", u"with",
         u"unlike", u"yet", u"which", u"who", u"whose"});
    return words;
}

// Words before a company that make it the other side of the phrase:
// "takes share from Google", "wins the contract over Amazon".
const QSet<quint64> &rivalWords()
{
    static const QSet<quint64> words = hashes(
        {u"from", u"over", u"than", u"against", u"versus", u"vs", u"to", u"outpacing",
         u"outperforming", u"beating", u"overtaking", u"unseating", u"displacing", u"expense"});
    return words;
}

// Verbs whose object is the loser: "Microsoft beat Amazon", "Samsung overtook Apple".
const QSet<quint64> &rivalVerbs()
{
    static const QSet<quint64> words = hashes(
        {u"beat", u"beats", u"outperform", u"outperforms", u"outperformed", u"overtake",
         u"overtakes", u"overtook", u"overtaken", u"outsell", u"outsells", u"outsold",
         u"outpace", u"outpaces", u"outpaced", u"surpass", u"surpasses", u"surpassed",
         u"topped", u"tops", u"trounced", u"unseated", u"dethroned", u"displaced",
         u"outgrew", u"outgrows", u"outshone", u"outshines", u"undercut", u"undercuts"});
    return words;
}

// Phrases whose company is their object, not their subject: an analyst's
// action ("Goldman upgraded Nvidia", "raised its price target on Apple") and
// an authority's ("regulators fined Google").
const QSet<quint64> &objectWords()
{
    static const QSet<quint64> words = hashes(
        {u"upgrade", u"upgrades", u"upgraded", u"downgrade", u"downgrades", u"downgraded", u"target", u"targets",
         u"rating", u"ratings", u"coverage", u"overweight", u"underweight", u"outperform", u"underperform",
         u"buy", u"sell", u"hold", u"sued", u"sues", u"fined", u"fines", u"probes", u"probed", u"charged",
         u"accused", u"banned", u"penalized", u"penalised", u"sanctioned", u"investigating", u"investigates"});
    return words;
}

// Legal and regulatory trouble hurts whoever it is against, not the other side.
const QSet<quint64> &legalWords()
{
    static const QSet<quint64> words = hashes(
        {u"lawsuit", u"lawsuits", u"suit", u"sue", u"sues", u"sued", u"complaint", u"complaints", u"litigation",
         u"investigation", u"probe", u"probes", u"charges", u"fine", u"fined", u"sanctions", u"ban", u"injunction",
         u"antitrust", u"allegations", u"dispute", u"infringement"});
    return words;
}

// Words that open a clause giving the cause of what the main clause says:
// "Tesla fell as oil prices surged" is about Tesla falling.
const QSet<quint64> &causeWords()
{
    static const QSet<quint64> words =
        hashes({u"as", u"after", u"amid", u"because", u"since", u"following", u"on", u"when"});
    return words;
}

// A clause that opens with these describes the company before it in passing.
const QSet<quint64> &relativeWords()
{
    static const QSet<quint64> words = hashes({u"which", u"who", u"whose"});
    return words;
}

// Text between two mentions that makes them one list: ", ", " and ", " & ", " or ".
bool joinsList(QStringView gap)
{
    const QStringView t = gap.trimmed();
    return t.isEmpty() || t == u"," || t == u"and" || t == u", and" || t == u"&" || t == u"or" || t == u", or"
        || t == u"as well as" || t == u"plus" || t == u"/";
}

struct Unit {
    QStringList tickers;
    qsizetype begin;
    qsizetype end;
    int segment = 0;
    bool rival = false;   // introduced by "from", "over", ...
};

} // namespace

QList<TargetSentiment> TargetAttributor::attribute(QStringView sentence, const SentenceSentiment &sentiment,
                                                   const QList<TargetMention> &mentions) const
{
    QList<TargetMention> sorted = mentions;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const TargetMention &a, const TargetMention &b) { return a.start < b.start; });

    // 1. Companies named together are one unit.
    std::vector<Unit> units;
    for (const TargetMention &m : sorted) {
        if (!units.empty() && m.start >= units.back().end
            && joinsList(sentence.mid(units.back().end, m.start - units.back().end))) {
            Unit &u = units.back();
            if (!u.tickers.contains(m.ticker))
                u.tickers << m.ticker;
            u.end = std::max(u.end, m.start + m.length);
            continue;
        }
        units.push_back(Unit{{m.ticker}, m.start, m.start + m.length});
    }

    QList<TargetSentiment> out;
    auto entryFor = [&out](const QString &ticker) -> TargetSentiment & {
        for (TargetSentiment &t : out)
            if (t.ticker == ticker)
                return t;
        out << TargetSentiment{ticker, 0, 1, {}};
        return out.last();
    };
    for (const Unit &u : units)
        for (const QString &t : u.tickers)
            entryFor(t).share = u.tickers.size() >= 3 ? 2.0 / double(u.tickers.size()) : 1.0;
    if (units.empty())
        return out;

    // 2. Clauses, never broken inside a unit.
    thread_local std::vector<Token> tokens;
    tokens.clear();
    FinanceTokenizer::tokenize(sentence, tokens);
    std::vector<int> segmentOf(tokens.size(), 0);
    auto insideUnit = [&](qsizetype at) {
        for (const Unit &u : units)
            if (at > u.begin && at < u.end)
                return true;
        return false;
    };
    int segment = 0;
    std::vector<quint64> opener{0};   // per segment: the word that opened it
    for (size_t i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        const bool breaks = (t.boundary || (t.kind == TokenKind::Word && clauseWords().contains(t.hash)))
                         && !insideUnit(t.start);
        if (breaks) {
            ++segment;
            opener.push_back(t.kind == TokenKind::Word ? t.hash : 0);
            // "which competes with Walmart": a word inside a relative clause
            // opens a clause that is still part of it.
            if (t.kind == TokenKind::Word && relativeWords().contains(opener[opener.size() - 2]))
                opener.back() = opener[opener.size() - 2];
        } else if (opener.back() == 0 && t.kind == TokenKind::Word && opener.size() > 1
                   && (i == 0 || tokens[i - 1].boundary)) {
            opener.back() = t.hash;   // ", which competes with Walmart,"
        }
        segmentOf[i] = segment;
    }
    auto relative = [&](int seg) { return relativeWords().contains(opener[size_t(seg)]); };
    auto tokenAt = [&](qsizetype offset) {
        const auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                                         [](const Token &t, qsizetype o) { return t.start + t.length <= o; });
        return qsizetype(it - tokens.begin());
    };
    auto segmentAt = [&](qsizetype offset) {
        const qsizetype i = tokenAt(offset);
        return i < qsizetype(tokens.size()) ? segmentOf[size_t(i)] : segment;
    };
    for (Unit &u : units) {
        const qsizetype first = tokenAt(u.begin);
        u.segment = segmentAt(u.begin);
        for (qsizetype j = first - 1; j >= 0 && j >= first - kRivalReach; --j) {
            const Token &t = tokens[size_t(j)];
            if (t.boundary)
                break;
            if (t.kind == TokenKind::Word && rivalWords().contains(t.hash)) {
                u.rival = true;
                break;
            }
        }
    }

    // Which units have a phrase in their own clause.
    std::vector<bool> ownsClause(units.size(), false);
    for (const SentimentSpan &span : sentiment.spans)
        for (size_t u = 0; u < units.size(); ++u)
            if (units[u].segment == segmentAt(span.start) && !units[u].rival)
                ownsClause[u] = true;

    // 3. Each phrase to the unit it is about, and against its rivals.
    std::vector<double> totals(units.size(), 0.0);
    std::vector<QList<SentimentSpan>> spansOf(units.size());
    bool divided = false, dropped = false;
    qsizetype firstOwner = -1;
    for (const SentimentSpan &span : sentiment.spans) {
        const qsizetype spanEnd = span.start + span.length;
        const int seg = segmentAt(span.start);
        const qsizetype firstToken = tokenAt(span.start);
        const qsizetype last = tokenAt(spanEnd - 1);
        bool objectPhrase = false, legal = false;
        for (qsizetype j = firstToken; j <= last && j < qsizetype(tokens.size()); ++j) {
            objectPhrase = objectPhrase || objectWords().contains(tokens[size_t(j)].hash);
            legal = legal || legalWords().contains(tokens[size_t(j)].hash);
        }
        // "raised its target": the analyst's noun may follow the phrase.
        for (qsizetype j = last + 1; j <= last + 3 && j < qsizetype(tokens.size()) && !tokens[size_t(j)].boundary; ++j)
            objectPhrase = objectPhrase || objectWords().contains(tokens[size_t(j)].hash);
        qsizetype owner = -1;
        for (size_t u = 0; u < units.size() && owner < 0; ++u)   // "upgraded Amazon to overweight"
            if (units[u].begin >= span.start && units[u].end <= spanEnd)
                owner = qsizetype(u);
        if (owner < 0 && objectPhrase)   // "raised its price target on Apple"
            for (size_t u = 0; u < units.size() && owner < 0; ++u)
                if (units[u].segment == seg && units[u].begin >= spanEnd && tokenAt(units[u].begin) - last <= 4)
                    owner = qsizetype(u);
        // "... after Goldman Sachs raised its target": an analyst's action
        // with no company after it is about the company already in question.
        if (owner < 0 && objectPhrase)
            for (qsizetype u = qsizetype(units.size()) - 1; u >= 0 && owner < 0; --u)
                if (units[size_t(u)].segment < seg && !units[size_t(u)].rival && !relative(units[size_t(u)].segment))
                    owner = u;
        if (owner < 0)   // the last company before it in its clause
            for (size_t u = 0; u < units.size(); ++u)
                if (units[u].segment == seg && !units[u].rival && units[u].end <= span.start)
                    owner = qsizetype(u);
        for (size_t u = 0; u < units.size() && owner < 0; ++u)   // else the one after it
            if (units[u].segment == seg && !units[u].rival)
                owner = qsizetype(u);
        bool carried = false;
        for (qsizetype u = qsizetype(units.size()) - 1; u >= 0 && owner < 0; --u)   // else the subject so far
            if (units[size_t(u)].segment < seg && !units[size_t(u)].rival && !relative(units[size_t(u)].segment)) {
                owner = u;
                carried = true;
            }
        for (size_t u = 0; u < units.size() && owner < 0; ++u)
            if (!units[u].rival)
                owner = qsizetype(u);
        if (owner < 0)
            owner = 0;
        // A cause clause with no company of its own ("as oil prices surged")
        // says nothing about a company its main clause already judges.
        if (carried && causeWords().contains(opener[size_t(seg)]) && ownsClause[size_t(owner)]) {
            dropped = true;
            continue;
        }
        totals[size_t(owner)] += span.weight;
        spansOf[size_t(owner)] << span;
        if (firstOwner < 0)
            firstOwner = owner;
        else if (firstOwner != owner)
            divided = true;

        // Rivals: introduced after the phrase in its clause, or the object of a rivalry verb.
        const bool rivalVerb = last < qsizetype(tokens.size()) && rivalVerbs().contains(tokens[size_t(last)].hash);
        for (size_t u = 0; u < units.size(); ++u) {
            if (qsizetype(u) == owner || units[u].begin < spanEnd)
                continue;
            const bool object = rivalVerb && tokenAt(units[u].begin) == last + 1;
            if ((units[u].rival && units[u].segment == seg) || object) {
                totals[u] += legal ? span.weight : -span.weight;   // "a lawsuit against Arm" hurts Arm too
                divided = true;
            }
        }
    }

    // 4. Scores. One company (or one list) alone in its verdict keeps the
    // sentence's score (which the headline model may have set); split verdicts
    // are scored per company from their phrases.
    for (TargetSentiment &t : out) {
        double total = 0;
        bool owns = false;
        for (size_t u = 0; u < units.size(); ++u) {
            if (!units[u].tickers.contains(t.ticker))
                continue;
            total += totals[u];
            owns = owns || qsizetype(u) == firstOwner || firstOwner < 0;
            t.spans << spansOf[u];
        }
        // The sentence's own score (which the headline model may have set)
        // stands for the one company it is about, unless the phrases read
        // for that company alone say otherwise.
        const double alone = m_scorer.normalise(total);
        if (!divided && !owns)
            t.score = 0;
        else if (!divided && !dropped && (total == 0 || (sentiment.score != 0 && (sentiment.score > 0) == (total > 0))))
            t.score = sentiment.score;
        else
            t.score = alone;
        t.score *= t.share;
    }
    return out;
}

} // namespace tw
