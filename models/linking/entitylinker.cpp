#include "models/linking/entitylinker.h"

#include <QMap>

#include <algorithm>

namespace tw {

namespace {
// Hyphenated forms that still name the company ("Meta-owned WhatsApp");
// any other hyphenated continuation ("meta-analysis") does not.
const QStringList kHyphenSuffixes{QStringLiteral("owned"), QStringLiteral("backed"), QStringLiteral("led"),
                                  QStringLiteral("based"), QStringLiteral("made"), QStringLiteral("built")};

constexpr double kTitleWeight = 0.55;
constexpr double kLeadWeight = 0.3;
constexpr double kBodyMentionWeight = 0.08;
constexpr double kBodyCap = 0.3;
constexpr double kProviderFloor = 0.5;
constexpr qsizetype kLeadLength = 400;
} // namespace

EntityLinker::EntityLinker(const QList<TickerInfo> &tickers)
{
    QStringList surfaces;
    for (const TickerInfo &t : tickers) {
        const QString symbol = t.symbol.toUpper();
        m_symbols.insert(symbol, symbol);
        // A bare symbol counts only in capitals and with at least two letters.
        if (symbol.size() >= 2) {
            m_bySurface.insert(symbol, symbol);
            surfaces << symbol;
        }
        for (const QString &alias : t.aliases) {
            if (alias.trimmed().isEmpty())
                continue;
            m_bySurface.insert(alias.trimmed(), symbol);
            surfaces << alias.trimmed();
        }
        if (!t.name.isEmpty()) {
            m_bySurface.insert(t.name, symbol);
            surfaces << t.name;
        }
    }
    surfaces.removeDuplicates();
    // Longest first, so "Meta Platforms" wins over "Meta" at the same place.
    std::sort(surfaces.begin(), surfaces.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList escaped;
    for (const QString &s : surfaces)
        escaped << QRegularExpression::escape(s);
    const QString alternation = escaped.isEmpty() ? QStringLiteral("(?!)") : escaped.join(QLatin1Char('|'));
    m_pattern.setPattern(QStringLiteral("\\$([A-Za-z]{1,6})(?![A-Za-z0-9])|(?<![\\w$@#/.-])(%1)(?!\\w)(-[A-Za-z]+)?")
                             .arg(alternation));
    m_pattern.optimize();
}

QString EntityLinker::tickerFor(const QString &surface) const
{
    return m_bySurface.value(surface);
}

QList<EntityMention> EntityLinker::mentions(const QString &text) const
{
    QList<EntityMention> found;
    auto it = m_pattern.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart(1) >= 0) {
            const QString ticker = m_symbols.value(m.captured(1).toUpper());
            if (!ticker.isEmpty())
                found << EntityMention{ticker, m.capturedStart(0), m.capturedLength(0)};
            continue;
        }
        const QString hyphenated = m.captured(3);
        if (!hyphenated.isEmpty() && !kHyphenSuffixes.contains(hyphenated.mid(1).toLower()))
            continue;
        const QString ticker = tickerFor(m.captured(2));
        if (!ticker.isEmpty())
            found << EntityMention{ticker, m.capturedStart(2), m.capturedLength(2)};
    }
    return found;
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

    for (const EntityMention &m : mentions(article.title)) {
        tally[m.ticker].title = kTitleWeight;
        ++tally[m.ticker].mentions;
    }
    const QString lead = article.summary.isEmpty() ? article.body.left(kLeadLength) : article.summary;
    for (const EntityMention &m : mentions(lead)) {
        tally[m.ticker].lead = kLeadWeight;
        ++tally[m.ticker].mentions;
    }
    if (!article.summary.isEmpty() || article.body.size() > kLeadLength) {
        const QString rest = article.summary.isEmpty() ? article.body.mid(kLeadLength) : article.body;
        for (const EntityMention &m : mentions(rest)) {
            Tally &t = tally[m.ticker];
            t.body = std::min(kBodyCap, t.body + kBodyMentionWeight);
            ++t.mentions;
        }
    }

    QList<TickerLink> links;
    for (auto it = tally.cbegin(); it != tally.cend(); ++it) {
        const double relevance = std::min(1.0, it->title + it->lead + it->body + (it->mentions > 0 ? 0.07 : 0.0));
        links << TickerLink{it.key(), relevance, it->mentions};
    }
    // A provider's own ticker tags (nasdaq:tickers, Finnhub related) count as
    // a solid link even when our aliases do not match the text.
    for (const QString &provided : article.providerTickers) {
        const QString symbol = provided.trimmed().toUpper();
        if (!m_symbols.contains(symbol))
            continue;
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
