#pragma once

#include <QStringView>

namespace tw {

// Whether `name` (any case) is one of HTML's element names, current or
// obsolete (feeds still carry <font>, <center>, <blink>). Text that puts
// something else in angle brackets ("<AAPL.O>") is text, not a tag.
bool isHtmlElementName(QStringView name);

} // namespace tw
