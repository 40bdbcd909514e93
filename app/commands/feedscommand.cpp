#include "app/cli/command.h"
#include "app/cli/storesession.h"
#include "feeds/fetch/contactsetting.h"
#include "feeds/fetch/defaultfeeds.h"
#include "feeds/fetch/fetchtypes.h"
#include "feeds/fetch/secaccess.h"
#include "feeds/ingest/problemtext.h"
#include "feeds/keys/secretstore.h"
#include "models/directory/companydirectory.h"
#include "models/store/feedstore.h"
#include "models/store/tickerstore.h"

#include <algorithm>

namespace tw {

namespace {
// --kind's help names every feed kind with its label.
QString kindOptionHelp()
{
    QStringList kinds;
    for (const FeedKindInfo &kind : kFeedKinds)
        kinds << QStringLiteral("%1 (%2)").arg(QLatin1String(kind.id), QString::fromUtf8(kind.label));
    return QStringLiteral("One of: %1. Default: news.").arg(kinds.join(QStringLiteral(", ")));
}

// `tickerwire feeds add URL [--kind K] [--ticker T] [--interval S] [--title X]`,
// `feeds list`, `feeds remove ID|URL`.
class FeedsCommand final : public Command {
public:
    FeedsCommand()
        : Command({
            .name = QStringLiteral("feeds"),
            .summary = QStringLiteral("Configure feeds: feeds add URL [--kind K] [--ticker T], feeds list, feeds remove "
                                      "ID|URL, feeds enable|disable ID, feeds add-defaults [--ticker T] (each company's "
                                      "usual feeds), feeds add-sec TICKER [CIK] (a company's SEC 8-K feed and company "
                                      "facts), feeds contact [EMAIL] (the address SEC EDGAR requires)."),
            .positionalSyntax = QStringLiteral("add URL | list | remove ID|URL | enable ID | disable ID | add-defaults | "
                                               "add-sec TICKER [CIK] | contact [EMAIL]"),
            .options = {{QStringLiteral("kind"), kindOptionHelp(), QStringLiteral("K")},
                        {QStringLiteral("ticker"),
                         QStringLiteral("The ticker the feed is about (required for price kinds)."), QStringLiteral("T")},
                        {QStringLiteral("interval"), QStringLiteral("Seconds between fetches (default 900)."),
                         QStringLiteral("S")},
                        {QStringLiteral("title"), QStringLiteral("A name for the feed."), QStringLiteral("X")}},
        })
    {
    }

    int run(CommandContext &ctx) override
    {
        const QString verb = ctx.arguments.value(0);
        if (verb == QLatin1String("add") && ctx.arguments.size() == 2)
            return add(ctx, ctx.arguments.at(1));
        if (verb == QLatin1String("list") && ctx.arguments.size() == 1)
            return list(ctx);
        if (verb == QLatin1String("remove") && ctx.arguments.size() == 2)
            return remove(ctx, ctx.arguments.at(1));
        if ((verb == QLatin1String("enable") || verb == QLatin1String("disable")) && ctx.arguments.size() == 2)
            return setEnabled(ctx, ctx.arguments.at(1), verb == QLatin1String("enable"));
        if (verb == QLatin1String("add-defaults") && ctx.arguments.size() == 1)
            return addDefaults(ctx);
        if (verb == QLatin1String("add-sec") && (ctx.arguments.size() == 2 || ctx.arguments.size() == 3))
            return addSec(ctx, ctx.arguments.at(1), ctx.arguments.value(2));
        if (verb == QLatin1String("contact") && ctx.arguments.size() <= 2)
            return contact(ctx, ctx.arguments.value(1));
        return reportUsageError(
            ctx, QStringLiteral("usage: tickerwire feeds add URL [--kind K] [--ticker T] | list | remove ID|URL"));
    }

private:
    int add(CommandContext &ctx, const QString &urlText)
    {
        const QUrl url(urlText, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty()) {
            ctx.err << "tickerwire feeds add: '" << redactSecrets(urlText) << "' is not an http(s) URL\n";
            return kExitUsage;
        }
        Feed feed;
        feed.url = url.toString(QUrl::FullyEncoded);
        const QString kindId = ctx.parser.isSet(QStringLiteral("kind")) ? ctx.parser.value(QStringLiteral("kind"))
                                                                        : QStringLiteral("news");
        if (!feedKindFromId(kindId, &feed.kind)) {
            ctx.err << "tickerwire feeds add: unknown --kind '" << kindId << "' (" << feedKindIdList() << ")\n";
            return kExitUsage;
        }
        feed.ticker = ctx.parser.value(QStringLiteral("ticker")).trimmed().toUpper();
        // Company facts name only the CIK: the feed says whose they are.
        if ((feedKindIsPrices(feed.kind) || feed.kind == FeedKind::SecCompanyFacts) && feed.ticker.isEmpty()) {
            ctx.err << "tickerwire feeds add: a " << kindId << " feed needs --ticker\n";
            return kExitUsage;
        }
        if (ctx.parser.isSet(QStringLiteral("interval"))) {
            bool ok = false;
            feed.intervalSeconds = ctx.parser.value(QStringLiteral("interval")).toInt(&ok);
            if (!ok || feed.intervalSeconds < 60) {
                ctx.err << "tickerwire feeds add: --interval takes seconds, at least 60\n";
                return kExitUsage;
            }
        }
        feed.title = ctx.parser.value(QStringLiteral("title"));
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        auto id = FeedStore(store->database()).add(feed);
        if (!id)
            return reportFailure(ctx, id.errorMessage());
        ctx.out << "feed " << *id << ": " << displayUrl(url) << " (" << kindId
                << (feed.ticker.isEmpty() ? QString() : QStringLiteral(", ") + feed.ticker) << ")\n";
        return kExitOk;
    }

