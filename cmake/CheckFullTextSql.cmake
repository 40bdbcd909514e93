# Run by CTest (test layering_fulltext_sql): full-text SQL and backend
# sniffing live in models/store only. Anywhere else in the program's sources,
# FTS5's MATCH, a PostgreSQL tsquery (to_tsquery, websearch_to_tsquery) or a
# driverName() comparison fails the test: call ArticleSearch, or dialectOf().
#   cmake -DTW_SOURCE_DIR=<repo> -P CheckFullTextSql.cmake
if(NOT TW_SOURCE_DIR)
  message(FATAL_ERROR "pass -DTW_SOURCE_DIR=<the source tree>")
endif()
set(found "")
foreach(folder app feeds models ui bench fuzz)
  file(GLOB_RECURSE sources "${TW_SOURCE_DIR}/${folder}/*.cpp" "${TW_SOURCE_DIR}/${folder}/*.h")
  foreach(source IN LISTS sources)
    file(RELATIVE_PATH relative "${TW_SOURCE_DIR}" "${source}")
    if(relative MATCHES "^models/store/")
      continue()
    endif()
    file(STRINGS "${source}" lines REGEX "MATCH|tsquery|websearch|driverName\\(\\)")
    foreach(line IN LISTS lines)
      string(STRIP "${line}" line)
      string(APPEND found "  ${relative}: ${line}\n")
    endforeach()
  endforeach()
endforeach()
if(found)
  message(FATAL_ERROR "Full-text SQL or driver checks outside models/store "
                      "(use ArticleSearch or dialectOf):\n${found}")
endif()
message(STATUS "No full-text SQL or driverName() outside models/store")
