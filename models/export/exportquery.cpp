#include "models/export/exportquery.h"

#include "models/core/storetime.h"
#include "models/read/articlepage.h"

#include <QTimeZone>

namespace tw {

namespace {
using T = ExportColumnType;

// The pieces of one SELECT; the WHERE clause is assembled from the filter.
struct QueryParts {
    QList<ExportColumn> columns;
    QString select;   // "SELECT ... FROM ... JOIN ..."
    // "SELECT COUNT(*) FROM ... JOIN ...", counting the same rows without
    // the joins that never add or drop one (empty: counted over `select`).
    QString countSelect;
    // The same rows in SQL only SQLite reads (empty: `select`).
    QString sqliteSelect;
    QStringList where;
    QString orderBy;
};

// Events keep their date as 'YYYY-MM-DD' text; an instant range becomes the
// range of calendar days (UTC) it touches.
void addEventDateFilter(QueryParts &parts, QVariantList &bindings, const ExportFilter &filter)
{
    if (filter.since) {
        parts.where << QStringLiteral("e.event_date >= ?");
        bindings << filter.since->toUTC().date().toString(Qt::ISODate);
    }
    if (filter.until) {
        parts.where << QStringLiteral("e.event_date <= ?");
        bindings << filter.until->toUTC().addMSecs(-1).date().toString(Qt::ISODate);
    }
}

void addInstantFilter(QueryParts &parts, QVariantList &bindings, const ExportFilter &filter, const QString &column)
{
    if (filter.since) {
        parts.where << column + QStringLiteral(" >= ?");
        bindings << toStoreTime(*filter.since);
    }
    if (filter.until) {
        parts.where << column + QStringLiteral(" < ?");
        bindings << toStoreTime(*filter.until);
    }
}

void addTickerFilter(QueryParts &parts, QVariantList &bindings, const ExportFilter &filter, const QString &column)
{
    if (!filter.ticker.isEmpty()) {
        parts.where << column + QStringLiteral(" = ?");
        bindings << filter.ticker;
    }
}

QueryParts eventParts(ExportKind kind)
{
    QueryParts p;
    p.columns = {{QStringLiteral("event_id"), T::Integer},
                 {QStringLiteral("ticker"), T::Text},
                 {QStringLiteral("event_date"), T::Text},
                 {QStringLiteral("date_precision"), T::Text},
                 {QStringLiteral("kind"), T::Text},
                 {QStringLiteral("title"), T::Text},
                 {QStringLiteral("metric"), T::Text},
                 {QStringLiteral("basis"), T::Text},
                 {QStringLiteral("period"), T::Text},
                 {QStringLiteral("amount_low"), T::Real},
                 {QStringLiteral("amount_high"), T::Real},
                 {QStringLiteral("currency"), T::Text},
                 {QStringLiteral("unit"), T::Text},
                 {QStringLiteral("confidence"), T::Measure},
                 {QStringLiteral("source_article_id"), T::Integer},
                 {QStringLiteral("source_published_utc"), T::Instant},
                 {QStringLiteral("source"), T::Text},
                 {QStringLiteral("source_title"), T::Text},
                 {QStringLiteral("source_url"), T::Text}};
    // One row per (event, source article): every source keeps its own row, so
    // nothing needs a dialect-specific string aggregate and rows stream as read.
    p.select = QStringLiteral(
        "SELECT e.id, e.ticker, e.event_date, e.date_precision, e.kind, e.title, e.metric, e.basis, e.period, "
        "e.amount_low, e.amount_high, e.currency, e.unit, e.confidence, "
        "es.article_id, a.published_utc, a.source, a.title, a.url "
        "FROM events e "
        "LEFT JOIN event_sources es ON es.event_id = e.id "
        "LEFT JOIN articles a ON a.id = es.article_id");
    if (kind == ExportKind::Guidance)
        p.where << QStringLiteral("e.kind LIKE '%guidance%'");
    p.orderBy = QStringLiteral("e.event_date, e.id, es.article_id");
    return p;
}

QueryParts partsFor(ExportKind kind, const ExportFilter &filter, QVariantList &bindings)
{
    QueryParts p;
    switch (kind) {
    case ExportKind::Articles:
        p.columns = {{QStringLiteral("article_id"), T::Integer},
                     {QStringLiteral("published_utc"), T::Instant},
                     {QStringLiteral("ticker"), T::Text},
                     {QStringLiteral("relevance"), T::Measure},
                     {QStringLiteral("score"), T::Measure},
                     {QStringLiteral("label"), T::Text},
                     {QStringLiteral("confidence"), T::Measure},
                     {QStringLiteral("model_version"), T::Text},
                     {QStringLiteral("source"), T::Text},
                     {QStringLiteral("title"), T::Text},
                     {QStringLiteral("url"), T::Text},
                     {QStringLiteral("author"), T::Text},
                     {QStringLiteral("summary"), T::Text}};
    {
        // One row per (article, linked ticker) with that ticker's newest
        // score; an article linked to no ticker still has its row. The
        // newest version comes from the index of migration 11; on SQLite the
        // join then takes that row by its rowid (one look-up, not a second
        // search of the primary key: a fifth of a large export's time).
        const QString columns = QStringLiteral(
            "SELECT a.id, a.published_utc, t.ticker, t.relevance, s.score, s.label, s.confidence, s.model_version, "
            "a.source, a.title, a.url, a.author, a.summary "
            "FROM articles a "
            "LEFT JOIN article_tickers t ON t.article_id = a.id ");
        const QString newest = QStringLiteral(
            "FROM article_scores s2 WHERE s2.article_id = a.id AND s2.ticker = t.ticker "
            "ORDER BY s2.scored_utc DESC, s2.model_version DESC LIMIT 1)");
        p.select = columns
                   + QStringLiteral("LEFT JOIN article_scores s ON s.article_id = a.id AND s.ticker = t.ticker "
                                    "AND s.model_version = (SELECT s2.model_version ")
                   + newest;
        p.sqliteSelect = columns + QStringLiteral("LEFT JOIN article_scores s ON s.rowid = (SELECT s2.rowid ") + newest;
    }
        // The score join matches at most one row (a single model version of
        // the primary key) and is a LEFT JOIN: the count needs only the links.
        p.countSelect = QStringLiteral(
            "SELECT COUNT(*) FROM articles a LEFT JOIN article_tickers t ON t.article_id = a.id");
        addInstantFilter(p, bindings, filter, QStringLiteral("a.published_utc"));
        addTickerFilter(p, bindings, filter, QStringLiteral("t.ticker"));
        p.orderBy = QStringLiteral("a.published_utc, a.id, t.ticker");
        break;
    case ExportKind::Scores:
        p.columns = {{QStringLiteral("ticker"), T::Text},
                     {QStringLiteral("horizon"), T::Text},
                     {QStringLiteral("as_of_utc"), T::Instant},
                     {QStringLiteral("score"), T::Measure},
                     {QStringLiteral("label"), T::Text},
                     {QStringLiteral("article_count"), T::Integer},
                     {QStringLiteral("confidence"), T::Measure},
                     {QStringLiteral("model_version"), T::Text},
                     {QStringLiteral("explanation"), T::Text},
                     // The evidence behind the score (migration 7).
                     {QStringLiteral("evidence"), T::Measure},
                     {QStringLiteral("newest_story_utc"), T::Instant},
                     {QStringLiteral("insufficient_news"), T::Text}};
        p.select = QStringLiteral(
            "SELECT c.ticker, c.horizon, c.as_of_utc, c.score, c.label, c.article_count, c.confidence, "
            "c.model_version, c.explanation, c.evidence, "
            "CASE WHEN c.newest_story_utc > 0 THEN c.newest_story_utc END, c.insufficient FROM corporate_scores c");
        addInstantFilter(p, bindings, filter, QStringLiteral("c.as_of_utc"));
        addTickerFilter(p, bindings, filter, QStringLiteral("c.ticker"));
        p.orderBy = QStringLiteral("c.ticker, c.horizon, c.as_of_utc");
        break;
    case ExportKind::Quotes:
        p.columns = {{QStringLiteral("ticker"), T::Text},
                     {QStringLiteral("interval"), T::Text},
                     {QStringLiteral("time_utc"), T::Instant},
                     {QStringLiteral("trade_date"), T::Text},
                     {QStringLiteral("open"), T::Real},
                     {QStringLiteral("high"), T::Real},
                     {QStringLiteral("low"), T::Real},
                     {QStringLiteral("close"), T::Real},
                     {QStringLiteral("volume"), T::Integer},
                     {QStringLiteral("source"), T::Text}};
        p.select = QStringLiteral(
            "SELECT q.ticker, q.bar_interval, q.ts_utc, q.trade_date, q.open, q.high, q.low, q.close, q.volume, "
            "q.source FROM quotes q");
        addInstantFilter(p, bindings, filter, QStringLiteral("q.ts_utc"));
        addTickerFilter(p, bindings, filter, QStringLiteral("q.ticker"));
        p.orderBy = QStringLiteral("q.ticker, q.bar_interval, q.ts_utc");
        break;
    case ExportKind::Events:
    case ExportKind::Guidance:
        p = eventParts(kind);
        addEventDateFilter(p, bindings, filter);
        addTickerFilter(p, bindings, filter, QStringLiteral("e.ticker"));
        break;
    case ExportKind::Alerts:
        p.columns = {{QStringLiteral("alert_id"), T::Integer},
                     {QStringLiteral("fired_utc"), T::Instant},
                     {QStringLiteral("ticker"), T::Text},
                     {QStringLiteral("rule"), T::Text},
                     {QStringLiteral("rule_kind"), T::Text},
                     {QStringLiteral("message"), T::Text},
                     {QStringLiteral("acknowledged"), T::Integer},
                     {QStringLiteral("article_count"), T::Integer}};
        p.select = QStringLiteral(
            "SELECT f.id, f.fired_utc, f.ticker, r.name, r.kind, f.message, f.acknowledged, "
            "(SELECT COUNT(*) FROM fired_alert_articles x WHERE x.alert_id = f.id) "
            "FROM fired_alerts f JOIN alert_rules r ON r.id = f.rule_id");
        addInstantFilter(p, bindings, filter, QStringLiteral("f.fired_utc"));
        addTickerFilter(p, bindings, filter, QStringLiteral("f.ticker"));
        p.orderBy = QStringLiteral("f.fired_utc, f.id");
        break;
    }
    return p;
}
} // namespace

Result<QDateTime> parseExportDate(const QString &text, bool endOfRange)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid() && text.size() == 10) {
        const QDate d = endOfRange ? day.addDays(1) : day;
        return QDateTime(d, QTime(0, 0), QTimeZone::utc());
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return fail(QStringLiteral("'%1' is not a date (YYYY-MM-DD) or an ISO-8601 date-time").arg(text));
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toUTC();
}

