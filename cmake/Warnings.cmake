# One interface target carries the warning flags and Qt hygiene defines for our
# own targets only (Qt's headers are system headers, so they stay quiet).
add_library(tickerwire_options INTERFACE)
target_compile_options(tickerwire_options INTERFACE -Wall -Wextra -Wpedantic)
if(TICKERWIRE_WERROR)
  target_compile_options(tickerwire_options INTERFACE -Werror)
endif()
target_compile_definitions(tickerwire_options INTERFACE
  QT_NO_URL_CAST_FROM_STRING)

# qBittorrent's hygiene, on every target of ours (app, libraries, tests,
# benchmarks): no silent char* <-> QString conversions (write QStringLiteral,
# QLatin1String, QString::fromUtf8/fromLatin1, qPrintable), no narrowing
# arguments in connect(), QStringBuilder for `+` (a lambda or `auto` holding
# a concatenation must name its type: `-> QString`), no C-style casts, and a
# virtual destructor wherever there are virtual functions.
# Off by default until every target compiles clean with them.
option(TICKERWIRE_QT_HYGIENE "Build with qBittorrent's Qt hygiene defines and cast warnings" OFF)
if(TICKERWIRE_QT_HYGIENE)
  target_compile_definitions(tickerwire_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER)
  target_compile_options(tickerwire_options INTERFACE -Wold-style-cast -Wnon-virtual-dtor)
endif()
