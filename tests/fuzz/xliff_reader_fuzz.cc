// libFuzzer target: any bytes as an XLIFF file (1.2, .sdlxliff, 2.0).
// Reading never crashes, every error says where it is, and whatever reads
// and can be written in its own version reads again with as many units.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "edsync/xliff.h"

namespace {

void check_error(const edsync::Error& error) {
  if (error.kind != edsync::ErrorKind::bad_input || error.message.rfind("fuzz.xlf:", 0) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::vector<edsync::Diagnostic> invalid;
  const auto document = edsync::xliff::read(bytes, "fuzz.xlf", {&invalid});
  if (!document) {
    check_error(document.error());
    return 0;
  }
  for (const auto& problem : invalid)
    if (problem.file != "fuzz.xlf" || problem.line < 1 || problem.column < 1) std::abort();
  for (const auto* unit : document->units()) {
    if (unit->id.empty() || unit->line < 1 || unit->column < 1) std::abort();
    if (edsync::xliff::plain_text(unit->source).size() > bytes.size() * 4) std::abort();
  }
  const auto written = edsync::xliff::write(*document, document->version);
  if (!written) return 0;  // e.g. an id the version cannot hold
  const auto again = edsync::xliff::read(*written, "fuzz.xlf");
  if (!again || again->units().size() != document->units().size()) std::abort();
  const auto twice = edsync::xliff::write(*again, again->version);
  if (!twice) std::abort();
  return 0;
}