    int list(CommandContext &ctx)
    {
        auto store = openStoreOrReport(ctx, StoreAccess::ReadOnly);
        if (!store)
            return kExitFailure;
        auto feeds = FeedStore(store->database()).all();
        if (!feeds)
            return reportFailure(ctx, feeds.errorMessage());
        // Errors in a shared store were written by many fetches, some maybe
        // by an older build: every key in this keychain is redacted again.
        QStringList secrets;
        if (std::any_of(feeds->cbegin(), feeds->cend(), [](const Feed &f) { return !f.lastError.isEmpty(); }))
            secrets = SecretStore().allKeys();
        // One tab-separated line per feed: easy to read, easy to cut(1).
        ctx.out << "id\tkind\tticker\tstate\tfailures\tlast_success\tnext_due\turl\tlast_error\n";
        for (const Feed &f : *feeds) {
            ctx.out << f.id << '\t' << feedKindId(f.kind) << '\t' << (f.ticker.isEmpty() ? QStringLiteral("-") : f.ticker)
                    << '\t' << (f.enabled ? feedStateId(f.lastState) : QStringLiteral("disabled")) << '\t'
                    << f.consecutiveFailures << '\t'
                    << (f.lastSuccess.isValid() ? f.lastSuccess.toString(Qt::ISODate) : QStringLiteral("-")) << '\t'
                    << (f.nextDue.isValid() ? f.nextDue.toString(Qt::ISODate) : QStringLiteral("now")) << '\t'
                    << displayUrl(QUrl(f.url), secrets) << '\t' << ProblemText::clean(f.lastError, secrets) << '\n';
        }
        return kExitOk;
    }

    int addDefaults(CommandContext &ctx)
    {
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        TickerStore tickers(store->database());
        QList<TickerInfo> companies;
        if (ctx.parser.isSet(QStringLiteral("ticker"))) {
            const QString symbol = ctx.parser.value(QStringLiteral("ticker")).trimmed().toUpper();
            auto found = tickers.bySymbol(symbol);
            if (!found)
                return reportFailure(ctx, found.errorMessage());
            if (!found->has_value()) {
                ctx.err << "tickerwire feeds add-defaults: " << symbol
                        << " is not a ticker of this workspace; add it first: tickerwire watchlist add " << symbol << '\n';
                return kExitFailure;
            }
            companies << **found;
        } else {
            auto watchlist = tickers.watchlist();
            if (!watchlist)
                return reportFailure(ctx, watchlist.errorMessage());
            if (watchlist->isEmpty()) {
                ctx.err << "tickerwire feeds add-defaults: the watchlist is empty; add companies first: "
                           "tickerwire watchlist add TICKER [TICKER...]\n";
                return kExitFailure;
            }
            companies = *watchlist;
        }
        FeedStore feeds(store->database());
        bool sec = false;
        for (const TickerInfo &t : companies) {
            const FeedCompany company = feedCompanyFor(t);
            for (const Feed &f : defaultFeedsFor(company)) {
                auto id = feeds.add(f);
                if (!id)
                    return reportFailure(ctx, id.errorMessage());
                sec = sec || f.url.contains(QLatin1String("sec.gov"));
                ctx.out << "feed " << *id << ": " << f.title << " (" << feedKindId(f.kind)
                        << (f.enabled ? QString() : QStringLiteral(", disabled until a key is set")) << ")\n";
            }
        }
        if (sec)
            warnWithoutContact(ctx);
        return kExitOk;
    }

