#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <memory>

namespace tw {

// Writes RFC 4180 CSV that spreadsheets open as intended: comma separator,
// CRLF row ends, fields quoted when they hold a comma, quote, CR or LF (quotes
// doubled), UTF-8 with an optional byte order mark (Excel needs it to read
// UTF-8), numbers always with '.' and enough digits to round-trip, whatever
// the locale. Text cells that a spreadsheet would run as a formula are defused
// with a leading apostrophe; number cells are never touched.
//
// Cells are appended one by one and a row ends with endRow(). Finished rows
// go to the device as they end, or, with Options::chunkBytes, gathered into
// writes of about that size (a million rows then cost a few hundred writes,
// and memory stays at one chunk); flush() or the destructor writes the rest.
class CsvWriter {
public:
    struct Options {
        bool byteOrderMark = false;
        // 0: each row is written when it ends.
        qsizetype chunkBytes = 0;
    };

    CsvWriter(QIODevice *device, Options options);
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    void writeHeader(const QStringList &names);

    void addText(const QString &text);
    // The cell addText writes for the text these UTF-8 bytes encode (a
    // store's own bytes), with no conversion. False, and nothing added, when
    // they are not well-formed UTF-8 (isWellFormedUtf8): the caller decides
    // what such bytes mean (addText of its own reading).
    bool addTextUtf8(const char *utf8, qsizetype size);
    void addInteger(qint64 value);
    // NaN and infinities have no CSV form: empty cell. With maxDecimals >= 0
    // the value is rounded to that many decimals first (trailing zeros dropped).
    void addNumber(double value, int maxDecimals = -1);
    void addInstant(qint64 utcMs);  // ISO-8601 UTC, milliseconds only when present
    void addEmpty();
    void endRow();

    // Writes the finished rows gathered so far. False once a write failed.
    bool flush();

    // False once a write to the device failed; the device's errorString() says why.
    bool ok() const { return m_ok; }

    // The pieces, public because tests and other writers use them.
    static QString formatNumber(double value, int maxDecimals = -1);
    static QString formatInstant(qint64 utcMs);
    static bool needsFormulaDefusing(const QString &text);
    static QByteArray escapeField(const QString &text);

private:
    void startCell();
    // Room for `bytes` more at the end of the buffer; the caller writes
    // there and says where it stopped with commit().
    char *room(qsizetype bytes)
    {
        if (m_capacity - m_used < bytes)
            grow(bytes);
        return m_data.get() + m_used;
    }
    void commit(const char *end) { m_used = end - m_data.get(); }
    void grow(qsizetype bytes);
    void append(const char *bytes, qsizetype size);
    void appendEscaped(const char *utf8, qsizetype size, bool defused, bool quoted);
    void appendLatin1(const QString &text);

    QIODevice *m_device;
    Options m_options;
    // Finished rows not yet written, then the row in progress.
    std::unique_ptr<char[]> m_data;
    qsizetype m_used = 0;
    qsizetype m_capacity = 0;
    qsizetype m_rowStart = 0; // where the row in progress starts
    bool m_rowStarted = false;
    bool m_wroteAnything = false;
    bool m_ok = true;
};

} // namespace tw
