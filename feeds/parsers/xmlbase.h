#pragma once

#include <QUrl>
#include <QString>

namespace tw {

// The base URL in force at the reader's current start element: the parent's
// base, changed by an xml:base attribute when the element carries one.
template <typename Xml>   // QXmlStreamReader or StrictXmlReader
QUrl xmlBaseOf(const Xml &xml, const QUrl &parentBase)
{
    static const QString xmlNamespace = QStringLiteral("http://www.w3.org/XML/1998/namespace");
    static const QString baseName = QStringLiteral("base");
    const auto base = xml.attributes().value(xmlNamespace, baseName);
    return base.isEmpty() ? parentBase : parentBase.resolved(QUrl(base.toString().trimmed()));
}

inline QString resolvedLink(const QUrl &base, const QString &link)
{
    const QString trimmed = link.trimmed();
    return trimmed.isEmpty() ? QString() : base.resolved(QUrl(trimmed)).toString();
}

} // namespace tw
