#include "models/events/eventextractor.h"

#include "models/events/eventdetectors.h"
#include "models/events/sentencecontext.h"
#include "models/text/articletext.h"
#include "models/text/sentencesplitter.h"
#include "models/text/wholewordsearch.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

namespace tw {

namespace {
// Below this an article only mentions a company in passing; it is not "the
// company" that an unnamed subject ("The company expects ...") refers to.
constexpr double kPrimaryRelevance = 0.5;

// News dates follow the US market day the companies trade in: an article
// published at 01:00 UTC belongs to the evening before in New York.
QDate marketDate(const QDateTime &published)
{
    static const QTimeZone newYork("America/New_York");
    return published.isValid() ? published.toTimeZone(newYork).date() : QDate();
}
} // namespace

EventExtractor::EventExtractor(const EntityLinker &linker) : m_linker(linker) {}

QHash<QString, QString> EventExtractor::productOwners(const QString &text, const KeywordScreen &screen,
                                                     const QSet<QString> &linked) const
{
    // "Meta's Muse Spark", "Meta's new Llama 4 model", "Meta unveiled Muse
    // Spark": the article ties the name to the company, so later sentences
    // that only name the product ("Muse Spark scored 52") are about it.
    static const QRegularExpression possessive(
        QStringLiteral("^(?:'s|’s)\\s+(?:(?:new|latest|own|first)\\s+)?(?<name>%1)").arg(properNamePattern()));
    static const QRegularExpression launched(
        QStringLiteral("^\\s+(?:has\\s+)?(?:launched|unveiled|introduced|released|debuted|launches|unveils|introduces|"
                       "releases|debuts)\\s+(?:its\\s+)?(?:(?:new|latest|first)\\s+)?(?<name>%1)")
            .arg(properNamePattern()));
    QHash<QString, QString> owners;
    // Both patterns need "'s" or one of the verbs: without them the (costly)
    // search for company mentions finds no owner.
    if (!screen.mayContainAny({"'s", "launche", "unveil", "introduce", "release", "debut"}))
        return owners;
    for (const EntityMention &m : m_linker.mentions(text)) {
        if (!linked.contains(m.ticker))
            continue;
        const QString rest = text.mid(m.start + m.length, 120);
        for (const QRegularExpression *re : {&possessive, &launched}) {
            const auto match = re->match(rest);
            const QString name = cleanName(match.captured(QStringLiteral("name")));
            if (match.hasMatch() && name.size() > 1 && !isStopName(name) && !owners.contains(name))
                owners.insert(name, m.ticker);
        }
    }
    return owners;
}

QList<ExtractedEvent> EventExtractor::extract(const Article &article, const QList<TickerLink> &links) const
{
    QList<ExtractedEvent> events;
    if (links.isEmpty())
        return events;
    QSet<QString> linked;
    for (const TickerLink &l : links)
        linked.insert(l.ticker);
    const QString primary = links.first().relevance >= kPrimaryRelevance ? links.first().ticker : QString();
    const QString text = ArticleText::compose(article);
    const QDate published = marketDate(article.published);
    const KeywordScreen screen(text);
    const QHash<QString, QString> products = productOwners(text, screen, linked);
    static const QRegularExpression benchmarkWords(QStringLiteral("\\b(?:[Ii]ndex|[Bb]enchmark|[Ll]eaderboard)\\b"));
    const bool aboutBenchmarks = screen.mayContainAny({"index", "benchmark", "leaderboard"})
                                 && benchmarkWords.match(text).hasMatch();

    for (const SentenceSpan &span : SentenceSplitter::split(text)) {
        SentenceContext s;
        s.screen = KeywordScreen(QStringView(text).mid(span.start, span.length));
        // Finding the sentence's companies and dates is most of its cost:
        // skip it where no detector could find anything whatever they are.
        if (!detect::mayStateAnEvent(s.screen))
            continue;
        s.text = text.mid(span.start, span.length);
        s.offset = span.start;
        s.published = published;
        s.primary = primary;
        for (const EntityMention &m : m_linker.mentions(s.text))
            if (linked.contains(m.ticker))
                s.aliases << m;
        s.companies = s.aliases;
        // Product names stand for their company ("Muse Spark scored 52").
        // A name as a whole word (not "Llama 4" in "Llama 40"): a string search, not a pattern
        // compiled per name and article (most of the extractor's cost when it was one).
        for (auto p = products.cbegin(); p != products.cend(); ++p) {
            for (const WholeWordSearch::Hit &m : WholeWordSearch::all(s.text, p.key())) {
                const bool inside = std::any_of(s.companies.cbegin(), s.companies.cend(), [&](const EntityMention &c) {
                    return c.start < m.start + m.length && m.start < c.start + c.length;
                });
                if (!inside)
                    s.companies << EntityMention{p.value(), m.start, m.length};
            }
        }
        std::sort(s.companies.begin(), s.companies.end(),
                  [](const EntityMention &a, const EntityMention &b) { return a.start < b.start; });
        s.dates = TextDateFinder::find(s.text, published);

        QList<ExtractedEvent> found;
        found << detect::launches(s) << detect::deals(s) << detect::priceMoves(s) << detect::leadership(s)
              << detect::legal(s) << detect::rankings(s, products, aboutBenchmarks) << detect::figures(s);
        for (const ExtractedEvent &e : found) {
            if (!linked.contains(e.ticker))
                continue;
            // Title, summary and body often state one event three times: keep
            // one, with the best date and the most confident statement.
            auto same = std::find_if(events.begin(), events.end(), [&](const ExtractedEvent &k) { return sameEvent(k, e, DateRule::Ignore); });
            if (same == events.end()) {
                events << e;
                continue;
            }
            const EventDate date = betterDate(e.date, same->date) ? e.date : same->date;
            if (e.confidence > same->confidence)
                *same = e;
            same->date = date;
        }
    }
    return events;
}

} // namespace tw
