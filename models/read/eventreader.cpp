#include "models/read/eventreader.h"

#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"

#include <QLocale>

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace tw {

QDate EventRow::firstDay() const
{
    const QStringList parts = eventDate.left(10).split(QLatin1Char('-'));
    const int year = parts.value(0).toInt();
    const int month = parts.size() > 1 ? parts.at(1).toInt() : 1;
    const int day = parts.size() > 2 ? parts.at(2).toInt() : 1;
    return QDate(year, month, day);
}

double EventRow::inBillions(double amount) const
{
    const QString u = unit.toLower();
    if (u.startsWith(QLatin1String("billion")) || u == QLatin1String("bn") || u == QLatin1String("b"))
        return amount;
    if (u.startsWith(QLatin1String("million")) || u == QLatin1String("m"))
        return amount / 1e3;
    if (u.startsWith(QLatin1String("trillion")))
        return amount * 1e3;
    return amount / 1e9;
}

QString EventRow::amountText() const
{
    if (!amountLow && !amountHigh)
        return {};
    if (unit.isEmpty() && std::max(amountLow.value_or(0), amountHigh.value_or(0)) >= 1e9) {
        EventRow scaled = *this;
        scaled.unit = QStringLiteral("billion");
        if (amountLow)
            scaled.amountLow = *amountLow / 1e9;
        if (amountHigh)
            scaled.amountHigh = *amountHigh / 1e9;
        return scaled.amountText();
    }
    // A percentage or a benchmark score has no currency: "9%", "52 points", not "$9 percent".
    const bool percent = unit == QLatin1String("percent");
    const QString symbol = currency == QLatin1String("USD") ? QStringLiteral("$")
                           : currency.isEmpty()            ? QString()
                                                           : currency + QLatin1Char(' ');
    auto num = [](double v) { return QLocale::c().toString(v, 'f', v == double(qint64(v)) ? 0 : 1); };
    QString text;
    if (amountLow && amountHigh && *amountLow != *amountHigh)
        text = symbol + num(*amountLow) + QChar(0x2013) + num(*amountHigh);
    else
        text = symbol + num(amountLow ? *amountLow : *amountHigh);
    if (percent)
        text += QLatin1Char('%');
    else if (!unit.isEmpty())
        text += QLatin1Char(' ') + unit;
    return text;
}

EventReader::EventReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Result<QList<EventRow>> EventReader::select(
    const QString &where, const QVariantList &binds, const QString &order, int limit) const
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT e.id, e.ticker, e.event_date, e.date_precision, e.kind, e.title, e.metric, e.basis, "
                       "e.amount_low, e.amount_high, e.currency, e.unit, e.period, e.confidence, "
                       "(SELECT count(*) FROM event_sources s WHERE s.event_id = e.id), "
                       "(SELECT f.form || ' ' || f.filed_date FROM event_filings ef JOIN filings f ON f.accession = ef.accession "
                       "WHERE ef.event_id = e.id ORDER BY f.filed_date, f.accession LIMIT 1) "
                       "FROM events e %1 ORDER BY %2 LIMIT ?")
            .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where, order));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    q.addBindValue(limit);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Events read failed"), q));
    return readRows(q, [](const QSqlQuery &row) {
        EventRow e;
        e.id = row.value(0).toLongLong();
        e.ticker = row.value(1).toString();
        e.eventDate = row.value(2).toString();
        e.precision = row.value(3).toString();
        e.kind = row.value(4).toString();
        e.title = row.value(5).toString();
        e.metric = row.value(6).toString();
        e.basis = row.value(7).toString();
        e.amountLow = nullableDoubleAt(row, 8);
        e.amountHigh = nullableDoubleAt(row, 9);
        e.currency = row.value(10).toString();
        e.unit = row.value(11).toString();
        e.period = row.value(12).toString();
        e.confidence = row.value(13).toDouble();
        e.sourceCount = row.value(14).toInt();
        e.filing = row.value(15).toString();
        return e;
    });
}

Result<QList<EventRow>> EventReader::events(const QString &ticker, int limit) const
{
    if (ticker.isEmpty())
        return select({}, {}, QStringLiteral("e.event_date DESC, e.id DESC"), limit);
    return select(QStringLiteral("e.ticker = ?"), {ticker}, QStringLiteral("e.event_date DESC, e.id DESC"), limit);
}

Result<QList<EventRow>> EventReader::capex(const QString &ticker) const
{
    // Extraction may file capex under its own kind or as a guidance/actual
    // figure whose metric names it; both count.
    return select(
        QStringLiteral("e.ticker = ? AND (lower(e.metric) LIKE '%capex%' OR lower(e.metric) LIKE '%capital%' "
                       "OR lower(e.kind) = 'capex') AND (e.amount_low IS NOT NULL OR e.amount_high IS NOT NULL)"),
        {ticker}, QStringLiteral("e.period, e.event_date, e.id"), 1000);
}

Result<QList<EventSourceArticle>> EventReader::sources(qint64 eventId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.id, a.published_utc, a.source, a.title FROM event_sources s "
                             "JOIN articles a ON a.id = s.article_id WHERE s.event_id = ? "
                             "ORDER BY a.published_utc, a.id"));
    q.addBindValue(eventId);
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Event sources read failed"), q));
    return readRows(q, [](const QSqlQuery &row) {
        return EventSourceArticle{row.value(0).toLongLong(), row.value(1).toLongLong(), row.value(2).toString(),
                                  row.value(3).toString()};
    });
}

Result<QList<FilingSource>> EventReader::filings(qint64 eventId) const
{
    return FilingStore(m_db).sourcesOf(eventId);
}

} // namespace tw
