#pragma once

#include "models/core/result.h"
#include "models/export/csvwriter.h"
#include "models/export/exportquery.h"

#include <QIODevice>
#include <QSqlDatabase>

#include <atomic>
#include <functional>

namespace tw {

// How a running export reports and is stopped. Both are optional. `progress`
// is called every `progressEvery` rows and once at the end with the rows
// written so far; `cancel` is polled between rows (set it from any thread).
struct ExportControl {
    std::function<void(qint64 rowsWritten)> progress;
    const std::atomic_bool *cancel = nullptr;
    qint64 progressEvery = 10000;
};

struct ExportSummary {
    qint64 rows = 0;          // data rows, not counting the header
    bool cancelled = false;   // true: stopped on request; a file export left no file
};

// How CsvExport reads the rows. On SQLite the fastest way is a statement on
// the driver's own handle that hands each stored UTF-8 text straight to the
// writer (no QVariant, no UTF-16 round trip per cell); PostgreSQL always reads
// through QSqlQuery. Both give the same bytes (tst_exportstream).
enum class ExportReader { Fastest, QtSql };

// Streams one ExportQuery from the store into CSV: a forward-only query read
// row by row, rows gathered into writes of a megabyte, so a million rows need
// no more memory than one chunk. This is the one entry point for the CLI and
// the panels (Ctrl+E): build an ExportQuery from the panel's filter, run it on
// a thread with its own StoreConnection::attach() connection, show
// `progress`, set `cancel` from the dialog's button.
class CsvExport {
public:
    CsvExport(QSqlDatabase db, CsvWriter::Options options, ExportReader reader = ExportReader::Fastest);

    // Rows the query will produce (one COUNT query), for a progress total.
    Result<qint64> countRows(const ExportQuery &query) const;

    // Writes to an open device (stdout, a buffer). On cancel the device keeps
    // what was written so far.
    Result<ExportSummary> writeTo(QIODevice *device, const ExportQuery &query, const ExportControl &control = {}) const;

    // Writes to `path` through a temporary file that replaces `path` only when
    // every row is written: a failed or cancelled export leaves no file behind
    // (and an existing file at `path` untouched).
    Result<ExportSummary> writeFile(const QString &path, const ExportQuery &query,
                                    const ExportControl &control = {}) const;

private:
    QSqlDatabase m_db;
    CsvWriter::Options m_options;
    ExportReader m_reader;
};

} // namespace tw
