#include "feeds/ingest/problemtext.h"

#include "feeds/fetch/fetchtypes.h"
#include "models/text/safetext.h"

namespace tw {

QString ProblemText::forSniff(const SniffResult &sniffed, qsizetype bodyBytes, const QUrl &from)
{
    // Unknown content may be anything the address served (a private file, an
    // internal page): its size is all that is said about it.
    if (sniffed.format == DocumentFormat::Unknown)
        return QStringLiteral("not a feed: unrecognised content (%1 bytes)").arg(bodyBytes);
    // A site's page added instead of its feed: the address to add instead.
    if (!sniffed.advertisedFeed.isEmpty()) {
        const QUrl feed = from.resolved(QUrl(sniffed.advertisedFeed));
        if (feed.scheme() == QLatin1String("http") || feed.scheme() == QLatin1String("https"))
            return QStringLiteral("%1; the page links to its feed: %2").arg(sniffed.message, feed.toString().left(300));
    }
    return sniffed.message;
}

QString ProblemText::clean(const QString &message, const QStringList &secrets)
{
    // Controls go first (a key with a BEL inside must not reappear whole once
    // the BEL is dropped); redacted before the cut, so no part of a key survives it.
    QString text = redactSecrets(terminalSafe(message).simplified(), secrets);
    if (text.size() > kMaxChars)
        text = text.left(kMaxChars - 1) + QChar(0x2026);
    return text;
}

} // namespace tw
