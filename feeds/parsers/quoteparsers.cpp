#include "feeds/parsers/quoteparsers.h"

#include "feeds/parsers/documenttext.h"
#include "feeds/parsers/jsonbody.h"
#include "feeds/parsers/safenumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace tw {

namespace {
QuoteBar dailyBar(const QString &ticker, const QDate &date, const QTimeZone &zone, const QString &source)
{
    QuoteBar bar;
    bar.ticker = ticker;
    bar.tradingDate = date;
    bar.timestamp = QDateTime(date, QTime(0, 0), zone).toUTC();
    bar.source = source;
    return bar;
}

void sortAndDeduplicate(ParsedQuotes *quotes)
{
    std::stable_sort(quotes->bars.begin(), quotes->bars.end(),
                     [](const QuoteBar &a, const QuoteBar &b) { return a.tradingDate < b.tradingDate; });
    // Yahoo repeats the live day at the end while the session is open; the last one wins.
    QList<QuoteBar> unique;
    for (const QuoteBar &bar : std::as_const(quotes->bars)) {
        if (!unique.isEmpty() && unique.last().tradingDate == bar.tradingDate)
            unique.last() = bar;
        else
            unique << bar;
    }
    quotes->bars = unique;
}

bool plausible(const QuoteBar &b)
{
    return b.close > 0 && b.high >= b.low && b.open >= 0 && b.volume >= 0;
}

// Yahoo's meta.dataGranularity: "1d" (or none) is daily; "1m" ... "90m", "1h"
// are bars within a session; "5d", "1wk", "1mo", "3mo" span several sessions.
enum class Granularity { Daily, Intraday, Longer };

Granularity granularityOf(const QString &g)
{
    if (g.isEmpty() || g == QLatin1String("1d"))
        return Granularity::Daily;
    if (g.endsWith(QLatin1Char('h')) || (g.endsWith(QLatin1Char('m')) && !g.endsWith(QLatin1String("mo"))))
        return Granularity::Intraday;
    return Granularity::Longer;
}

// The regular sessions of an intraday chart (meta.tradingPeriods: a list of
// lists of {start, end}, or {"pre", "regular", "post"} with pre/post-market
// data), as [start, end) pairs in UTC seconds; empty when Yahoo names none.
QList<std::pair<qint64, qint64>> regularSessions(const QJsonObject &meta)
{
    const QJsonValue periods = meta.value(QLatin1String("tradingPeriods"));
    const QJsonArray days = periods.isObject() ? periods.toObject().value(QLatin1String("regular")).toArray()
                                               : periods.toArray();
    QList<std::pair<qint64, qint64>> out;
    for (const QJsonValue &day : days) {
        const QJsonArray list = day.isArray() ? day.toArray() : QJsonArray{day};
        for (const QJsonValue &p : list) {
            const QJsonObject o = p.toObject();
            const qint64 start = toInt64OrZero(o.value(QLatin1String("start")).toDouble());
            const qint64 end = toInt64OrZero(o.value(QLatin1String("end")).toDouble());
            if (start > 0 && end > start)
                out << std::pair{start, end};
        }
    }
    return out;
}

// A day's bars within the session made one daily bar: the first open, the
// highest high, the lowest low, the last close, the volumes summed.
void mergeIntoDaily(QuoteBar &day, const QuoteBar &minute)
{
    day.high = std::max(day.high, minute.high);
    day.low = std::min(day.low, minute.low);
    day.close = minute.close;
    day.volume += minute.volume;
}
} // namespace

bool StooqCsvParser::recognizes(QStringView firstLine)
{
    return firstLine.startsWith(QLatin1String("Date,Open,High,Low,Close"), Qt::CaseInsensitive)
        || firstLine.startsWith(QLatin1String("Data,Otwarcie"), Qt::CaseInsensitive);
}

Result<ParsedQuotes> StooqCsvParser::parse(const QByteArray &body, const QString &ticker, const QTimeZone &exchangeZone)
{
    return parse(decodeDocument(body).text, ticker, exchangeZone);
}

