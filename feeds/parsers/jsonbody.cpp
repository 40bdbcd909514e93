#include "feeds/parsers/jsonbody.h"

#include "feeds/parsers/documenttext.h"

#include <QJsonParseError>

#include <cmath>

namespace tw {

Result<QJsonDocument> jsonDocumentOf(const QByteArray &body, const QString &format)
{
    QJsonParseError error;
    QJsonDocument json = QJsonDocument::fromJson(decodeDocument(body).text.toUtf8(), &error);
    if (json.isNull())
        return fail(QStringLiteral("Not %1 JSON: %2 at offset %3").arg(format, error.errorString()).arg(error.offset));
    return json;
}

std::optional<double> jsonNumber(const QJsonValue &value)
{
    bool ok = value.isDouble();
    const double d = ok ? value.toDouble() : value.toString().toDouble(&ok);
    return ok && std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
}

qint64 jsonCik(const QJsonValue &value)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    bool ok = false;
    const qint64 cik = value.toString().trimmed().toLongLong(&ok);
    return ok ? cik : 0;
}

} // namespace tw
