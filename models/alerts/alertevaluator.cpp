#include "models/alerts/alertevaluator.h"

#include "models/linking/entitylinker.h"

#include "models/alerts/alertrulestore.h"
#include "models/core/logging.h"
#include "models/core/storetime.h"
#include "models/store/articlesearch.h"
#include "models/store/sqlexec.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace tw {

namespace {
constexpr int kVolumeBaselineDays = 30;
// A quiet ticker has a near-zero spread; one article must not read as a spike.
constexpr double kMinVolumeSpread = 1.0;
constexpr int kMaxListedTitles = 5;
constexpr qsizetype kMaxSuppressedKept = 200;

QString pct(double value)
{
    return QStringLiteral("%1%2%").arg(value >= 0 ? QStringLiteral("+") : QString(), QString::number(value, 'f', 1));
}

QString amount(const QVariant &low, const QVariant &high)
{
    if (low.isNull() && high.isNull())
        return QString();
    const QString lo = QString::number(low.isNull() ? high.toDouble() : low.toDouble(), 'g', 10);
    const QString hi = QString::number(high.isNull() ? low.toDouble() : high.toDouble(), 'g', 10);
    return lo == hi ? lo : QStringLiteral("%1-%2").arg(lo, hi);
}

QString quoted(const QString &text)
{
    // A query with its own quotes reads fine as it is.
    return text.contains(QLatin1Char('"')) ? text : QStringLiteral("\"%1\"").arg(text);
}

QJsonObject tickerState(const QJsonObject &state, const QString &ticker)
{
    return state.value(QStringLiteral("tickers")).toObject().value(ticker).toObject();
}

void setTickerState(QJsonObject &state, const QString &ticker, const QJsonObject &value)
{
    QJsonObject tickers = state.value(QStringLiteral("tickers")).toObject();
    tickers.insert(ticker, value);
    state.insert(QStringLiteral("tickers"), tickers);
}
} // namespace

AlertEvaluator::AlertEvaluator(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QStringList> AlertEvaluator::tickersInScope(const AlertRule &rule) const
{
    if (!rule.ticker.isEmpty())
        return rule.ticker.split(QLatin1Char(','), Qt::SkipEmptyParts);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT symbol FROM tickers ORDER BY position, symbol")))
        return fail(describeSqlError(QStringLiteral("Ticker list failed"), q));
    QStringList tickers;
    while (q.next())
        tickers << q.value(0).toString();
    return tickers;
}

Result<QList<AlertCandidate>> AlertEvaluator::candidates(const AlertRule &rule, QJsonObject &state,
                                                         const QDateTime &now) const
{
    switch (rule.kind) {
    case AlertKind::ScoreThreshold:
    case AlertKind::LabelChange:
        return scoreCandidates(rule, state);
    case AlertKind::PriceMove:
        return priceCandidates(rule, state);
    case AlertKind::ArticleMatch:
        return articleCandidates(rule, state);
    case AlertKind::NewsVolume:
        return volumeCandidates(rule, now);
    case AlertKind::Guidance:
    case AlertKind::Event:
        return eventCandidates(rule, state);
    }
    return QList<AlertCandidate>{};
}

// The newest corporate score is compared with the last one this rule saw (or,
// the first time, the one before it), so a rescore that reproduces the same
// values and a snapshot already seen change nothing.
Result<QList<AlertCandidate>> AlertEvaluator::scoreCandidates(const AlertRule &rule, QJsonObject &state) const
{
    auto tickers = tickersInScope(rule);
    if (!tickers)
        return tickers.error();
    QList<AlertCandidate> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT as_of_utc, score, label FROM corporate_scores WHERE ticker = ? AND horizon = ? "
                             "ORDER BY as_of_utc DESC LIMIT 2"));
    for (const QString &ticker : *tickers) {
        if (auto s = execBound(q, {ticker, rule.horizon}); !s)
            return s.error();
        if (!q.next())
            continue;
        const qint64 asOf = q.value(0).toLongLong();
        const double score = q.value(1).toDouble();
        const QString label = q.value(2).toString();
        QJsonObject seen = tickerState(state, ticker);
        if (seen.isEmpty() && q.next()) {
            seen.insert(QStringLiteral("as_of"), q.value(0).toLongLong());
            seen.insert(QStringLiteral("score"), q.value(1).toDouble());
            seen.insert(QStringLiteral("label"), q.value(2).toString());
        }
        q.finish();
        setTickerState(state, ticker,
                       QJsonObject{{QStringLiteral("as_of"), asOf}, {QStringLiteral("score"), score},
                                   {QStringLiteral("label"), label}});
        if (seen.isEmpty() || asOf <= seen.value(QStringLiteral("as_of")).toInteger())
            continue;
        const double before = seen.value(QStringLiteral("score")).toDouble();
        const QString labelBefore = seen.value(QStringLiteral("label")).toString();
        const QString when = QString::number(asOf);   // the snapshot, to the millisecond
        if (rule.kind == AlertKind::ScoreThreshold) {
            const double t = *rule.threshold;
            if ((before < t) == (score < t))
                continue;
            out << AlertCandidate{ticker,
                                  QStringLiteral("%1 %2-term score %3 %4: %5 -> %6 (%7)")
                                      .arg(ticker, rule.horizon,
                                           score >= t ? QStringLiteral("rose above") : QStringLiteral("fell below"),
                                           QString::number(t, 'g', 6), QString::number(before, 'f', 0),
                                           QString::number(score, 'f', 0), label),
                                  QStringLiteral("score:%1:%2:%3").arg(ticker, rule.horizon, when),
                                  {}};
        } else {
            if (label == labelBefore)
                continue;
            out << AlertCandidate{ticker,
                                  QStringLiteral("%1 %2-term label changed: %3 -> %4 (score %5)")
                                      .arg(ticker, rule.horizon, labelBefore, label, QString::number(score, 'f', 0)),
                                  QStringLiteral("label:%1:%2:%3").arg(ticker, rule.horizon, when),
                                  {}};
        }
    }
    return out;
}

