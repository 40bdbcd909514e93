#pragma once

#include "models/domain/feed.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tw {

// A provider whose API key Tickerwire adds to requests, and where that key
// may go: only to these hosts, only over https, only on the default port,
// whatever a feed's kind says (a feed of kind alphavantage-daily pointing at
// another host, or at plain http, is fetched without the key).
struct ApiKeyProvider {
    QString id;             // "alphavantage": the keychain entry and `keys set` name
    QString parameter;      // the query parameter the key travels in
    QStringList hosts;      // the provider's own API hosts, lower case
};

const QList<ApiKeyProvider> &apiKeyProviders();
std::optional<ApiKeyProvider> apiKeyProvider(const QString &id);

// The provider whose key a feed of `kind` needs, if any.
std::optional<ApiKeyProvider> apiKeyProviderFor(FeedKind kind);

// Whether `provider`'s key may be sent with a request for `url`.
bool mayCarryKey(const ApiKeyProvider &provider, const QUrl &url);

} // namespace tw
