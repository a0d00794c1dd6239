# Compiles one probe source with the include path and definitions of a real target (written by tests/layering's
# CMakeLists.txt) and checks the outcome:
#   cmake -DCOMPILER=<c++> -DFLAGS=<flags file> -DSOURCE=<probe.cpp> -DEXPECT=<compiles|refused> -P compile_probe.cmake
# refused passes only if the compile fails on a layering guard (cmake/AbriLayering.cmake), not for another reason.
cmake_minimum_required(VERSION 3.25)

file(STRINGS "${FLAGS}" flags)
execute_process(COMMAND "${COMPILER}" -std=c++20 -O2 -fsyntax-only ${flags} "${SOURCE}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
get_filename_component(probe "${SOURCE}" NAME)
if(EXPECT STREQUAL "compiles")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${probe} should compile for this target, but:\n${out}${err}")
  endif()
elseif(EXPECT STREQUAL "refused")
  if(rc EQUAL 0)
    message(FATAL_ERROR "${probe} compiled for a target that may not use it: the layering guard is gone")
  elseif(NOT err MATCHES "layering: <[^>]+> is not for this target")
    message(FATAL_ERROR "${probe} failed, but not on the layering guard:\n${out}${err}")
  endif()
else()
  message(FATAL_ERROR "EXPECT must be compiles or refused, not '${EXPECT}'")
endif()
