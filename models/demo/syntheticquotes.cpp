#include "models/demo/syntheticquotes.h"

#include <QTimeZone>

#include <cmath>

namespace tw {

namespace {
// splitmix64: tiny, fast and identical on every platform.
class SplitMix64 {
public:
    explicit SplitMix64(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
    double normal()
    {
        // Box-Muller; 1 - u keeps the logarithm finite.
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    }

private:
    quint64 m_state;
};

double roundCents(double v)
{
    return std::round(v * 100.0) / 100.0;
}
} // namespace

QList<QuoteBar> generateSyntheticBars(const SyntheticSeriesSpec &spec, const QDate &from, const QDate &to)
{
    QList<QuoteBar> bars;
    SplitMix64 rng(spec.seed);
    const QTimeZone zone(spec.timeZone.toUtf8());
    const double dt = 1.0 / 252.0;
    const double sigma = spec.annualVolatility * std::sqrt(dt);
    const double mu = (spec.annualDrift - 0.5 * spec.annualVolatility * spec.annualVolatility) * dt;
    double previousClose = spec.startPrice;

    for (QDate d = from; d <= to; d = d.addDays(1)) {
        if (d.dayOfWeek() >= 6)
            continue;
        double dailyReturn = mu + sigma * rng.normal();
        double volumeFactor = 1.0 + 0.35 * std::abs(rng.normal());
        for (const SyntheticShock &shock : spec.shocks) {
            if (shock.date == d) {
                dailyReturn = std::log1p(shock.returnPercent / 100.0);
                volumeFactor = 3.0;
            }
        }
        const double open = previousClose * std::exp(0.15 * sigma * rng.normal());
        const double close = previousClose * std::exp(dailyReturn);
        const double spread = std::abs(sigma * rng.normal()) * 0.6 + 0.002;
        QuoteBar bar;
        bar.ticker = spec.ticker;
        bar.interval = QStringLiteral("1d");
        bar.tradingDate = d;
        bar.timestamp = QDateTime(d, QTime(0, 0), zone).toUTC();
        bar.open = roundCents(open);
        bar.close = roundCents(close);
        bar.high = roundCents(std::max(open, close) * (1.0 + spread));
        bar.low = roundCents(std::min(open, close) * (1.0 - spread));
        bar.volume = qint64(double(spec.baseVolume) * volumeFactor);
        bar.source = QStringLiteral("demo");
        bars << bar;
        previousClose = close;
    }
    return bars;
}

} // namespace tw
