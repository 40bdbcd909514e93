#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace tw {

// How readElementMarkup writes an element's text: as the source of HTML (an
// RSS description's text is HTML) or escaped, as text (XHTML content).
enum class MarkupText { AsSource, Escaped };

// A small pull reader for well-formed feed documents, with the part of
// QXmlStreamReader's interface our feed readers use, so one reader template
// runs on either. It exists for speed: QXmlStreamReader appends every
// character to its buffer one call at a time, which caps feed parsing near
// 40 MB/s; this reader scans runs of plain text and copies them at once.
//
// It is strict on purpose: anything it does not fully handle (a DOCTYPE, an
// entity other than the five predefined ones, a non-ASCII element name, a
// character XML forbids, any well-formedness error) makes it stop with an
// error, and the parser reads the document again with QXmlStreamReader, which
// stays the parser of record for everything unusual (and recovers broken
// items). Where it does read a document, it must give exactly what
// QXmlStreamReader gives: tst_strictxmlreader and the differential fuzzer
// check that.
class StrictXmlReader {
public:
    enum TokenType { NoToken, StartElement, EndElement, EndDocument, Invalid };
    enum Error { NoError, NotWellFormedError };
    enum ReadElementTextBehaviour { ErrorOnUnexpectedElement, SkipChildElements, IncludeChildElements };

    class Attributes {
    public:
        // By qualified name ("type", "xml:base"), as QXmlStreamAttributes::value.
        template <typename S>
        QStringView value(const S &qualifiedName) const
        {
            for (const Attribute &a : m_list)
                if (a.qualifiedName == qualifiedName)
                    return a.value;
            return {};
        }
        // By namespace URI and local name.
        template <typename N, typename S>
        QStringView value(const N &namespaceUri, const S &name) const
        {
            for (const Attribute &a : m_list)
                if (a.name == name && a.namespaceUri == namespaceUri)
                    return a.value;
            return {};
        }

    private:
        friend class StrictXmlReader;
        struct Attribute {
            QStringView qualifiedName;
            QStringView prefix;
            QStringView name;
            QStringView namespaceUri;
            QString value;
        };
        std::vector<Attribute> m_list;
    };

    // The reader keeps a reference to `text`: it must outlive the reader.
    explicit StrictXmlReader(const QString &text);

    TokenType readNext();
    bool readNextStartElement();
    void skipCurrentElement();
    QString readElementText(ReadElementTextBehaviour behaviour = ErrorOnUnexpectedElement);
    // The current element's content as markup: child elements as bare tags
    // (local names, no attributes), text as `text` says. See xmlmarkup.h.
    QString readElementMarkup(MarkupText text);

    TokenType tokenType() const { return m_token; }
    bool isStartElement() const { return m_token == StartElement; }
    bool isEndElement() const { return m_token == EndElement; }
    QStringView name() const { return m_name; }
    QStringView qualifiedName() const { return m_qualifiedName; }
    QStringView namespaceUri() const { return m_namespaceUri; }
    const Attributes &attributes() const { return m_attributes; }

    bool hasError() const { return m_error != NoError; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    qint64 lineNumber() const;

private:
    struct Binding {
        QStringView prefix;   // empty: the default namespace
        QString uri;
    };
    struct OpenElement {
        QStringView qualifiedName;
        size_t bindings;   // m_bindings' size before this element's declarations
    };

    TokenType fail(const char *why);
    bool atDocumentStart();
    TokenType readMarkup();
    TokenType readStartTag();
    TokenType readEndTag();
    bool readCharacterData(QString *out, bool cdata);
    bool readText(bool cdata);
    bool skipComment();
    bool skipProcessingInstruction();
    bool readName(QStringView *name);
    bool readAttributeValue(QString *out);
    bool readReference(QString *out);
    bool resolve(QStringView qualifiedName, bool isElement, QStringView *prefix, QStringView *local,
                 QStringView *uri) const;
    void skipSpace();

    const char16_t *m_begin;
    const char16_t *m_p;
    const char16_t *m_end;
    std::vector<Binding> m_bindings;
    std::vector<OpenElement> m_open;
    Attributes m_attributes;
    TokenType m_token = NoToken;
    QStringView m_name;
    QStringView m_qualifiedName;
    QStringView m_namespaceUri;
    bool m_pendingEnd = false;   // <a/>: the end element comes next
    bool m_rootClosed = false;
    bool m_started = false;
    QString *m_sink = nullptr;   // readElementText collects text here; other reads only check it
    bool m_escapeSink = false;   // readElementMarkup(Escaped): text goes to the sink escaped
    Error m_error = NoError;
    QString m_errorString;
};

} // namespace tw
