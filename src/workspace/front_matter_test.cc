#include <doctest/doctest.h>

#include "edsync/front_matter.h"

using namespace edsync;

TEST_CASE("front matter fields keep their positions, the body starts after the fence") {
  const std::string text = "---\ntitle: \"A: B\"\ndate: 2013-09-08\n---\n\nBody.\n";
  const auto parsed = parse_front_matter(text);
  REQUIRE(parsed.ok);
  const auto* title = parsed.front_matter.find("title");
  REQUIRE(title != nullptr);
  CHECK(title->value == "A: B");
  CHECK(title->line == 2);
  CHECK(title->column == 8);
  CHECK(parsed.front_matter.find("date")->line == 3);
  CHECK(parsed.front_matter.closing_line == 4);
  CHECK(text.substr(parsed.front_matter.body_offset) == "\nBody.\n");
}

TEST_CASE("CRLF files, a BOM, and '...' as the closing fence are accepted") {
  const auto parsed = parse_front_matter("\xEF\xBB\xBF---\r\ntitle: T\r\n...\r\nBody\r\n");
  REQUIRE(parsed.ok);
  CHECK(parsed.front_matter.find("title")->value == "T");
}

TEST_CASE("lists are kept as non-scalar fields") {
  const auto parsed = parse_front_matter("---\ntitle: T\ntags: [a, b]\n---\n");
  REQUIRE(parsed.ok);
  CHECK_FALSE(parsed.front_matter.find("tags")->is_scalar);
}

TEST_CASE("front matter problems say where and what to do") {
  const auto problem = [](const char* text) {
    const auto parsed = parse_front_matter(text);
    REQUIRE_FALSE(parsed.ok);
    return parsed.problem.to_string();
  };
  CHECK(problem("Just text.\n") == "1:1: expected '---' to open the front matter, got article text; start the file with a '---' line, the fields, then '---'");
  CHECK(problem("") == "1:1: expected '---' to open the front matter, got an empty file; start the file with a '---' line, the fields, then '---'");
  CHECK(problem("---\ntitle: T\n") == "1:1: front matter is not closed: add a '---' line after its last field");
  CHECK(problem("---\ntitle: a: b\n---\n") == "2:9: front matter is not valid YAML: illegal map value");
  CHECK(problem("---\n- a\n- b\n---\n") == "2:1: front matter must be 'key: value' lines");
  CHECK(problem("---\ntitle: A\ndate: x\ntitle: B\n---\n") == "4:1: duplicate key 'title' (first given on line 2)");
}

TEST_CASE("the plain key: value lines read without yaml-cpp give what yaml-cpp gives") {
  // A list line sends the whole front matter through yaml-cpp: the reference.
  const auto through_yaml_cpp = [](const std::string& line) { return parse_front_matter("---\n" + line + "\nlist: [1]\n---\n"); };
  const auto fast = [](const std::string& line) { return parse_front_matter("---\n" + line + "\n---\n"); };
  for (const std::string line :
       {"title: Plain words", "title:    spaced   inside   ", "title: \"A: B # not a comment\"", "title: 'single: quoted'",
        "title: He said \"no\"", "title: 2013-09-09", "title: yes", "title:", "title:   ", "title: \"\"", "title: ''",
        "title: عنوان عربی", "title: 50% of [them]", "title: a, b", "source-revision: 0123456789abcdef", "_x: y",
        "title: ~", "title: null", "title: x # comment", "title: a: b", "title: [a]", "title: \"esc\\\"aped\"",
        "title: 'it''s'", "title: *alias", "title: &anchor x", "title: !tag x", "title: |", "title: >",
        "title: - x", "title : x", "title:\tx", "title: x\r", "title: a\xC2\x85" "b", "\"title\": x"}) {
    CAPTURE(line);
    const auto expected = through_yaml_cpp(line);
    const auto got = fast(line);
    REQUIRE(got.ok == expected.ok);
    if (!expected.ok) {
      CHECK(got.problem.to_string() == expected.problem.to_string());
      continue;
    }
    REQUIRE(got.front_matter.fields.size() + 1 == expected.front_matter.fields.size());
    for (const auto& [key, field] : got.front_matter.fields) {
      const auto* reference = expected.front_matter.find(key);
      REQUIRE(reference != nullptr);
      CHECK(field.value == reference->value);
      CHECK(field.is_scalar == reference->is_scalar);
      CHECK(field.line == reference->line);
      CHECK(field.column == reference->column);
    }
  }
}