Result<ParsedQuotes> StooqCsvParser::parse(const QString &text, const QString &ticker, const QTimeZone &exchangeZone)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.isEmpty() || !lines.first().trimmed().startsWith(QLatin1String("Date,Open,High,Low,Close"), Qt::CaseInsensitive))
        return fail(QStringLiteral("Not a Stooq daily CSV (header \"%1\")").arg(lines.value(0).trimmed().left(60)));
    ParsedQuotes quotes;
    quotes.ticker = ticker;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList f = line.split(QLatin1Char(','));
        const QDate date = QDate::fromString(f.value(0), Qt::ISODate);
        bool okO = false, okH = false, okL = false, okC = false;
        QuoteBar bar = dailyBar(ticker, date, exchangeZone, QStringLiteral("stooq"));
        bar.open = f.value(1).toDouble(&okO);
        bar.high = f.value(2).toDouble(&okH);
        bar.low = f.value(3).toDouble(&okL);
        bar.close = f.value(4).toDouble(&okC);
        bar.volume = toInt64OrZero(f.value(5).toDouble());   // absent for indices; Stooq sometimes prints 1.5e+07
        if (!date.isValid() || !okO || !okH || !okL || !okC || !plausible(bar)) {
            quotes.skipped << QStringLiteral("line %1: unreadable row \"%2\"").arg(i + 1).arg(line.left(80));
            continue;
        }
        quotes.bars << bar;
    }
    sortAndDeduplicate(&quotes);
    return quotes;
}

bool YahooChartParser::recognizes(const QJsonDocument &json)
{
    return json.isObject() && json.object().contains(QLatin1String("chart"));
}

Result<ParsedQuotes> YahooChartParser::parse(const QByteArray &body, const QString &ticker)
{
    return parseJsonBody<YahooChartParser>(body, QStringLiteral("Yahoo chart"), ticker);
}

