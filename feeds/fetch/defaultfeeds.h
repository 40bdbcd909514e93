#pragma once

#include "models/domain/feed.h"

#include <QList>

namespace tw {

// The feeds a META workspace starts with: real provider URLs, each optional
// and editable after adding. Keyed price providers (Alpha Vantage, Stooq) are
// added disabled: they are alternatives to Yahoo once a key is in the keychain.
QList<Feed> defaultMetaFeeds();

// A company's SEC feeds, by its ticker and CIK: the 8-K filing Atom feed
// (hourly; each 8-K's items become events) and the XBRL company facts
// (weekly; reported capex, revenue, expenses).
Feed secCurrentReportsFeed(const QString &ticker, qint64 cik);
Feed secCompanyFactsFeed(const QString &ticker, qint64 cik);

} // namespace tw
