// libFuzzer target: any bytes as a part kept aside while tm/ is read.
// Decoding never crashes or throws, and what decodes encodes and decodes
// back to the same unit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "part_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto part = edsync::tm::detail::decode_part(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!part) return 0;
  const auto again = edsync::tm::detail::decode_part(edsync::tm::detail::encode_part(part->first, part->second));
  if (!again || !(again->first == part->first) || again->second != part->second) std::abort();
  return 0;
}
