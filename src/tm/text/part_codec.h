// A part of a split unit kept aside while tm/ is read (text_memory.cc): the
// unit and its file's source language as length-prefixed fields, so that it
// comes back as it was read without being written as TMX and parsed again.
// Attributes, props and notes use the store's JSON form (unit_codec.h).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "edsync/result.h"
#include "edsync/tmx.h"

namespace edsync::tm::detail {

std::string encode_part(const tmx::Unit& unit, std::string_view source_lang);
// The unit and the source language; an Error only for bytes encode_part did not write.
Result<std::pair<tmx::Unit, std::string>> decode_part(std::string_view bytes);

}  // namespace edsync::tm::detail
