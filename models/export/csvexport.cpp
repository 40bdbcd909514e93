#include "models/export/csvexport.h"

#include "models/store/sqldialect.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlitestatement.h"

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

// A row the query adjusts (ExportQuery::adjustRow): read whole through
// `valueAt(column)`, adjusted, then written.
template <typename ValueAt>
void writeAdjustedRow(CsvWriter &writer, const ExportQuery &query, ValueAt valueAt)
{
    const int columns = int(query.columns.size());
    QVariantList row;
    row.reserve(columns);
    for (int c = 0; c < columns; ++c)
        row << valueAt(c);
    query.adjustRow(row);
    for (int c = 0; c < columns; ++c)
        addCell(writer, row.at(c), query.columns.at(c).type);
}

// Rows gathered into writes of this size: a few hundred writes for a
// million rows, and no more memory than one chunk.
constexpr qsizetype kChunkBytes = qsizetype(1) << 20;

const QString kReadRows = QStringLiteral("read rows to export");

// Rows read through QSqlQuery: any backend, any query.
class QtSqlRows {
public:
    explicit QtSqlRows(const QSqlDatabase &db) : m_query(db), m_dialect(dialectOf(db))
    {
        m_query.setForwardOnly(true);   // keeps no copy of rows already read
    }

    Status start(const ExportQuery &query)
    {
        return prepareAndRun(m_query, query.sqlFor(m_dialect), query.bindings, kReadRows);
    }

    Result<bool> next()
    {
        if (m_query.next())
            return true;
        if (m_query.lastError().isValid())
            return fail(describeSqlError(kReadRows, m_query));
        return false;
    }

    void writeRow(CsvWriter &writer, const ExportQuery &query)
    {
        if (query.adjustRow) {
            writeAdjustedRow(writer, query, [this](int c) { return m_query.value(c); });
            return;
        }
        for (int c = 0; c < int(query.columns.size()); ++c)
            addCell(writer, m_query.value(c), query.columns.at(c).type);
    }

private:
    QSqlQuery m_query;
    SqlDialect m_dialect;
};

// Rows read through a statement on SQLite's own handle: each cell goes from
// SQLite's bytes to the CSV buffer. Values whose storage class differs from
// the column's type, and text that SQLite's UTF-16 reading would change (not
// well-formed UTF-8, U+FFFE, U+FFFF), take QSQLITE's QVariant and addCell, so
// every cell reads as it does through QSqlQuery.
class SqliteRows {
public:
    // False when the query is not for this reader (not SQLite, a value
    // QSQLITE would bind as text, a statement SQLite refuses, a first step
    // that fails): the caller reads through QSqlQuery, which reports any
    // failure as before.
    bool start(const QSqlDatabase &db, const ExportQuery &query)
    {
        if (!SqliteStatement::isUtf8Database(db))
            return false;
        auto prepared = SqliteStatement::prepare(db, query.sqlFor(SqlDialect::Sqlite).toUtf8().constData());
        if (!prepared)
            return false;
        m_statement = std::move(*prepared);
        if (m_statement.parameterCount() != query.bindings.size()
            || m_statement.columnCount() != query.columns.size())
            return false;
        for (int i = 0; i < query.bindings.size(); ++i) {
            if (!m_statement.bindAsQt(i + 1, query.bindings.at(i)))
                return false;
        }
        auto first = m_statement.step();
        if (!first)
            return false;
        m_pending = *first;
        m_done = !*first;
        return true;
    }

    Result<bool> next()
    {
        if (m_pending) {
            m_pending = false;
            return true;
        }
        if (m_done)
            return false;
        auto stepped = m_statement.step();
        if (!stepped)
            return fail(QStringLiteral("%1: %2").arg(kReadRows, stepped.errorMessage()));
        m_done = !*stepped;
        return *stepped;
    }

    void writeRow(CsvWriter &writer, const ExportQuery &query)
    {
        if (query.adjustRow) {
            writeAdjustedRow(writer, query, [this](int c) { return m_statement.value(c).asQt(); });
            return;
        }
        for (int c = 0; c < int(query.columns.size()); ++c)
            writeCell(writer, c, query.columns.at(c).type);
    }

private:
    void writeCell(CsvWriter &writer, int column, ExportColumnType type)
    {
        using Storage = SqliteStatement::Storage;
        const SqliteStatement::Value value = m_statement.value(column);
        switch (value.storage()) {
        case Storage::Null:
            writer.addEmpty();
            return;
        case Storage::Text:
            if (type == ExportColumnType::Text) {
                qsizetype size = 0;
                if (const char *text = value.exactUtf8(&size); text && writer.addTextUtf8(text, size))
                    return;
            }
            break;
        case Storage::Integer:
            switch (type) {
            case ExportColumnType::Integer: writer.addInteger(value.toInt64()); return;
            case ExportColumnType::Instant: writer.addInstant(value.toInt64()); return;
            case ExportColumnType::Real: writer.addNumber(double(value.toInt64())); return;
            case ExportColumnType::Measure: writer.addNumber(double(value.toInt64()), kMeasureDecimals); return;
            case ExportColumnType::Text: break;
            }
            break;
        case Storage::Real:
            if (type == ExportColumnType::Real) {
                writer.addNumber(value.toDouble());
                return;
            }
            if (type == ExportColumnType::Measure) {
                writer.addNumber(value.toDouble(), kMeasureDecimals);
                return;
            }
            break;
        case Storage::Blob:
            break;
        }
        addCell(writer, value.asQt(), type);
    }

    SqliteStatement m_statement;
    bool m_pending = false;   // the first row, stepped by start()
    bool m_done = false;
};

template <typename Rows>
Result<ExportSummary> streamRows(Rows &rows, QIODevice *device, const ExportQuery &query, CsvWriter::Options options,
                                 const ExportControl &control)
{
    options.chunkBytes = kChunkBytes;
    CsvWriter writer(device, options);
    writer.writeHeader(query.headers());
    ExportSummary summary;
    for (;;) {
        auto row = rows.next();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (cancelled(control)) {
            summary.cancelled = true;
            break;
        }
        rows.writeRow(writer, query);
        writer.endRow();
        if (!writer.ok())
            return fail(QStringLiteral("Could not write the export: %1").arg(device->errorString()));
        ++summary.rows;
        if (control.progress && control.progressEvery > 0 && summary.rows % control.progressEvery == 0)
            control.progress(summary.rows);
    }
    if (!writer.flush())
        return fail(QStringLiteral("Could not write the export: %1").arg(device->errorString()));
    if (control.progress)
        control.progress(summary.rows);
    return summary;
}
} // namespace

CsvExport::CsvExport(QSqlDatabase db, CsvWriter::Options options, ExportReader reader)
    : m_db(std::move(db)), m_options(options), m_reader(reader)
{
}

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
    if (m_reader == ExportReader::Fastest) {
        SqliteRows rows;
        if (rows.start(m_db, query))
            return streamRows(rows, device, query, m_options, control);
    }
    QtSqlRows rows(m_db);
    if (auto ran = rows.start(query); !ran)
        return ran.error();
    return streamRows(rows, device, query, m_options, control);
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
