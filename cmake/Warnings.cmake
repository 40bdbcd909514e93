# One interface target carries the warning flags and Qt hygiene defines for our
# own targets only (Qt's headers are system headers, so they stay quiet).
add_library(tickerwire_options INTERFACE)
target_compile_options(tickerwire_options INTERFACE -Wall -Wextra -Wpedantic)
if(TICKERWIRE_WERROR)
  target_compile_options(tickerwire_options INTERFACE -Werror)
endif()
target_compile_definitions(tickerwire_options INTERFACE
  QT_NO_URL_CAST_FROM_STRING)

# qBittorrent's hygiene, on every target that links tickerwire_options (app,
# libraries, tests, benchmarks): no silent char* <-> QString conversions
# (write QStringLiteral, QLatin1StringView, QString::fromUtf8/fromLatin1,
# qPrintable), no narrowing arguments in connect(), QStringBuilder for `+`
# (a lambda, `auto`, `?:`, braced list or QVariant holding a concatenation
# must name its type: `QString(a + b)`), no C-style casts, and a virtual
# destructor wherever there are virtual functions.
#
# A target that does not compile clean yet is named, with the reason, in
# cmake/HygienePending.cmake (the one list of the gap), which sets its
# TICKERWIRE_HYGIENE_PENDING property; the generator expressions below leave
# such a target out. -DTICKERWIRE_QT_HYGIENE_PENDING_TOO=ON builds those
# targets with the hygiene as well, to see what is left to fix.
option(TICKERWIRE_QT_HYGIENE_PENDING_TOO
  "Also build the targets listed in cmake/HygienePending.cmake with the Qt hygiene" OFF)
include(${CMAKE_CURRENT_LIST_DIR}/QtHygiene.cmake)
if(TICKERWIRE_QT_HYGIENE_PENDING_TOO)
  set(_tw_hygienic 1)
else()
  set(_tw_hygienic "$<NOT:$<BOOL:$<TARGET_PROPERTY:TICKERWIRE_HYGIENE_PENDING>>>")
endif()
target_compile_definitions(tickerwire_options INTERFACE
  "$<${_tw_hygienic}:${TICKERWIRE_QT_HYGIENE_DEFINES}>")
target_compile_options(tickerwire_options INTERFACE
  "$<${_tw_hygienic}:${TICKERWIRE_QT_HYGIENE_WARNINGS}>")
unset(_tw_hygienic)

# tickerwire_hygiene_pending(REASON "why" TARGETS a b ...): called only from
# cmake/HygienePending.cmake, so the gap stays in one place.
function(tickerwire_hygiene_pending)
  cmake_parse_arguments(ARG "" "REASON" "TARGETS" ${ARGN})
  if(NOT ARG_REASON)
    message(FATAL_ERROR "tickerwire_hygiene_pending: say why (REASON)")
  endif()
  foreach(target IN LISTS ARG_TARGETS)
    if(TARGET ${target})
      set_property(TARGET ${target} PROPERTY TICKERWIRE_HYGIENE_PENDING ON)
    endif()
  endforeach()
endfunction()
