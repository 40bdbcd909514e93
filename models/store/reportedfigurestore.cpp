#include "models/store/reportedfigurestore.h"

#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"
#include "models/store/storechangenotifier.h"

#include <QHash>
#include <QSqlQuery>

namespace tw {

namespace {
QString identity(const ReportedFigure &f)
{
    return f.metric + QLatin1Char('|') + f.period;
}

bool sameFigure(const ReportedFigure &a, const ReportedFigure &b)
{
    return a.value == b.value && a.accession == b.accession && a.conceptName == b.conceptName && a.derived == b.derived
        && a.revisions == b.revisions;
}
} // namespace

ReportedFigureStore::ReportedFigureStore(QSqlDatabase db) : m_db(std::move(db)) {}

Result<int> ReportedFigureStore::addFacts(qint64 cik, const QList<ReportedFact> &facts)
{
    QSqlQuery q(m_db);
    // A fact is what a filing said: the same key again is the same fact.
    q.prepare(QStringLiteral(
        "INSERT INTO reported_facts (cik, concept, unit, period_start, period_end, accession, value, form, filed_date, "
        "fiscal_year, fiscal_period, frame) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT (cik, concept, unit, period_start, period_end, accession) DO NOTHING"));
    int added = 0;
    for (const ReportedFact &f : facts) {
        if (auto s = execBound(q, {cik, f.conceptName, f.unit, isoDate(f.start), isoDate(f.end), f.accession, f.value, f.form,
                                   isoDate(f.filed), f.fiscalYear, f.fiscalPeriod, f.frame});
            !s)
            return s.error();
        if (q.numRowsAffected() > 0)
            ++added;
    }
    return added;
}

Result<QList<ReportedFact>> ReportedFigureStore::facts(qint64 cik) const
{
    const QString sql = QStringLiteral("SELECT concept, unit, period_start, period_end, value, accession, form, "
                                       "filed_date, fiscal_year, fiscal_period, frame FROM reported_facts WHERE cik = ? "
                                       "ORDER BY concept, period_end, period_start, filed_date, accession");
    return selectRows(m_db, sql, {cik}, [](const QSqlQuery &row) {
        ReportedFact f;
        f.conceptName = row.value(0).toString();
        f.unit = row.value(1).toString();
        f.start = isoDateAt(row, 2);
        f.end = isoDateAt(row, 3);
        f.value = row.value(4).toDouble();
        f.accession = row.value(5).toString();
        f.form = row.value(6).toString();
        f.filed = isoDateAt(row, 7);
        f.fiscalYear = row.value(8).toInt();
        f.fiscalPeriod = row.value(9).toString();
        f.frame = row.value(10).toString();
        return f;
    });
}

Result<FigureChanges> ReportedFigureStore::replaceFigures(const QString &ticker, qint64 cik, const QList<ReportedFigure> &figures)
{
    auto before = this->figures(ticker, QString());
    if (!before)
        return before.error();
    QHash<QString, ReportedFigure> old;
    for (const ReportedFigure &f : *before)
        old.insert(identity(f), f);
    FigureChanges changes;
    for (const ReportedFigure &f : figures) {
        const auto it = old.constFind(identity(f));
        if (it == old.constEnd())
            ++changes.added;
        else if (sameFigure(*it, f))
            ++changes.unchanged;
        else
            ++changes.changed;
    }
    if (auto s = execBound(m_db, QStringLiteral("DELETE FROM reported_figures WHERE ticker = ?"), {ticker}); !s)
        return s.error();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO reported_figures (ticker, metric, period, cik, period_start, period_end, value, currency, concept, "
        "form, filed_date, accession, derived, revisions, previous_value) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const ReportedFigure &f : figures) {
        if (auto s = execBound(insert, {ticker, f.metric, f.period, cik, isoDate(f.start), isoDate(f.end), f.value, f.currency,
                                        f.conceptName, f.form, isoDate(f.filed), f.accession, f.derived ? 1 : 0, f.revisions,
                                        nullableDouble(f.previousValue)});
            !s)
            return s.error();
    }
    if (changes.added + changes.changed > 0) {
        if (auto s = StoreChangeNotifier::announce(m_db, {QStringLiteral("reported_figures"), QStringLiteral("updated"), 0}); !s)
            return s.error();
    }
    return changes;
}

Result<QList<ReportedFigure>> ReportedFigureStore::figures(const QString &ticker, const QString &metric) const
{
    QString sql = QStringLiteral(
        "SELECT ticker, metric, period, period_start, period_end, value, currency, concept, form, filed_date, accession, "
        "derived, revisions, previous_value FROM reported_figures WHERE 1 = 1");
    if (!ticker.isEmpty())
        sql += QStringLiteral(" AND ticker = ?");
    if (!metric.isEmpty())
        sql += QStringLiteral(" AND metric = ?");
    sql += QStringLiteral(" ORDER BY ticker, metric, period");
    QSqlQuery q(m_db);
    q.prepare(sql);
    if (!ticker.isEmpty())
        q.addBindValue(ticker);
    if (!metric.isEmpty())
        q.addBindValue(metric);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Could not read reported figures"), q));
    return readRows(q, [](const QSqlQuery &row) {
        ReportedFigure f;
        f.ticker = row.value(0).toString();
        f.metric = row.value(1).toString();
        f.period = row.value(2).toString();
        f.start = isoDateAt(row, 3);
        f.end = isoDateAt(row, 4);
        f.value = row.value(5).toDouble();
        f.currency = row.value(6).toString();
        f.conceptName = row.value(7).toString();
        f.form = row.value(8).toString();
        f.filed = isoDateAt(row, 9);
        f.accession = row.value(10).toString();
        f.derived = row.value(11).toInt() != 0;
        f.revisions = row.value(12).toInt();
        f.previousValue = nullableDoubleAt(row, 13);
        return f;
    });
}

} // namespace tw
