#include "models/linking/entitylinker.h"

#include "models/directory/commonwords.h"
#include "models/directory/companydirectory.h"
#include "models/linking/contextcues.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <unordered_map>

namespace tw {

namespace {
constexpr double kTitleWeight = 0.55;
constexpr double kLeadWeight = 0.3;
constexpr double kBodyMentionWeight = 0.08;
constexpr double kBodyCap = 0.3;
constexpr double kAnyMention = 0.07;
constexpr double kProviderFloor = 0.5;
constexpr qsizetype kLeadLength = 400;
constexpr int kWindow = 3;   // words either side that count as "next to" a name

// The directory's company for a watchlist entry: the one with its CIK, or
// with its ticker and a name in common (a ticker the directory gives to
// another company is not this one).
const CompanyRecord *sameCompany(const TickerInfo &t, const CompanyRecord *byTicker)
{
    if (!byTicker)
        return nullptr;
    if (t.cik != 0)
        return t.cik == byTicker->cik ? byTicker : nullptr;
    QStringList ours = t.aliases;
    ours << t.name;
    for (const QString &name : ours) {
        const QString first = name.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(',')).toLower();
        for (const QString &alias : byTicker->aliases) {
            if (!first.isEmpty() && alias.section(QLatin1Char(' '), 0, 0).toLower() == first)
                return byTicker;
        }
    }
    return nullptr;
}

std::shared_ptr<const NameIndex> buildIndex(const CompanyDirectory &directory)
{
    auto index = std::make_shared<NameIndex>();
    const QList<CompanyRecord> &companies = directory.companies();
    for (qsizetype i = 0; i < companies.size(); ++i) {
        for (const QString &alias : companies.at(i).aliases)
            index->add(alias, int(i));
    }
    return index;
}

std::shared_ptr<const NameIndex> indexFor(const CompanyDirectory &directory)
{
    if (&directory == &CompanyDirectory::builtIn()) {
        static const std::shared_ptr<const NameIndex> builtIn = buildIndex(directory);
        return builtIn;
    }
    return buildIndex(directory);
}

enum class Kind {
    Name,          // a name or alias that needs no more than the absence of another sense
    WordName,      // a name that is an everyday word or a short acronym: needs evidence
    Cashtag,       // $COST
    Tagged,        // NASDAQ: COST, COST.O, (COST)
    Symbol,        // AMZN in capitals
    WordSymbol,    // COST, NET, F in capitals: only beside the company's name
};

struct Candidate {
    int field = 0;
    qsizetype first = 0;    // token index
    qsizetype count = 1;    // tokens
    int owner = 0;
    Kind kind = Kind::Name;
    bool accepted = false;
};

// A word written with a capital inside an ordinary sentence is a name
// ("Constellation Energy", "Tim Cook"), not the everyday sense of the word.
bool properNoun(const TokenizedText &tt, const TextToken &t)
{
    return t.capitalized && !t.allCaps && !t.sentenceStart && !tt.titleCase.value(t.sentence)
        && !tt.capitals.value(t.sentence);
}

bool isMoneySign(QChar c)
{
    return c == QLatin1Char('$') || c == QChar(0x20AC) || c == QChar(0x00A3) || c == QChar(0x00A5);
}
} // namespace

EntityLinker::EntityLinker(const QList<TickerInfo> &tickers)
    : EntityLinker(tickers, CompanyDirectory::builtIn(), CommonWords::builtIn())
{
}

