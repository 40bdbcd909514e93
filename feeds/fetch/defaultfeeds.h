#pragma once

#include "models/domain/feed.h"

#include <QList>

namespace tw {

// The feeds a META workspace starts with: real provider URLs, each optional
// and editable after adding. Keyed price providers (Alpha Vantage, Stooq) are
// added disabled: they are alternatives to Yahoo once a key is in the keychain.
QList<Feed> defaultMetaFeeds();

} // namespace tw
