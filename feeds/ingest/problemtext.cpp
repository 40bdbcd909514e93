#include "feeds/ingest/problemtext.h"

#include "feeds/fetch/fetchtypes.h"
#include "models/text/safetext.h"

namespace tw {

QString ProblemText::forSniff(const SniffResult &sniffed, qsizetype bodyBytes)
{
    // Unknown content may be anything the address served (a private file, an
    // internal page): its size is all that is said about it.
    if (sniffed.format == DocumentFormat::Unknown)
        return QStringLiteral("not a feed: unrecognised content (%1 bytes)").arg(bodyBytes);
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
