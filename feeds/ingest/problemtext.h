#pragma once

#include "feeds/parsers/feedsniffer.h"

#include <QString>
#include <QUrl>
#include <QStringList>

namespace tw {

// What a failure message may say, before it is stored in `feeds.last_error`
// (a shared store's colleagues read it) or printed: the sniffer's cause for a
// body it recognised (a provider's rate-limit note, an error page's title),
// never bytes of a body nobody recognised; every secret value redacted;
// control characters and bidi overrides dropped; one line, bounded length.
class ProblemText {
public:
    static constexpr qsizetype kMaxChars = 500;

    // The message for a body the sniffer found to be no data. `from`: where it
    // was read, against which the feed address a web page links to is resolved.
    static QString forSniff(const SniffResult &sniffed, qsizetype bodyBytes, const QUrl &from = {});

    // `message` made safe to store and show.
    static QString clean(const QString &message, const QStringList &secrets);
};

} // namespace tw
