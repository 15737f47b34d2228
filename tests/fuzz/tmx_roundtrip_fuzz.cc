// libFuzzer target: read any bytes as TMX, write the units that read, read
// that again: the same units, no error, and the same bytes when written again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "edsync/tmx.h"

namespace {

struct Read {
  edsync::tmx::Header header;
  std::vector<edsync::tmx::Unit> units;
  int errors = 0;
};

Read read_all(std::string bytes) {
  Read out;
  auto reader = edsync::tmx::Reader::from_bytes(std::move(bytes), "fuzz.tmx");
  if (!reader) {
    out.errors = 1;
    return out;
  }
  out.header = reader->header();
  edsync::tmx::Unit unit;
  while (true) {
    auto more = reader->next(unit);
    if (!more) {
      ++out.errors;
      continue;
    }
    if (!*more) break;
    out.units.push_back(unit);
  }
  return out;
}

std::string write_all(const Read& read) {
  std::ostringstream out;
  edsync::tmx::Writer writer(out);
  if (!writer.write_header(read.header)) std::abort();
  for (const auto& unit : read.units) {
    if (!writer.write(unit)) std::abort();  // what the reader accepts, the writer can write
  }
  if (!writer.finish()) std::abort();
  return out.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Read first = read_all(std::string(reinterpret_cast<const char*>(data), size));
  if (first.errors > 0 && first.units.empty()) return 0;
  const std::string written = write_all(first);
  const Read second = read_all(written);
  if (second.errors != 0 || second.units != first.units) std::abort();
  if (second.header.props != first.header.props || second.header.notes != first.header.notes) std::abort();
  if (write_all(second) != written) std::abort();
  return 0;
}
