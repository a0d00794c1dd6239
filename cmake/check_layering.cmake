# Checks the layers of the source tree by its #include lines (run by CTest as `layering`):
#   cmake -DABRI_SOURCE_DIR=<tree> -P cmake/check_layering.cmake
# The build already keeps libsodium and SQLCipher PRIVATE to abri_crypto and abri_storage, but their headers sit in
# /usr/include where every target can reach them, and nothing in the compiler stops core/ from including Qt or a
# sync/ header. So the rules are checked here, on the text:
#   - sqlite3.h (or anything of SQLCipher) is included only in core/storage;
#   - sodium.h is included only in core/crypto;
#   - core/ includes no Qt, no Boost, and no header of sync/ or app/: a quoted include in core/ must name a file
#     in core/ (relative to the including file or to core/, the one include root core/ has).
# Fails with one line per violation (file:line: rule); prints nothing else when the tree is clean.
cmake_minimum_required(VERSION 3.25)

if(NOT ABRI_SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DABRI_SOURCE_DIR=<source tree> -P check_layering.cmake")
endif()
get_filename_component(root "${ABRI_SOURCE_DIR}" ABSOLUTE)

set(scanned_folders core app cli sync tests bench fuzz)
set(globs "")
foreach(folder IN LISTS scanned_folders)
  foreach(ext h hpp cpp cc)
    list(APPEND globs "${root}/${folder}/*.${ext}")
  endforeach()
endforeach()
file(GLOB_RECURSE sources LIST_DIRECTORIES false ${globs})
list(SORT sources)

set(violations "")
foreach(path IN LISTS sources)
  file(RELATIVE_PATH rel "${root}" "${path}")
  if(rel MATCHES "^tests/layering/")
    continue()  # the probes that prove the build refuses forbidden includes break the rules on purpose
  endif()
  get_filename_component(dir "${path}" DIRECTORY)
  file(STRINGS "${path}" lines REGEX "^[ \t]*#[ \t]*include")
  file(READ "${path}" content)
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*([<\"])([^>\"]+)[>\"]")
      continue()
    endif()
    set(quoted "${CMAKE_MATCH_1}")
    set(header "${CMAKE_MATCH_2}")
    # The line number: one more than the newlines before the include's first occurrence.
    string(FIND "${content}" "${line}" offset)
    string(SUBSTRING "${content}" 0 ${offset} before)
    string(REGEX MATCHALL "\n" newlines "${before}")
    list(LENGTH newlines number)
    math(EXPR number "${number} + 1")
    set(where "${rel}:${number}")

    if(header MATCHES "(^|/)sqlite3\\.h$" OR header MATCHES "^sqlcipher/" OR header MATCHES "(^|/)sqlcipher\\.h$")
      if(NOT rel MATCHES "^core/storage/")
        list(APPEND violations "${where}: ${header} outside core/storage (only storage talks to SQLCipher)")
      endif()
    endif()
    if(header MATCHES "^sodium(\\.h|/)")
      if(NOT rel MATCHES "^core/crypto/")
        list(APPEND violations "${where}: ${header} outside core/crypto (use abri::crypto instead)")
      endif()
    endif()
    if(rel MATCHES "^core/")
      if(header MATCHES "^(Q[A-Za-z0-9_]*|Qt[A-Za-z0-9_]*/.*)$")
        list(APPEND violations "${where}: Qt header ${header} in core/ (core is plain C++)")
      elseif(header MATCHES "^boost/")
        list(APPEND violations "${where}: Boost header ${header} in core/ (core has no network)")
      elseif(quoted STREQUAL "\"")
        if(header MATCHES "^(\\.\\./)*(sync|app)/")
          list(APPEND violations "${where}: ${header} from sync/ or app/ in core/")
        elseif(NOT EXISTS "${dir}/${header}" AND NOT EXISTS "${root}/core/${header}")
          list(APPEND violations "${where}: ${header} is not a core header (core includes only core/)")
        endif()
      endif()
    endif()
  endforeach()
endforeach()

if(violations)
  list(LENGTH violations count)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "layering: ${count} forbidden include(s):\n  ${text}")
endif()
