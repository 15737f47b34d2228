#include <doctest/doctest.h>

#include "edsync/text.h"

using namespace edsync;

TEST_CASE("find_invalid_utf8 points at the first bad byte") {
  CHECK_FALSE(find_invalid_utf8("plain ASCII").has_value());
  CHECK_FALSE(find_invalid_utf8("عربي فارسی shqip ë").has_value());
  CHECK(find_invalid_utf8("ab\xFF" "cd") == 2u);
  CHECK(find_invalid_utf8("ok \xC3") == 3u);             // truncated sequence at the end
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);       // an encoded surrogate is not UTF-8
  CHECK(find_invalid_utf8("\xC0\xAF") == 0u);           // overlong encoding of '/'
}

TEST_CASE("position_of counts lines and characters, not bytes") {
  const std::string text = "first\nعرب x";
  CHECK(position_of(text, 0).line == 1);
  const auto x = position_of(text, text.find('x'));
  CHECK(x.line == 2);
  CHECK(x.column == 5);  // three Arabic letters and a space before it
}

TEST_CASE("normalize_text folds white space and composes to NFC") {
  CHECK(normalize_text("  a \t b\n\nc  ") == "a b c");
  CHECK(normalize_text("caf\u0065\u0301") == "caf\u00e9");          // e + combining acute
  CHECK(normalize_text("a\u00a0\u2003b") == "a b");                  // no-break and em space
  CHECK(normalize_text("\u0645\u200c\u0627") == "\u0645\u200c\u0627");  // ZWNJ is not white space
  CHECK(normalize_text("") == "");
  // Not NFC and white space together (the UTF-8 path composes, then folds).
  CHECK(normalize_text(" caf\u0065\u0301\u2003 \u0041\u030a\n") == "caf\u00e9 \u00c5");
  // Invalid UTF-8 is replaced, not dropped.
  CHECK(normalize_text("a \xff b") == "a \ufffd b");
}

TEST_CASE("language_name gives English names") {
  CHECK(language_name("ar") == "Arabic");
  CHECK(language_name("fa") == "Persian");
  CHECK(language_name("sq") == "Albanian");
  CHECK(language_name("zz") == "zz");
}

TEST_CASE("offset_of_line finds where a line starts, the end past the last") {
  const std::string text = "a: 1\r\nbé: 2\nc";
  CHECK(offset_of_line(text, 1) == 0);
  CHECK(offset_of_line(text, 2) == 6);
  CHECK(offset_of_line(text, 3) == 13);
  CHECK(offset_of_line(text, 9) == text.size());
}
