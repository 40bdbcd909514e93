#pragma once

#include <QByteArray>
#include <QString>

namespace tw {

// A feed body turned into text before any parser sees it. Servers declare
// encodings that Qt's XML reader cannot decode (Windows-1252) or lie about
// them (Latin-1 bytes under a UTF-8 declaration), so decoding happens here,
// once, with the BOM first, then the XML declaration, then UTF-8 with a
// Windows-1252 fallback for bytes that are not valid UTF-8.
struct DocumentText {
    QString text;        // the XML declaration's encoding="" removed: the text is already decoded
    QString encoding;    // what was used: "UTF-8", "UTF-16LE", "ISO-8859-1", "windows-1252"
    bool repaired = false;  // the declared encoding did not fit the bytes
};

DocumentText decodeDocument(const QByteArray &bytes);

// Windows-1252 is what "ISO-8859-1" means on the web (and in HTML5): the
// 0x80-0x9F range holds curly quotes and dashes rather than C1 controls.
QString fromWindows1252(QByteArrayView bytes);

} // namespace tw
