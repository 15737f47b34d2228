#include <doctest/doctest.h>
#include <unicode/unistr.h>

#include <sstream>
#include <string>

#include "decoder.h"
#include "edsync/tmx.h"

using edsync::xml::Decoder;
using edsync::tmx::Reader;

namespace {

const std::string kDocument =
    "<tmx version=\"1.4\"><header/><body>\n"
    "<tu><tuv xml:lang=\"fr\"><seg>Caf\u00e9 \u00e0 l\u2019heure, \U0001D400</seg></tuv></tu>\n"
    "</body></tmx>\n";

std::string utf16(const std::string& utf8, bool big_endian) {
  const auto text = icu::UnicodeString::fromUTF8(utf8);
  std::string out;
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t unit = text.charAt(i);
    const char high = static_cast<char>(unit >> 8);
    const char low = static_cast<char>(unit & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  }
  return out;
}

// The first segment of `bytes`, or the error.
std::string first_segment(const std::string& bytes) {
  auto reader = Reader::from_bytes(bytes, "e.tmx");
  if (!reader) return reader.error().message;
  edsync::tmx::Unit unit;
  auto more = reader->next(unit);
  if (!more) return more.error().message;
  if (!*more) return "(no unit)";
  return unit.variants.at(0).content;
}

std::string decode_all(const std::string& bytes) {
  auto decoder = Decoder::open(std::make_unique<std::istringstream>(bytes));
  if (!decoder) return decoder.error().message;
  std::string out;
  while (true) {
    auto more = decoder->read(out);
    if (!more) return more.error().message;
    if (!*more) return out;
  }
}

const std::string kSegment = "Caf\u00e9 \u00e0 l\u2019heure, \U0001D400";

}  // namespace

TEST_CASE("UTF-8 with and without a byte order mark") {
  CHECK(first_segment(kDocument) == kSegment);
  CHECK(first_segment("\xEF\xBB\xBF" + kDocument) == kSegment);
}

TEST_CASE("UTF-16 little and big endian, with a byte order mark or a declaration") {
  CHECK(first_segment("\xFF\xFE" + utf16(kDocument, false)) == kSegment);
  CHECK(first_segment("\xFE\xFF" + utf16(kDocument, true)) == kSegment);
  const std::string declared = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + kDocument;
  CHECK(first_segment(utf16(declared, false)) == kSegment);
  CHECK(first_segment(utf16(declared, true)) == kSegment);
}

TEST_CASE("UTF-16 without a byte order mark or a declaration is read from its first '<'") {
  CHECK(first_segment(utf16(kDocument, false)) == kSegment);
  CHECK(first_segment(utf16(kDocument, true)) == kSegment);
  CHECK(first_segment(utf16("\n  " + kDocument, false)) == kSegment);
  CHECK(first_segment(utf16("\r\n" + kDocument, true)) == kSegment);
}

TEST_CASE("declared single-byte encodings go through ICU converters") {
  CHECK(first_segment("<?xml version=\"1.0\" encoding=\"windows-1252\"?>"
                      "<tmx><header/><body><tu><tuv xml:lang=\"fr\"><seg>caf\xE9 \x92 \x80</seg></tuv></tu></body></tmx>") ==
        "caf\u00e9 \u2019 \u20ac");
  CHECK(first_segment("<?xml version='1.0' encoding='ISO-8859-1'?>"
                      "<tmx><header/><body><tu><tuv xml:lang=\"fr\"><seg>\xE0\xFF</seg></tuv></tu></body></tmx>") ==
        "\u00e0\u00ff");
  CHECK(first_segment("<?xml version=\"1.0\" encoding=\"us-ascii\"?>"
                      "<tmx><header/><body><tu><tuv xml:lang=\"fr\"><seg>&#xE9;&#8217;</seg></tuv></tu></body></tmx>") ==
        "\u00e9\u2019");
}

TEST_CASE("bytes that do not decode are an error at the place they start") {
  CHECK(first_segment("<?xml version=\"1.0\" encoding=\"us-ascii\"?>\n"
                      "<tmx><header/><body><tu><tuv xml:lang=\"fr\"><seg>caf\xE9</seg></tuv></tu></body></tmx>") ==
        "e.tmx:2:52: byte 0xE9 is not valid us-ascii (the encoding the file is read in); "
        "fix the XML declaration or convert the file to UTF-8");
  CHECK(first_segment("<tmx><header/><body>\n<tu><tuv xml:lang=\"fr\"><seg>\u00e9\xC3(</seg></tuv></tu></body></tmx>") ==
        "e.tmx:2:30: byte 0xC3 is not valid UTF-8 (the encoding the file is read in); "
        "fix the XML declaration or convert the file to UTF-8");
  CHECK(first_segment("<tmx><header/><body>\n<tu><tuv xml:lang=\"fr\"><seg>\xED\xA0\x80</seg></tuv></tu></body></tmx>") ==
        "e.tmx:2:29: byte 0xED is not valid UTF-8 (the encoding the file is read in); "
        "fix the XML declaration or convert the file to UTF-8");
}

TEST_CASE("a declaration that cannot be right is refused before reading") {
  CHECK(first_segment("<?xml version=\"1.0\" encoding=\"UTF-16\"?><tmx/>") ==
        "e.tmx:1:1: the XML declaration says encoding=\"UTF-16\" but the file is not UTF-16 (it has no byte "
        "order mark and one byte per character); fix the declaration or convert the file");
  CHECK(first_segment("<?xml version=\"1.0\" encoding=\"klingon-8\"?><tmx/>") ==
        "e.tmx:1:1: the XML declaration names encoding \"klingon-8\", which edsync does not know; "
        "convert the file to UTF-8");
}

TEST_CASE("characters split across read chunks decode whole") {
  // 64 KiB chunks: pad so that multi-byte characters and surrogate pairs
  // straddle chunk boundaries at several offsets.
  for (std::size_t pad = 65530; pad < 65540; ++pad) {
    const std::string text = std::string(pad, 'a') + "\u00e9\u2019\U0001D400\u00e9\U0001D400z";
    CHECK(decode_all(text) == text);
    const std::string utf16le = "\xFF\xFE" + utf16(text, false);
    CHECK(decode_all(utf16le) == text);
  }
}

TEST_CASE("the decoder names the encoding it picked") {
  auto pick = [](const std::string& bytes) {
    auto decoder = Decoder::open(std::make_unique<std::istringstream>(bytes));
    return decoder ? decoder->encoding() : decoder.error().message;
  };
  CHECK(pick("") == "UTF-8");
  CHECK(pick("\xEF\xBB\xBF<a/>") == "UTF-8");
  CHECK(pick("\xFF\xFE<\0") == "UTF-16LE");
  CHECK(pick(std::string("<\0?\0", 4)) == "UTF-16LE");
  CHECK(pick(std::string("\0<\0?", 4)) == "UTF-16BE");
  CHECK(pick(std::string("<\0t\0", 4)) == "UTF-16LE");
  CHECK(pick(std::string("\0\n\0<\0t", 6)) == "UTF-16BE");
  CHECK(pick("\n<tmx>") == "UTF-8");
  CHECK(pick("<?xml version=\"1.0\" encoding=\"utf-8\"?>") == "UTF-8");
  CHECK(pick("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>") == "iso-8859-1");
}
