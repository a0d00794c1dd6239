# Proves cmake/check_layering.cmake fails on every kind of forbidden include, names the file and line, and passes
# on a clean tree: each case writes a small tree (core/, app/, sync/) with one bad line and runs the check on it.
#   cmake -DCHECK_SCRIPT=<check_layering.cmake> -DWORK_DIR=<scratch folder> -P check_layering_test.cmake
cmake_minimum_required(VERSION 3.25)

set(failures "")

# write_tree(<name>): a clean miniature of the source tree under WORK_DIR/<name>.
function(write_tree name)
  set(tree "${WORK_DIR}/${name}")
  file(REMOVE_RECURSE "${tree}")
  file(WRITE "${tree}/core/storage/database.cpp" "#include \"storage/database.h\"\n\n#include <sqlite3.h>\n")
  file(WRITE "${tree}/core/storage/database.h" "#pragma once\n#include <string>\n")
  file(WRITE "${tree}/core/crypto/primitives.cpp" "#include <sodium.h>\n\n#include \"crypto/primitives.h\"\n")
  file(WRITE "${tree}/core/crypto/primitives.h" "#pragma once\n#include <vector>\n")
  file(WRITE "${tree}/core/common/error.h" "#pragma once\n")
  file(WRITE "${tree}/core/vault/vault.cpp"
       "#include \"vault/vault.h\"\n#include \"error.h\"\n#include \"common/error.h\"\n#include <queue>\n")
  file(WRITE "${tree}/core/vault/vault.h" "#pragma once\n#include \"crypto/primitives.h\"\n")
  file(WRITE "${tree}/core/vault/error.h" "#pragma once\n")
  file(WRITE "${tree}/sync/common/frames.h" "#pragma once\n#include <boost/asio.hpp>\n#include \"common/error.h\"\n")
  file(WRITE "${tree}/app/lib/main_window.cpp" "#include <QWidget>\n#include \"vault/vault.h\"\n")
  set(tree "${tree}" PARENT_SCOPE)
endfunction()

# run_check(<tree> <result var> <output var>)
function(run_check tree result output)
  execute_process(COMMAND "${CMAKE_COMMAND}" "-DABRI_SOURCE_DIR=${tree}" -P "${CHECK_SCRIPT}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${result} "${rc}" PARENT_SCOPE)
  set(${output} "${out}${err}" PARENT_SCOPE)
endfunction()

# expect_refused(<case> <file> <line to append> <expected line number> <expected words>)
function(expect_refused name file line number words)
  write_tree("${name}")
  file(APPEND "${tree}/${file}" "${line}\n")
  run_check("${tree}" rc out)
  if(rc EQUAL 0)
    set(failures "${failures}\n  ${name}: the check passed a tree where ${file} has '${line}'" PARENT_SCOPE)
  elseif(NOT out MATCHES "${file}:${number}: [^\n]*${words}")
    set(failures "${failures}\n  ${name}: expected '${file}:${number}: ...${words}' in:\n${out}" PARENT_SCOPE)
  endif()
endfunction()

write_tree(clean)
run_check("${tree}" rc out)
if(NOT rc EQUAL 0)
  set(failures "${failures}\n  clean: the check refused a clean tree:\n${out}")
endif()

expect_refused(sqlite_in_vault "core/vault/vault.cpp" "#include <sqlite3.h>" 5 "outside core/storage")
expect_refused(sqlcipher_in_vault "core/vault/vault.cpp" "#include <sqlcipher/sqlite3.h>" 5 "outside core/storage")
expect_refused(sqlite_in_app "app/lib/main_window.cpp" "#include <sqlite3.h>" 3 "outside core/storage")
expect_refused(sodium_in_vault "core/vault/vault.cpp" "#  include <sodium.h>" 5 "outside core/crypto")
expect_refused(sodium_in_sync "sync/common/frames.h" "#include <sodium.h>" 4 "outside core/crypto")
expect_refused(qt_in_core "core/vault/vault.h" "#include <QString>" 3 "Qt header")
expect_refused(qt_module_in_core "core/vault/vault.h" "#include <QtCore/QObject>" 3 "Qt header")
expect_refused(boost_in_core "core/crypto/primitives.h" "#include <boost/asio.hpp>" 3 "Boost header")
expect_refused(sync_header_in_core "core/vault/vault.cpp" "#include \"sync/common/frames.h\"" 5 "from sync/ or app/")
expect_refused(sync_relative_in_core "core/vault/vault.cpp" "#include \"common/frames.h\"" 5 "not a core header")

if(failures)
  message(FATAL_ERROR "check_layering.cmake did not behave:${failures}")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