    int contact(CommandContext &ctx, const QString &address)
    {
        if (address.isEmpty()) {
            const QString current = ContactSetting::load();
            if (current.isEmpty())
                ctx.out << "no contact address set (SEC EDGAR feeds are not fetched without one)\n";
            else
                ctx.out << current << '\n';
            return kExitOk;
        }
        if (!ContactSetting::looksLikeAddress(address)) {
            ctx.err << "tickerwire feeds contact: '" << address << "' is not an e-mail address\n";
            return kExitUsage;
        }
        ContactSetting::save(address);
        SecAccessRules rules;
        rules.contact = address;
        ctx.out << "contact address set: SEC EDGAR requests now carry User-Agent: " << rules.userAgent() << '\n';
        return kExitOk;
    }

    int addSec(CommandContext &ctx, const QString &tickerText, const QString &cikText)
    {
        const QString ticker = tickerText.trimmed().toUpper();
        bool ok = cikText.trimmed().isEmpty();
        qint64 cik = ok ? 0 : cikText.trimmed().toLongLong(&ok);
        if (ticker.isEmpty() || !ok || cik < 0 || cik > 9999999999LL) {
            ctx.err << "tickerwire feeds add-sec: usage: tickerwire feeds add-sec TICKER [CIK] (CIK: the company's SEC "
                       "number, e.g. 1326801 for META; without it, the stored company's or the directory's)\n";
            return kExitUsage;
        }
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        if (cik == 0) {
            // The company as the analyst added it, else the SEC's list the app ships.
            auto known = TickerStore(store->database()).bySymbol(ticker);
            if (known && known->has_value())
                cik = (*known)->cik;
            if (cik == 0)
                if (const CompanyRecord *listed = CompanyDirectory::builtIn().byTicker(ticker))
                    cik = listed->cik;
            if (cik == 0) {
                ctx.err << "tickerwire feeds add-sec: no SEC CIK known for " << ticker
                        << " (not in the SEC's list of listed companies): give it, e.g. tickerwire feeds add-sec "
                        << ticker << " 1326801\n";
                return kExitUsage;
            }
        }
        FeedStore feeds(store->database());
        for (const Feed &f : {secCurrentReportsFeed(ticker, cik), secCompanyFactsFeed(ticker, cik)}) {
            auto id = feeds.add(f);
            if (!id)
                return reportFailure(ctx, id.errorMessage());
            ctx.out << "feed " << *id << ": " << f.title << " (" << feedKindId(f.kind) << ")\n";
        }
        warnWithoutContact(ctx);
        return kExitOk;
    }

    static void warnWithoutContact(CommandContext &ctx)
    {
        if (!ContactSetting::looksLikeAddress(ContactSetting::load()))
            ctx.err << "note: SEC EDGAR requires a contact e-mail address in requests; until you set one "
                       "(tickerwire feeds contact you@example.com, or Settings > Feeds) the SEC feeds are not fetched\n";
    }

    int setEnabled(CommandContext &ctx, const QString &which, bool enabled)
    {
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        FeedStore feeds(store->database());
        auto feed = feeds.byId(which.toLongLong());
        if (!feed || !feed->has_value()) {
            ctx.err << "tickerwire feeds: no feed '" << which << "'\n";
            return kExitFailure;
        }
        Feed f = **feed;
        f.enabled = enabled;
        if (auto s = feeds.update(f); !s)
            return reportFailure(ctx, s.errorMessage());
        ctx.out << "feed " << f.id << (enabled ? " enabled\n" : " disabled\n");
        return kExitOk;
    }

    int remove(CommandContext &ctx, const QString &which)
    {
        auto store = openStoreOrReport(ctx);
        if (!store)
            return kExitFailure;
        FeedStore feeds(store->database());
        auto all = feeds.all();
        if (!all)
            return reportFailure(ctx, all.errorMessage());
        for (const Feed &f : *all) {
            if (QString::number(f.id) == which || f.url == which || f.url == QUrl(which).toString(QUrl::FullyEncoded)) {
                // Articles keep their text; their feed_id becomes NULL (ON DELETE SET NULL).
                if (auto s = feeds.remove(f.id); !s)
                    return reportFailure(ctx, s.errorMessage());
                ctx.out << "removed feed " << f.id << ": " << displayUrl(QUrl(f.url)) << '\n';
                return kExitOk;
            }
        }
        ctx.err << "tickerwire feeds remove: no feed '" << redactSecrets(which) << "'\n";
        return kExitFailure;
    }
};
} // namespace

std::unique_ptr<Command> makeFeedsCommand() { return std::make_unique<FeedsCommand>(); }

} // namespace tw
