#include "part_codec.h"

#include <doctest/doctest.h>

namespace edsync::tm::detail {

TEST_CASE("a part kept aside comes back equal, with its source language") {
  tmx::Unit unit;
  unit.attributes = {{"tuid", "7"}, {"creationdate", "20240101T000000Z"}};
  unit.props = {{{{"type", "x-edsync-unit"}}, "0123456789abcdef"}};
  unit.notes = {{{}, "checked"}};
  unit.variants = {{"en", {}, {}, {}, "Camp <ph x=\"1\"/>Ashraf.", "Camp Ashraf."},
                   {"fa-IR", {{"o-tmf", "x"}}, {}, {}, std::string("a\0b", 3), "ab"}};
  const auto back = decode_part(encode_part(unit, "en-US"));
  REQUIRE(back.ok());
  CHECK(back->first == unit);
  CHECK(back->second == "en-US");
}

TEST_CASE("bytes that are not a part are an Error, not a crash") {
  const std::string whole = encode_part(tmx::Unit{}, "en");
  for (std::size_t cut = 0; cut < whole.size(); ++cut) CHECK_FALSE(decode_part(whole.substr(0, cut)).ok());
  CHECK(decode_part(whole).ok());
  std::string bad_json = whole;
  bad_json.replace(bad_json.find("[]"), 2, "[{");
  CHECK_FALSE(decode_part(bad_json).ok());
  std::string many = whole;
  many.replace(many.rfind('0'), 1, "9");  // nine variants announced, none there
  CHECK_FALSE(decode_part(many).ok());
}

}  // namespace edsync::tm::detail
