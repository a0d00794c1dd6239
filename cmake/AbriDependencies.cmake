# Every dependency comes from Debian 12 packages; scripts/debian-packages.txt lists them.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(Threads REQUIRED)
# ICU (libicu-dev): name transliteration for the duplicate matcher (core/duplicates).
find_package(ICU REQUIRED COMPONENTS uc i18n)
if(ABRI_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
