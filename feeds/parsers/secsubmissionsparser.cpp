#include "feeds/parsers/secsubmissionsparser.h"

#include "feeds/parsers/jsonbody.h"

#include "feeds/parsers/textnormalizer.h"
#include "models/filings/currentreportitems.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace tw {

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray()) {
        if (e.isString() && !e.toString().trimmed().isEmpty())
            out << e.toString().trimmed();
    }
    return out;
}

// "2026-03-04T17:33:32.000Z"
QDateTime instant(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

Result<SecSubmissions> SecSubmissionsParser::parse(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (doc.isNull())
        return fail(QStringLiteral("not SEC submissions JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return fail(QStringLiteral("not SEC submissions JSON: the top level is not an object"));
    const QJsonObject root = doc.object();
    SecSubmissions out;
    out.cik = jsonCik(root.value(QLatin1String("cik")));
    out.name = root.value(QLatin1String("name")).toString().simplified();
    out.tickers = strings(root.value(QLatin1String("tickers")));
    out.exchanges = strings(root.value(QLatin1String("exchanges")));
    out.fiscalYearEnd = root.value(QLatin1String("fiscalYearEnd")).toString();

    // The main file nests the columns in filings.recent; an older page has them at the top.
    QJsonObject columns = root;
    const QJsonObject filings = root.value(QLatin1String("filings")).toObject();
    if (!filings.isEmpty()) {
        columns = filings.value(QLatin1String("recent")).toObject();
        for (const QJsonValue &file : filings.value(QLatin1String("files")).toArray()) {
            const QString name = file.toObject().value(QLatin1String("name")).toString();
            if (!name.isEmpty())
                out.olderFiles << name;
        }
    }
    const QJsonArray accessions = columns.value(QLatin1String("accessionNumber")).toArray();
    const QJsonArray forms = columns.value(QLatin1String("form")).toArray();
    if (!columns.contains(QLatin1String("accessionNumber")) || !columns.contains(QLatin1String("form")))
        return fail(QStringLiteral("not SEC submissions JSON: no accessionNumber and form columns"));
    const QJsonArray filed = columns.value(QLatin1String("filingDate")).toArray();
    const QJsonArray reported = columns.value(QLatin1String("reportDate")).toArray();
    const QJsonArray accepted = columns.value(QLatin1String("acceptanceDateTime")).toArray();
    const QJsonArray items = columns.value(QLatin1String("items")).toArray();
    const QJsonArray primary = columns.value(QLatin1String("primaryDocument")).toArray();

    for (qsizetype i = 0; i < accessions.size(); ++i) {
        Filing f;
        f.accession = normalizedAccession(accessions.at(i).toString());
        f.form = forms.at(i).toString().trimmed();
        if (f.accession.isEmpty() || f.form.isEmpty()) {
            out.skipped << QStringLiteral("row %1: no accession number or form").arg(i + 1);
            continue;
        }
        f.cik = out.cik;
        f.companyName = out.name;
        f.tickers = out.tickers;
        f.filed = QDate::fromString(filed.at(i).toString(), Qt::ISODate);
        f.reportDate = QDate::fromString(reported.at(i).toString(), Qt::ISODate);
        f.accepted = instant(accepted.at(i).toString());
        for (const QString &number : items.at(i).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString n = number.trimmed();
            const CurrentReportItem *known = currentReportItemFor(n, f.filed);
            f.items << FilingItem{n, known ? QString::fromLatin1(known->title) : QString(), QString()};
        }
        f.primaryDocument = primary.at(i).toString().trimmed();
        f.indexUrl = filingIndexUrl(f.cik, f.accession);
        f.documentUrl = filingDocumentUrl(f.cik, f.accession, f.primaryDocument);
        out.filings << f;
    }
    return out;
}

} // namespace tw
