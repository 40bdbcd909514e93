#include "models/store/reportedfigurestore.h"

#include "models/store/sqlexec.h"
#include "models/store/storechangenotifier.h"

#include <QHash>
#include <QSqlQuery>

namespace tw {

namespace {
QString isoDate(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QVariant optionalDouble(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}

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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT concept, unit, period_start, period_end, value, accession, form, filed_date, "
                             "fiscal_year, fiscal_period, frame FROM reported_facts WHERE cik = ? "
                             "ORDER BY concept, period_end, period_start, filed_date, accession"));
    if (auto s = execBound(q, {cik}); !s)
        return s.error();
    QList<ReportedFact> out;
    while (q.next()) {
        ReportedFact f;
        f.conceptName = q.value(0).toString();
        f.unit = q.value(1).toString();
        f.start = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        f.end = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        f.value = q.value(4).toDouble();
        f.accession = q.value(5).toString();
        f.form = q.value(6).toString();
        f.filed = QDate::fromString(q.value(7).toString(), Qt::ISODate);
        f.fiscalYear = q.value(8).toInt();
        f.fiscalPeriod = q.value(9).toString();
        f.frame = q.value(10).toString();
        out << f;
    }
    return out;
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
    QSqlQuery clear(m_db);
    clear.prepare(QStringLiteral("DELETE FROM reported_figures WHERE ticker = ?"));
    if (auto s = execBound(clear, {ticker}); !s)
        return s.error();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO reported_figures (ticker, metric, period, cik, period_start, period_end, value, currency, concept, "
        "form, filed_date, accession, derived, revisions, previous_value) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const ReportedFigure &f : figures) {
        if (auto s = execBound(insert, {ticker, f.metric, f.period, cik, isoDate(f.start), isoDate(f.end), f.value, f.currency,
                                        f.conceptName, f.form, isoDate(f.filed), f.accession, f.derived ? 1 : 0, f.revisions,
                                        optionalDouble(f.previousValue)});
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
    QList<ReportedFigure> out;
    while (q.next()) {
        ReportedFigure f;
        f.ticker = q.value(0).toString();
        f.metric = q.value(1).toString();
        f.period = q.value(2).toString();
        f.start = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        f.end = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        f.value = q.value(5).toDouble();
        f.currency = q.value(6).toString();
        f.conceptName = q.value(7).toString();
        f.form = q.value(8).toString();
        f.filed = QDate::fromString(q.value(9).toString(), Qt::ISODate);
        f.accession = q.value(10).toString();
        f.derived = q.value(11).toInt() != 0;
        f.revisions = q.value(12).toInt();
        if (!q.value(13).isNull())
            f.previousValue = q.value(13).toDouble();
        out << f;
    }
    return out;
}

} // namespace tw
