#pragma once

#include "models/alerts/analyststate.h"
#include "models/core/kindtable.h"
#include "models/core/result.h"
#include "models/store/sqldialect.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <optional>

namespace tw {

struct ArticleFilter;

// What can be exported: one kind per table a panel shows.
enum class ExportKind { Articles, Scores, Quotes, Events, Guidance, Alerts };

struct ExportKindInfo {
    const char *name = nullptr;   // the command line's and the file names' spelling
};

constexpr ExportKindInfo describeExportKind(ExportKind kind)
{
    switch (kind) {
    case ExportKind::Articles: return {"articles"};
    case ExportKind::Scores: return {"scores"};
    case ExportKind::Quotes: return {"quotes"};
    case ExportKind::Events: return {"events"};
    case ExportKind::Guidance: return {"guidance"};
    case ExportKind::Alerts: return {"alerts"};
    }
    return {};
}

using ExportKinds = KindTable<ExportKind, describeExportKind>;

inline QString exportKindName(ExportKind kind) { return ExportKinds::name(kind); }
inline std::optional<ExportKind> exportKindFromName(const QString &name) { return ExportKinds::fromName(name); }
inline QStringList exportKindNames() { return ExportKinds::names(); }

// Which rows: a ticker (empty: all) and a half-open UTC interval [since, until).
// Each kind filters on its own time column (published, as of, bar time, event
// date, fired).
struct ExportFilter {
    QString ticker;
    std::optional<QDateTime> since;
    std::optional<QDateTime> until;
};

// Reads "2026-04-08" (a whole day: since = its start, until = the next day's
// start, so --until is inclusive of that day) or an ISO-8601 date-time
// (taken as UTC when it names no offset). `endOfRange` picks the meaning.
Result<QDateTime> parseExportDate(const QString &text, bool endOfRange);

// How a column's stored value becomes a CSV cell. Real: as stored (prices and
// amounts as received, shortest form); Measure: a computed score, confidence,
// relevance or evidence, rounded to the kMeasureDecimals its method supports.
enum class ExportColumnType { Text, Integer, Real, Instant, Measure };
inline constexpr int kMeasureDecimals = 4;

struct ExportColumn {
    QString header;
    ExportColumnType type;
};

// One export as a single forward-only SELECT whose result columns line up
// with `columns`, plus the values for its positional placeholders.
struct ExportQuery {
    QList<ExportColumn> columns;
    QString sql;
    // The same rows written for SQLite alone, when that reads them faster
    // (empty: `sql` everywhere); sqlFor() picks.
    QString sqliteSql;
    QString countSqlText;
    QVariantList bindings;
    // The count query's values when they differ from `bindings` (a value
    // only the selected columns use).
    std::optional<QVariantList> countBindings;

    QStringList headers() const;
    // Cells the store does not hold, filled in per row before it is written
    // (the analyst's own acknowledgements live in their settings). Unset: the
    // row is written as selected.
    std::function<void(QVariantList &row)> adjustRow;

    // The same rows counted, for a progress bar's total.
    QString countSql() const;
    const QString &sqlFor(SqlDialect dialect) const;

    static ExportQuery build(ExportKind kind, const ExportFilter &filter);

    // What a panel shows (its Ctrl+E), each the same rows its own read
    // selects, but all of them: no page size, no display limit.

    // The article list: one row per article, in the list's order, with the
    // tickers and the sentiment badge it shows (ArticlePageReader::page).
    static Result<ExportQuery> articleList(const ArticleFilter &filter, SqlDialect dialect);
    // One article with a row per linked ticker and its score (the reader).
    static ExportQuery article(qint64 articleId);
    // Every capital-expenditure figure of `ticker` (EventReader::capex), one
    // row per source article, and the figures it reported in its filings
    // (basis "filing"): the guidance history the capex panel condenses.
    static ExportQuery capexHistory(const QString &ticker);
    // The bars the chart draws: `interval` bars of `ticker` traded from `from`
    // to `to`, both inclusive (QuoteStore::bars).
    static ExportQuery quoteBars(const QString &ticker, const QDate &from, const QDate &to,
                                 const QString &interval = QStringLiteral("1d"));
    // The configured feeds and their fetch state (FeedStore::all).
    static ExportQuery feeds();
    // Fired alerts (as build(Alerts)) with `acknowledged` as this analyst
    // sees it: the store's old shared flag, or their own acknowledgement.
    static ExportQuery firedAlerts(const ExportFilter &filter, const AnalystState::Acknowledged &acknowledged);
};

} // namespace tw
