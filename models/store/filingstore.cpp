#include "models/store/filingstore.h"

#include "models/core/storetime.h"
#include "models/store/sqlexec.h"
#include "models/store/sqlvalues.h"
#include "models/store/storechangenotifier.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSqlQuery>

namespace tw {

namespace {
const QString kColumns = QStringLiteral(
    "f.accession, f.cik, f.ticker, f.company, f.form, f.filed_date, f.report_date, f.accepted_utc, f.items, "
    "f.index_url, f.document_url");

QString firstSentence(const QString &text)
{
    const QString flat = text.section(QLatin1Char('\n'), 0, 0).simplified();
    static const QRegularExpression end(QStringLiteral("[.!?](?=\\s+[A-Z(\"\u201C]|$)"));
    const auto m = end.match(flat);
    QString sentence = m.hasMatch() ? flat.left(m.capturedEnd(0)) : flat;
    if (sentence.size() > 300)
        sentence = sentence.left(299) + QChar(0x2026);
    return sentence;
}
} // namespace

FilingStore::FilingStore(QSqlDatabase db) : m_db(std::move(db)) {}

QString FilingStore::localKey(const Filing &filing)
{
    const QByteArray identity = QStringLiteral("%1|%2|%3|%4")
                                    .arg(filing.cik)
                                    .arg(filing.form, isoDate(filing.eventDate()), filing.itemNumbers().join(QLatin1Char(',')))
                                    .toUtf8();
    return QStringLiteral("local:") + QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(20));
}

Result<bool> FilingStore::upsert(const Filing &given, const QString &ticker)
{
    if (given.accession.isEmpty())
        return fail(QStringLiteral("a filing without an accession number cannot be stored"));
    auto existing = byAccession(given.accession);
    if (!existing)
        return existing.error();
    Filing f = given;
    QString storedTicker = ticker;
    bool replaceItems = !f.items.isEmpty();
    if (existing->has_value()) {
        // Fill in, never blank: a feed entry after the document keeps the document's text.
        const Filing &old = (*existing)->filing;
        if (f.cik <= 0)
            f.cik = old.cik;
        if (f.companyName.isEmpty())
            f.companyName = old.companyName;
        if (f.form.isEmpty())
            f.form = old.form;
        if (!f.filed.isValid())
            f.filed = old.filed;
        if (!f.reportDate.isValid())
            f.reportDate = old.reportDate;
        if (!f.accepted.isValid())
            f.accepted = old.accepted;
        if (f.indexUrl.isEmpty())
            f.indexUrl = old.indexUrl;
        if (f.documentUrl.isEmpty())
            f.documentUrl = old.documentUrl;
        if (storedTicker.isEmpty())
            storedTicker = (*existing)->ticker;
        const bool newHasText = std::any_of(f.items.cbegin(), f.items.cend(), [](const FilingItem &i) { return !i.text.isEmpty(); });
        const bool oldHasText = std::any_of(old.items.cbegin(), old.items.cend(), [](const FilingItem &i) { return !i.text.isEmpty(); });
        if (oldHasText && !newHasText)
            replaceItems = false;
        if (!replaceItems)
            f.items = old.items;
    }
    if (auto s = execBound(m_db,
                           QStringLiteral("INSERT INTO filings (accession, cik, ticker, company, form, filed_date, "
                                          "report_date, accepted_utc, items, index_url, document_url, stored_utc) "
                                          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (accession) DO UPDATE SET "
                                          "cik = excluded.cik, ticker = excluded.ticker, company = excluded.company, "
                                          "form = excluded.form, filed_date = excluded.filed_date, "
                                          "report_date = excluded.report_date, accepted_utc = excluded.accepted_utc, "
                                          "items = excluded.items, index_url = excluded.index_url, "
                                          "document_url = excluded.document_url"),
                           {f.accession, f.cik, storedTicker, f.companyName, f.form, isoDate(f.filed),
                            isoDate(f.reportDate), nullableInstant(f.accepted), f.itemNumbers().join(QLatin1Char(',')),
                            f.indexUrl, f.documentUrl, toStoreTime(nowUtc())});
        !s)
        return s.error();
    if (replaceItems) {
        if (auto s = writeItems(f.accession, f.items); !s)
            return s.error();
    }
    return !existing->has_value();
}

