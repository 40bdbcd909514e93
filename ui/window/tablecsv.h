#pragma once

#include "core/result.h"

#include <QString>

class QAbstractItemModel;

namespace tw {

// Writes what a table shows (display text, header first) as RFC 4180 CSV in
// UTF-8 with a byte-order mark, which Excel needs to read UTF-8.
Status writeTableCsv(const QAbstractItemModel &model, const QString &path);

} // namespace tw