QStringList ExportQuery::headers() const
{
    QStringList names;
    for (const ExportColumn &c : columns)
        names << c.header;
    return names;
}

namespace {
ExportQuery assemble(const QueryParts &p, QVariantList bindings)
{
    ExportQuery q;
    q.columns = p.columns;
    q.bindings = std::move(bindings);
    const QString where = p.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + p.where.join(QStringLiteral(" AND "));
    q.sql = p.select + where + QStringLiteral(" ORDER BY ") + p.orderBy;
    if (!p.sqliteSelect.isEmpty())
        q.sqliteSql = p.sqliteSelect + where + QStringLiteral(" ORDER BY ") + p.orderBy;
    q.countSqlText = p.countSelect.isEmpty()
                         ? QString(QStringLiteral("SELECT COUNT(*) FROM (") + p.select + where + QStringLiteral(") counted"))
                         : QString(p.countSelect + where);
    return q;
}
} // namespace

ExportQuery ExportQuery::build(ExportKind kind, const ExportFilter &filter)
{
    QVariantList bindings;
    const QueryParts p = partsFor(kind, filter, bindings);
    return assemble(p, bindings);
}

Result<ExportQuery> ExportQuery::articleList(const ArticleFilter &filter, SqlDialect dialect)
{
    // The list's own SQL without its LIMIT and keyset cursor, so the file
    // holds exactly the rows the list pages through, in its order.
    auto list = ArticleListSql::build(filter, dialect);
    if (!list)
        return list.error();
    // Never a null QString: Qt binds that as SQL NULL, and NULL = '' is not true.
    const QString preferred = filter.ticker.isEmpty() ? QStringLiteral("") : filter.ticker;
    const QString &from = list->from;
    const QString &orderBy = list->orderBy;
    const QVariantList &binds = list->binds;
    const QString tickers = dialect == SqlDialect::Postgres ? QStringLiteral("string_agg(ticker, ', ')")
                                                            : QStringLiteral("group_concat(ticker, ', ')");
    // The badge prefers the score for the filtered ticker (SQLite resolves no
    // outer column in a subquery's ORDER BY, hence a bound value).
    const QString badge = QStringLiteral(
        "(SELECT s.%1 FROM article_scores s WHERE s.article_id = a.id "
        "ORDER BY (s.ticker = ?) DESC, s.confidence DESC, s.scored_utc DESC LIMIT 1)");
    const QString whereSql = list->where.isEmpty() ? QString() : QStringLiteral(" ") + list->whereClause();

    ExportQuery q;
    q.columns = {{QStringLiteral("article_id"), T::Integer},
                 {QStringLiteral("published_utc"), T::Instant},
                 {QStringLiteral("source"), T::Text},
                 {QStringLiteral("tickers"), T::Text},
                 {QStringLiteral("title"), T::Text},
                 {QStringLiteral("score"), T::Measure},
                 {QStringLiteral("label"), T::Text},
                 {QStringLiteral("url"), T::Text},
                 {QStringLiteral("author"), T::Text},
                 {QStringLiteral("summary"), T::Text}};
    q.sql = QStringLiteral("SELECT a.id, a.published_utc, a.source, "
                           "(SELECT %1 FROM (SELECT ticker FROM article_tickers WHERE article_id = a.id "
                           "ORDER BY relevance DESC, ticker) linked), "
                           "a.title, %2, %3, a.url, a.author, a.summary FROM %4%5 ORDER BY %6")
                .arg(tickers, badge.arg(QStringLiteral("score")), badge.arg(QStringLiteral("label")), from, whereSql,
                     orderBy);
    q.countSqlText = QStringLiteral("SELECT COUNT(*) FROM ") + from + whereSql;
    q.bindings = QVariantList{preferred, preferred} + binds;
    q.countBindings = binds;
    return q;
}

