# One INTERFACE target carries the flags every Abri target shares: language level, warnings, hardening.
# Third-party headers are included as SYSTEM so -Werror applies only to our own code.
add_library(abri_flags INTERFACE)
target_compile_features(abri_flags INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

target_compile_options(abri_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough
  -fstack-protector-strong -D_GLIBCXX_ASSERTIONS)

# Stack clash probing and control-flow protection (CET: IBT + shadow stack) — the hardening Debian builds with.
# GCC 12 and clang 14 (the fuzz build) both take them on x86-64; a target without CET (e.g. arm64) skips
# -fcf-protection rather than failing, and says so.
include(CheckCXXCompilerFlag)
foreach(flag IN ITEMS -fstack-clash-protection -fcf-protection)
  string(MAKE_C_IDENTIFIER "ABRI_CXX_HAS${flag}" supported)
  check_cxx_compiler_flag(${flag} ${supported})
  if(${supported})
    target_compile_options(abri_flags INTERFACE ${flag})
  else()
    message(STATUS "Hardening: ${CMAKE_CXX_COMPILER_ID} does not support ${flag} for this target; built without it")
  endif()
endforeach()

if(ABRI_WERROR)
  target_compile_options(abri_flags INTERFACE -Werror)
endif()

# _FORTIFY_SOURCE needs optimisation; sanitizer builds run at -O1 so keep it there too.
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
  target_compile_definitions(abri_flags INTERFACE _FORTIFY_SOURCE=2)
endif()
target_link_options(abri_flags INTERFACE -Wl,-z,relro -Wl,-z,now -Wl,--as-needed)
if(NOT ABRI_SANITIZE AND NOT ABRI_FUZZ)
  target_link_options(abri_flags INTERFACE -pie)
endif()

if(ABRI_SANITIZE)
  target_compile_options(abri_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                              -fno-sanitize-recover=undefined)
  target_link_options(abri_flags INTERFACE -fsanitize=address,undefined)
endif()

if(ABRI_FUZZ)
  # Everything is instrumented for coverage; only the fuzz executables link libFuzzer's main.
  target_compile_options(abri_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  target_link_options(abri_flags INTERFACE -fsanitize=address,undefined)
endif()

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
