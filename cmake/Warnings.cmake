# One interface target carries the warning flags and Qt hygiene defines for our
# own targets only (Qt's headers are system headers, so they stay quiet).
add_library(tickerwire_options INTERFACE)
target_compile_options(tickerwire_options INTERFACE -Wall -Wextra -Wpedantic)
if(TICKERWIRE_WERROR)
  target_compile_options(tickerwire_options INTERFACE -Werror)
endif()
target_compile_definitions(tickerwire_options INTERFACE
  QT_NO_URL_CAST_FROM_STRING
  TICKERWIRE_VERSION="${PROJECT_VERSION}")
