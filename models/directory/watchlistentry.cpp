#include "models/directory/watchlistentry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tw {

TickerInfo WatchlistEntry::fromDirectory(const CompanyRecord &company, const QString &symbol,
                                         const QList<TickerInfo> &curated)
{
    TickerInfo t;
    t.symbol = symbol.isEmpty() ? company.ticker() : CompanyDirectory::normalizedTicker(symbol);
    t.name = company.name;
    t.exchange = company.exchange;
    t.cik = company.cik;
    t.aliases = company.aliases;
    for (const TickerInfo &c : curated) {
        if (!company.tickers.contains(CompanyDirectory::normalizedTicker(c.symbol)))
            continue;
        for (const QString &alias : c.aliases) {
            if (!t.aliases.contains(alias, Qt::CaseInsensitive))
                t.aliases << alias;
        }
        if (!c.timeZone.isEmpty())
            t.timeZone = c.timeZone;
    }
    return t;
}

QList<TickerInfo> WatchlistEntry::curated()
{
    QFile file(QStringLiteral(":/workspace/tickers.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return curatedFrom(QJsonDocument::fromJson(file.readAll()).object());
}

QList<TickerInfo> WatchlistEntry::curatedFrom(const QJsonObject &workspace)
{
    QList<TickerInfo> out;
    for (const QJsonValue &v : workspace.value(QStringLiteral("tickers")).toArray()) {
        const QJsonObject o = v.toObject();
        TickerInfo t;
        t.symbol = o.value(QStringLiteral("symbol")).toString();
        t.name = o.value(QStringLiteral("name")).toString();
        t.exchange = o.value(QStringLiteral("exchange")).toString();
        t.timeZone = o.value(QStringLiteral("timezone")).toString(QStringLiteral("America/New_York"));
        for (const QJsonValue &a : o.value(QStringLiteral("aliases")).toArray())
            t.aliases << a.toString();
        out << t;
    }
    return out;
}

} // namespace tw
