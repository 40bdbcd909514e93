#pragma once

#include <QIcon>
#include <QString>

namespace tw {

// A small tag with the form's name ("8-K"), drawn beside an event a company
// filed itself, so the company's own word stands out from the news's.
QIcon filingBadge(const QString &form);

} // namespace tw
