#include "git_setup.h"

#include "edsync/file_io.h"
#include "edsync/process.h"
#include "edsync/workspace.h"

namespace edsync::detail {

namespace fs = std::filesystem;

Status add_line(const fs::path& path, std::string_view line) {
  std::string text;
  if (std::error_code error; fs::exists(path, error)) {
    auto existing = read_file(path);
    if (!existing) return existing.error();
    text = std::move(*existing);
  }
  if (("\n" + text).find("\n" + std::string(line) + "\n") != std::string::npos) return success();
  if (!text.empty() && text.back() != '\n') text += '\n';
  return write_file_atomically(path, text + std::string(line) + "\n");
}

Result<bool> configure_tm_merge_driver(const fs::path& root) {
  const auto inside = run_process({"git", "rev-parse", "--is-inside-work-tree"}, root.string());
  // No git on PATH, or not a repository: nothing to configure.
  if (!inside || inside->exit_code != 0 || inside->out != "true\n") return false;
  for (const auto& [key, value] : {std::pair{"merge.edsync-tm.name", kTmMergeDriverName},
                                   std::pair{"merge.edsync-tm.driver", kTmMergeDriverCommand}}) {
    const auto set = run_process({"git", "config", key, std::string(value)}, root.string());
    if (!set || set->exit_code != 0)
      return io_error(root.string() + ": git config " + key + " failed; run it by hand: git config " + key + " \"" +
                      std::string(value) + "\"");
  }
  return true;
}

}  // namespace edsync::detail
