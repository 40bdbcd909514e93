#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace tw {

// The tickers of an option that may be repeated and also takes comma-separated
// lists (`--ticker META --ticker MSFT,GOOGL`): upper case, each once, in the
// order given. Empty when the option is not given.
QStringList tickerListOption(const QCommandLineParser &parser, const QString &option);

} // namespace tw
