// libFuzzer target: any bytes as a TMX file. Reading never crashes, always
// ends, and every error says where it is.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "edsync/tmx.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto reader = edsync::tmx::Reader::from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.tmx");
  if (!reader) {
    if (reader.error().message.rfind("fuzz.tmx:", 0) != 0) std::abort();
    return 0;
  }
  edsync::tmx::Unit unit;
  // Each call consumes at least one byte of the input, so this many calls end it.
  for (std::size_t calls = 0;; ++calls) {
    if (calls > size + 1) std::abort();
    auto more = reader->next(unit);
    if (!more) {
      if (more.error().kind != edsync::ErrorKind::bad_input) std::abort();
      if (more.error().message.rfind("fuzz.tmx:", 0) != 0) std::abort();
      continue;
    }
    if (!*more) break;
    if (unit.line < 1 || unit.column < 1 || unit.variants.empty()) std::abort();
    for (const auto& variant : unit.variants) {
      if (variant.lang.empty() || variant.text.size() > variant.content.size()) std::abort();
    }
  }
  return 0;
}