EntityLinker::EntityLinker(const QList<TickerInfo> &tickers, const CompanyDirectory &directory,
                           const CommonWords &words)
    : m_directoryNames(indexFor(directory))
    , m_words(words)
{
    for (const TickerInfo &t : tickers) {
        const QString symbol = CompanyDirectory::normalizedTicker(t.symbol);
        if (symbol.isEmpty() || m_byTicker.contains(symbol))
            continue;
        const int index = int(m_companies.size());
        Company c;
        c.symbol = t.symbol.trimmed().toUpper();
        c.tickers << symbol;
        QSet<QString> derived;   // names that come from the legal name
        for (const QString &n : QStringList{t.name} + QStringList{c.symbol})
            derived.insert(n.trimmed().toLower());
        const CompanyRecord *record = sameCompany(t, directory.byTicker(symbol));
        if (record) {
            for (const QString &alias : record->aliases)
                derived.insert(alias.toLower());
            for (const QString &other : record->tickers) {
                if (!c.tickers.contains(other))
                    c.tickers << other;
            }
            m_directoryToWatch.insert(record->rank, index);
        }
        for (const QString &ticker : c.tickers) {
            if (!m_byTicker.contains(ticker))
                m_byTicker.insert(ticker, index);
        }
        // Without the directory (a company it does not list) every name counts as the company's own.
        if (!record) {
            for (const QString &alias : t.aliases)
                derived.insert(alias.trimmed().toLower());
        }
        m_derivedNames << derived;
        QSet<QString> capitals;
        for (const QString &n : QStringList{t.name} + t.aliases) {
            const QString name = n.trimmed();
            if (!name.isEmpty() && name == name.toUpper() && name != name.toLower())
                capitals.insert(name);
        }
        m_capitalNames << capitals;
        if (!t.name.trimmed().isEmpty())
            m_watchNames.add(t.name.trimmed(), index);
        for (const QString &alias : t.aliases) {
            if (!alias.trimmed().isEmpty())
                m_watchNames.add(alias.trimmed(), index);
        }
        m_companies << c;
    }
}

EntityLinker::~EntityLinker() = default;

