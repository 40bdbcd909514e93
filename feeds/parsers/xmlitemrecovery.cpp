#include "feeds/parsers/xmlitemrecovery.h"

namespace tw {

namespace {
constexpr int kMaxResumes = 100;

// Start of the first "<item" / "<entry" start tag (the name followed by
// white space, '>' or '/') at or after `from`, or -1. A plain scan: a regular
// expression over the whole document checked all of it for valid UTF-16 first.
qsizetype itemStartFrom(const QString &text, const QString &element, qsizetype from)
{
    const QString open = QLatin1Char('<') + element;
    for (qsizetype at = text.indexOf(open, from); at >= 0; at = text.indexOf(open, at + 1)) {
        const qsizetype after = at + open.size();
        if (after >= text.size())
            return -1;
        const QChar c = text.at(after);
        if (c == QLatin1Char('>') || c == QLatin1Char('/') || c == QLatin1Char(' ') || c == QLatin1Char('\t')
            || c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\f') || c == QChar(0x0B))
            return at;
    }
    return -1;
}

// Start of the n-th (1-based) <item ...> / <item> start tag, or -1.
qsizetype nthItemStart(const QString &text, const QString &element, int n)
{
    qsizetype at = -1;
    for (int seen = 0; seen < n; ++seen) {
        at = itemStartFrom(text, element, at + 1);
        if (at < 0)
            return -1;
    }
    return at;
}
} // namespace

void readWithItemRecovery(const QString &text, const QString &itemElement,
                          const std::function<XmlPassOutcome(const QString &)> &pass,
                          const std::function<void(const QString &)> &recordSkip)
{
    const QString endTag = QStringLiteral("</%1>").arg(itemElement);
    const qsizetype firstItem = itemStartFrom(text, itemElement, 0);
    const QString head = firstItem >= 0 ? text.left(firstItem) : QString();

    QString current = text;
    for (int resume = 0; resume <= kMaxResumes; ++resume) {
        XmlPassOutcome outcome = pass(current);
        if (!outcome.broken)
            return;
        // Broken in an item's start tag (an attribute given twice): the
        // reader had not entered the item yet, but the damage is the item's.
        if (outcome.brokenItemInPass <= 0) {
            const qsizetype next = nthItemStart(current, itemElement, outcome.itemsInPass + 1);
            const qsizetype nextEnd = next >= 0 ? current.indexOf(endTag, next) : -1;
            if (next >= 0 && outcome.offset >= next && (nextEnd < 0 || outcome.offset <= nextEnd)) {
                outcome.brokenItemInPass = outcome.itemsInPass + 1;
                outcome.brokenItemNumber += 1;
            }
        }
        if (outcome.brokenItemInPass <= 0 || firstItem < 0) {
            recordSkip(QStringLiteral("document cut short at line %1: %2").arg(outcome.line).arg(outcome.error));
            return;
        }
        const qsizetype itemStart = nthItemStart(current, itemElement, outcome.brokenItemInPass);
        const qsizetype itemEnd = itemStart >= 0 ? current.indexOf(endTag, itemStart) : -1;
        recordSkip(QStringLiteral("%1 %2: malformed XML (%3 at line %4)")
                       .arg(itemElement)
                       .arg(outcome.brokenItemNumber)
                       .arg(outcome.error)
                       .arg(outcome.line));
        if (itemEnd < 0)
            return;   // the broken item runs to the end: nothing left to resume
        current = head + current.mid(itemEnd + endTag.size());
    }
    recordSkip(QStringLiteral("too many malformed %1s; the rest of the document was not read").arg(itemElement));
}

} // namespace tw