// Daily closes from the last trading day this rule looked at onwards (the
// newest day only, the first time), each against the close before it. A
// trading day is its own cause, so a bar corrected during the day fires once.
Result<QList<AlertCandidate>> AlertEvaluator::priceCandidates(const AlertRule &rule, QJsonObject &state) const
{
    auto tickers = tickersInScope(rule);
    if (!tickers)
        return tickers.error();
    QList<AlertCandidate> out;
    for (const QString &ticker : *tickers) {
        QString from = tickerState(state, ticker).value(QStringLiteral("last_date")).toString();
        if (from.isEmpty()) {
            QSqlQuery latest(m_db);
            latest.prepare(QStringLiteral("SELECT max(trade_date) FROM quotes WHERE ticker = ? AND bar_interval = '1d'"));
            if (auto s = execBound(latest, {ticker}); !s)
                return s.error();
            if (!latest.next() || latest.value(0).isNull())
                continue;
            from = latest.value(0).toString();
        }
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "SELECT trade_date, close FROM quotes WHERE ticker = ? AND bar_interval = '1d' AND trade_date >= "
            "coalesce((SELECT max(trade_date) FROM quotes WHERE ticker = ? AND bar_interval = '1d' AND trade_date < ?), ?) "
            "ORDER BY trade_date"));
        if (auto s = execBound(q, {ticker, ticker, from, from}); !s)
            return s.error();
        QString previousDate;
        double previousClose = 0;
        QString lastDate = from;
        while (q.next()) {
            const QString date = q.value(0).toString();
            const double close = q.value(1).toDouble();
            if (!previousDate.isEmpty() && date >= from && previousClose > 0) {
                const double move = (close - previousClose) / previousClose * 100.0;
                if (std::abs(move) >= *rule.threshold) {
                    out << AlertCandidate{ticker,
                                          QStringLiteral("%1 moved %2 on %3 (close %4 against %5 on %6)")
                                              .arg(ticker, pct(move), date, QString::number(close, 'f', 2),
                                                   QString::number(previousClose, 'f', 2), previousDate),
                                          QStringLiteral("price:%1:%2").arg(ticker, date),
                                          {}};
                }
            }
            previousDate = date;
            previousClose = close;
            lastDate = std::max(lastDate, date);
        }
        setTickerState(state, ticker, QJsonObject{{QStringLiteral("last_date"), lastDate}});
    }
    return out;
}

