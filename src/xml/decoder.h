// Turns the bytes of an XML file, in whatever encoding it uses, into UTF-8
// a chunk at a time, so a file of any size is decoded in bounded memory.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>

#include "edsync/result.h"

namespace edsync::xml {

class Decoder {
 public:
  // Reads the start of `in` to pick the encoding: a byte order mark wins,
  // then UTF-16 without a mark (from the first "<" in two-byte units), then the
  // encoding the XML declaration names, then UTF-8. The Error message has no
  // location: the caller knows the file name (the problem is at 1:1).
  static Result<Decoder> open(std::unique_ptr<std::istream> in);

  Decoder(Decoder&&) noexcept;
  Decoder& operator=(Decoder&&) noexcept;
  ~Decoder();

  // Appends the next chunk of UTF-8 to `out`; false once the input is used
  // up. Bytes that do not decode give an Error saying which bytes and which
  // encoding, after every good byte before them has been appended.
  Result<bool> read(std::string& out);

  const std::string& encoding() const;  // "UTF-8", "UTF-16LE", "windows-1252", ...

 private:
  struct State;
  explicit Decoder(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace edsync::xml