Status FilingStore::writeItems(const QString &accession, const QList<FilingItem> &items)
{
    if (auto s = execBound(m_db, QStringLiteral("DELETE FROM filing_items WHERE accession = ?"), {accession}); !s)
        return s;
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO filing_items (accession, item, position, title, body) VALUES (?,?,?,?,?) "
                                  "ON CONFLICT (accession, item) DO NOTHING"));
    for (int i = 0; i < items.size(); ++i) {
        const FilingItem &item = items.at(i);
        if (auto s = execBound(insert, {accession, item.number, i, item.title, item.text}); !s)
            return s;
    }
    return {};
}

Result<QList<StoredFiling>> FilingStore::select(const QString &where, const QVariantList &values, bool withItems) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM filings f %2").arg(kColumns, where));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return fail(describeSqlError(QStringLiteral("Could not read filings"), q));
    QList<StoredFiling> out = readRows(q, [](const QSqlQuery &row) {
        StoredFiling s;
        Filing &f = s.filing;
        f.accession = row.value(0).toString();
        f.cik = row.value(1).toLongLong();
        s.ticker = row.value(2).toString();
        f.companyName = row.value(3).toString();
        f.form = row.value(4).toString();
        f.filed = isoDateAt(row, 5);
        f.reportDate = isoDateAt(row, 6);
        f.accepted = nullableInstantAt(row, 7);
        for (const QString &n : row.value(8).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            f.items << FilingItem{n, QString(), QString()};
        f.indexUrl = row.value(9).toString();
        f.documentUrl = row.value(10).toString();
        if (!s.ticker.isEmpty())
            f.tickers << s.ticker;
        return s;
    });
    q.finish();
    if (!withItems)
        return out;
    QSqlQuery items(m_db);
    items.prepare(QStringLiteral("SELECT item, title, body FROM filing_items WHERE accession = ? ORDER BY position"));
    for (StoredFiling &s : out) {
        if (auto st = execBound(items, {s.filing.accession}); !st)
            return st.error();
        const QList<FilingItem> read = readRows(items, [](const QSqlQuery &row) {
            return FilingItem{row.value(0).toString(), row.value(1).toString(), row.value(2).toString()};
        });
        items.finish();
        if (!read.isEmpty())
            s.filing.items = read;
    }
    return out;
}

Result<std::optional<StoredFiling>> FilingStore::byAccession(const QString &accession) const
{
    return firstMatch(select(QStringLiteral("WHERE f.accession = ?"), {accession}, true));
}

Result<QList<StoredFiling>> FilingStore::forTicker(const QString &ticker, int limit) const
{
    return select(QStringLiteral("WHERE f.ticker = ? ORDER BY f.filed_date DESC, f.accession DESC LIMIT ?"),
                  {ticker, std::max(1, limit)}, false);
}

Result<QList<StoredFiling>> FilingStore::currentReports() const
{
    return select(QStringLiteral("WHERE f.form IN ('8-K', '8-K/A') ORDER BY f.filed_date, f.accession"), {}, true);
}

Result<QString> FilingStore::tickerForCik(qint64 cik) const
{
    auto ticker = selectValue(
        m_db, QStringLiteral("SELECT ticker FROM filings WHERE cik = ? AND ticker <> '' ORDER BY filed_date DESC LIMIT 1"),
        {cik});
    if (!ticker)
        return ticker.error();
    return ticker->toString();
}

// The accession of a stored filing with the company, form and report date of
// `filing`, picked by `accessionTest` ("LIKE 'local:%'") and `order`.
Result<QString> FilingStore::accessionOfSame(const Filing &filing, QLatin1String accessionTest, QLatin1String order) const
{
    auto accession = selectValue(
        m_db,
        QStringLiteral("SELECT accession FROM filings WHERE accession %1 AND cik = ? AND form = ? AND report_date = ?%2")
            .arg(accessionTest, order),
        {filing.cik, filing.form, isoDate(filing.reportDate)});
    if (!accession)
        return accession.error();
    return accession->toString();
}

