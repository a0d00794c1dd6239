# The build graph forbids the two third-party APIs that belong to one core folder each: libsodium to core/crypto,
# SQLCipher to core/storage. Their headers sit in /usr/include where every target could reach them (and the system
# libsqlite3-dev header shadows nothing), so linking privately is not enough: every other target gets, first on its
# include path, a folder of guard headers with the same names whose only line is an #error naming the rule.
#   ABRI_SODIUM_GUARD_DIR     sodium.h and sodium/*.h
#   ABRI_SQLCIPHER_GUARD_DIR  sqlite3.h, sqlite3ext.h, sqlcipher/sqlite3.h, sqlcipher/sqlite3ext.h
# abri_core_library (core/CMakeLists.txt) puts them on every core library but the owner; abri_core carries them to
# app/, cli/, sync/, tests/, bench/ and fuzz/. tests/layering proves a forbidden include does not compile.
set(ABRI_SODIUM_GUARD_DIR "${CMAKE_BINARY_DIR}/layering_guards/sodium")
set(ABRI_SQLCIPHER_GUARD_DIR "${CMAKE_BINARY_DIR}/layering_guards/sqlcipher")

# abri_write_guard(<folder> <header> <rule>): <folder>/<header> that stops the compile with <rule>.
function(abri_write_guard folder header rule)
  file(CONFIGURE OUTPUT "${folder}/${header}"
       CONTENT "#error \"layering: <${header}> is not for this target: ${rule}\"\n" @ONLY)
endfunction()

set(sodium_rule "only core/crypto uses libsodium; call abri::crypto instead")
abri_write_guard("${ABRI_SODIUM_GUARD_DIR}" sodium.h "${sodium_rule}")
# libsodium's own headers too (<sodium/crypto_box.h>...), named from the installed copy.
find_path(ABRI_SODIUM_INCLUDE_DIR sodium.h HINTS ${SODIUM_INCLUDE_DIRS} ${SODIUM_INCLUDEDIR})
file(GLOB sodium_headers RELATIVE "${ABRI_SODIUM_INCLUDE_DIR}" "${ABRI_SODIUM_INCLUDE_DIR}/sodium/*.h")
foreach(header IN LISTS sodium_headers)
  abri_write_guard("${ABRI_SODIUM_GUARD_DIR}" "${header}" "${sodium_rule}")
endforeach()

set(sqlcipher_rule "only core/storage talks to SQLCipher; use storage::Database")
foreach(header IN ITEMS sqlite3.h sqlite3ext.h sqlcipher/sqlite3.h sqlcipher/sqlite3ext.h)
  abri_write_guard("${ABRI_SQLCIPHER_GUARD_DIR}" "${header}" "${sqlcipher_rule}")
endforeach()

# abri_forbid_third_party_headers(<target> <PRIVATE|PUBLIC|INTERFACE> [ALLOW_SODIUM] [ALLOW_SQLCIPHER])
function(abri_forbid_third_party_headers target scope)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "ALLOW_SODIUM;ALLOW_SQLCIPHER" "" "")
  if(NOT ARG_ALLOW_SODIUM)
    target_include_directories(${target} BEFORE ${scope} "${ABRI_SODIUM_GUARD_DIR}")
  endif()
  if(NOT ARG_ALLOW_SQLCIPHER)
    target_include_directories(${target} BEFORE ${scope} "${ABRI_SQLCIPHER_GUARD_DIR}")
  endif()
endfunction()
