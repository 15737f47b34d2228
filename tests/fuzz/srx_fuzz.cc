// libFuzzer target: any bytes as an SRX file. Loading never crashes; every
// warning names the file; what loads can segment a sample text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "edsync/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto segmenter = edsync::Segmenter::from_srx(text, "fuzz.srx");
  if (!segmenter) {
    if (segmenter.error().message.rfind("fuzz.srx:", 0) != 0) std::abort();
    return 0;
  }
  for (const auto& warning : segmenter->warnings()) {
    if (warning.file != "fuzz.srx" || warning.message.empty()) std::abort();
  }
  const std::string_view sample = "Mr. Smith came. He left; then he came back! Really? Yes.";
  for (const auto& segment : segmenter->segment(sample)) {
    if (segment.end <= segment.begin || segment.end > sample.size()) std::abort();
  }
  return 0;
}
