// TMX documents (1.4b, and 1.1 as older tools write it) as a stream of
// translation units, read one at a time so any file size fits in memory.
//
// Everything a file says is kept, so that a unit read and written again
// carries every attribute, prop, note and inline tag it came with.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "edsync/result.h"

namespace edsync::tmx {

// An XML attribute as written in the file (the name keeps its prefix, e.g.
// "xml:lang"); lists of them keep the file's order.
struct Attribute {
  std::string name;
  std::string value;
  bool operator==(const Attribute&) const = default;
};

// <prop> and <note>: their attributes (type, xml:lang, o-encoding) and text.
struct Prop {
  std::vector<Attribute> attributes;
  std::string text;
  bool operator==(const Prop&) const = default;
};
struct Note {
  std::vector<Attribute> attributes;
  std::string text;
  bool operator==(const Note&) const = default;
};

// <tuv>: one language's version of a unit.
struct Variant {
  std::string lang;                   // xml:lang, or lang in TMX 1.1, exactly as written
  std::vector<Attribute> attributes;  // every other attribute, as written
  std::vector<Prop> props;
  std::vector<Note> notes;
  std::string content;                // the inside of <seg> as XML, inline elements included
  std::string text;                   // what a translator reads: content without inline codes
  bool operator==(const Variant&) const = default;
};

// A variant holding plain text: its content is the text as a <seg> holds it
// (escaped, characters XML cannot hold dropped), its text the text itself.
Variant plain_text_variant(std::string lang, std::string text);

// <tu>
struct Unit {
  std::vector<Attribute> attributes;  // tuid, srclang, creationdate, usagecount, ... as written
  std::vector<Prop> props;
  std::vector<Note> notes;
  std::vector<Variant> variants;
  int line = 0;                       // where <tu> starts in the file, 1-based
  int column = 0;
  bool operator==(const Unit& other) const {
    return attributes == other.attributes && props == other.props && notes == other.notes &&
           variants == other.variants;
  }
};

// <ude>: user-defined characters, with one <map> per character.
struct Ude {
  std::vector<Attribute> attributes;          // name, base
  std::vector<std::vector<Attribute>> maps;   // each <map>'s unicode, code, ent, subst
  bool operator==(const Ude&) const = default;
};

// <header> (attributes such as creationtool, srclang, segtype, o-tmf) and the
// version of the <tmx> element. A namespace declared on <tmx> is added to the
// attributes of the header, and of each unit, that use its prefix, so that
// each stays well-formed XML wherever it is written.
struct Header {
  std::string version;                // "1.4", "1.1", ...
  std::vector<Attribute> attributes;
  std::vector<Prop> props;
  std::vector<Note> notes;
  std::vector<Ude> udes;
  bool operator==(const Header&) const = default;
};

// The value of attribute `name`, or "" when absent.
std::string attribute(const std::vector<Attribute>& attributes, std::string_view name);

class Reader {
 public:
  // Detects the encoding (BOM, then the XML declaration) and reads up to the
  // end of <header>. Errors name the file, line and column.
  static Result<Reader> open(const std::filesystem::path& path);
  // The same, with `name` standing for the file in messages.
  static Result<Reader> open(const std::filesystem::path& path, std::string name);
  // The same over bytes in memory; `name` stands for the file in messages.
  static Result<Reader> from_bytes(std::string bytes, std::string name);
  Reader(Reader&&) noexcept;
  Reader& operator=(Reader&&) noexcept;
  ~Reader();

  const Header& header() const;

  // Reads the next <tu> into `unit`; returns false after the last one. A
  // malformed unit is an Error naming file:line:column; reading may go on
  // after it (the next call starts at the following <tu>) when the document
  // itself is still well formed, and Error::kind says bad_input either way.
  // When it is not (truncated, undecodable bytes...), the Error comes once
  // and the calls after it return false.
  Result<bool> next(Unit& unit);

 private:
  struct State;
  explicit Reader(std::unique_ptr<State> state);
  static Result<Reader> open_stream(std::unique_ptr<std::istream> in, std::string name);
  std::unique_ptr<State> state_;
};

// Writes TMX 1.4b in UTF-8: a deterministic byte stream for the same header
// and units (stable attribute order, LF line ends), never an XML-invalid
// character.
// A <tu> element as Writer::write writes it, for writers that order units
// themselves.
Result<std::string> unit_markup(const Unit& unit);
// The <header> element on one line, exactly its attributes (no defaults
// added, dates as written), notes, props and udes: a canonical form that
// reads back (inside a <tmx>) to an equal header.
Result<std::string> header_markup(const Header& header);

class Writer {
 public:
  explicit Writer(std::ostream& out);
  Status write_header(const Header& header);
  Status write(const Unit& unit);
  Status finish();  // closes <body> and <tmx>

 private:
  std::ostream& out_;
  bool header_written_ = false;
  bool finished_ = false;
};

}  // namespace edsync::tmx
