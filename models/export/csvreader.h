#pragma once

#include "models/core/result.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace tw {

// Parses RFC 4180 CSV as CsvWriter writes it (and as spreadsheets save it):
// a leading UTF-8 byte order mark is skipped, quoted fields may hold commas,
// doubled quotes and line breaks, rows end with CRLF or LF. Text is returned
// exactly as stored: a defusing apostrophe is part of the cell.
class CsvReader {
public:
    static Result<QList<QStringList>> parse(const QByteArray &csv);
};

} // namespace tw
