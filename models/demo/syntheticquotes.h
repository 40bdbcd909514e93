#pragma once

#include "models/domain/quote.h"

#include <QDate>
#include <QList>
#include <QString>

namespace tw {

// A day on which the synthetic series should jump, so the demo chart shows the
// reported moves (e.g. META's ~9% on 2026-04-08). The returns are synthetic.
struct SyntheticShock {
    QDate date;
    double returnPercent = 0;
};

struct SyntheticSeriesSpec {
    QString ticker;
    QString timeZone = QStringLiteral("America/New_York");
    double startPrice = 100;
    double annualDrift = 0.10;
    double annualVolatility = 0.30;
    qint64 baseVolume = 20'000'000;
    quint64 seed = 1;
    QList<SyntheticShock> shocks;
};

// Deterministic daily bars (weekdays) from `from` to `to`, source "demo". Uses
// its own generator and normal transform, not <random>'s distributions, whose
// output differs between standard libraries.
QList<QuoteBar> generateSyntheticBars(const SyntheticSeriesSpec &spec, const QDate &from, const QDate &to);

} // namespace tw
