# CPack post-build step (CPACK_POST_BUILD_SCRIPTS): puts right what CMake 3.25's -dbgsym .ddeb packages get wrong,
# so that lintian passes on them as on the others:
#   - DEBIAN/md5sums lists the staging folder's absolute paths instead of paths relative to the root;
#   - there is no /usr/share/doc/<package>-dbgsym: as debhelper does, it becomes a link to the main package's doc
#     folder (copyright, changelog), which the -dbgsym package depends on;
#   - the .debug files are executable.
find_program(ABRI_DPKG_DEB dpkg-deb REQUIRED)
foreach(package_file IN LISTS CPACK_PACKAGE_FILES)
  if(NOT package_file MATCHES "\\.ddeb$")
    continue()
  endif()
  set(work "${package_file}.repair")
  file(REMOVE_RECURSE "${work}")
  execute_process(COMMAND "${ABRI_DPKG_DEB}" -R "${package_file}" "${work}" COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND "${ABRI_DPKG_DEB}" -f "${package_file}" Package
                  OUTPUT_VARIABLE package OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  string(REGEX REPLACE "-dbgsym$" "" main_package "${package}")

  file(READ "${work}/DEBIAN/md5sums" sums)
  string(REGEX REPLACE "  [^\n]*/usr/lib/debug/" "  usr/lib/debug/" sums "${sums}")
  file(WRITE "${work}/DEBIAN/md5sums" "${sums}")
  file(CHMOD "${work}/DEBIAN/md5sums" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)

  file(GLOB_RECURSE debug_files "${work}/usr/lib/debug/*.debug")
  foreach(debug_file IN LISTS debug_files)
    file(CHMOD "${debug_file}" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  endforeach()

  file(MAKE_DIRECTORY "${work}/usr/share/doc")
  file(CREATE_LINK "${main_package}" "${work}/usr/share/doc/${package}" SYMBOLIC)

  # xz at its fastest level: the default level takes minutes on the debug info of the app, for 20 % less size.
  execute_process(COMMAND "${ABRI_DPKG_DEB}" --root-owner-group -Zxz -z1 --build "${work}" "${package_file}"
                  OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
  file(REMOVE_RECURSE "${work}")
endforeach()
