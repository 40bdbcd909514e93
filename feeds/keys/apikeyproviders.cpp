#include "feeds/keys/apikeyproviders.h"

namespace tw {

const QList<ApiKeyProvider> &apiKeyProviders()
{
    static const QList<ApiKeyProvider> providers = {
        {QStringLiteral("alphavantage"), QStringLiteral("apikey"),
         {QStringLiteral("www.alphavantage.co"), QStringLiteral("alphavantage.co")}},
        {QStringLiteral("finnhub"), QStringLiteral("token"), {QStringLiteral("finnhub.io")}},
        {QStringLiteral("stooq"), QStringLiteral("apikey"),
         {QStringLiteral("stooq.com"), QStringLiteral("www.stooq.com"), QStringLiteral("stooq.pl"), QStringLiteral("www.stooq.pl")}},
    };
    return providers;
}

std::optional<ApiKeyProvider> apiKeyProvider(const QString &id)
{
    for (const ApiKeyProvider &p : apiKeyProviders())
        if (p.id == id)
            return p;
    return std::nullopt;
}

std::optional<ApiKeyProvider> apiKeyProviderFor(FeedKind kind)
{
    switch (kind) {
    case FeedKind::AlphaVantageDaily:
    case FeedKind::AlphaVantageNews: return apiKeyProvider(QStringLiteral("alphavantage"));
    case FeedKind::FinnhubNews: return apiKeyProvider(QStringLiteral("finnhub"));
    case FeedKind::Stooq: return apiKeyProvider(QStringLiteral("stooq"));
    case FeedKind::News:
    case FeedKind::YahooChart: return std::nullopt;
    }
    return std::nullopt;
}

bool mayCarryKey(const ApiKeyProvider &provider, const QUrl &url)
{
    return url.isValid() && url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0
        && url.port(443) == 443 && provider.hosts.contains(url.host(QUrl::FullyEncoded).toLower());
}

} // namespace tw
