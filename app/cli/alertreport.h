#pragma once

#include "models/alerts/firedalertstore.h"

#include <QList>
#include <QSqlDatabase>
#include <QTextStream>

namespace tw {

// One firing as `alerts fired` prints it, tab-separated: id, time (UTC),
// rule, message (an article firing's message names the titles), and
// "acknowledged" when it is.
QString firedLine(const FiredAlert &alert);

// Prints new firings ("alert: ...") after ingest or check, and hands them to
// the desktop notifier when a session bus is there (cron has none: printing
// is then the only delivery).
// Do-not-disturb and pop-ups off (the analyst's, for the store `db`) keep
// them off the desktop.
void reportFirings(const QList<FiredAlert> &fired, const QSqlDatabase &db, QTextStream &out);

// Runs the alert rules now (after a fetch round or a quote import) and
// reports what fired. A failure is printed to `err` and returned as false;
// the data that came in stays stored either way.
bool evaluateAndReport(QSqlDatabase db, QTextStream &out, QTextStream &err);

} // namespace tw
