#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "models/events/eventrebuilder.h"
#include "models/store/eventstore.h"
#include "models/store/filingstore.h"

namespace tw {

namespace {
const QString kTickerOption = QStringLiteral("ticker");
const QString kKindOption = QStringLiteral("kind");
const QString kSinceOption = QStringLiteral("since");
const QString kSourcesOption = QStringLiteral("sources");
const QString kRebuildOption = QStringLiteral("rebuild");

// "2026-04-08" or "2026-04" (the first of the month).
QDate parseSince(const QString &text)
{
    QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid())
        d = QDate::fromString(text + QStringLiteral("-01"), Qt::ISODate);
    return d;
}

class EventsCommand final : public Command {
public:
    EventsCommand()
        : Command({
            .name = QStringLiteral("events"),
            .summary = QStringLiteral("Print the events extracted from the news and from companies' 8-K filings, one "
                                      "per line: date, kind, title, amount, number of sources (articles and filings; "
                                      "tab-separated)."),
            .options = {{kTickerOption, QStringLiteral("Only events of this company."), QStringLiteral("TICKER")},
                        {kKindOption, QStringLiteral("Only this kind: %1.").arg(allEventKindIds().join(QStringLiteral(", "))),
                         QStringLiteral("KIND")},
                        {kSinceOption, QStringLiteral("Only events on or after this date (YYYY-MM-DD or YYYY-MM)."),
                         QStringLiteral("DATE")},
                        {kSourcesOption, QStringLiteral("List each event's sources under it: the filing that reports "
                                                        "it, then the articles.")},
                        {kRebuildOption, QStringLiteral("Extract the events of every stored article again first.")}},
            .takesNoArguments = true,
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        EventFilter filter;
        filter.ticker = ctx.parser.value(kTickerOption).trimmed().toUpper();
        if (ctx.parser.isSet(kKindOption)) {
            filter.kind = eventKindFromId(ctx.parser.value(kKindOption).trimmed().toLower());
            if (!filter.kind)
                return reportUsageError(ctx,
                    QStringLiteral("unknown kind '%1' (one of %2)")
                        .arg(ctx.parser.value(kKindOption), allEventKindIds().join(QStringLiteral(", "))));
        }
        if (ctx.parser.isSet(kSinceOption)) {
            filter.since = parseSince(ctx.parser.value(kSinceOption).trimmed());
            if (!filter.since.isValid())
                return reportUsageError(ctx,
                    QStringLiteral("'%1' is not a date (YYYY-MM-DD or YYYY-MM)").arg(ctx.parser.value(kSinceOption)));
        }
        auto store = openStoreOrReport(
            ctx, ctx.parser.isSet(QStringLiteral("rebuild")) ? StoreAccess::Write : StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        if (ctx.parser.isSet(kRebuildOption)) {
            auto rebuilt = EventRebuilder(store->database()).rebuild();
            if (!rebuilt)
                return reportFailure(ctx, rebuilt.errorMessage());
            ctx.err << "events rebuilt: " << rebuilt->events << " events from " << rebuilt->articles << " articles\n";
        }
        const EventStore events(store->database());
        auto found = events.query(filter);
        if (!found)
            return reportFailure(ctx, found.errorMessage());
        const FilingStore filingStore(store->database());
        for (const StoredEvent &e : *found) {
            // A filing that reports the event is a source too: the company's own.
            auto filings = filingStore.sourcesOf(e.id);
            if (!filings)
                return reportFailure(ctx, filings.errorMessage());
            ctx.out << e.event.date.display() << '\t' << eventKindId(e.event.kind) << '\t' << e.event.title << '\t'
                    << e.event.amount.display() << '\t' << e.sources + filings->size() << '\n';
            if (!ctx.parser.isSet(kSourcesOption))
                continue;
            for (const FilingSource &f : *filings)
                ctx.out << "    " << f.filed.toString(Qt::ISODate) << '\t' << f.form << " Item "
                        << QString(f.items).replace(QLatin1Char(','), QStringLiteral(", ")) << ", reported by the company\t"
                        << f.firstSentence << '\t' << f.indexUrl << '\n';
            auto sources = events.sources(e.id);
            if (!sources)
                return reportFailure(ctx, sources.errorMessage());
            for (const EventSource &s : *sources)
                ctx.out << "    " << s.published.date().toString(Qt::ISODate) << '\t' << s.source << '\t' << s.title
                        << '\t' << s.guid << '\n';
        }
        return kExitOk;
    }
};
} // namespace

std::unique_ptr<Command> makeEventsCommand() { return std::make_unique<EventsCommand>(); }

} // namespace tw