EntityLinker::FoundList EntityLinker::analyse(std::span<const QStringView> fields) const
{
    const ContextCues &cues = ContextCues::instance();
    // Inline storage for an article's three fields and a text's usual few names: no allocation for those.
    QVarLengthArray<TokenizedText, 3> texts;
    QVarLengthArray<Candidate, 16> candidates;

    for (qsizetype f = 0; f < qsizetype(fields.size()); ++f) {
        const QStringView text = fields[size_t(f)];
        texts.append(TextTokenizer::tokenize(text));
        const QList<TextToken> &tokens = texts.last().tokens;
        const auto &capitals = texts.last().capitals;
        qsizetype i = 0;
        while (i < tokens.size()) {
            const TextToken &tok = tokens.at(i);
            const NameIndex::Match watch = m_watchNames.longestAt(tokens, i);
            // Another company's name: only its length matters.
            const int otherLength = m_directoryNames->longestLengthAt(tokens, i, &m_directoryToWatch);
            const int nameLength = std::max(watch.length, otherLength);
            const bool inCapitals = capitals.value(tok.sentence);

            // Tickers, unless a longer name starts here ("GE Vernova").
            const bool cashtag = tok.start > 0 && text[tok.start - 1] == QLatin1Char('$');
            // Only a cashtag or a word in capitals is read as a symbol: the
            // others (most words) skip building a normalized copy to look up.
            if (nameLength <= 1 && (cashtag || tok.allCaps)) {
                QString symbol = CompanyDirectory::normalizedTicker(tok.text);
                bool ric = false;
                if (!m_byTicker.contains(symbol) && tok.text.contains(QLatin1Char('.'))) {
                    const qsizetype dot = tok.text.lastIndexOf(QLatin1Char('.'));
                    if (cues.isExchangeSuffix(tok.text.mid(dot + 1))) {
                        symbol = CompanyDirectory::normalizedTicker(tok.text.left(dot));
                        ric = tok.allCaps;
                    }
                }
                const int owner = m_byTicker.value(symbol, -1);
                if (owner >= 0 && (cashtag || tok.allCaps)) {
                    const qsizetype end = tok.start + tok.length;
                    const bool parenthesised = tok.start > 0 && text[tok.start - 1] == QLatin1Char('(')
                        && end < text.size() && text[end] == QLatin1Char(')');
                    bool exchange = false;
                    qsizetype k = tok.start - 1;
                    while (k >= 0 && text[k].isSpace())
                        --k;
                    if (k >= 0 && text[k] == QLatin1Char(':')) {
                        --k;
                        while (k >= 0 && text[k].isSpace())
                            --k;
                        qsizetype b = k;
                        while (b >= 0 && text[b].isLetter())
                            --b;
                        const QString word = text.mid(b + 1, k - b).toString().toLower();
                        exchange = cues.isExchange(word) || word.startsWith(QLatin1String("nasdaq"))
                            || word.startsWith(QLatin1String("nyse"));
                    }
                    const bool wordLike = symbol.size() <= 2 || m_words.contains(symbol);
                    Kind kind = Kind::Symbol;
                    if (cashtag)
                        kind = Kind::Cashtag;
                    else if (exchange || ric || (parenthesised && !wordLike))
                        kind = Kind::Tagged;
                    else if (wordLike)
                        kind = Kind::WordSymbol;
                    // "SAP", "IBM": a name written in capitals like the ticker is read as the name.
                    const bool writtenName = (kind == Kind::Symbol || kind == Kind::WordSymbol)
                        && m_capitalNames.at(owner).contains(lookupKey(tok.text));
                    // In an all-capitals headline a bare symbol is just another word.
                    if (!writtenName && (kind == Kind::Cashtag || kind == Kind::Tagged || !inCapitals)) {
                        candidates.append(Candidate{int(f), i, 1, owner, kind, false});
                        ++i;
                        continue;
                    }
                }
            }

            if (otherLength > watch.length) {
                i += otherLength;   // another company's longer name
                continue;
            }
            if (watch.length > 0) {
                const int owner = watch.owners.first();
                Kind kind = Kind::Name;
                if (watch.length == 1) {
                    const QStringView word = tok.text;   // tok.lower is its lower case
                    const bool acronym = tok.allCaps && !inCapitals && word.size() <= 4;
                    const bool ownName = m_derivedNames.at(owner).contains(lookupKey(tok.lower));
                    if (m_words.containsLower(tok.lower) || acronym || !ownName)
                        kind = Kind::WordName;
                }
                candidates.append(Candidate{int(f), i, watch.length, owner, kind, false});
                i += watch.length;
                continue;
            }
            i += std::max(1, otherLength);
        }
    }

    if (candidates.isEmpty())
        return {};   // nothing below looks at anything but candidates

    // What a sentence says by its words: business words or figures, words of
    // another sense. Read only for the sentences that have a name to judge,
    // once each.
    struct SentenceWords {
        int field = 0;
        int sentence = 0;
        bool business = false;
        bool otherSense = false;
    };
    // By (field, sentence); a map, not a list, since a long article has
    // thousands of sentences with names (a search of a list per name was
    // quadratic: 84% of scoring a 2 MB text).
    std::unordered_map<quint64, SentenceWords> sentenceWords;
    auto wordsOfSentence = [&](int field, qsizetype at) -> const SentenceWords & {
        const TokenizedText &tt = texts.at(field);
        const QList<TextToken> &tokens = tt.tokens;
        const int s = tokens.at(at).sentence;
        const quint64 key = (quint64(quint32(field)) << 32) | quint32(s);
        if (auto found = sentenceWords.find(key); found != sentenceWords.end())
            return found->second;
        const QStringView text = fields[size_t(field)];
        // A sentence's tokens are consecutive: from `at`, back to its first and on to its last.
        qsizetype from = at;
        while (from > 0 && tokens.at(from - 1).sentence == s)
            --from;
        SentenceWords w{field, s, false, false};
        for (qsizetype k = from; k < tokens.size() && tokens.at(k).sentence == s; ++k) {
            const TextToken &t = tokens.at(k);
            if (!w.business) {
                const qsizetype end = t.start + t.length;
                w.business = cues.isBusiness(t)
                    || (t.start > 0 && isMoneySign(text[t.start - 1]) && t.text.at(0).isDigit())
                    || (end < text.size() && text[end] == QLatin1Char('%'));
            }
            if (!w.otherSense)
                w.otherSense = cues.isOtherSense(t) && !properNoun(tt, t);
            if (w.business && w.otherSense)
                break;
        }
        return sentenceWords.emplace(key, w).first->second;   // nodes stay put: the reference holds
    };

    // Evidence around one name.
    struct Context {
        bool otherOrganisation = false;  // "Meta Materials", "Ford Foundation", "Gemini Trust"
        bool longerName = false;         // "Harrison Ford", "the Big Apple", "Ecuadorian Amazon"
        bool otherSenseNear = false;     // "Amazon rainforest", "NASA's MSL rover", "Gemini crypto exchange"
        bool foreignOwner = false;       // "Brazil's Amazon", "the twins' Gemini"
        bool determiner = false;         // "the Amazon"
        bool actsNear = false;           // "Apple shares", "Ford recalls", "rival Amazon", "iPhone maker Apple"
        bool productNear = false;        // "Apple Watch", "Amazon's Kuiper"
        bool businessInSentence = false;
        bool otherSenseInSentence = false;
    };
    auto contextOf = [&](const Candidate &c) {
        Context x;
        const TokenizedText &tt = texts.at(c.field);
        const QStringView text = fields[size_t(c.field)];
        const QList<TextToken> &tokens = tt.tokens;
        const TextToken &first = tokens.at(c.first);
        const TextToken &last = tokens.at(c.first + c.count - 1);
        const int s = first.sentence;
        const bool plainCase = !tt.titleCase.value(s) && !tt.capitals.value(s);
        const qsizetype after = c.first + c.count;
        const bool single = c.count == 1;
        auto sameSentence = [&](qsizetype k) { return k >= 0 && k < tokens.size() && tokens.at(k).sentence == s; };
        // Only spaces between two words (no comma, colon or bracket).
        auto adjacent = [&](qsizetype a, qsizetype b) {
            const TextToken &ta = tokens.at(a);
            const qsizetype from = ta.start + ta.length + (ta.possessive ? 2 : 0);
            for (qsizetype k = from; k < tokens.at(b).start; ++k) {
                if (!text[k].isSpace())
                    return false;
            }
            return true;
        };

        // After the name: another organisation of that name, the company at work, or another sense.
        if (single && !last.possessive && sameSentence(after) && adjacent(c.first, after)) {
            const TextToken &next = tokens.at(after);
            if (next.capitalized && !next.allCaps) {
                if (cues.isOtherSense(next))
                    x.otherSenseNear = true;   // "Amazon River", "Apple Pie"
                else if (cues.isOrganisationForm(next))
                    x.otherOrganisation = true;
                else if (cues.isIndustryWord(next)
                         && (plainCase || !sameSentence(after + 1) || !cues.isBusiness(tokens.at(after + 1))))
                    x.otherOrganisation = true;
                else if (plainCase && sameSentence(after + 1) && tokens.at(after + 1).capitalized
                         && cues.isOrganisationForm(tokens.at(after + 1)) && adjacent(after, after + 1))
                    x.otherOrganisation = true;   // "Amazon Conservation Association"
            }
        }
        if (sameSentence(after)) {
            const TextToken &next = tokens.at(after);
            x.actsNear = cues.isBusiness(next) || (!last.possessive && cues.isAction(next));
            // "Apple reportedly plans", "Google quietly tests"
            if (!x.actsNear && !last.possessive && next.lower.endsWith(QLatin1String("ly")) && sameSentence(after + 1))
                x.actsNear = cues.isAction(tokens.at(after + 1));
            x.productNear = plainCase && next.capitalized && !cues.isOtherSense(next)
                && !cues.isOrganisationForm(next) && !cues.isIndustryWord(next);
        }
        for (qsizetype k = after; k < after + kWindow && sameSentence(k); ++k) {
            const TextToken &t = tokens.at(k);
            if (k > after && (cues.isAction(t) || cues.isBusiness(t)))
                break;   // "Amazon pledges to protect the rainforest": the company acts first
            const bool kindWord = cues.isOtherEntityKind(t) && (!t.capitalized || !plainCase);
            if ((cues.isOtherSense(t) && !properNoun(tt, t)) || kindWord) {
                x.otherSenseNear = true;
                break;
            }
            if (t.possessive)
                break;
        }
        // Before the name.
        for (qsizetype k = c.first - 1; k >= c.first - kWindow && sameSentence(k); --k) {
            const TextToken &t = tokens.at(k);
            if (cues.isOtherSense(t) && !t.possessive && !properNoun(tt, t))
                x.otherSenseNear = true;
            if (cues.isCompanyNoun(t) || (k == c.first - 2 && cues.isBusiness(t)
                                                 && (tokens.at(k + 1).lower == QLatin1String("of")
                                                     || tokens.at(k + 1).lower == QLatin1String("in"))))
                x.actsNear = true;
        }
        if (sameSentence(c.first - 1)) {
            const qsizetype p = c.first - 1;
            const TextToken &prev = tokens.at(p);
            if (prev.lower == QLatin1String("the"))
                x.determiner = true;
            const bool ownName = m_watchNames.longestAt(tokens, p).owners.contains(c.owner)
                || (p > 0 && m_watchNames.longestAt(tokens, p - 1).owners.contains(c.owner));
            if (prev.possessive && single && !ownName && adjacent(p, c.first))
                x.foreignOwner = true;
            // A capitalised word just before a one-word name makes a longer
            // name: a person ("Harrison Ford") or a place ("the Big Apple").
            if (plainCase && single && prev.capitalized && !prev.allCaps && !prev.possessive && !prev.hyphenAfter
                && adjacent(p, c.first) && !cues.isMonthOrDay(prev) && !cues.isCompanyNoun(prev)
                && !ownName
                && !(prev.sentenceStart && (cues.isFunctionWord(prev) || cues.isBusiness(prev)))) {
                if (c.kind == Kind::WordName || !m_words.containsLower(prev.lower) || !prev.sentenceStart)
                    x.longerName = true;
            }
        }
        const SentenceWords &words = wordsOfSentence(c.field, c.first);
        x.businessInSentence = words.business;
        x.otherSenseInSentence = words.otherSense;
        return x;
    };

    // The companies named beyond doubt somewhere in the article (a few: a list, not a hash).
    QVarLengthArray<int, 8> anchoredOwners;
    auto anchored = [&](int owner) { return anchoredOwners.contains(owner); };
    auto anchor = [&](int owner) {
        if (!anchored(owner))
            anchoredOwners.append(owner);
    };
    for (Candidate &c : candidates) {
        if (c.kind == Kind::Cashtag || c.kind == Kind::Tagged || c.kind == Kind::Symbol) {
            c.accepted = true;
            anchor(c.owner);
        }
    }
    // Names that need only the absence of another sense.
    for (Candidate &c : candidates) {
        if (c.kind != Kind::Name)
            continue;
        const Context x = contextOf(c);
        if (x.otherOrganisation || x.longerName)
            continue;
        const bool near = x.actsNear || x.productNear;
        if ((x.otherSenseNear || (x.foreignOwner && x.otherSenseInSentence)) && !x.actsNear)
            continue;
        if (x.foreignOwner && !near && !x.businessInSentence)
            continue;
        if (c.count == 1 && x.determiner && !x.actsNear && !anchored(c.owner))
            continue;   // "the Amazon", "tribes of the Amazon demand ... talks", "the Amazon Synod"
        if (x.otherSenseInSentence && !x.businessInSentence && !x.actsNear && !anchored(c.owner))
            continue;
        c.accepted = true;
    }
    for (const Candidate &c : candidates) {
        if (c.accepted)
            anchor(c.owner);
    }
    // Everyday words, acronyms and names the company has beyond its legal
    // name ("Apple", "Azure", "MSL", "Gemini"): only with evidence of the company.
    QVarLengthArray<Candidate, 8> corroborating;   // not ruled out, only short of evidence
    QVarLengthArray<std::pair<int, qsizetype>, 8> acceptedLater;
    for (Candidate &c : candidates) {
        if (c.kind != Kind::WordName)
            continue;
        const Context x = contextOf(c);
        if (x.otherOrganisation || x.longerName || x.otherSenseNear || x.foreignOwner)
            continue;
        c.accepted = anchored(c.owner) || x.actsNear
            || (x.businessInSentence && !x.otherSenseInSentence && !x.determiner);
        if (!c.accepted)
            corroborating.append(c);
    }
    // Two different names of one company vouch for each other ("Google's Gemini").
    for (Candidate &c : corroborating) {
        for (const Candidate &o : corroborating) {
            const QList<TextToken> &ct = texts.at(c.field).tokens;
            const QList<TextToken> &ot = texts.at(o.field).tokens;
            if (o.owner == c.owner && ct.at(c.first).lower != ot.at(o.first).lower)
                acceptedLater.append(std::pair{c.field, c.first});
        }
    }
    for (Candidate &c : candidates) {
        if (acceptedLater.contains(std::pair{c.field, c.first}))
            c.accepted = true;
    }
    // Tickers that are words: only in a sentence that names the company.
    for (Candidate &c : candidates) {
        if (c.kind != Kind::WordSymbol)
            continue;
        const int sentence = texts.at(c.field).tokens.at(c.first).sentence;
        for (const Candidate &n : candidates) {
            if (n.accepted && n.owner == c.owner && n.field == c.field && (n.kind == Kind::Name || n.kind == Kind::WordName)
                && texts.at(n.field).tokens.at(n.first).sentence == sentence)
                c.accepted = true;
        }
    }

    FoundList found;
    for (const Candidate &c : candidates) {
        if (!c.accepted)
            continue;
        const QList<TextToken> &tokens = texts.at(c.field).tokens;
        const TextToken &first = tokens.at(c.first);
        const TextToken &last = tokens.at(c.first + c.count - 1);
        qsizetype start = first.start;
        if (c.kind == Kind::Cashtag)
            --start;
        found.append(Found{c.field, c.owner, start, last.start + last.length - start});
    }
    return found;
}

