#pragma once

#include "feeds/parsers/parsedfeed.h"

#include <QString>

namespace twtest {

// The first difference between two parses of one document, or an empty
// string when they agree on everything a feed parser produces. Used to hold
// the strict XML reader to QXmlStreamReader's results (tests and fuzzers).
inline QString parsedFeedDifference(const tw::ParsedFeed &a, const tw::ParsedFeed &b)
{
    auto differ = [](const char *what, const QString &x, const QString &y) {
        return x == y ? QString()
                      : QStringLiteral("%1: \"%2\" vs \"%3\"").arg(QLatin1String(what), x.left(200), y.left(200));
    };
    if (QString d = differ("title", a.title, b.title); !d.isEmpty())
        return d;
    if (QString d = differ("link", a.link, b.link); !d.isEmpty())
        return d;
    if (QString d = differ("skipped", a.skipped.join(u'|'), b.skipped.join(u'|')); !d.isEmpty())
        return d;
    if (a.articles.size() != b.articles.size())
        return QStringLiteral("articles: %1 vs %2").arg(a.articles.size()).arg(b.articles.size());
    for (qsizetype i = 0; i < a.articles.size(); ++i) {
        const tw::Article &x = a.articles.at(i);
        const tw::Article &y = b.articles.at(i);
        const QString fields[][2] = {
            {x.guid, y.guid},
            {x.url, y.url},
            {x.title, y.title},
            {x.summary, y.summary},
            {x.body, y.body},
            {x.author, y.author},
            {x.source, y.source},
            {x.sourceUrl, y.sourceUrl},
            {x.published.toString(Qt::ISODateWithMs), y.published.toString(Qt::ISODateWithMs)},
            {x.fetched.toString(Qt::ISODateWithMs), y.fetched.toString(Qt::ISODateWithMs)},
            {QString::number(x.publishedEstimated), QString::number(y.publishedEstimated)},
            {x.providerTickers.join(u','), y.providerTickers.join(u',')},
        };
        static const char *const names[] = {"guid",   "url",     "title",     "summary", "body",
                                            "author", "source",  "sourceUrl", "published", "fetched",
                                            "publishedEstimated", "providerTickers"};
        for (size_t f = 0; f < std::size(fields); ++f)
            if (QString d = differ(names[f], fields[f][0], fields[f][1]); !d.isEmpty())
                return QStringLiteral("article %1 %2").arg(i + 1).arg(d);
    }
    return {};
}

} // namespace twtest
