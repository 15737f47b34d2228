#include "utf16_text.h"

namespace edsync::segment_detail {

namespace {

struct NoSink {
  void ascii8(std::int32_t, std::uint64_t) {}
  void code_point(std::int32_t, UChar32, std::int32_t) {}
};

}  // namespace

Utf16Text decode_utf8(std::string_view bytes) {
  Utf16Text result;
  decode_utf8(bytes, result);
  return result;
}

void decode_utf8(std::string_view bytes, Utf16Text& result) {
  NoSink sink;
  decode_utf8(bytes, result, sink);
}

}  // namespace edsync::segment_detail
