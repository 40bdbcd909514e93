#include "feeds/parsers/itemidentity.h"

#include "feeds/parsers/textnormalizer.h"

#include <QHash>

namespace tw {

namespace {
bool sameItem(const Article &a, const Article &b)
{
    return a.url == b.url && a.title == b.title && a.summary == b.summary;
}

// The guid of an item whose own guid other items share: its link, when no
// other item under that guid has it, else its text.
QString ownGuid(const Article &item, const QList<int> &group, const QList<Article> &articles)
{
    int withLink = 0;
    for (int i : group)
        withLink += articles.at(i).url == item.url ? 1 : 0;
    if (!item.url.isEmpty() && withLink == 1)
        return item.url;
    return QStringLiteral("sha1:") + contentFingerprint(item.title, item.summary);
}
} // namespace

QString distinguishItems(QList<Article> &articles)
{
    QHash<QString, QList<int>> byGuid;
    for (int i = 0; i < articles.size(); ++i)
        byGuid[articles.at(i).guid].append(i);

    int replaced = 0;
    QString sharedGuid;
    QList<std::pair<int, QString>> newGuids;
    for (auto it = byGuid.cbegin(); it != byGuid.cend(); ++it) {
        const QList<int> &group = it.value();
        bool differ = false;
        for (int i : group)
            differ = differ || !sameItem(articles.at(i), articles.at(group.first()));
        if (!differ)
            continue;   // the same item listed more than once: one article
        for (int i : group)
            newGuids.append({i, ownGuid(articles.at(i), group, articles)});
        replaced += int(group.size());
        if (sharedGuid.isEmpty())
            sharedGuid = it.key();
    }
    for (const auto &[i, guid] : newGuids)
        articles[i].guid = guid;

    QHash<QString, QList<int>> byUrl;
    for (int i = 0; i < articles.size(); ++i)
        if (!articles.at(i).url.isEmpty())
            byUrl[articles.at(i).url].append(i);
    for (const QList<int> &group : std::as_const(byUrl)) {
        bool differ = false;
        for (int i : group)
            differ = differ || articles.at(i).guid != articles.at(group.first()).guid;
        if (differ)
            for (int i : group)
                articles[i].urlIdentifies = false;
    }

    if (replaced == 0)
        return {};
    return QStringLiteral("%1 different items carry the same guid (\"%2\"); each is kept under its own link or text")
        .arg(replaced)
        .arg(sharedGuid.left(80));
}

} // namespace tw
