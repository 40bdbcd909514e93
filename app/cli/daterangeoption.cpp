#include "app/cli/daterangeoption.h"

#include <utility>

namespace tw {

bool readDayRange(
    const QCommandLineParser &parser, const QString &command, QDate &since, QDate &until, QTextStream &err)
{
    for (const auto &[option, date] :
        {std::pair{QStringLiteral("since"), &since}, std::pair{QStringLiteral("until"), &until}}) {
        if (!parser.isSet(option))
            continue;
        *date = QDate::fromString(parser.value(option).trimmed(), Qt::ISODate);
        if (!date->isValid()) {
            err << "tickerwire " << command << ": --" << option << " '" << parser.value(option)
                << "' is not a date (YYYY-MM-DD)\n";
            return false;
        }
    }
    if (since.isValid() && until.isValid() && since > until) {
        err << "tickerwire " << command << ": --since is after --until\n";
        return false;
    }
    return true;
}

} // namespace tw
