#pragma once

#include "models/backtest/backtest.h"
#include "models/backtest/eventstudy.h"
#include "models/core/result.h"
#include "models/export/exportquery.h"

#include <QDate>
#include <QSqlDatabase>
#include <QStringList>

namespace tw {

// What the Signal panel shows, for some tickers and dates: the backtest's IC
// by forward window and mean return by label, and the event study's CAR curves.
struct SignalRequest {
    QStringList tickers;
    ScoreHorizon horizon = ScoreHorizon::Medium;
    QDate since, until;
    int recentYears = 0;       // without `since`: the last N years of stored prices
    QString benchmark;
};

struct SignalFigures {
    SignalRequest request;
    BacktestResult backtest;
    EventStudyResult events;
    // Set instead of the figures when there is nothing to show: what is missing.
    QString missing;
    bool syntheticPrices() const { return backtest.syntheticPrices || events.syntheticPrices; }
};

// Runs both studies (on whichever thread owns `db`). A store that cannot be
// read is an error; prices, news or days that are missing are `missing`.
Result<SignalFigures> computeSignalFigures(QSqlDatabase db, const SignalRequest &request);

// The figures as rows a spreadsheet reads (view, series, x, value, low, high,
// n): what Ctrl+E writes from the Signal panel, led by a "note" row when the
// prices are the demo's synthetic ones. A SELECT over VALUES, so the
// panel's export runs through the same job as every table's.
ExportQuery signalFiguresExport(const SignalFigures &figures);

} // namespace tw
