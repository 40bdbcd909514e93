# qBittorrent's Qt hygiene, written once: the GCC build applies it through
# tickerwire_options (cmake/Warnings.cmake), the clang fuzz project (fuzz/)
# to the parsers and fuzzers it builds.
set(TICKERWIRE_QT_HYGIENE_DEFINES
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER)
set(TICKERWIRE_QT_HYGIENE_WARNINGS -Wold-style-cast -Wnon-virtual-dtor)
