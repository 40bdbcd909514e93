#pragma once

#include "models/core/result.h"
#include "models/domain/reportedfact.h"

#include <QByteArray>
#include <QStringList>

namespace tw {

// data.sec.gov/api/xbrl/companyfacts/CIK##########.json: every figure the
// company reported in XBRL, by taxonomy, concept and unit. The files run to
// several MB, so the document is parsed once and only the concepts asked for
// ("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment") are turned into
// facts; an empty list takes every concept.
class CompanyFactsParser {
public:
    static Result<CompanyFacts> parse(const QByteArray &body, const QStringList &concepts);
};

} // namespace tw
