#include "models/domain/feed.h"

#include <QStringList>

#include <array>
#include <utility>

namespace tw {

namespace {
const std::array<std::pair<FeedState, const char *>, 9> kStates{{
    {FeedState::Never, "never"},
    {FeedState::Ok, "ok"},
    {FeedState::NotModified, "not-modified"},
    {FeedState::Network, "network"},
    {FeedState::Http, "http"},
    {FeedState::Parse, "parse"},
    {FeedState::Provider, "provider"},
    {FeedState::Storage, "storage"},
    {FeedState::Refused, "refused"},
}};
} // namespace

QString feedKindId(FeedKind kind)
{
    return QString::fromLatin1(feedKindInfo(kind).id);
}

QString feedKindLabel(FeedKind kind)
{
    return QString::fromUtf8(feedKindInfo(kind).label);
}

bool feedKindFromId(const QString &id, FeedKind *kind)
{
    for (const FeedKindInfo &k : kFeedKinds) {
        if (id == QLatin1String(k.id)) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

bool feedKindIsPrices(FeedKind kind)
{
    return feedKindInfo(kind).content == FeedContent::Prices;
}

bool feedKindIsFilings(FeedKind kind)
{
    return feedKindInfo(kind).content == FeedContent::Filings;
}

QString feedKindIdList()
{
    QStringList ids;
    for (const FeedKindInfo &k : kFeedKinds)
        ids << QString::fromLatin1(k.id);
    return ids.join(QStringLiteral(", "));
}

QString feedStateId(FeedState state)
{
    for (const auto &[s, id] : kStates)
        if (s == state)
            return QString::fromLatin1(id);
    return QStringLiteral("never");
}

FeedState feedStateFromId(const QString &id)
{
    for (const auto &[s, name] : kStates)
        if (id == QLatin1String(name))
            return s;
    return FeedState::Never;
}

} // namespace tw
