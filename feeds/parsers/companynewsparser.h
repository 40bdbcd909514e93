#pragma once

#include "models/core/result.h"
#include "feeds/parsers/parsedfeed.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>

namespace tw {

// The keyed company-news APIs. Their own sentiment figures travel in
// Article::providerSentiment, kept beside our scores, never replacing them.
class FinnhubNewsParser {
public:
    // /api/v1/company-news: [{category, datetime (unix s), headline, id, image,
    // related, source, summary, url}, ...]
    static bool recognizes(const QJsonDocument &json);
    static Result<ParsedFeed> parse(const QJsonDocument &json, const QDateTime &fetchedUtc);
    static Result<ParsedFeed> parse(const QByteArray &document, const QDateTime &fetchedUtc);
};

class AlphaVantageNewsParser {
public:
    // NEWS_SENTIMENT: {"items": "50", "feed": [{title, url, time_published
    // ("20260408T170500"), authors[], summary, source, overall_sentiment_score,
    // overall_sentiment_label, ticker_sentiment[{ticker, relevance_score,
    // ticker_sentiment_score, ticker_sentiment_label}]}]}
    static bool recognizes(const QJsonDocument &json);
    static Result<ParsedFeed> parse(const QJsonDocument &json, const QDateTime &fetchedUtc);
    static Result<ParsedFeed> parse(const QByteArray &document, const QDateTime &fetchedUtc);
};

} // namespace tw
