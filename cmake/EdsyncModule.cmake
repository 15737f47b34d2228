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

# edsync_data_test(NAME SOURCES ... LIBRARIES ...)
# A doctest binary over ../shared/data, registered as one CTest test that is
# reported as skipped (exit 77) when the data is absent.
function(edsync_data_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/support/data_test_main.cc)
  target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} doctest::doctest)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
  target_compile_definitions(${name} PRIVATE
    EDSYNC_DEFAULT_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data"
    EDSYNC_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  add_test(NAME "data: ${name}" COMMAND ${name})
  set_tests_properties("data: ${name}" PROPERTIES SKIP_RETURN_CODE 77)
endfunction()