// Articles stored since the rule last looked (ids only grow), matching the
// query and the ticker/source limits, become one firing that lists them.
Result<QList<AlertCandidate>> AlertEvaluator::articleCandidates(const AlertRule &rule, QJsonObject &state) const
{
    const qint64 after = state.value(QStringLiteral("article_watermark"))
                             .toInteger(state.value(QStringLiteral("after_article_id")).toInteger(0));
    auto newest = queryScalar(m_db, QStringLiteral("SELECT coalesce(max(id), 0) FROM articles"));
    if (!newest)
        return newest.error();
    state.insert(QStringLiteral("article_watermark"), std::max(after, *newest));
    if (*newest <= after)
        return QList<AlertCandidate>{};

    auto match = ArticleSearch(m_db).match(rule.query);
    if (!match)
        return fail(QStringLiteral("Rule '%1': %2").arg(rule.name, match.errorMessage()));
    // The id range on the index's own id, so the index itself skips older articles.
    QString sql = QStringLiteral("SELECT a.id, a.title, a.source FROM %1 WHERE %2 AND %3 > ? AND %3 <= ?")
                      .arg(match->from, match->condition, match->idColumn);
    sql += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM fired_alert_articles fa JOIN fired_alerts f "
                          "ON f.id = fa.alert_id WHERE f.rule_id = ? AND fa.article_id = a.id)");
    const QStringList tickers = rule.ticker.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!tickers.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < tickers.size(); ++i)
            marks << QStringLiteral("?");
        // A passing mention does not make an article about the rule's company.
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM article_tickers t WHERE t.article_id = a.id "
                              "AND t.ticker IN (%1) AND t.relevance >= ?)")
                   .arg(marks.join(QLatin1Char(',')));
    }
    sql += QStringLiteral(" ORDER BY a.published_utc, a.id");
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.addBindValue(match->bind);
    q.addBindValue(after);
    q.addBindValue(*newest);
    q.addBindValue(rule.id);
    for (const QString &t : tickers)
        q.addBindValue(t);
    if (!tickers.isEmpty())
        q.addBindValue(double(kMainSubjectRelevance));
    if (!q.exec())
        return fail(QStringLiteral("Alert rule %1: search %2 failed: %3")
                        .arg(QString::number(rule.id), rule.query, q.lastError().databaseText()));
    QList<qint64> ids;
    QStringList titles;
    while (q.next()) {
        const QString source = q.value(2).toString();
        if (!rule.sources.isEmpty()
            && !rule.sources.contains(source, Qt::CaseInsensitive))
            continue;
        ids << q.value(0).toLongLong();
        titles << q.value(1).toString();
    }
    if (ids.isEmpty())
        return QList<AlertCandidate>{};

    QString message;
    if (ids.size() == 1) {
        message = QStringLiteral("New article matching %1: %2").arg(quoted(rule.query), titles.first());
    } else {
        QStringList shown = titles.mid(0, kMaxListedTitles);
        if (titles.size() > kMaxListedTitles)
            shown << QStringLiteral("and %1 more").arg(titles.size() - kMaxListedTitles);
        message = QStringLiteral("%1 new articles matching %2: %3")
                      .arg(QString::number(ids.size()), quoted(rule.query), shown.join(QStringLiteral("; ")));
    }
    QStringList idText;
    for (qint64 id : ids)
        idText << QString::number(id);
    return QList<AlertCandidate>{
        AlertCandidate{rule.ticker, message, QStringLiteral("articles:%1").arg(idText.join(QLatin1Char(','))), ids}};
}

