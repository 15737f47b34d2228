// main() for doctest binaries that need ../shared/data: without it they skip
// with a clear message and CTest reports them as skipped, not passed.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>

#include "shared_data.h"

int main(int argc, char** argv) {
  if (!edsync::test::shared_data_dir()) {
    std::cout << "skipped: ../shared/data not found beside the checkout "
                 "(set EDSYNC_SHARED_DATA to its path to run these tests)\n";
    return edsync::test::kSkipExitCode;
  }
#ifdef EDSYNC_DATA_TEST_NEEDS_XMLLINT
  if (std::system("xmllint --version >/dev/null 2>&1") != 0) {
    std::cout << "skipped: xmllint not found (scripts/bootstrap.sh installs it: libxml2-utils)\n";
    return edsync::test::kSkipExitCode;
  }
#endif
  doctest::Context context(argc, argv);
  return context.run();
}
