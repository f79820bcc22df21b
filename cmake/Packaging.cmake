# Epilogue as an installed desktop program: the desktop entry, the icon (SVG, and PNG sizes rendered from it at
# build time), the MIME type of story files, the manual page (written by help2man from --help and --version), and
# CPack's Debian package (cpack -G DEB). Included from the top-level CMakeLists.txt after the epilogue target.

set(EPILOGUE_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
set(EPILOGUE_PACKAGING_OUT ${PROJECT_BINARY_DIR}/packaging)

# ---- Desktop entry and MIME type --------------------------------------------------------------------
install(FILES ${EPILOGUE_PACKAGING_DIR}/epilogue.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${EPILOGUE_PACKAGING_DIR}/epilogue.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)

# ---- Icon: the SVG, and the hicolor PNG sizes rendered from it (librsvg's rsvg-convert) ---------------------
install(FILES ${EPILOGUE_PACKAGING_DIR}/epilogue.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
find_program(EPILOGUE_RSVG_CONVERT rsvg-convert)
if(EPILOGUE_RSVG_CONVERT)
  set(icon_pngs)
  foreach(size 16 22 24 32 48 64 128 256)
    set(icon_dir ${EPILOGUE_PACKAGING_OUT}/icons/${size}x${size}/apps)
    add_custom_command(
      OUTPUT ${icon_dir}/epilogue.png
      COMMAND ${CMAKE_COMMAND} -E make_directory ${icon_dir}
      COMMAND ${EPILOGUE_RSVG_CONVERT} --width=${size} --height=${size} --output=${icon_dir}/epilogue.png
              ${EPILOGUE_PACKAGING_DIR}/epilogue.svg
      DEPENDS ${EPILOGUE_PACKAGING_DIR}/epilogue.svg
      COMMENT "Rendering the ${size}x${size} icon"
      VERBATIM)
    list(APPEND icon_pngs ${icon_dir}/epilogue.png)
    install(FILES ${icon_dir}/epilogue.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
  add_custom_target(epilogue_icons ALL DEPENDS ${icon_pngs})
else()
  message(STATUS "rsvg-convert not found (Debian package librsvg2-bin): installing the SVG icon only, no PNG sizes")
endif()

# ---- Manual page: help2man runs the built program's --help and --version ----------------------------
find_program(EPILOGUE_HELP2MAN help2man)
find_program(EPILOGUE_GZIP gzip)
if(EPILOGUE_HELP2MAN AND EPILOGUE_GZIP)
  set(man_page ${EPILOGUE_PACKAGING_OUT}/man/epilogue.1)
  add_custom_command(
    OUTPUT ${man_page} ${man_page}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${EPILOGUE_PACKAGING_OUT}/man
    COMMAND ${EPILOGUE_HELP2MAN} --no-info --section=1 --include=${EPILOGUE_PACKAGING_DIR}/epilogue.h2m
            --output=${man_page} $<TARGET_FILE:epilogue>
    COMMAND ${EPILOGUE_GZIP} -9 -n -f -k ${man_page}
    DEPENDS epilogue ${EPILOGUE_PACKAGING_DIR}/epilogue.h2m
    COMMENT "Writing the manual page with help2man"
    VERBATIM)
  add_custom_target(epilogue_manpage ALL DEPENDS ${man_page}.gz)
  install(FILES ${man_page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found (Debian package help2man): building without the manual page")
endif()

# ---- The Debian package: cpack -G DEB in the build directory ----------------------------------------
set(EPILOGUE_PACKAGE_MAINTAINER "Epilogue maintainers <maintainers@epilogue.invalid>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_NAME epilogue)
set(CPACK_PACKAGE_VENDOR "Epilogue")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${EPILOGUE_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "visualizer for stories that fork")
# The long description, in lines under 80 characters as Debian's control files want them.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "Epilogue draws a story that forks: what happened, and what might have been,"
  "as parallel animated timelines. Its first story is the ending of La La Land."
  "Scrub, zoom and select events in a window to read the commentary about them,"
  "or render still images, frame sequences and videos headless, with no display"
  "and no GPU. Stories are JSON files, checked with errors that name the line"
  "and column.")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${EPILOGUE_PACKAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The libraries it links come from dpkg-shlibdeps; what it loads at run time is named here: SDL opens libGL
# (windows) and libEGL (headless rendering), which draw through Mesa's drivers (llvmpipe when there is no GPU),
# and the interface is set in DejaVu Sans (DejaVu Serif Italic for quotations, from fonts-dejavu-extra); story text
# in scripts DejaVu lacks, and emoji, needs the Noto fonts (without them, its characters are boxes).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libgl1, libegl1, libgl1-mesa-dri, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-extra, fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "ffmpeg")
include(CPack)