Result<ParsedQuotes> YahooChartParser::parse(const QJsonDocument &json, const QString &ticker)
{
    if (!json.isObject())
        return fail(QStringLiteral("Not Yahoo chart JSON (expected an object)"));
    const QJsonObject root = json.object();
    const QJsonObject chart = root.value(QLatin1String("chart")).toObject();
    if (const QJsonObject error = chart.value(QLatin1String("error")).toObject(); !error.isEmpty())
        return fail(QStringLiteral("Yahoo chart error %1: %2")
                        .arg(error.value(QLatin1String("code")).toString(),
                             error.value(QLatin1String("description")).toString()));
    const QJsonObject result = chart.value(QLatin1String("result")).toArray().first().toObject();
    if (result.isEmpty())
        return fail(QStringLiteral("Yahoo chart without a result"));
    const QJsonObject meta = result.value(QLatin1String("meta")).toObject();
    ParsedQuotes quotes;
    quotes.ticker = ticker.isEmpty() ? meta.value(QLatin1String("symbol")).toString() : ticker;
    QTimeZone zone(meta.value(QLatin1String("exchangeTimezoneName")).toString().toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(meta.value(QLatin1String("gmtoffset")).toInt());
    const QString granularity = meta.value(QLatin1String("dataGranularity")).toString();
    const Granularity kind = granularityOf(granularity);
    if (kind == Granularity::Longer)
        return fail(QStringLiteral("Yahoo chart of %1 bars: daily bars need interval=1d").arg(granularity.left(8)));
    // Intraday bars are summed into the day they trade in; outside the
    // regular session (pre- and post-market) they are left out, as from
    // Yahoo's own daily bar.
    const auto sessions = kind == Granularity::Intraday ? regularSessions(meta) : QList<std::pair<qint64, qint64>>{};
    auto inSession = [&](qint64 seconds) {
        return sessions.isEmpty() || std::any_of(sessions.cbegin(), sessions.cend(), [&](const auto &p) {
                   return seconds >= p.first && seconds < p.second;
               });
    };
    const QJsonArray stamps = result.value(QLatin1String("timestamp")).toArray();
    const QJsonObject quote =
        result.value(QLatin1String("indicators")).toObject().value(QLatin1String("quote")).toArray().first().toObject();
    const QJsonArray open = quote.value(QLatin1String("open")).toArray();
    const QJsonArray high = quote.value(QLatin1String("high")).toArray();
    const QJsonArray low = quote.value(QLatin1String("low")).toArray();
    const QJsonArray close = quote.value(QLatin1String("close")).toArray();
    const QJsonArray volume = quote.value(QLatin1String("volume")).toArray();
    for (qsizetype i = 0; i < stamps.size(); ++i) {
        const qint64 seconds = toInt64OrZero(stamps.at(i).toDouble());
        const auto c = jsonNumber(close.at(i));
        if (seconds <= 0 || seconds >= 100000000000LL || !c) {
            // Yahoo leaves holes (null) for halted or not-yet-final bars.
            quotes.skipped << QStringLiteral("bar %1: no close").arg(i + 1);
            continue;
        }
        // The session's own date: a bar opening 09:30 New York is that New
        // York day, wherever this machine is.
        const QDate date = QDateTime::fromSecsSinceEpoch(seconds, zone).date();
        QuoteBar bar = dailyBar(quotes.ticker, date, zone, QStringLiteral("yahoo"));
        bar.close = *c;
        bar.open = jsonNumber(open.at(i)).value_or(*c);
        bar.high = jsonNumber(high.at(i)).value_or(std::max(bar.open, *c));
        bar.low = jsonNumber(low.at(i)).value_or(std::min(bar.open, *c));
        bar.volume = toInt64OrZero(jsonNumber(volume.at(i)).value_or(0));
        if (!plausible(bar)) {
            quotes.skipped << QStringLiteral("bar %1: implausible values").arg(i + 1);
            continue;
        }
        if (kind == Granularity::Intraday) {
            if (!inSession(seconds))
                continue;
            if (!quotes.bars.isEmpty() && quotes.bars.last().tradingDate == date) {
                mergeIntoDaily(quotes.bars.last(), bar);
                continue;
            }
        }
        quotes.bars << bar;
    }
    sortAndDeduplicate(&quotes);
    return quotes;
}

bool AlphaVantageDailyParser::recognizes(const QJsonDocument &json)
{
    return json.isObject() && json.object().value(QLatin1String("Time Series (Daily)")).isObject();
}

Result<ParsedQuotes> AlphaVantageDailyParser::parse(const QByteArray &body, const QString &ticker)
{
    return parseJsonBody<AlphaVantageDailyParser>(body, QStringLiteral("Alpha Vantage daily"), ticker);
}

Result<ParsedQuotes> AlphaVantageDailyParser::parse(const QJsonDocument &json, const QString &ticker)
{
    const QJsonObject root = json.object();
    const QJsonObject series = root.value(QLatin1String("Time Series (Daily)")).toObject();
    if (series.isEmpty())
        return fail(QStringLiteral("Alpha Vantage body without \"Time Series (Daily)\""));
    const QJsonObject meta = root.value(QLatin1String("Meta Data")).toObject();
    ParsedQuotes quotes;
    quotes.ticker = ticker.isEmpty() ? meta.value(QLatin1String("2. Symbol")).toString().toUpper() : ticker;
    QString zoneName = meta.value(QLatin1String("5. Time Zone")).toString();
    if (zoneName.isEmpty() || zoneName == QLatin1String("US/Eastern"))
        zoneName = QStringLiteral("America/New_York");   // the IANA name every tz database has
    QTimeZone zone(zoneName.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone("America/New_York");
    for (auto it = series.begin(); it != series.end(); ++it) {
        const QDate date = QDate::fromString(it.key(), Qt::ISODate);
        const QJsonObject v = it.value().toObject();
        const auto o = jsonNumber(v.value(QLatin1String("1. open")));
        const auto h = jsonNumber(v.value(QLatin1String("2. high")));
        const auto l = jsonNumber(v.value(QLatin1String("3. low")));
        const auto c = jsonNumber(v.value(QLatin1String("4. close")));
        const auto vol = jsonNumber(v.value(QLatin1String("5. volume")));
        QuoteBar bar = dailyBar(quotes.ticker, date, zone, QStringLiteral("alphavantage"));
        if (!date.isValid() || !o || !h || !l || !c) {
            quotes.skipped << QStringLiteral("%1: unreadable bar").arg(it.key());
            continue;
        }
        bar.open = *o;
        bar.high = *h;
        bar.low = *l;
        bar.close = *c;
        bar.volume = toInt64OrZero(vol.value_or(0));
        if (!plausible(bar)) {
            quotes.skipped << QStringLiteral("%1: implausible values").arg(it.key());
            continue;
        }
        quotes.bars << bar;
    }
    sortAndDeduplicate(&quotes);
    return quotes;
}

} // namespace tw
