#pragma once

#include <QString>
#include <QStringView>

namespace tw {

// What comes before and at the start of an XML document's root element, read
// by a plain scan rather than an XML reader, so that damage further on does
// not hide what the document is.
struct XmlProlog {
    QString doctype;             // the DOCTYPE declaration's text, if any
    QString rootQualifiedName;   // "rdf:RDF", "feed"; empty when no root element was found
    QString rootName;            // the local name: "RDF", "feed"
    QString rootNamespace;       // from the root's own xmlns / xmlns:prefix attribute
    qsizetype rootStart = -1;    // offset of the root's '<'
    QString error;               // why no root was found
};

XmlProlog readXmlProlog(QStringView text);

// The offset of the '>' that ends a DOCTYPE declaration scanned from `at`:
// outside the internal subset's brackets and outside quotes; -1 when it never ends.
qsizetype doctypeEnd(QStringView text, qsizetype at);

} // namespace tw
