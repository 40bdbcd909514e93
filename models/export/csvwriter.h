#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace tw {

// Writes RFC 4180 CSV that spreadsheets open as intended: comma separator,
// CRLF row ends, fields quoted when they hold a comma, quote, CR or LF (quotes
// doubled), UTF-8 with an optional byte order mark (Excel needs it to read
// UTF-8), numbers always with '.' and enough digits to round-trip, whatever
// the locale. Text cells that a spreadsheet would run as a formula are defused
// with a leading apostrophe; number cells are never touched.
//
// Cells are appended one by one and a row ends with endRow(); each finished
// row goes straight to the device, so memory does not grow with the export.
class CsvWriter {
public:
    struct Options {
        bool byteOrderMark = false;
    };

    CsvWriter(QIODevice *device, Options options);

    void writeHeader(const QStringList &names);

    void addText(const QString &text);
    void addInteger(qint64 value);
    // NaN and infinities have no CSV form: empty cell. With maxDecimals >= 0
    // the value is rounded to that many decimals first (trailing zeros dropped).
    void addNumber(double value, int maxDecimals = -1);
    void addInstant(qint64 utcMs);  // ISO-8601 UTC, milliseconds only when present
    void addEmpty();
    void endRow();

    // False once a write to the device failed; the device's errorString() says why.
    bool ok() const { return m_ok; }

    // The pieces, public because tests and other writers use them.
    static QString formatNumber(double value, int maxDecimals = -1);
    static QString formatInstant(qint64 utcMs);
    static bool needsFormulaDefusing(const QString &text);
    static QByteArray escapeField(const QString &text);

private:
    void addRaw(const QByteArray &field);

    QIODevice *m_device;
    Options m_options;
    QByteArray m_row;
    bool m_rowStarted = false;
    bool m_wroteAnything = false;
    bool m_ok = true;
};

} // namespace tw
