#include "models/filings/filingevents.h"

#include "models/events/eventdetectors.h"
#include "models/filings/currentreportitems.h"
#include "models/store/eventstore.h"
#include "models/store/filingstore.h"

#include <QMap>

namespace tw {

namespace {
// Does the item's text name what a news event is about ("Scale AI", "cfo")?
bool textNames(const QString &text, const QString &subject)
{
    QString s = subject;
    s.remove(QStringLiteral(" (departure)"));
    s = s.trimmed();
    if (s.isEmpty())
        return false;
    static const QHash<QString, QString> roles{
        {QStringLiteral("ceo"), QStringLiteral("Chief Executive Officer")},
        {QStringLiteral("cfo"), QStringLiteral("Chief Financial Officer")},
        {QStringLiteral("coo"), QStringLiteral("Chief Operating Officer")},
        {QStringLiteral("cto"), QStringLiteral("Chief Technology Officer")},
    };
    if (text.contains(s, Qt::CaseInsensitive))
        return true;
    const auto role = roles.constFind(s.toLower());
    return role != roles.constEnd() && text.contains(*role, Qt::CaseInsensitive);
}
} // namespace

QList<ExtractedEvent> filingEvents(const Filing &filing, const QString &ticker)
{
    QList<ExtractedEvent> events;
    if (!filing.isCurrentReport() || ticker.isEmpty())
        return events;
    // Items grouped by the kind of event they report, in filing order.
    QMap<int, QList<const FilingItem *>> byKind;
    QList<int> order;
    for (const FilingItem &item : filing.items) {
        const CurrentReportItem *known = currentReportItemFor(item.number, filing.filed);
        if (!known || !known->kind)
            continue;
        const int kind = int(*known->kind);
        if (!byKind.contains(kind))
            order << kind;
        byKind[kind] << &item;
    }
    for (int kind : order) {
        QStringList numbers;
        QStringList labels;
        for (const FilingItem *item : byKind.value(kind)) {
            numbers << item->number;
            labels << QString::fromLatin1(currentReportItemFor(item->number, filing.filed)->label);
        }
        ExtractedEvent e;
        e.ticker = ticker;
        e.kind = EventKind(kind);
        e.date = EventDate{filing.eventDate(), DatePrecision::Day, DateBasis::Text};
        // An amendment restates the same events: one subject for both.
        e.subject = filingSubject(QStringLiteral("8-K"), numbers.join(QLatin1Char(',')));
        e.title = QStringLiteral("%1 8-K: %2 (Item %3)").arg(ticker, labels.join(QStringLiteral("; ")), numbers.join(QStringLiteral(", ")));
        e.confidence = kFiledConfidence;
        events << e;
    }
    return events;
}

FilingEventMerger::FilingEventMerger(QSqlDatabase db) : m_db(std::move(db)) {}

Result<FilingMergeReport> FilingEventMerger::merge(const Filing &filing, const QString &ticker)
{
    FilingStore filings(m_db);
    EventStore events(m_db);
    FilingMergeReport report;
    if (auto s = filings.detachEvents(filing.accession); !s)
        return s.error();
    for (const ExtractedEvent &e : filingEvents(filing, ticker)) {
        const QStringList numbers = e.subject.section(QLatin1Char(' '), 1).split(QLatin1Char(','));
        QString text;
        for (const FilingItem &item : filing.items) {
            if (numbers.contains(item.number))
                text += item.text + QLatin1Char('\n');
        }
        auto candidates = events.candidates(e);
        if (!candidates)
            return candidates.error();
        // The news event the item's text names first, then the closest in time.
        const StoredEvent *match = nullptr;
        bool matchNamed = false;
        for (const StoredEvent &c : std::as_const(*candidates)) {
            if (!sameEvent(c.event, e))
                continue;
            const bool named = textNames(text, c.event.subject);
            // A deal with a named counterparty the filing does not mention is another deal.
            if (e.kind == EventKind::Deal && !isFilingSubject(c.event.subject) && !c.event.subject.isEmpty() && !named)
                continue;
            const bool closer = match
                && EventDate::distanceDays(c.event.date, e.date) < EventDate::distanceDays(match->event.date, e.date);
            if (!match || (named && !matchNamed) || (named == matchNamed && closer)) {
                match = &c;
                matchNamed = named;
            }
        }
        qint64 id = 0;
        if (!match) {
            auto inserted = events.insert(e);
            if (!inserted)
                return inserted.error();
            id = *inserted;
            ++report.created;
            report.createdIds << id;
        } else {
            id = match->id;
            // The filing's date is the event's; the news title says more than "8-K: ...".
            const EventDate date = betterDate(e.date, match->event.date) ? e.date : match->event.date;
            if (auto s = events.improve(id, date, match->event.title, std::max(match->event.confidence, e.confidence)); !s)
                return s.error();
            if (!isFilingSubject(match->event.subject))
                ++report.confirmed;
        }
        if (auto s = filings.linkEvent(id, filing.accession, numbers.join(QLatin1Char(','))); !s)
            return s.error();
    }
    return report;
}

Result<FilingMergeReport> FilingEventMerger::mergeStored()
{
    auto stored = FilingStore(m_db).currentReports();
    if (!stored)
        return stored.error();
    FilingMergeReport total;
    for (const StoredFiling &s : *stored) {
        if (s.ticker.isEmpty())
            continue;
        auto merged = merge(s.filing, s.ticker);
        if (!merged)
            return merged.error();
        total.created += merged->created;
        total.confirmed += merged->confirmed;
        total.createdIds += merged->createdIds;
    }
    return total;
}

} // namespace tw