ExportQuery ExportQuery::article(qint64 articleId)
{
    QVariantList bindings;
    QueryParts p = partsFor(ExportKind::Articles, {}, bindings);
    p.where << QStringLiteral("a.id = ?");
    bindings << articleId;
    return assemble(p, bindings);
}

ExportQuery ExportQuery::capexHistory(const QString &ticker)
{
    QueryParts p = eventParts(ExportKind::Events);
    // The capex panel's selection: capex under its own kind or as a figure
    // whose metric names it, with an amount (one row per source article);
    // then the figures the company reported in its filings (one row each,
    // the filing as the source).
    p.select = QStringLiteral(
        "SELECT * FROM ("
        "SELECT e.id AS event_id, e.ticker AS ticker, e.event_date AS event_date, e.date_precision AS date_precision, "
        "e.kind AS kind, e.title AS title, e.metric AS metric, e.basis AS basis, e.period AS period, "
        "e.amount_low AS amount_low, e.amount_high AS amount_high, e.currency AS currency, e.unit AS unit, "
        "e.confidence AS confidence, es.article_id AS source_article_id, a.published_utc AS source_published_utc, "
        "a.source AS source, a.title AS source_title, a.url AS source_url "
        "FROM events e LEFT JOIN event_sources es ON es.event_id = e.id LEFT JOIN articles a ON a.id = es.article_id "
        "WHERE e.ticker = ? AND (lower(e.metric) LIKE '%capex%' OR lower(e.metric) LIKE '%capital%' "
        "OR lower(e.kind) = 'capex') AND (e.amount_low IS NOT NULL OR e.amount_high IS NOT NULL) "
        "UNION ALL "
        "SELECT 0, r.ticker, r.filed_date, 'day', 'actual', "
        "r.ticker || ' capex ' || r.period || ' reported in ' || r.form || ' filed ' || r.filed_date, r.metric, 'filing', "
        "r.period, r.value, r.value, r.currency, '', 1.0, NULL, NULL, r.form, "
        "'reported in ' || r.form || ' filed ' || r.filed_date, "
        "'https://www.sec.gov/Archives/edgar/data/' || r.cik || '/' || replace(r.accession, '-', '') || '/' || "
        "r.accession || '-index.htm' "
        "FROM reported_figures r WHERE r.ticker = ? AND r.metric = 'capex') capex");
    p.where.clear();
    p.orderBy = QStringLiteral("period, event_date, event_id, source_article_id");
    return assemble(p, QVariantList{ticker, ticker});
}

