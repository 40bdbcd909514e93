#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace tw {

// A feed body turned into text, once, before any parser sees it. The byte
// order mark decides first; then the charset of the HTTP Content-Type, then
// the XML declaration, then UTF-8. Every legacy encoding a news site declares
// (windows-1251, KOI8-R, ISO-8859-x, GB2312/GBK, Big5, Shift_JIS, EUC-KR, ...)
// decodes through Qt's ICU-backed QStringDecoder, with the web's reading of
// the labels (ISO-8859-1 and US-ASCII mean Windows-1252, GB2312 means GB18030).
// A declaration the bytes contradict is corrected: UTF-8 bytes declared as a
// legacy encoding are read as UTF-8; a body that is not UTF-8 although it says
// so (or says nothing) has its stray bytes read as Windows-1252 when the rest
// is UTF-8, else its encoding guessed by ICU's detector. Bytes that decode to
// nothing become U+FFFD. Each correction leaves a warning.
struct DocumentText {
    QString text;        // no BOM, no white space before "<?xml", and the declaration's encoding="" removed
    QString encoding;    // what was used: "UTF-8", "UTF-16LE", "windows-1252", "KOI8-R", ...
    bool repaired = false;   // the declared (or default) encoding did not fit the bytes
    QStringList warnings;    // what the feed status should say about it
};

// `contentType`: the HTTP Content-Type header, if any ("application/rss+xml; charset=windows-1251").
DocumentText decodeDocument(const QByteArray &bytes, QStringView contentType = {});

// The charset parameter of a Content-Type value, lower-cased; empty when none.
QString charsetOfContentType(QStringView contentType);

// Windows-1252 is what "ISO-8859-1" means on the web (and in HTML5): the
// 0x80-0x9F range holds curly quotes and dashes rather than C1 controls.
QString fromWindows1252(QByteArrayView bytes);

} // namespace tw
