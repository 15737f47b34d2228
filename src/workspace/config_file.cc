// edsync.yaml read on its own, for commands that need no article.
#include "edsync/file_io.h"
#include "edsync/workspace.h"

namespace edsync {

Result<WorkspaceConfig> load_config(const std::filesystem::path& root) {
  const auto config_text = read_file(root / kConfigFileName);
  if (!config_text) return config_text.error();
  return parse_config(*config_text, std::string(kConfigFileName));
}

}  // namespace edsync
