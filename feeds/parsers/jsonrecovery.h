#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace tw {

// A JSON document cut short (a download that stopped, a server that died
// mid-write), made whole again without the element it was cut inside: the
// text up to the end of the last complete item of its top-level list (a root
// array, or an array directly under the root object, such as a JSON Feed's
// "items"), with the brackets still open closed. Nothing when the text is not
// cut short (its brackets balance) or has no complete item to keep.
std::optional<QString> jsonCutToLastCompleteItem(QStringView text);

} // namespace tw