// Today's (UTC) article count per ticker against the 30 days before it.
Result<QList<AlertCandidate>> AlertEvaluator::volumeCandidates(const AlertRule &rule, const QDateTime &now) const
{
    auto tickers = tickersInScope(rule);
    if (!tickers)
        return tickers.error();
    const QDate today = now.toUTC().date();
    const QDateTime dayStart(today, QTime(0, 0), Qt::UTC);
    const qint64 from = toStoreTime(dayStart.addDays(-kVolumeBaselineDays));
    const qint64 until = toStoreTime(dayStart.addDays(1));
    QList<AlertCandidate> out;
    QSqlQuery q(m_db);
    // Driven by the publication-time index (31 days of articles), not by the
    // ticker's whole history.
    q.prepare(QStringLiteral("SELECT a.id, a.published_utc FROM articles a "
                             "WHERE a.published_utc >= ? AND a.published_utc < ? AND EXISTS "
                             "(SELECT 1 FROM article_tickers t WHERE t.article_id = a.id AND t.ticker = ? "
                             "AND t.relevance >= ?) "
                             "ORDER BY a.published_utc"));
    for (const QString &ticker : *tickers) {
        if (auto s = execBound(q, {from, until, ticker, double(kMainSubjectRelevance)}); !s)
            return s.error();
        std::vector<int> perDay(kVolumeBaselineDays, 0);
        QList<qint64> todays;
        while (q.next()) {
            const QDate day = fromStoreTime(q.value(1).toLongLong()).date();
            if (day == today)
                todays << q.value(0).toLongLong();
            else if (const qint64 back = day.daysTo(today); back >= 1 && back <= kVolumeBaselineDays)
                ++perDay[size_t(back - 1)];
        }
        if (todays.isEmpty())
            continue;
        double mean = 0;
        for (int c : perDay)
            mean += c;
        mean /= kVolumeBaselineDays;
        double variance = 0;
        for (int c : perDay)
            variance += (c - mean) * (c - mean);
        const double spread = std::max(std::sqrt(variance / kVolumeBaselineDays), kMinVolumeSpread);
        const double z = (double(todays.size()) - mean) / spread;
        if (z < *rule.threshold)
            continue;
        out << AlertCandidate{ticker,
                              QStringLiteral("%1 news volume spike: %2 articles today against %3 a day over 30 days "
                                             "(z = %4)")
                                  .arg(ticker, QString::number(todays.size()), QString::number(mean, 'f', 1),
                                       QString::number(z, 'f', 1)),
                              QStringLiteral("volume:%1:%2").arg(ticker, today.toString(Qt::ISODate)),
                              todays.mid(0, 20)};
    }
    return out;
}

// Events created after the rule: the guidance kind keys its cause on the
// figures too, so a revised range of the same guidance fires again.
Result<QList<AlertCandidate>> AlertEvaluator::eventCandidates(const AlertRule &rule, const QJsonObject &state) const
{
    const qint64 after = state.value(QStringLiteral("after_event_id")).toInteger(0);
    QString sql = QStringLiteral("SELECT id, ticker, event_date, kind, title, metric, amount_low, amount_high, currency, "
                                 "unit, period FROM events WHERE id > ?");
    QVariantList binds{after};
    if (!rule.ticker.isEmpty()) {
        sql += QStringLiteral(" AND ticker = ?");
        binds << rule.ticker;
    }
    const QStringList kinds = rule.kind == AlertKind::Guidance ? QStringList{QStringLiteral("guidance")}
                                                                : rule.eventKinds;
    if (!kinds.isEmpty()) {
        QStringList marks;
        for (const QString &k : kinds) {
            marks << QStringLiteral("?");
            binds << k;
        }
        sql += QStringLiteral(" AND kind IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (rule.kind == AlertKind::Guidance && !rule.query.isEmpty()) {
        // The metric as the extractor names it ("capex"), or the word in the title.
        const QString like = QStringLiteral("%%1%").arg(rule.query.toLower());
        sql += QStringLiteral(" AND (lower(metric) LIKE ? OR lower(title) LIKE ?)");
        binds << like << like;
    }
    sql += QStringLiteral(" ORDER BY id");
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Event read failed"), q));
    QList<AlertCandidate> out;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString ticker = q.value(1).toString();
        const QString date = q.value(2).toString();
        const QString kind = q.value(3).toString();
        const QString title = q.value(4).toString();
        const QString metric = q.value(5).toString();
        const QString figure = amount(q.value(6), q.value(7));
        const QString currency = q.value(8).toString();
        const QString unit = q.value(9).toString();
        const QString period = q.value(10).toString();
        AlertCandidate c;
        c.ticker = ticker;
        if (rule.kind == AlertKind::Guidance) {
            QStringList parts{figure, unit, currency};
            parts.removeAll(QString());
            c.message = QStringLiteral("%1 %2guidance%3: %4 (%5, %6)")
                            .arg(ticker, metric.isEmpty() ? QString() : metric + QLatin1Char(' '),
                                 period.isEmpty() ? QString() : QStringLiteral(" for ") + period,
                                 parts.isEmpty() ? QStringLiteral("no figure") : parts.join(QLatin1Char(' ')), title,
                                 date);
            c.causeKey = QStringLiteral("guidance:%1:%2:%3:%4:%5").arg(QString::number(id), figure, unit, currency, period);
        } else {
            c.message = QStringLiteral("%1 %2 on %3: %4").arg(ticker, kind, date, title);
            c.causeKey = QStringLiteral("event:%1").arg(id);
        }
        out << c;
    }
    for (AlertCandidate &c : out) {
        const qint64 eventId = c.causeKey.section(QLatin1Char(':'), 1, 1).toLongLong();
        auto articles = eventArticles(eventId);
        if (!articles)
            return articles.error();
        c.articleIds = *articles;
    }
    return out;
}

