#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>

namespace twbench {

// Fills a store with `count` synthetic articles, each linked to one of five
// tickers and scored, with titles that need CSV quoting now and then. Written
// straight with SQL in one transaction: the point is a big store fast, not the
// ingest path.
tw::Status generateArticles(QSqlDatabase db, qint64 count);

} // namespace twbench