QList<EntityMention> EntityLinker::mentions(const QString &text) const
{
    QList<EntityMention> out;
    if (m_companies.isEmpty())
        return out;
    const QStringView field(text);
    const FoundList found = analyse({&field, 1});
    out.reserve(found.size());
    for (const Found &f : found)
        out << EntityMention{m_companies.at(f.owner).symbol, f.start, f.length};
    return out;
}

QList<TickerLink> EntityLinker::link(const Article &article) const
{
    struct Tally {
        double title = 0;
        double lead = 0;
        double body = 0;
        int mentions = 0;
    };
    QMap<QString, Tally> tally;  // ordered: deterministic output

    // Views of the article's text: the fields are read, not copied.
    const QStringView lead = article.summary.isEmpty() ? QStringView(article.body).left(kLeadLength)
                                                        : QStringView(article.summary);
    const bool hasRest = !article.summary.isEmpty() || article.body.size() > kLeadLength;
    const QStringView rest = !hasRest ? QStringView()
                                      : (article.summary.isEmpty() ? QStringView(article.body).mid(kLeadLength)
                                                                   : QStringView(article.body));
    // A headline alone (no lead, no body) is all there is: a company in it is the subject.
    const bool titleOnly = lead.trimmed().isEmpty() && rest.trimmed().isEmpty();
    if (!m_companies.isEmpty()) {
        const QStringView fields[] = {QStringView(article.title), lead, rest};
        for (const Found &f : analyse(fields)) {
            Tally &t = tally[m_companies.at(f.owner).symbol];
            ++t.mentions;
            if (f.field == 0)
                t.title = titleOnly ? 1.0 - kAnyMention : kTitleWeight;
            else if (f.field == 1)
                t.lead = kLeadWeight;
            else
                t.body = std::min(kBodyCap, t.body + kBodyMentionWeight);
        }
    }

    QList<TickerLink> links;
    for (auto it = tally.cbegin(); it != tally.cend(); ++it) {
        const double relevance = std::min(1.0, it->title + it->lead + it->body + (it->mentions > 0 ? kAnyMention : 0.0));
        links << TickerLink{it.key(), relevance, it->mentions};
    }
    // A provider's own ticker tags (nasdaq:tickers, Finnhub related) count as
    // a solid link even when our names do not match the text.
    for (const QString &provided : article.providerTickers) {
        const int owner = m_byTicker.value(CompanyDirectory::normalizedTicker(provided), -1);
        if (owner < 0)
            continue;
        const QString symbol = m_companies.at(owner).symbol;
        auto existing = std::find_if(links.begin(), links.end(), [&](const TickerLink &l) { return l.ticker == symbol; });
        if (existing == links.end())
            links << TickerLink{symbol, kProviderFloor, 0};
        else
            existing->relevance = std::max(existing->relevance, kProviderFloor);
    }
    std::sort(links.begin(), links.end(), [](const TickerLink &a, const TickerLink &b) {
        return a.relevance != b.relevance ? a.relevance > b.relevance : a.ticker < b.ticker;
    });
    return links;
}

} // namespace tw
