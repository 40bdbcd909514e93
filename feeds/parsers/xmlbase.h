#pragma once

#include <QUrl>
#include <QXmlStreamReader>

namespace tw {

// The base URL in force at the reader's current start element: the parent's
// base, changed by an xml:base attribute when the element carries one.
inline QUrl xmlBaseOf(const QXmlStreamReader &xml, const QUrl &parentBase)
{
    const auto base = xml.attributes().value(QStringLiteral("http://www.w3.org/XML/1998/namespace"),
                                             QStringLiteral("base"));
    return base.isEmpty() ? parentBase : parentBase.resolved(QUrl(base.toString().trimmed()));
}

inline QString resolvedLink(const QUrl &base, const QString &link)
{
    const QString trimmed = link.trimmed();
    return trimmed.isEmpty() ? QString() : base.resolved(QUrl(trimmed)).toString();
}

} // namespace tw
