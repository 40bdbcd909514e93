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
    // Which key a kind needs is the kind table's to say (models/domain/feed.h).
    const char *provider = feedKindInfo(kind).keyProvider;
    return provider ? apiKeyProvider(QString::fromLatin1(provider)) : std::nullopt;
}

bool mayCarryKey(const ApiKeyProvider &provider, const QUrl &url)
{
    return url.isValid() && url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0
        && url.port(443) == 443 && provider.hosts.contains(url.host(QUrl::FullyEncoded).toLower());
}

} // namespace tw
