#pragma once

#include "models/store/eventstore.h"

#include <QSqlDatabase>
#include <QString>

namespace twtest {

// The events of `kind` stored for `ticker`: what a suite checks after an
// ingest or an import has merged what it read.
inline tw::Result<QList<tw::StoredEvent>> eventsOf(QSqlDatabase db, const QString &ticker, tw::EventKind kind)
{
    tw::EventFilter filter;
    filter.ticker = ticker;
    filter.kind = kind;
    return tw::EventStore(db).query(filter);
}

} // namespace twtest
