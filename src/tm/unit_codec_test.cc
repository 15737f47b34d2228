#include "unit_codec.h"

#include <doctest/doctest.h>

namespace edsync::tm {

TEST_CASE("attributes, props and notes survive encoding in order, byte for byte") {
  const std::vector<tmx::Attribute> attributes{{"tuid", "7"}, {"creationdate", "20130909T120000Z"}, {"x-odd", "a\"b<c>\n"}};
  CHECK(decode_attributes(encode_attributes(attributes)) == attributes);
  const std::vector<tmx::Prop> props{{{{"type", "x-client"}, {"xml:lang", "en"}}, "NCRI & co"}, {{}, ""}};
  CHECK(decode_props(encode_props(props)) == props);
  const std::vector<tmx::Note> notes{{{{"o-encoding", "base64"}}, "  spaced \u0627 "}};
  CHECK(decode_notes(encode_notes(notes)) == notes);
  CHECK(decode_attributes(encode_attributes({})).empty());
}

TEST_CASE("merge_attributes keeps the earliest creation, the latest change and the higher usage") {
  const std::vector<tmx::Attribute> stored{{"tuid", "1"}, {"creationdate", "20130101T000000Z"}, {"changedate", "20130301T000000Z"},
                                           {"changeid", "ali"}, {"usagecount", "3"}};
  const std::vector<tmx::Attribute> incoming{{"tuid", "99"}, {"creationdate", "20120101T000000Z"}, {"changedate", "20130401T000000Z"},
                                             {"changeid", "sara"}, {"usagecount", "2"}, {"lastusagedate", "20130402T000000Z"}};
  const auto merged = merge_attributes(stored, incoming);
  const std::vector<tmx::Attribute> expected{{"tuid", "1"}, {"creationdate", "20120101T000000Z"}, {"changedate", "20130401T000000Z"},
                                             {"changeid", "sara"}, {"usagecount", "3"}, {"lastusagedate", "20130402T000000Z"}};
  CHECK(merged == expected);
  CHECK(merge_attributes(merged, incoming) == merged);  // idempotent: re-importing changes nothing
  CHECK(merge_attributes(incoming, stored)[3].value == "sara");  // an older change does not take over
}

TEST_CASE("merge_items appends only what is new") {
  const std::vector<tmx::Note> a{{{}, "one"}};
  const std::vector<tmx::Note> b{{{}, "one"}, {{}, "two"}};
  CHECK(merge_items(a, b) == b);
  CHECK(merge_items(b, a) == b);
}

TEST_CASE("provenance lives in x-edsync props and round-trips") {
  tmx::Unit unit;
  unit.props.push_back({{{"type", "x-other"}}, "kept"});
  CHECK(provenance_of(unit).origin == Origin::imported);
  set_provenance(unit, {Origin::aligned, "camp-ashraf", "dc1d0fcdf65e14dd"});
  REQUIRE(unit.props.size() == 4);
  CHECK(unit.props[0].text == "kept");
  const Provenance read = provenance_of(unit);
  CHECK(read.origin == Origin::aligned);
  CHECK(read.article_id == "camp-ashraf");
  CHECK(read.article_revision == "dc1d0fcdf65e14dd");
  set_provenance(unit, {});
  CHECK(unit.props.size() == 1);
}

}  // namespace edsync::tm
