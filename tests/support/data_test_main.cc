// main() for doctest binaries that need ../shared/data: without it they skip
// with a clear message and CTest reports them as skipped, not passed.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <iostream>

#include "shared_data.h"

int main(int argc, char** argv) {
  if (!edsync::test::shared_data_dir()) {
    std::cout << "skipped: ../shared/data not found beside the checkout "
                 "(set EDSYNC_SHARED_DATA to its path to run these tests)\n";
    return edsync::test::kSkipExitCode;
  }
  doctest::Context context(argc, argv);
  return context.run();
}
