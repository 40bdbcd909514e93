#include "app/cli/tickerlistoption.h"

namespace tw {

QStringList tickerListOption(const QCommandLineParser &parser, const QString &option)
{
    QStringList tickers;
    for (const QString &value : parser.values(option))
        for (const QString &t : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!tickers.contains(t.trimmed().toUpper()))
                tickers << t.trimmed().toUpper();
    return tickers;
}

} // namespace tw
