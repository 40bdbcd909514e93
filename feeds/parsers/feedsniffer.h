#pragma once

#include "feeds/parsers/documentformat.h"
#include "feeds/parsers/documenttext.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringView>

namespace tw {

// Why a body that is not data is not data: what the user can do about it
// differs (wait, fix the key, fix the symbol, open the site in a browser).
enum class ProviderProblem { None, RateLimited, BadKey, UnknownSymbol, Blocked, ProviderError, NotAFeed };

// One body, decoded once and looked at once: its text (and, for JSON, the
// parsed document), what it is, and for a body that is not data, why. The
// parser its format names reads `document`/`json` from here.
struct SniffResult {
    DocumentFormat format = DocumentFormat::Unknown;
    ProviderProblem problem = ProviderProblem::None;
    QString message;    // for a problem: the cause in words, with the provider's own text where it has one
    DocumentText document;
    QJsonDocument json;   // JSON bodies only
    QString damage;       // JSON: what made the body ill-formed when it was read anyway (cut short), else empty
    QString advertisedFeed;   // an HTML page: the feed address its head links to (as written: maybe relative), else empty
    bool ok() const { return problem == ProviderProblem::None; }
};

QString providerProblemId(ProviderProblem problem);

class FeedSniffer {
public:
    // `contentType`: the HTTP Content-Type, when the body came over HTTP (its charset counts).
    static SniffResult sniff(const QByteArray &body, QStringView contentType = {});
};

} // namespace tw
