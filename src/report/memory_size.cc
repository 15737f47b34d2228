// The memory's size for one edition language: the units of its file in tm/,
// read as TMX (the text is the memory; the index may not be built yet).
#include "memory_size.h"

#include <system_error>

#include "edsync/tmx.h"

namespace edsync {

MemorySize memory_size(const Workspace& workspace, const std::string& lang) {
  const std::string shown = workspace.config.tm_dir + "/" + lang + ".tmx";
  MemorySize size{.file = shown};
  std::error_code error;
  if (!std::filesystem::is_regular_file(workspace.root / shown, error)) return size;
  auto reader = tmx::Reader::open(workspace.root / shown, shown);
  if (!reader) {
    size.problem = reader.error().message;
    return size;
  }
  size.present = true;
  tmx::Unit unit;
  for (;;) {
    const auto more = reader->next(unit);
    if (!more) {
      size.problem = more.error().message;
      continue;  // a bad unit: the reader goes on at the next one, or ends
    }
    if (!*more) break;
    ++size.units;
  }
  return size;
}

}  // namespace edsync
