#include "models/events/eventdetectors.h"

#include "models/events/amountparser.h"

#include <QRegularExpression>

#include <cmath>

namespace tw {

namespace {
ExtractedEvent eventIn(const SentenceContext &s, EventKind kind, const QString &ticker, const EventDate &date)
{
    ExtractedEvent e;
    e.ticker = ticker;
    e.kind = kind;
    e.date = date;
    e.sentenceStart = s.offset;
    e.sentenceEnd = s.offset + s.text.size();
    return e;
}

double withCertainty(double base, bool named)
{
    return std::min(0.9, base + (named ? 0.1 : 0.0));
}

bool overlapsCompany(const SentenceContext &s, qsizetype start, qsizetype length)
{
    return std::any_of(s.aliases.cbegin(), s.aliases.cend(), [&](const EntityMention &m) {
        return m.start < start + length && start < m.start + m.length;
    });
}

// The company mention a name is (the name "Gemini" is Alphabet's alias).
QString companyAt(const SentenceContext &s, qsizetype start, qsizetype length)
{
    for (const EntityMention &m : s.aliases)
        if (m.start < start + length && start < m.start + m.length)
            return m.ticker;
    return QString();
}

// One spelling per role, so "CFO" and "chief financial officer" are one.
QString normalRole(const QString &written)
{
    static const QList<std::pair<QString, QString>> abbreviations{
        {QStringLiteral("chief executive officer"), QStringLiteral("CEO")},
        {QStringLiteral("chief executive"), QStringLiteral("CEO")},
        {QStringLiteral("chief financial officer"), QStringLiteral("CFO")},
        {QStringLiteral("chief operating officer"), QStringLiteral("COO")},
        {QStringLiteral("chief technology officer"), QStringLiteral("CTO")},
    };
    const QString lower = written.toLower();
    for (const auto &[longForm, shortForm] : abbreviations)
        if (lower == longForm)
            return shortForm;
    if (written == written.toUpper())
        return written;
    QStringList words = written.split(QLatin1Char(' '));
    for (QString &w : words)
        if (w != QLatin1String("of") && !w.isEmpty())
            w.front() = w.front().toUpper();
    return words.join(QLatin1Char(' '));
}

// The name is exactly a company mention ("Meta Platforms"), not a product.
bool isCompanyName(const SentenceContext &s, qsizetype start, const QString &name)
{
    return std::any_of(s.aliases.cbegin(), s.aliases.cend(),
                       [&](const EntityMention &m) { return m.start == start && m.length == name.size(); });
}

// The words each detector's patterns need, so a sentence without them skips
// the patterns (KeywordScreen). Each list covers every alternative of the
// detector's trigger pattern.
bool mayLaunch(const KeywordScreen &k)
{
    return k.mayContainAny({"aunch", "nveil", "ebut", "ntroduc", "eleas"});  // [Ll]aunch, [Uu]nveil, ...
}

bool mayDeal(const KeywordScreen &k)
{
    return k.mayContainAny({"deal", "acqui", "takeover", "merger", "invest", "stake", "funding", "buy", "bought"})
        && AmountParser::mayMentionMoney(k);
}

bool mayMovePrice(const KeywordScreen &k)
{
    return k.mayContainAny({"%", "percent", "per cent"});
}

bool mayChangeLeadership(const KeywordScreen &k)
{
    return k.mayContainAny({"join", "name", "appoint", "hire", "hiring", "promot", "step", "resign", "retir", "depart",
                            "leav", "left", "replac", "succeed", "lead", "bring", "brought"});
}

bool mayTakeLegalAction(const KeywordScreen &k)
{
    return k.mayContainAny({"sue", "suing", "lawsuit", "class action", "antitrust", "fine", "penalty", "probe",
                            "investigation", "settle", "court ruling", "ruled", "charged", "indicted", "subpoena"});
}

bool mayRank(const KeywordScreen &k)
{
    return k.mayContainAny({"score", "rank", "placed"});
}

const AmountMention *nearest(const QList<AmountMention> &amounts, qsizetype start, qsizetype end, qsizetype within)
{
    const AmountMention *best = nullptr;
    qsizetype bestDistance = within + 1;
    for (const AmountMention &a : amounts) {
        const qsizetype distance = a.start + a.length <= start ? start - (a.start + a.length)
                                   : a.start >= end        ? a.start - end
                                                           : 0;
        if (distance < bestDistance) {
            best = &a;
            bestDistance = distance;
        }
    }
    return best;
}
} // namespace

namespace detect {

QList<ExtractedEvent> launches(const SentenceContext &s)
{
    const QString name = properNamePattern();
    static const QRegularExpression verbForm(
        QStringLiteral("\\b(?<trigger>[Ll]aunch(?:ed|es|ing)?|[Uu]nveil(?:ed|s|ing)?|[Dd]ebut(?:ed|s|ing)?|"
                       "[Ii]ntroduc(?:ed|es|ing|e)|[Rr]eleas(?:ed|es|ing|e))\\s+(?:(?:its|their|the|a|an|his|her)\\s+)?"
                       "(?:(?:new|latest|first|next|own)\\s+)*(?<name>%1)")
            .arg(name));
    static const QRegularExpression nounOf(
        QStringLiteral("\\b(?<trigger>launch|debut|release|unveiling) of (?:its |the |their )?(?:new |latest )?(?<name>%1)")
            .arg(name));
    static const QRegularExpression nounAfter(
        QStringLiteral("(?<name>%1)(?:'s)?\\s+(?<trigger>launch|debut|release|unveiling)\\b").arg(name));
    static const QRegularExpression relative(
        QStringLiteral("(?<name>%1), the (?:[a-z-]+ ){0,2}(?:model|product|app|device|chip|service|phone|assistant|system) "
                       "(?:that )?[A-Z][\\w ]*? (?<trigger>launched|unveiled|introduced|released|debuted)\\b")
            .arg(name));

    if (!mayLaunch(s.screen))
        return {};

    // A delayed or cancelled launch has not happened.
    static const QRegularExpression notHappening(QStringLiteral(
        "\\b(?:delay\\w*|slip\\w*|postpon\\w*|cancel\\w*|scrap\\w*|halt\\w*|shelv\\w*|push(?:es|ed)? back)\\b"),
                                                 QRegularExpression::CaseInsensitiveOption);
    if (notHappening.match(s.text).hasMatch())
        return {};

    struct Form {
        const QRegularExpression *re;
        double base;
    };
    const Form forms[] = {{&verbForm, 0.75}, {&nounOf, 0.65}, {&relative, 0.65}, {&nounAfter, 0.6}};
    for (const Form &form : forms) {
        for (auto it = form.re->globalMatch(s.text); it.hasNext();) {
            const auto m = it.next();
            const QString product = cleanName(m.captured(QStringLiteral("name")));
            if (product.size() < 2 || isStopName(product) || isCompanyName(s, m.capturedStart(QStringLiteral("name")), product))
                continue;  // "the release of Meta Platforms' results" launches nothing
            const qsizetype trigger = m.capturedStart(QStringLiteral("trigger"));
            bool named = false;
            const QString ticker = s.actorBefore(trigger, &named);
            if (ticker.isEmpty())
                continue;
            ExtractedEvent e = eventIn(s, EventKind::Launch, ticker, s.dateNear(trigger));
            e.subject = product.toLower();
            e.title = QStringLiteral("%1 launches %2").arg(ticker, product);
            e.confidence = withCertainty(form.base, named);
            return {e};
        }
    }
    return {};
}

QList<ExtractedEvent> deals(const SentenceContext &s)
{
    static const QRegularExpression trigger(QStringLiteral(
        "\\b(?:deal|acquisition|acquires?|acquired|acquiring|takeover|merger|investment|invests?|invested|investing|"
        "stake|funding round|buys|bought|buying|to buy)\\b"));
    // "deal with Scale AI", "$4 billion in Anthropic", "acquire Run:ai".
    static const QRegularExpression partnerAfter(
        QStringLiteral("^\\s+(?:[^.;,]{0,40}?\\s){0,1}?(?:with|in|of|for|tied to|into|to buy|to acquire)\\s+(?<name>%1)|"
                       "^\\s+(?<direct>%1)")
            .arg(properNamePattern()));
    static const QRegularExpression partnerBefore(QStringLiteral("(?<name>%1)(?:'s)?\\s+$").arg(properNamePattern()));

    if (!mayDeal(s.screen))
        return {};
    const QList<AmountMention> amounts = AmountParser::money(s.text);
    if (amounts.isEmpty())
        return {};
    for (auto it = trigger.globalMatch(s.text); it.hasNext();) {
        const auto t = it.next();
        const AmountMention *amount = nearest(amounts, t.capturedStart(0), t.capturedEnd(0), 80);
        if (!amount || amount->amount.unit.isEmpty())
            continue;  // "$5" is not a deal size
        bool named = false;
        const QString ticker = s.actorBefore(t.capturedStart(0), &named);
        if (ticker.isEmpty())
            continue;
        const bool investing = t.captured(0).startsWith(QLatin1String("invest"));
        QString partner;
        const auto after = partnerAfter.match(s.text.mid(t.capturedEnd(0)));
        const QString partnerGroup = after.capturedStart(QStringLiteral("name")) >= 0 ? QStringLiteral("name")
                                                                                     : QStringLiteral("direct");
        if (after.hasMatch())
            partner = cleanName(after.captured(partnerGroup));
        if (partner.isEmpty() || isStopName(partner)
            || companyAt(s, t.capturedEnd(0) + after.capturedStart(partnerGroup), partner.size()) == ticker) {
            partner.clear();
            const QString left = s.text.left(t.capturedStart(0));
            const auto before = partnerBefore.match(left);
            const QString candidate = cleanName(before.captured(QStringLiteral("name")));
            if (before.hasMatch() && !isStopName(candidate)
                && companyAt(s, before.capturedStart(QStringLiteral("name")), candidate.size()) != ticker)
                partner = candidate;
        }
        if (investing && partner.isEmpty())
            continue;  // "to invest $80 billion on data centres" is spending, not a deal
        ExtractedEvent e = eventIn(s, EventKind::Deal, ticker, s.dateNear(t.capturedStart(0)));
        e.amount = amount->amount;
        e.subject = partner.toLower();
        e.title = partner.isEmpty() ? QStringLiteral("%1 deal, %2").arg(ticker, e.amount.moneyText())
                                    : QStringLiteral("%1 deal with %2, %3").arg(ticker, partner, e.amount.moneyText());
        e.confidence = withCertainty(partner.isEmpty() ? 0.65 : 0.7, named);
        return {e};
    }
    return {};
}

QList<ExtractedEvent> priceMoves(const SentenceContext &s)
{
    static const QRegularExpression move(QStringLiteral(
        "\\b(?<verb>rose|rises|rise|climbed|climbs|climb|jumped|jumps|jump|gained|gains|surged|surges|soared|soars|"
        "rallied|rallies|advanced|advances|fell|falls|fall|dropped|drops|slid|slides|slumped|slumps|sank|sinks|"
        "tumbled|tumbles|plunged|plunges|declined|declines|lost|loses|added|adds|(?:was|were|is|are) (?:up|down))\\s+"
        "(?:by\\s+)?(?:nearly|almost|close to|about|around|roughly|more than|over|some|as much as|just over|"
        "just under)?\\s*(?<pct>\\d+(?:\\.\\d+)?)\\s?(?:%|percent\\b|per cent\\b)"));
    // "shares traded 3% lower", "closed 2% higher"
    static const QRegularExpression moveAfter(QStringLiteral(
        "\\b(?<verb>traded|trading|closed|ended|finished|were|was|are|is|opened)\\s+(?:nearly|almost|about|around|roughly|"
        "more than|some)?\\s*(?<pct>\\d+(?:\\.\\d+)?)\\s?(?:%|percent\\b|per cent\\b)\\s+(?<direction>lower|higher|down|up)\\b"));
    static const QRegularExpression sharesBefore(QStringLiteral("\\b(?:shares?|stock|stocks)\\b[^,;:]{0,60}$"),
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression falling(
        QStringLiteral("^(?:fell|falls|fall|dropped|drops|slid|slides|slumped|slumps|sank|sinks|tumbled|tumbles|"
                       "plunged|plunges|declined|declines|lost|loses|was down|were down|is down|are down)$"));

    // A performance over months or years is not a dated move.
    static const QRegularExpression longSpan(QStringLiteral(
        "\\b(?:over (?:the )?(?:past |last )?(?:\\w+ )?(?:years|months|decade)|since (?:early |late )?(?:19|20)\\d\\d|"
        "so far this year|year to date|this year|in (?:the )?(?:past |last )?\\w+ (?:years|months)|a decade)\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (!mayMovePrice(s.screen) || longSpan.match(s.text).hasMatch())
        return {};

    QList<QRegularExpressionMatch> moves;
    for (auto it = move.globalMatch(s.text); it.hasNext();)
        moves << it.next();
    for (auto it = moveAfter.globalMatch(s.text); it.hasNext();)
        moves << it.next();

    QList<ExtractedEvent> found;
    for (const QRegularExpressionMatch &m : moves) {
        const qsizetype verb = m.capturedStart(QStringLiteral("verb"));
        const QString left = s.text.left(verb);
        bool aboutShares = sharesBefore.match(left).hasMatch();
        if (!aboutShares) {
            // "META climbs 9%": a ticker symbol right before the verb.
            for (const EntityMention &c : s.companies) {
                const QString surface = s.text.mid(c.start, c.length);
                if (c.start + c.length + 1 >= verb && c.start + c.length <= verb
                    && (surface.startsWith(QLatin1Char('$')) || surface == c.ticker))
                    aboutShares = true;
            }
        }
        if (!aboutShares)
            continue;
        bool named = false;
        const QString ticker = s.nearestActorBefore(verb, &named);
        if (ticker.isEmpty() || std::any_of(found.cbegin(), found.cend(), [&](const ExtractedEvent &f) { return f.ticker == ticker; }))
            continue;
        const QString direction = m.captured(QStringLiteral("direction"));
        const bool down = direction.isEmpty() ? falling.match(m.captured(QStringLiteral("verb"))).hasMatch()
                                              : direction == QLatin1String("lower") || direction == QLatin1String("down");
        const double pct = m.captured(QStringLiteral("pct")).toDouble();
        ExtractedEvent e = eventIn(s, EventKind::PriceMove, ticker, s.dateNear(verb));
        e.amount.low = down ? -pct : pct;
        e.amount.high = e.amount.low;
        e.amount.unit = QStringLiteral("percent");
        static const QRegularExpression hedged(QStringLiteral("nearly|almost|close to|about|around|roughly"));
        e.amount.approximate = m.captured(0).contains(hedged);
        e.subject = down ? QStringLiteral("down") : QStringLiteral("up");
        e.title = QStringLiteral("%1 shares %2 %3%4%")
                      .arg(ticker, down ? QStringLiteral("fall") : QStringLiteral("rise"),
                           e.amount.approximate ? QStringLiteral("~") : QString(), EventAmount::number(pct));
        e.confidence = withCertainty(0.75, named);
        found << e;
    }
    return found;
}

QList<ExtractedEvent> leadership(const SentenceContext &s)
{
    static const QRegularExpression role(
        QStringLiteral("\\b(?<role>[Cc]hief [A-Za-z]+(?: [A-Za-z]+)? [Oo]fficer|CEO|CFO|COO|CTO|[Cc]hief [Ee]xecutive|"
                       "[Cc]hairman|[Cc]hairwoman|[Pp]resident)\\b"));
    static const QRegularExpression verb(QStringLiteral(
        "\\b(?<verb>join(?:s|ed|ing)?|nam(?:ed|es)|appoint(?:s|ed)?|hir(?:es|ed|ing)|promot(?:ed|es)|"
        "step(?:s|ped|ping)? down|resign(?:s|ed)?|retir(?:e|es|ed|ing)|depart(?:s|ed)?|leav(?:es|ing)|left|replac(?:es|ed)|"
        "succeed(?:s|ed)?|(?:to|will) lead|br(?:ing|ings|ought)\\b[^.;]{0,60}?\\b(?:in|to [A-Z]\\w*) as)\\b"));
    static const QRegularExpression departing(QStringLiteral("^(?:step|resign|retir|depart|leav|left)"));
    // "former GitHub CEO": a past role, not the one changing hands.
    static const QRegularExpression formerRole(QStringLiteral("\\b(?:former|ex-|then-)\\s*(?:[A-Z]\\w*\\s+)?$"));
    static const QRegularExpression person(QStringLiteral("\\b([A-Z][a-z]+ [A-Z][a-z]+)\\b"));

    if (!mayChangeLeadership(s.screen))
        return {};
    const auto v = verb.match(s.text);
    if (!v.hasMatch())
        return {};
    // Who arrives takes the role named after the verb ("named X as CFO");
    // who leaves usually held the one named before it ("chief financial
    // officer Greta Lund would retire"), else after ("step down as CEO").
    const bool leaves = departing.match(v.captured(QStringLiteral("verb"))).hasMatch();
    QRegularExpressionMatch before;
    for (auto it = role.globalMatch(s.text.left(v.capturedStart(0))); it.hasNext();) {
        const auto candidate = it.next();
        if (v.capturedStart(0) - candidate.capturedEnd(0) <= 40)
            before = candidate;
    }
    QRegularExpressionMatch after = role.match(s.text, v.capturedStart(0));
    if (after.hasMatch() && after.capturedStart(0) - v.capturedEnd(0) > 80)
        after = QRegularExpressionMatch();
    const QRegularExpressionMatch r = leaves ? (before.hasMatch() ? before : after) : (after.hasMatch() ? after : before);
    if (!r.hasMatch() || formerRole.match(s.text.left(r.capturedStart(0))).hasMatch())
        return {};
    bool named = false;
    const QString ticker = s.anyActor(&named);
    if (ticker.isEmpty())
        return {};
    QString who;
    qsizetype bestDistance = 1000;
    for (auto it = person.globalMatch(s.text); it.hasNext();) {
        const auto p = it.next();
        const QString candidate = p.captured(1);
        if (isStopName(candidate) || overlapsCompany(s, p.capturedStart(1), p.capturedLength(1))
            || (p.capturedStart(1) >= r.capturedStart(0) && p.capturedStart(1) < r.capturedEnd(0)))
            continue;
        const qsizetype distance = std::abs(p.capturedStart(1) - v.capturedStart(0));
        if (distance < bestDistance) {
            bestDistance = distance;
            who = candidate;
        }
    }
    QString roleText = normalRole(r.captured(QStringLiteral("role")));
    ExtractedEvent e = eventIn(s, EventKind::Leadership, ticker, s.dateNear(v.capturedStart(0)));
    e.subject = roleText.toLower() + (leaves ? QStringLiteral(" (departure)") : QString());
    if (leaves)
        e.title = who.isEmpty() ? QStringLiteral("%1 %2 departs").arg(ticker, roleText)
                                : QStringLiteral("%1 leaves as %2 %3").arg(who, ticker, roleText);
    else
        e.title = who.isEmpty() ? QStringLiteral("%1 names a new %2").arg(ticker, roleText)
                                : QStringLiteral("%1 becomes %2 %3").arg(who, ticker, roleText);
    e.confidence = withCertainty(who.isEmpty() ? 0.6 : 0.7, named);
    return {e};
}

QList<ExtractedEvent> legal(const SentenceContext &s)
{
    static const QRegularExpression action(QStringLiteral(
        "\\b(?<what>sued|sues|suing|lawsuits?|class action|antitrust|fined|fines? of|penalty|probe|investigation|"
        "settled (?:with|a|the|charges|claims)|settles (?:with|a|the|charges|claims)|settlement|court ruling|"
        "ruled (?:that|against)|charged (?:with|by)|indicted|subpoena(?:ed)?)\\b"));
    static const QRegularExpression authority(QStringLiteral(
        "\\b(FTC|SEC|DOJ|Department of Justice|European Commission|Federal Trade Commission|CMA|EU|"
        "Supreme Court|[A-Z][a-z]+ court|regulators?|attorneys? general)\\b"));

    if (!mayTakeLegalAction(s.screen))
        return {};
    const auto a = action.match(s.text);
    if (!a.hasMatch())
        return {};
    bool named = false;
    const QString ticker = s.anyActor(&named);
    if (ticker.isEmpty() || !named)
        return {};  // legal news is only ours when the company is named
    QString what = a.captured(QStringLiteral("what")).toLower();
    static const QList<std::pair<QString, QString>> categories{
        {QStringLiteral("su"), QStringLiteral("lawsuit")},        {QStringLiteral("lawsuit"), QStringLiteral("lawsuit")},
        {QStringLiteral("class"), QStringLiteral("lawsuit")},     {QStringLiteral("antitrust"), QStringLiteral("antitrust action")},
        {QStringLiteral("fine"), QStringLiteral("fine")},         {QStringLiteral("penalty"), QStringLiteral("fine")},
        {QStringLiteral("probe"), QStringLiteral("investigation")}, {QStringLiteral("investigation"), QStringLiteral("investigation")},
        {QStringLiteral("settle"), QStringLiteral("settlement")}, {QStringLiteral("rul"), QStringLiteral("ruling")},
        {QStringLiteral("charged"), QStringLiteral("charges")},   {QStringLiteral("court"), QStringLiteral("ruling")},   {QStringLiteral("indicted"), QStringLiteral("charges")},
        {QStringLiteral("subpoena"), QStringLiteral("subpoena")},
    };
    QString category = QStringLiteral("legal action");
    for (const auto &[prefix, name] : categories)
        if (what.startsWith(prefix)) {
            category = name;
            break;
        }
    const QString by = authority.match(s.text).captured(1);
    ExtractedEvent e = eventIn(s, EventKind::Legal, ticker, s.dateNear(a.capturedStart(0)));
    const QList<AmountMention> money = AmountParser::money(s.text);
    if (category == QLatin1String("fine") || category == QLatin1String("settlement")) {
        if (const AmountMention *m = nearest(money, a.capturedStart(0), a.capturedEnd(0), 60))
            e.amount = m->amount;
    }
    // Reports name the authority differently ("EU", "the European
    // Commission"): the kind of action identifies the event.
    e.subject = category;
    e.title = QStringLiteral("%1: %2%3%4")
                  .arg(ticker, by.isEmpty() ? QString() : by + QLatin1Char(' '), category,
                       e.amount.isEmpty() ? QString() : QStringLiteral(", ") + e.amount.moneyText());
    e.confidence = withCertainty(0.55, named);
    return {e};
}

QList<ExtractedEvent> rankings(const SentenceContext &s, const QHash<QString, QString> &products,
                               bool articleAboutBenchmarks)
{
    static const QRegularExpression score(QStringLiteral(
        "\\b(?:scored|scores|score of|ranked|ranks|placed)\\s+(?:a\\s+)?(?:No\\.\\s?|number\\s+|#)?"
        "(?<score>\\d+(?:\\.\\d+)?)\\b(?!\\s?%|\\s?percent)"));
    static const QRegularExpression nameBefore(
        QStringLiteral("(?<name>%1)(?:'s)?(?:\\s+model)?\\s+$").arg(properNamePattern()));
    static const QRegularExpression indexAfter(QStringLiteral("^\\s+(?:on|in) (?:the )?(?<index>%1)").arg(properNamePattern()));
    static const QRegularExpression benchmarkWords(QStringLiteral("\\b(?:[Ii]ndex|[Bb]enchmark|[Ll]eaderboard|[Aa]rena)\\b"));

    if (!mayRank(s.screen))
        return {};
    if (!articleAboutBenchmarks
        && !(s.screen.mayContainAny({"index", "benchmark", "leaderboard", "arena"}) && benchmarkWords.match(s.text).hasMatch()))
        return {};
    for (auto it = score.globalMatch(s.text); it.hasNext();) {
        const auto m = it.next();
        const QString left = s.text.left(m.capturedStart(0));
        QString product;
        qsizetype productStart = -1;
        const auto before = nameBefore.match(left);
        if (before.hasMatch() && !isStopName(cleanName(before.captured(QStringLiteral("name"))))) {
            product = cleanName(before.captured(QStringLiteral("name")));
            productStart = before.capturedStart(QStringLiteral("name"));
        } else {
            for (auto p = products.cbegin(); p != products.cend(); ++p) {
                const qsizetype at = left.indexOf(p.key());
                if (at >= 0 && (productStart < 0 || at < productStart)) {
                    product = p.key();
                    productStart = at;
                }
            }
        }
        if (product.isEmpty())
            continue;
        QString ticker = products.value(product);
        bool named = !ticker.isEmpty();
        if (ticker.isEmpty())
            ticker = companyAt(s, productStart, product.size());
        if (ticker.isEmpty())
            ticker = s.actorBefore(m.capturedStart(0), &named);
        if (ticker.isEmpty())
            continue;
        const QString index = cleanName(indexAfter.match(s.text.mid(m.capturedEnd(0))).captured(QStringLiteral("index")));
        const double value = m.captured(QStringLiteral("score")).toDouble();
        ExtractedEvent e = eventIn(s, EventKind::Ranking, ticker, s.dateNear(m.capturedStart(0)));
        e.amount.low = value;
        e.amount.high = value;
        e.amount.unit = QStringLiteral("points");
        e.subject = product.toLower();
        e.title = index.isEmpty() ? QStringLiteral("%1 %2 scores %3").arg(ticker, product, EventAmount::number(value))
                                  : QStringLiteral("%1 %2 scores %3 on %4").arg(ticker, product, EventAmount::number(value), index);
        e.confidence = withCertainty(0.6, named);
        return {e};
    }
    return {};
}

bool mayStateAnEvent(const KeywordScreen &screen)
{
    return mayLaunch(screen) || mayDeal(screen) || mayMovePrice(screen) || mayChangeLeadership(screen)
        || mayTakeLegalAction(screen) || mayRank(screen) || mayStateFigures(screen);
}

} // namespace detect

bool betterDate(const EventDate &candidate, const EventDate &current)
{
    if (!current.date.isValid())
        return candidate.date.isValid();
    if (candidate.basis != current.basis)
        return candidate.basis == DateBasis::Text;
    if (candidate.precision != current.precision)
        return int(candidate.precision) < int(current.precision);
    return candidate.date < current.date;
}

std::optional<qint64> sameEventMaxDaysApart(EventKind kind)
{
    // Keep in step with sameEvent below (tst_events checks that no pair
    // further apart than this is ever the same event).
    switch (kind) {
    case EventKind::Launch: return 45;
    case EventKind::Guidance: return 120;
    case EventKind::Actual: return std::nullopt;
    case EventKind::Deal: return 400;
    case EventKind::PriceMove: return 1;
    case EventKind::Leadership: return 365;
    case EventKind::Legal: return 30;
    case EventKind::Ranking: return 60;
    // Kinds only filings report (kFilingNewsWindowDays, 7, is within every
    // kind's window but a price move's, which no 8-K item reports).
    case EventKind::Results:
    case EventKind::Restructuring:
    case EventKind::CyberIncident:
    case EventKind::Other: return 30;
    }
    return std::nullopt;
}

bool sameEvent(const ExtractedEvent &a, const ExtractedEvent &b, DateRule dates)
{
    if (a.ticker != b.ticker || a.kind != b.kind || a.metric != b.metric)
        return false;
    const qint64 apart = dates == DateRule::Ignore ? 0 : EventDate::distanceDays(a.date, b.date);
    // What a company filed (an 8-K's items) is what the news reports of the
    // same kind close to the filing's date; two filings' events are one only
    // for the same items on the same day (an 8-K and its amendment).
    const bool aFiled = isFilingSubject(a.subject);
    const bool bFiled = isFilingSubject(b.subject);
    if (aFiled || bFiled)
        return aFiled && bFiled ? a.subject == b.subject && apart == 0 : apart <= kFilingNewsWindowDays;
    switch (a.kind) {
    case EventKind::Launch:
        return a.subject == b.subject && apart <= 45;
    case EventKind::Guidance:
        // A headline that gives no period ("guides revenue to $54bn") is the
        // body's figure for the period the body names.
        // A plain statement of a figure ("expects $91-93 billion") is the
        // revision it restates ("lifts its outlook to $91-93 billion"); a raise
        // and a later reaffirmation of the same figure are two events.
        return (a.subject == b.subject || a.subject.isEmpty() || b.subject.isEmpty())
            && (a.amount.period == b.amount.period || a.periodInferred || b.periodInferred)
            && a.amount.sameFigure(b.amount, 0.01) && apart <= 120;
    case EventKind::Actual:
        return a.amount.period == b.amount.period && a.amount.sameFigure(b.amount, 0.03);
    case EventKind::Deal: {
        const bool bothPartners = !a.subject.isEmpty() && !b.subject.isEmpty();
        const bool bothAmounts = !a.amount.isEmpty() && !b.amount.isEmpty();
        // The same counterparty for the same sum is one deal, even when a
        // look-back a year later retells it; anything less must be close in time.
        if (bothPartners && bothAmounts && a.subject == b.subject && a.amount.sameFigure(b.amount, 0.05))
            return apart <= 400;
        if (apart > 45)
            return false;
        if (bothPartners && a.subject != b.subject)
            return false;
        if (bothAmounts && !a.amount.sameFigure(b.amount, 0.05))
            return false;
        return (bothPartners && a.subject == b.subject) || (bothAmounts && a.amount.sameFigure(b.amount, 0.05));
    }
    case EventKind::PriceMove:
        return a.subject == b.subject && apart <= 1 && a.amount.low && b.amount.low
            && std::abs(*a.amount.low - *b.amount.low) <= 1.5;
    case EventKind::Leadership:
        return a.subject == b.subject && apart <= 365;
    case EventKind::Legal:
        return a.subject == b.subject && apart <= 30;
    case EventKind::Ranking:
        return a.subject == b.subject && a.amount.sameFigure(b.amount, 0.001) && apart <= 60;
    case EventKind::Results:
    case EventKind::Restructuring:
    case EventKind::CyberIncident:
    case EventKind::Other:
        return a.subject == b.subject && apart <= 30;
    }
    return false;
}

} // namespace tw