Result<QString> FilingStore::localTwin(const Filing &filing) const
{
    return accessionOfSame(filing, QLatin1String("LIKE 'local:%'"), QLatin1String());
}

Result<QString> FilingStore::sameFiling(const Filing &filing) const
{
    return accessionOfSame(filing, QLatin1String("NOT LIKE 'local:%'"), QLatin1String(" ORDER BY filed_date DESC LIMIT 1"));
}

Status FilingStore::remove(const QString &accession)
{
    if (auto s = detachEvents(accession); !s)
        return s;
    return execBound(m_db, QStringLiteral("DELETE FROM filings WHERE accession = ?"), {accession});
}

Status FilingStore::linkEvent(qint64 eventId, const QString &accession, const QString &items)
{
    if (auto s = execBound(m_db,
                           QStringLiteral("INSERT INTO event_filings (event_id, accession, items) VALUES (?,?,?) "
                                          "ON CONFLICT (event_id, accession) DO UPDATE SET items = excluded.items"),
                           {eventId, accession, items});
        !s)
        return s;
    return StoreChangeNotifier::announce(m_db, {QStringLiteral("events"), QStringLiteral("updated"), eventId});
}

Status FilingStore::detachEvents(const QString &accession)
{
    auto events = selectIds(m_db, QStringLiteral("SELECT event_id FROM event_filings WHERE accession = ?"), {accession});
    if (!events)
        return events.error();
    if (auto s = execBound(m_db, QStringLiteral("DELETE FROM event_filings WHERE accession = ?"), {accession}); !s)
        return s;
    QSqlQuery prune(m_db);
    prune.prepare(QStringLiteral(
        "DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = events.id) "
        "AND NOT EXISTS (SELECT 1 FROM event_filings f WHERE f.event_id = events.id)"));
    for (qint64 id : *events) {
        if (auto s = execBound(prune, {id}); !s)
            return s;
        const bool removed = prune.numRowsAffected() > 0;
        if (auto s = StoreChangeNotifier::announce(
                m_db, {QStringLiteral("events"), removed ? QStringLiteral("deleted") : QStringLiteral("updated"), id});
            !s)
            return s;
    }
    return {};
}

Result<QList<FilingSource>> FilingStore::sourcesOf(qint64 eventId) const
{
    const QString sql = QStringLiteral(
        "SELECT f.accession, f.form, f.filed_date, ef.items, f.index_url, f.company "
        "FROM event_filings ef JOIN filings f ON f.accession = ef.accession WHERE ef.event_id = ? "
        "ORDER BY f.filed_date, f.accession");
    auto out = selectRows(m_db, sql, {eventId}, [](const QSqlQuery &row) {
        FilingSource s;
        s.accession = row.value(0).toString();
        s.form = row.value(1).toString();
        s.filed = isoDateAt(row, 2);
        s.items = row.value(3).toString();
        s.indexUrl = row.value(4).toString();
        s.company = row.value(5).toString();
        return s;
    });
    if (!out)
        return out.error();
    // What the event's own item says (the first of them), in one sentence.
    QSqlQuery body(m_db);
    body.prepare(QStringLiteral("SELECT body FROM filing_items WHERE accession = ? AND item = ?"));
    for (FilingSource &s : *out) {
        if (auto st = execBound(body, {s.accession, s.items.section(QLatin1Char(','), 0, 0)}); !st)
            return st.error();
        if (body.next())
            s.firstSentence = firstSentence(body.value(0).toString());
        body.finish();
    }
    return out;
}

Status FilingStore::linkArticle(const QString &accession, qint64 articleId, const QString &exhibit)
{
    return execBound(m_db,
                     QStringLiteral("INSERT INTO filing_articles (accession, article_id, exhibit) VALUES (?,?,?) "
                                    "ON CONFLICT (accession, article_id) DO UPDATE SET exhibit = excluded.exhibit"),
                     {accession, articleId, exhibit});
}

} // namespace tw
