#include "models/export/csvexport.h"

#include "models/store/sqlexec.h"

#include <QSaveFile>
#include <QSqlQuery>
#include <QSqlError>

namespace tw {

namespace {
bool cancelled(const ExportControl &control)
{
    return control.cancel && control.cancel->load(std::memory_order_relaxed);
}

Status prepareAndRun(QSqlQuery &q, const QString &sql, const QVariantList &bindings, const QString &what)
{
    if (!q.prepare(sql))
        return fail(describeSqlError(what, q));
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindings.at(i));
    if (!q.exec())
        return fail(describeSqlError(what, q));
    return {};
}

void addCell(CsvWriter &writer, const QVariant &value, ExportColumnType type)
{
    if (value.isNull()) {
        writer.addEmpty();
        return;
    }
    switch (type) {
    case ExportColumnType::Text:
        writer.addText(value.toString());
        break;
    case ExportColumnType::Integer:
        writer.addInteger(value.toLongLong());
        break;
    case ExportColumnType::Real:
        writer.addNumber(value.toDouble());
        break;
    case ExportColumnType::Measure:
        writer.addNumber(value.toDouble(), kMeasureDecimals);
        break;
    case ExportColumnType::Instant:
        writer.addInstant(value.toLongLong());
        break;
    }
}
} // namespace

CsvExport::CsvExport(QSqlDatabase db, CsvWriter::Options options) : m_db(std::move(db)), m_options(options) {}

Result<qint64> CsvExport::countRows(const ExportQuery &query) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto ran = prepareAndRun(q, query.countSql(), query.countBindings.value_or(query.bindings), QStringLiteral("count export rows")); !ran)
        return ran.error();
    if (!q.next())
        return fail(describeSqlError(QStringLiteral("count export rows"), q));
    return q.value(0).toLongLong();
}

Result<ExportSummary> CsvExport::writeTo(QIODevice *device, const ExportQuery &query,
                                         const ExportControl &control) const
{
    QSqlQuery q(m_db);
    // Forward-only: the driver keeps no copy of rows already read.
    q.setForwardOnly(true);
    if (auto ran = prepareAndRun(q, query.sql, query.bindings, QStringLiteral("read rows to export")); !ran)
        return ran.error();

    CsvWriter writer(device, m_options);
    writer.writeHeader(query.headers());
    ExportSummary summary;
    const int columns = int(query.columns.size());
    while (q.next()) {
        if (cancelled(control)) {
            summary.cancelled = true;
            break;
        }
        if (query.adjustRow) {
            QVariantList row;
            row.reserve(columns);
            for (int c = 0; c < columns; ++c)
                row << q.value(c);
            query.adjustRow(row);
            for (int c = 0; c < columns; ++c)
                addCell(writer, row.at(c), query.columns.at(c).type);
        } else {
            for (int c = 0; c < columns; ++c)
                addCell(writer, q.value(c), query.columns.at(c).type);
        }
        writer.endRow();
        if (!writer.ok())
            return fail(QStringLiteral("Could not write the export: %1").arg(device->errorString()));
        ++summary.rows;
        if (control.progress && control.progressEvery > 0 && summary.rows % control.progressEvery == 0)
            control.progress(summary.rows);
    }
    if (!writer.ok())
        return fail(QStringLiteral("Could not write the export: %1").arg(device->errorString()));
    if (q.lastError().isValid())
        return fail(describeSqlError(QStringLiteral("read rows to export"), q));
    if (control.progress)
        control.progress(summary.rows);
    return summary;
}

Result<ExportSummary> CsvExport::writeFile(const QString &path, const ExportQuery &query,
                                           const ExportControl &control) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    auto written = writeTo(&file, query, control);
    if (!written || written->cancelled) {
        // Not committing discards the temporary file; `path` is never touched.
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return fail(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return written;
}

} // namespace tw
