#include "models/domain/feed.h"

#include <array>
#include <utility>

namespace tw {

namespace {
const std::array<std::pair<FeedKind, const char *>, 6> kKinds{{
    {FeedKind::News, "news"},
    {FeedKind::Stooq, "stooq"},
    {FeedKind::YahooChart, "yahoo-chart"},
    {FeedKind::AlphaVantageDaily, "alphavantage-daily"},
    {FeedKind::FinnhubNews, "finnhub-news"},
    {FeedKind::AlphaVantageNews, "alphavantage-news"},
}};

const std::array<std::pair<FeedState, const char *>, 8> kStates{{
    {FeedState::Never, "never"},
    {FeedState::Ok, "ok"},
    {FeedState::NotModified, "not-modified"},
    {FeedState::Network, "network"},
    {FeedState::Http, "http"},
    {FeedState::Parse, "parse"},
    {FeedState::Provider, "provider"},
    {FeedState::Storage, "storage"},
}};
} // namespace

QString feedKindId(FeedKind kind)
{
    for (const auto &[k, id] : kKinds)
        if (k == kind)
            return QString::fromLatin1(id);
    return QStringLiteral("news");
}

bool feedKindFromId(const QString &id, FeedKind *kind)
{
    for (const auto &[k, name] : kKinds) {
        if (id == QLatin1String(name)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

bool feedKindIsPrices(FeedKind kind)
{
    return kind == FeedKind::Stooq || kind == FeedKind::YahooChart || kind == FeedKind::AlphaVantageDaily;
}

QString feedStateId(FeedState state)
{
    for (const auto &[s, id] : kStates)
        if (s == state)
            return QString::fromLatin1(id);
    return QStringLiteral("never");
}

FeedState feedStateFromId(const QString &id)
{
    for (const auto &[s, name] : kStates)
        if (id == QLatin1String(name))
            return s;
    return FeedState::Never;
}

} // namespace tw
