// Where ../shared/data/ is, for tests and benchmarks that read it.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <optional>

namespace edsync::test {

// $EDSYNC_SHARED_DATA, else ../shared/data beside the checkout; nullopt when absent.
inline std::optional<std::filesystem::path> shared_data_dir() {
  const char* configured = std::getenv("EDSYNC_SHARED_DATA");
  const std::filesystem::path dir = configured && *configured ? configured : EDSYNC_DEFAULT_SHARED_DATA_DIR;
  std::error_code error;
  if (std::filesystem::is_directory(dir, error)) return dir;
  return std::nullopt;
}

// The exit code CTest reads as "skipped" (SKIP_RETURN_CODE).
inline constexpr int kSkipExitCode = 77;

}  // namespace edsync::test
