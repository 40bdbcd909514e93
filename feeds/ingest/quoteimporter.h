#pragma once

#include "models/core/result.h"
#include "feeds/parsers/parsedquotes.h"

#include <QSqlDatabase>

namespace tw {

struct QuoteImportReport {
    int received = 0;
    int changed = 0;     // inserted, or stored values corrected
    int unchanged = 0;
};

// Parsed bars into QuoteStore, one transaction per body: importing the same
// file twice changes nothing the second time.
class QuoteImporter {
public:
    explicit QuoteImporter(QSqlDatabase db);
    Result<QuoteImportReport> import(const ParsedQuotes &quotes);

private:
    QSqlDatabase m_db;
};

} // namespace tw
