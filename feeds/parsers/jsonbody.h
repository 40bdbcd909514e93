#pragma once

#include "models/core/result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace tw {

// What every JSON provider parser does first and reads the same way.

// Parses a body after decoding it (a BOM, UTF-16 or a declared charset become
// UTF-8 first). The error names the format and where the JSON broke:
// "Not Yahoo chart JSON: unterminated string at offset 512".
Result<QJsonDocument> jsonDocumentOf(const QByteArray &body, const QString &format);

// The bytes form of a JSON parser's parse(): the body, then its document.
template <typename Parser, typename... Args>
auto parseJsonBody(const QByteArray &body, const QString &format, const Args &...args)
    -> decltype(Parser::parse(QJsonDocument(), args...))
{
    auto json = jsonDocumentOf(body, format);
    if (!json)
        return json.error();
    return Parser::parse(*json, args...);
}

// A number given as a JSON number or as text ("0.251234", as Alpha Vantage
// sends them); nothing for anything else, NaN or infinity.
std::optional<double> jsonNumber(const QJsonValue &value);

// SEC's CIK, a number in some files and zero-padded text in others; 0 if neither.
qint64 jsonCik(const QJsonValue &value);

} // namespace tw
