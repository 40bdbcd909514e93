#include "feeds/ingest/quoteimporter.h"

#include "models/store/quotestore.h"
#include "models/store/sqlexec.h"

namespace tw {

QuoteImporter::QuoteImporter(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QuoteImportReport> QuoteImporter::import(const ParsedQuotes &quotes)
{
    Transaction transaction(m_db);
    if (!transaction.active())
        return fail(QStringLiteral("Cannot start a transaction: %1").arg(transaction.beginError()));
    QuoteStore store(m_db);
    QuoteImportReport report;
    for (const QuoteBar &bar : quotes.bars) {
        ++report.received;
        auto changed = store.upsert(bar);
        if (!changed)
            return changed.error();   // the transaction rolls back: nothing half-imported
        *changed ? ++report.changed : ++report.unchanged;
    }
    if (auto s = transaction.commit(); !s)
        return s.error();
    return report;
}

} // namespace tw
