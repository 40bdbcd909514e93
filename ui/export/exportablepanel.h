#pragma once

#include "models/core/result.h"
#include "models/export/exportquery.h"

#include <QString>

namespace tw {

// A panel that can write what it shows to CSV (Ctrl+E, or "Export CSV…" in
// its context menu). The query selects every row the panel shows under its
// current filter, not only the rows a lazily paged view has loaded.
class ExportablePanel {
public:
    virtual ~ExportablePanel() = default;

    // Fails when there is nothing to export (no ticker, no open article).
    virtual Result<ExportQuery> exportQuery() const = 0;
    // The file name the save dialog suggests ("articles-META.csv").
    virtual QString exportName() const = 0;
};

} // namespace tw
