// The revision of an English article: what a translation records to say
// which English text it was made from.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "edsync/result.h"

namespace edsync {

// Number of hexadecimal digits in a written revision.
inline constexpr std::size_t kRevisionDigits = 16;

// The first 64 bits of SHA-256 over the normalised title and body, as
// lower-case hex. A reformat keeps the revision; any changed word changes it.
std::string revision_of(std::string_view title, std::string_view body);

// Lower-case SHA-256 of raw bytes, 64 hex digits.
std::string sha256_hex(std::string_view bytes);

// The same of bytes given in pieces, e.g. as they are written.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void add(std::string_view bytes);
  std::string hex();  // of everything added; call once

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// The same of a file's bytes, read a megabyte at a time.
Result<std::string> sha256_hex_of_file(const std::filesystem::path& path);

// Accepts exactly kRevisionDigits hex digits (any case); returns them in lower case.
std::optional<std::string> parse_revision(std::string_view text);

}  // namespace edsync
