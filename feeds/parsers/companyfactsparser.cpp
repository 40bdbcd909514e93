#include "feeds/parsers/companyfactsparser.h"

#include "feeds/parsers/jsonbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace tw {

namespace {
void readConcept(const QString &conceptName, const QJsonObject &body, QList<ReportedFact> &out)
{
    const QJsonObject units = body.value(QLatin1String("units")).toObject();
    for (auto unit = units.constBegin(); unit != units.constEnd(); ++unit) {
        for (const QJsonValue &v : unit.value().toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonValue value = o.value(QLatin1String("val"));
            if (!value.isDouble() || !std::isfinite(value.toDouble()))
                continue;
            ReportedFact f;
            f.conceptName = conceptName;
            f.unit = unit.key();
            f.start = QDate::fromString(o.value(QLatin1String("start")).toString(), Qt::ISODate);
            f.end = QDate::fromString(o.value(QLatin1String("end")).toString(), Qt::ISODate);
            f.value = value.toDouble();
            f.accession = o.value(QLatin1String("accn")).toString().trimmed();
            f.form = o.value(QLatin1String("form")).toString().trimmed();
            f.filed = QDate::fromString(o.value(QLatin1String("filed")).toString(), Qt::ISODate);
            f.fiscalYear = o.value(QLatin1String("fy")).toInt();
            f.fiscalPeriod = o.value(QLatin1String("fp")).toString();
            f.frame = o.value(QLatin1String("frame")).toString();
            if (!f.end.isValid() || f.accession.isEmpty() || !f.filed.isValid())
                continue;   // a fact that cannot be placed in time or traced to a filing
            out << f;
        }
    }
}
} // namespace

Result<CompanyFacts> CompanyFactsParser::parse(const QByteArray &body, const QStringList &concepts)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (doc.isNull())
        return fail(QStringLiteral("not SEC company facts JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset));
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("facts")).isObject())
        return fail(QStringLiteral("not SEC company facts JSON: no \"facts\" object"));
    CompanyFacts out;
    out.cik = jsonCik(root.value(QLatin1String("cik")));
    out.entityName = root.value(QLatin1String("entityName")).toString().simplified();
    const QJsonObject taxonomies = root.value(QLatin1String("facts")).toObject();
    if (concepts.isEmpty()) {
        for (auto t = taxonomies.constBegin(); t != taxonomies.constEnd(); ++t) {
            const QJsonObject byName = t.value().toObject();
            for (auto c = byName.constBegin(); c != byName.constEnd(); ++c) {
                readConcept(t.key() + QLatin1Char(':') + c.key(), c.value().toObject(), out.facts);
                ++out.conceptsRead;
            }
        }
        return out;
    }
    for (const QString &conceptName : concepts) {
        const QString taxonomy = conceptName.section(QLatin1Char(':'), 0, 0);
        const QString name = conceptName.section(QLatin1Char(':'), 1);
        const QJsonValue body = taxonomies.value(taxonomy).toObject().value(name);
        if (!body.isObject())
            continue;
        readConcept(conceptName, body.toObject(), out.facts);
        ++out.conceptsRead;
    }
    return out;
}

} // namespace tw
