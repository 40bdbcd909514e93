#pragma once

#include "models/domain/article.h"

#include <QList>
#include <QString>

namespace tw {

// Makes the identities of one document's items tell its different items apart.
// Some generators write one guid into every item (the site's address, "0"),
// and some feeds point every item at one listing page: stored by that guid, or
// matched by that link, each item would overwrite the one before and only the
// last would be kept. Items that share a guid but differ take their own link
// (or, when that is shared too, a hash of their text) as guid; items that share
// a link under different guids are marked so that the store does not take the
// link for their identity. The same item listed twice stays one item.
// Returns a warning for the feed's status when guids had to be replaced, else empty.
QString distinguishItems(QList<Article> &articles);

} // namespace tw
