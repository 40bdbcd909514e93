#pragma once

#include "models/domain/article.h"
#include "models/domain/ticker.h"
#include "models/linking/nameindex.h"

#include <QHash>
#include <QSet>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <memory>
#include <span>

namespace tw {

class CommonWords;
class CompanyDirectory;

// Which part of an article a character offset refers to.
enum class ArticleField { Title, Summary, Body };

// One place where the text names a company.
struct EntityMention {
    QString ticker;
    qsizetype start = 0;    // in the text that was searched
    qsizetype length = 0;
};

// A link at least this relevant (0-100) has the company as a subject of the
// article, not a passing mention: the article list's "Main subject" filter
// and the alert rules that count articles go by it.
constexpr int kMainSubjectRelevance = 30;

// An article's link to a company, with how central the company is to it:
// 1.0 for a company in the title and throughout, ~0.1 for a passing mention.
// The store keeps it as a whole number 0-100 (relevancePercent()).
struct TickerLink {
    QString ticker;
    double relevance = 0;
    int mentions = 0;

    int relevancePercent() const { return int(relevance * 100.0 + 0.5); }
    // article_tickers.relevance (0-100) as the 0-1 weight every reader uses.
    static double relevanceFromStore(double percent) { return percent / 100.0; }
};

// Finds the watchlist companies a text is about.
// - Names and aliases, matched word by word against every listed company
//   (the SEC directory) as well as the watchlist: the longest name wins, so
//   "Meta Materials" or "Apple Hospitality REIT" is another company; a name
//   followed by an organisation word ("Meta Financial Group", "Ford
//   Foundation") is another organisation.
// - Names that are everyday words or short acronyms ("Apple", "Ford",
//   "Azure", "MSL") count only with evidence of the company: business words
//   around them, the company acting ("Ford recalls"), or the company named
//   otherwise in the article. Any name next to words of another sense
//   ("Amazon rainforest", "Azure skies", "NASA's MSL rover", "Gemini crypto
//   exchange") is not the company.
// - Tickers: cashtags ($COST), exchange-qualified forms ("NASDAQ: COST",
//   "COST.O", "(COST)") and bare capitals ("AMZN"); a ticker that is an
//   English word or one or two letters ("COST", "NET", "F") counts bare only
//   in a sentence that also names the company. Share classes are one company.
class EntityLinker {
public:
    // Uses the compiled-in company directory and word list.
    explicit EntityLinker(const QList<TickerInfo> &tickers);
    EntityLinker(const QList<TickerInfo> &tickers, const CompanyDirectory &directory, const CommonWords &words);
    ~EntityLinker();

    QList<EntityMention> mentions(const QString &text) const;
    QList<TickerLink> link(const Article &article) const;
    bool isEmpty() const { return m_companies.isEmpty(); }

private:
    struct Company {
        QString symbol;
        QStringList tickers;   // every share class, normalised ("BRK-B")
    };
    struct Found {
        int field = 0;
        int owner = 0;
        qsizetype start = 0;
        qsizetype length = 0;
    };
    using FoundList = QVarLengthArray<Found, 8>;
    FoundList analyse(std::span<const QStringView> fields) const;

    QList<Company> m_companies;
    QHash<QString, int> m_byTicker;              // any share class -> company
    NameIndex m_watchNames;
    std::shared_ptr<const NameIndex> m_directoryNames;
    QHash<int, int> m_directoryToWatch;          // directory company on the watchlist -> company
    QList<QSet<QString>> m_derivedNames;          // per company: lower-case names from its legal name
    QList<QSet<QString>> m_capitalNames;          // per company: names written in capitals ("SAP", "AWS")
    const CommonWords &m_words;
};

} // namespace tw