Result<QList<qint64>> AlertEvaluator::eventArticles(qint64 eventId) const
{
    return selectIds(m_db, QStringLiteral("SELECT article_id FROM event_sources WHERE event_id = ? ORDER BY article_id"),
                     {eventId});
}

Result<QList<FiredAlert>> AlertEvaluator::evaluate(const QDateTime &now)
{
    QList<qint64> firedIds;
    {
        Transaction tx(m_db);
        if (!tx.active())
            return fail(tx.beginError());
        AlertRuleStore rules(m_db);
        FiredAlertStore fired(m_db);
        auto enabled = rules.enabledRules();
        if (!enabled)
            return enabled.error();
        for (const AlertRule &rule : *enabled) {
            auto state = rules.state(rule.id);
            if (!state)
                return state.error();
            const QJsonObject stateBefore = *state;
            auto found = candidates(rule, *state, now);
            if (!found) {
                // One broken rule (say, a query a newer SQLite reads differently)
                // must not silence the others.
                qCWarning(twAlerts).noquote() << QStringLiteral("alert rule %1 (%2) skipped: %3")
                                                     .arg(QString::number(rule.id), rule.describe(), found.errorMessage());
                continue;
            }
            QJsonArray suppressed = state->value(QStringLiteral("suppressed")).toArray();
            for (const AlertCandidate &c : *found) {
                if (isConditionKind(rule.kind) && rule.cooldownSeconds > 0) {
                    // A cause that arrived during the cooldown is dropped for
                    // good, not delivered late when the cooldown ends.
                    if (suppressed.contains(c.causeKey))
                        continue;
                    auto last = fired.lastFired(rule.id, c.ticker);
                    if (!last)
                        return last.error();
                    if (last->has_value() && (*last)->secsTo(now) < rule.cooldownSeconds) {
                        qCDebug(twAlerts) << "rule" << rule.id << "cooling down:" << c.message;
                        suppressed.append(c.causeKey);
                        continue;
                    }
                }
                FiredAlert alert;
                alert.ruleId = rule.id;
                alert.fired = now;
                alert.ticker = c.ticker;
                alert.message = c.message;
                alert.causeKey = c.causeKey;
                auto id = fired.record(alert, c.articleIds);
                if (!id)
                    return id.error();
                if (!id->has_value())
                    continue;
                firedIds << **id;
                if (auto s = rules.setLastFired(rule.id, toStoreTime(now)); !s)
                    return s.error();
            }
            while (suppressed.size() > kMaxSuppressedKept)
                suppressed.removeFirst();
            if (!suppressed.isEmpty())
                state->insert(QStringLiteral("suppressed"), suppressed);
            // An evaluation that saw nothing new writes nothing, so it wakes
            // no store watcher.
            if (*state == stateBefore)
                continue;
            if (auto s = rules.setState(rule.id, *state); !s)
                return s.error();
        }
        if (auto s = tx.commit(); !s)
            return s.error();
    }
    QList<FiredAlert> result;
    FiredAlertStore fired(m_db);
    for (qint64 id : firedIds) {
        auto alert = fired.byId(id);
        if (!alert)
            return alert.error();
        if (alert->has_value())
            result << **alert;
    }
    return result;
}

} // namespace tw
