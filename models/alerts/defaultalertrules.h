#pragma once

#include "models/alerts/alertrule.h"
#include "models/core/result.h"

#include <QList>
#include <QSqlDatabase>

namespace tw {

// The rules the META demo workspace ships with: a label change of the
// medium-term score, a daily move of at least 5%, any new capex guidance and
// any article about Muse Spark.
class DefaultAlertRules {
public:
    static QList<AlertRule> forMetaWorkspace();
    // Adds the rules the store does not hold yet (matched by name), so loading
    // the demo twice adds nothing and an analyst's edits to them are kept.
    // Returns how many were added.
    static Result<int> install(QSqlDatabase db);
};

} // namespace tw
