#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tw {

// A sentiment figure that a news provider attached to an article (Alpha Vantage
// NEWS_SENTIMENT, ...). Kept beside ours for comparison, never in place of ours.
struct ProviderSentiment {
    QString provider;   // "alphavantage", "finnhub"
    QString ticker;     // empty when the provider scored the whole article
    std::optional<double> score;
    QString label;
    std::optional<double> relevance;
};

// One news article as a parser produces it and the store keeps it.
struct Article {
    qint64 id = 0;              // store row id; 0 until stored
    QString guid;               // stable identity: feed guid, else link, else content hash
    QString url;                // canonical link
    QString title;
    QString summary;            // plain text
    QString body;               // plain text (HTML is sanitised before it gets here)
    QString author;
    QString source;             // publisher name ("Reuters", "Meta Newsroom")
    QString sourceUrl;
    QDateTime published;        // UTC
    bool publishedEstimated = false;  // the feed had no date: fetch time stands in
    QDateTime fetched;          // UTC
    qint64 feedId = 0;          // 0 when not from a configured feed (file ingest, demo)
    QStringList providerTickers;      // tickers the provider named (nasdaq:tickers, Finnhub related)
    QList<ProviderSentiment> providerSentiment;
};

} // namespace tw
