#pragma once

#include "models/domain/article.h"
#include "models/domain/ticker.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace tw {

// Which part of an article a character offset refers to.
enum class ArticleField { Title, Summary, Body };

// One place where the text names a company.
struct EntityMention {
    QString ticker;
    qsizetype start = 0;    // in the text that was searched
    qsizetype length = 0;
};

// An article's link to a company, with how central the company is to it:
// 1.0 for a company in the title and throughout, ~0.1 for a passing mention.
struct TickerLink {
    QString ticker;
    double relevance = 0;
    int mentions = 0;
};

// Finds the companies a text is about: cashtags ($META), bare symbols in
// capitals (META), and the names and aliases of each known ticker (Meta,
// Meta Platforms, Facebook parent). Aliases match case-sensitively on word
// boundaries, so "metadata" and "meta-analysis" are not Meta.
class EntityLinker {
public:
    explicit EntityLinker(const QList<TickerInfo> &tickers);

    QList<EntityMention> mentions(const QString &text) const;
    QList<TickerLink> link(const Article &article) const;
    bool isEmpty() const { return m_bySurface.isEmpty() && m_symbols.isEmpty(); }

private:
    QString tickerFor(const QString &surface) const;

    QRegularExpression m_pattern;
    QHash<QString, QString> m_bySurface;   // alias or symbol as written -> ticker
    QHash<QString, QString> m_symbols;     // upper-case symbol -> ticker (for cashtags)
};

} // namespace tw
