#pragma once

#include <QString>
#include <QStringList>

namespace tw {

// The text of one EDGAR document (an 8-K, an exhibit) as lines: one per
// paragraph, heading or table row, table cells joined by a space. Inline
// markup goes without leaving a space, because filing agents split words
// across tags ("<b>Item </b><b>2</b><b>.0</b><b>2</b>"); the hidden inline
// XBRL header, scripts, styles and comments go with their content. A
// document without HTML markup (filings before about 2001) is read as plain
// text: lines separated by a blank line are one paragraph.
QStringList filingTextLines(const QString &document);

// Whether a document is HTML rather than plain text.
bool looksLikeHtml(const QString &document);

} // namespace tw
