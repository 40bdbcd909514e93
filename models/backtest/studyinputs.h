#pragma once

#include "models/backtest/pricehistory.h"
#include "models/backtest/sessioncalendar.h"
#include "models/core/result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace tw {

// What an event's reporting articles say about it: the earliest publication
// and the mean of their article scores for the event's company.
struct EventSourceSentiment {
    qint64 firstPublishedUtc = 0;
    double meanScore = 0;
    int scoredArticles = 0;
};

// What the backtest and the event study read from the store, through the
// store's own readers (QuoteStore, TickerStore, EventStore; the article
// scores come through ArticleEvidenceReader, one per thread, in SeriesFeed).
class StudyInputs {
public:
    explicit StudyInputs(QSqlDatabase db);

    QSqlDatabase database() const { return m_db; }
    // The watchlist, or every known company when none is on it.
    Result<QStringList> defaultTickers() const;
    // The model version the store's newest article scores were written with:
    // the one its corporate scores use.
    Result<QString> newestModelVersion() const;
    // What a study was asked for, or the defaults above where it left them empty.
    Result<QStringList> tickersOrDefault(const QStringList &asked) const;
    Result<QString> modelVersionOrNewest(const QString &asked) const;
    // Every daily close of `ticker`, oldest first.
    Result<QList<DailyClose>> closes(const QString &ticker) const;
    // closes() of the benchmark a study measures against: none when no
    // symbol is given, an error saying how to import them when it has none.
    Result<QList<DailyClose>> benchmarkCloses(const QString &symbol) const;
    // closes() of each of `tickers`, in their order, read by `connections`
    // at once: this one and clones of it on threads of their own (a study of
    // hundreds of tickers reads millions of bars).
    Result<QList<QList<DailyClose>>> closesOf(const QStringList &tickers, int connections) const;
    // Adds the dates of `closes` to `dates` (kept sorted and distinct) by a
    // merge: a study's tickers trade on mostly the same few thousand days, so
    // the list stays the calendar's size instead of millions of dates sorted.
    static void mergeDates(QList<QDate> &dates, const QList<DailyClose> &closes);
    // Connections worth reading `tickers` with at once on this machine: one
    // for a few, else one per core (at most four).
    static int connectionsFor(qsizetype tickers);
    // The clock of the ticker's exchange (New York for an unknown ticker).
    Result<ExchangeClock> clock(const QString &ticker) const;
    // Per event id, for the events of `tickers`.
    Result<QHash<qint64, EventSourceSentiment>> eventSentiment(const QStringList &tickers,
                                                               const QString &modelVersion) const;

private:
    QSqlDatabase m_db;
};

} // namespace tw
