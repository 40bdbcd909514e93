#pragma once

#include "models/core/result.h"
#include "models/domain/filing.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace tw {

// A filing as stored, with the ticker it was filed under here.
struct StoredFiling {
    Filing filing;
    QString ticker;
};

// A filing that reports an event: what the timeline and `events --sources`
// show as the company's own word.
struct FilingSource {
    QString accession;
    QString form;
    QDate filed;
    QString items;          // "5.02" or "1.01,2.03"
    QString indexUrl;
    QString company;
    QString firstSentence;  // of the first item's text, when the document was read
};

// filings, filing_items, event_filings and filing_articles. A filing is kept
// by accession number; what a later source adds (the document's item text
// after a feed listed the filing) fills in, nothing known is blanked. The
// caller owns the transaction.
class FilingStore {
public:
    explicit FilingStore(QSqlDatabase db);

    // Stores or completes the filing; true when it was not stored before.
    Result<bool> upsert(const Filing &filing, const QString &ticker);
    Result<std::optional<StoredFiling>> byAccession(const QString &accession) const;
    // Newest first.
    Result<QList<StoredFiling>> forTicker(const QString &ticker, int limit = 200) const;
    // 8-Ks and their amendments, oldest first, with item text: for rebuilding events.
    Result<QList<StoredFiling>> currentReports() const;
    // The ticker stored filings of this company were filed under (empty when none).
    Result<QString> tickerForCik(qint64 cik) const;
    // A filing stored without an accession number ("local:…", read from a
    // document alone) for the same company, form and report date.
    Result<QString> localTwin(const Filing &filing) const;
    // A stored filing (with its accession number) of the same company, form
    // and report date: what a document read alone most likely is.
    Result<QString> sameFiling(const Filing &filing) const;
    Status remove(const QString &accession);

    Status linkEvent(qint64 eventId, const QString &accession, const QString &items);
    // Forgets which events the filing reports; events nothing reports any more go.
    Status detachEvents(const QString &accession);
    Result<QList<FilingSource>> sourcesOf(qint64 eventId) const;
    Status linkArticle(const QString &accession, qint64 articleId, const QString &exhibit);

    // A stable key for a filing read without its accession number.
    static QString localKey(const Filing &filing);

private:
    Status writeItems(const QString &accession, const QList<FilingItem> &items);
    Result<QList<StoredFiling>> select(const QString &where, const QVariantList &values, bool withItems) const;
    Result<QString> accessionOfSame(const Filing &filing, QLatin1String accessionTest, QLatin1String order) const;

    QSqlDatabase m_db;
};

} // namespace tw
