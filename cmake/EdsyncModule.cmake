# edsync_module(NAME SOURCES ... TESTS ... DEPENDS ... PRIVATE_DEPENDS ...)
# Declares one library module and, when tests are on, its doctest executable
# built from the *_test.cc files that sit beside the sources.
function(edsync_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;TESTS;DEPENDS;PRIVATE_DEPENDS" ${ARGN})
  add_library(edsync_${name} STATIC ${ARG_SOURCES})
  target_link_libraries(edsync_${name} PUBLIC edsync_settings ${ARG_DEPENDS}
                                        PRIVATE ${ARG_PRIVATE_DEPENDS})
  if(EDSYNC_BUILD_TESTS AND ARG_TESTS)
    add_executable(edsync_${name}_tests ${ARG_TESTS} ${PROJECT_SOURCE_DIR}/tests/doctest_main.cc)
    target_link_libraries(edsync_${name}_tests PRIVATE edsync_${name} ${ARG_PRIVATE_DEPENDS}
                                                       doctest::doctest)
    target_compile_definitions(edsync_${name}_tests PRIVATE
      EDSYNC_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    doctest_discover_tests(edsync_${name}_tests TEST_PREFIX "${name}: ")
  endif()
endfunction()