ExportQuery ExportQuery::quoteBars(const QString &ticker, const QDate &from, const QDate &to, const QString &interval)
{
    QVariantList bindings;
    QueryParts p = partsFor(ExportKind::Quotes, {}, bindings);
    // trade_date, not ts_utc: the chart's range is in exchange-local days.
    p.where << QStringLiteral("q.ticker = ?") << QStringLiteral("q.bar_interval = ?")
            << QStringLiteral("q.trade_date >= ?") << QStringLiteral("q.trade_date <= ?");
    bindings << ticker << interval << from.toString(Qt::ISODate) << to.toString(Qt::ISODate);
    p.orderBy = QStringLiteral("q.ts_utc");
    return assemble(p, bindings);
}

ExportQuery ExportQuery::feeds()
{
    QueryParts p;
    p.columns = {{QStringLiteral("feed_id"), T::Integer},
                 {QStringLiteral("title"), T::Text},
                 {QStringLiteral("url"), T::Text},
                 {QStringLiteral("kind"), T::Text},
                 {QStringLiteral("ticker"), T::Text},
                 {QStringLiteral("enabled"), T::Integer},
                 {QStringLiteral("interval_s"), T::Integer},
                 {QStringLiteral("last_state"), T::Text},
                 {QStringLiteral("last_error"), T::Text},
                 {QStringLiteral("last_success_utc"), T::Instant},
                 {QStringLiteral("last_attempt_utc"), T::Instant},
                 {QStringLiteral("consecutive_failures"), T::Integer},
                 {QStringLiteral("next_due_utc"), T::Instant}};
    p.select = QStringLiteral(
        "SELECT f.id, f.title, f.url, f.kind, f.ticker, f.enabled, f.interval_s, f.last_state, f.last_error, "
        "f.last_success_utc, f.last_attempt_utc, f.consecutive_failures, f.next_due_utc FROM feeds f");
    p.orderBy = QStringLiteral("f.id");
    return assemble(p, {});
}

QString ExportQuery::countSql() const
{
    return countSqlText;
}

const QString &ExportQuery::sqlFor(SqlDialect dialect) const
{
    return dialect == SqlDialect::Sqlite && !sqliteSql.isEmpty() ? sqliteSql : sql;
}

ExportQuery ExportQuery::firedAlerts(const ExportFilter &filter, const AnalystState::Acknowledged &acknowledged)
{
    ExportQuery query = build(ExportKind::Alerts, filter);
    // Columns 0, 1 and 6: the firing's id, its stored fired_utc, acknowledged.
    query.adjustRow = [acknowledged](QVariantList &row) {
        if (row.at(6).toInt() == 0 && acknowledged.contains(row.at(0).toLongLong(), row.at(1).toLongLong()))
            row[6] = 1;
    };
    return query;
}

} // namespace tw
