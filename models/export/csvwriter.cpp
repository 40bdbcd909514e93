#include "models/export/csvwriter.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace tw {

namespace {
// A text cell that is nothing but a plain decimal number cannot run as a
// formula, so "-3.5" in a text column stays readable as a number.
bool isPlainNumber(const QString &text)
{
    static const QRegularExpression number(QStringLiteral(R"(\A[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\z)"));
    return number.match(text).hasMatch();
}
} // namespace

CsvWriter::CsvWriter(QIODevice *device, Options options) : m_device(device), m_options(options)
{
    m_row.reserve(1024);
}

void CsvWriter::writeHeader(const QStringList &names)
{
    for (const QString &name : names)
        addRaw(escapeField(name));
    endRow();
}

bool CsvWriter::needsFormulaDefusing(const QString &text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return !isPlainNumber(text);
    default:
        return false;
    }
}

QByteArray CsvWriter::escapeField(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    bool quote = false;
    for (char c : std::as_const(utf8)) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return utf8;
    utf8.replace("\"", "\"\"");
    utf8.prepend('"');
    utf8.append('"');
    return utf8;
}

QString CsvWriter::formatNumber(double value, int maxDecimals)
{
    if (!std::isfinite(value))
        return QString();
    if (maxDecimals >= 0) {
        // A computed score carries 16 digits of which four mean something:
        // round, then print the shortest form of the rounded value.
        const double scale = std::pow(10.0, maxDecimals);
        const double rounded = std::round(value * scale) / scale;
        if (std::isfinite(rounded))
            value = rounded == 0.0 ? 0.0 : rounded;   // no "-0"
    }
    // QString::number ignores every locale setting (always '.', no grouping);
    // the shortest representation that reads back to the same double keeps
    // every digit that matters and none that do not. Plain notation for the
    // magnitudes money and scores live in, so a human reads 1250000 not 1.25e+06.
    const double magnitude = std::fabs(value);
    if (value == 0.0 || (magnitude >= 1e-6 && magnitude < 1e15))
        return QString::number(value, 'f', QLocale::FloatingPointShortest);
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString CsvWriter::formatInstant(qint64 utcMs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC);
    return t.toString(utcMs % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

void CsvWriter::addText(const QString &text)
{
    if (needsFormulaDefusing(text))
        addRaw(escapeField(QLatin1Char('\'') + text));
    else
        addRaw(escapeField(text));
}

void CsvWriter::addInteger(qint64 value)
{
    addRaw(QByteArray::number(value));
}

void CsvWriter::addNumber(double value, int maxDecimals)
{
    addRaw(formatNumber(value, maxDecimals).toLatin1());
}

void CsvWriter::addInstant(qint64 utcMs)
{
    addRaw(formatInstant(utcMs).toLatin1());
}

void CsvWriter::addEmpty()
{
    addRaw(QByteArray());
}

void CsvWriter::addRaw(const QByteArray &field)
{
    if (m_rowStarted)
        m_row.append(',');
    m_row.append(field);
    m_rowStarted = true;
}

void CsvWriter::endRow()
{
    m_row.append("\r\n");
    if (!m_wroteAnything && m_options.byteOrderMark)
        m_row.prepend("\xEF\xBB\xBF");
    m_wroteAnything = true;
    if (m_ok && m_device->write(m_row) != m_row.size())
        m_ok = false;
    m_row.clear();
    m_rowStarted = false;
}

} // namespace tw
