#include "parsers/xmlitemrecovery.h"

#include <QRegularExpression>

namespace tw {

namespace {
constexpr int kMaxResumes = 100;

// Start of the n-th (1-based) <item ...> / <item> start tag, or -1.
qsizetype nthItemStart(const QString &text, const QRegularExpression &start, int n)
{
    auto it = start.globalMatch(text);
    int seen = 0;
    while (it.hasNext()) {
        const auto m = it.next();
        if (++seen == n)
            return m.capturedStart();
    }
    return -1;
}
} // namespace

void readWithItemRecovery(const QString &text, const QString &itemElement,
                          const std::function<XmlPassOutcome(const QString &)> &pass,
                          const std::function<void(const QString &)> &recordSkip)
{
    const QRegularExpression start(QStringLiteral("<%1[\\s>/]").arg(itemElement));
    const QString endTag = QStringLiteral("</%1>").arg(itemElement);
    const qsizetype firstItem = text.indexOf(start);
    const QString head = firstItem >= 0 ? text.left(firstItem) : QString();

    QString current = text;
    for (int resume = 0; resume <= kMaxResumes; ++resume) {
        const XmlPassOutcome outcome = pass(current);
        if (!outcome.broken)
            return;
        if (outcome.brokenItemInPass <= 0 || firstItem < 0) {
            recordSkip(QStringLiteral("document cut short at line %1: %2").arg(outcome.line).arg(outcome.error));
            return;
        }
        const qsizetype itemStart = nthItemStart(current, start, outcome.brokenItemInPass);
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
