// libFuzzer target: any bytes as an article file and as edsync.yaml.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "edsync/config.h"
#include "edsync/revision.h"
#include "edsync/workspace.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = edsync::parse_article(text, "fuzz.md", "ar", "fuzz");
  if (parsed.ok) {
    // The body is the tail of the file, and the revision is always well formed.
    if (parsed.article.body.size() > text.size() || !text.ends_with(parsed.article.body)) std::abort();
    if (!edsync::parse_revision(parsed.article.revision)) std::abort();
  } else if (parsed.problem.line < 1 || parsed.problem.message.empty()) {
    std::abort();  // every problem must say where and what
  }
  const auto config = edsync::parse_config(text, "edsync.yaml");
  if (!config && config.error().message.rfind("edsync.yaml", 0) != 0) std::abort();
  return 0;
}
