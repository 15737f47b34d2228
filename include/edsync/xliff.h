// XLIFF documents, 1.2 (and Trados' .sdlxliff, which is 1.2) and 2.0, in one
// data model: files holding groups of units, each unit one segment with its
// source, its target, its state and inline codes kept so they can be
// written again. Read whole (XLIFF files are one document each); written
// deterministically as either version.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/diagnostic.h"
#include "edsync/result.h"

namespace edsync::xliff {

// Where a code sits in the text it marks up.
enum class CodeKind {
  standalone,  // 1.2 <ph> <x/>, 2.0 <ph/> <cp/>
  opening,     // 1.2 <bpt> <bx/> <g> <mrk>, <it pos="open">; 2.0 <sc/> <pc> <mrk> <sm/>
  closing,     // 1.2 <ept> <ex/> </g> </mrk>, <it pos="close">; 2.0 <ec/> </pc> </mrk> <em/>
};

// An attribute of a code as written (ctype, equiv-text, disp, mtype, canCopy...).
struct Attribute {
  std::string name;
  std::string value;
  bool operator==(const Attribute&) const = default;
};

// An inline code. <g>, <pc> and <mrk> hold text: each is an opening code, the
// parts inside, and a closing code with the same element and id.
struct Code {
  CodeKind kind = CodeKind::standalone;
  std::string element;  // as written: "ph", "x", "bpt", "ept", "it", "g", "bx", "ex", "mrk", "pc", "sc", "ec", "sm", "em", "cp"
  std::string id;       // id (a 1.2 <ept>'s or <ex/>'s rid or id; a 2.0 <ec/>'s or <em/>'s startRef)
  bool isolated = false;  // 1.2 <it>, 2.0 <sc/>/<ec/> isolated="yes": its partner is in another segment
  std::string data;     // the native code: the text inside 1.2 <ph> <bpt> <ept> <it>, or 2.0 <originalData>
  std::vector<Attribute> attributes;  // every other attribute, in the file's order
  bool operator==(const Code&) const = default;
  // True for markers (<mrk>, <sm/>/<em/>): annotations of text, not codes of the original format.
  bool is_marker() const;
};

// A piece of inline content: text, or a code.
struct Part {
  std::string text;         // when !code
  std::optional<Code> code;
  bool operator==(const Part&) const = default;
};
using Content = std::vector<Part>;

Part text_part(std::string text);
Part code_part(Code code);

// What a translator reads: the text, codes dropped (the text inside <g>,
// <pc> and <mrk> kept).
std::string plain_text(const Content& content);

// The state of a translation, both versions' vocabularies (and Trados'
// confirmation levels) on one scale.
enum class State {
  unspecified,        // no state given
  initial,            // 1.2 new, 2.0 initial
  needs_translation,  // 1.2 needs-translation, needs-adaptation, needs-l10n
  needs_review,       // 1.2 needs-review-translation/-adaptation/-l10n; sdl Draft, Rejected*
  translated,         // 1.2 and 2.0 translated; sdl Translated
  reviewed,           // 2.0 reviewed; sdl ApprovedTranslation
  signed_off,         // 1.2 signed-off; sdl ApprovedSignOff
  final_state,        // 1.2 and 2.0 final
};
std::string_view to_string(State state);  // "unspecified", "initial", "needs-translation", ...

// A note: 1.2 from/priority/annotates, 2.0 category/priority/appliesTo.
struct Note {
  std::string text;
  std::string from;        // 1.2
  std::string category;    // 2.0
  std::string applies_to;  // "source", "target" or "" (1.2 annotates="general")
  int priority = 0;        // 1-10; 0 when not given
  bool operator==(const Note&) const = default;
};

// A match candidate: 1.2 <alt-trans>, 2.0 <mtc:match>.
struct Candidate {
  Content source;           // may be empty in 1.2
  Content target;
  std::string match_quality;  // 1.2 match-quality, 2.0 matchQuality, as written ("87")
  std::string similarity;     // 2.0 similarity
  std::string origin;
  std::string type;           // 1.2 alttranstype, 2.0 type ("tm", "mt", ...)
  bool operator==(const Candidate&) const = default;
};

// One segment to translate. A 1.2 <trans-unit> or 2.0 <unit> holding several
// segments (1.2 <seg-source> with <mrk mtype="seg">, as .sdlxliff writes it;
// several 2.0 <segment>s) gives one Unit per segment, all with the
// container's id and each with its segment_id (1.2 mid, 2.0 segment id).
struct Unit {
  std::string id;
  std::string segment_id;   // "" for a container of one segment
  Content source;
  std::optional<Content> target;
  State state = State::unspecified;
  std::string state_raw;    // the value as written when the canonical name of `state` is not it ("needs-l10n", "Draft")
  std::string state_qualifier;  // 1.2 state-qualifier ("exact-match", "leveraged-tm", ...)
  std::string sub_state;        // 2.0 subState ("my:state")
  bool translate = true;
  std::vector<Note> notes;
  std::vector<Candidate> candidates;
  int line = 0;             // where the unit (or its segment) starts in the file, 1-based; not compared
  int column = 0;
  bool operator==(const Unit& other) const;
};

// A paragraph: 1.2 and 2.0 <group>. Nested groups are read flattened, each
// holding the units directly inside it; units outside any group form a
// group with an empty id (written without a <group> element).
// True when the unit holds a translation worth keeping: a target with text
// (not white space alone) whose state is not initial or needs-translation.
// No state counts as translated; needs-review counts too.
bool has_translation(const Unit& unit);

struct Group {
  std::string id;
  std::vector<Note> notes;
  std::vector<Unit> units;
  bool operator==(const Group&) const = default;
};

// Metadata of our own (article id, English revision, ...): 1.2
// <reference><internal-file form="x-edsync:TYPE">, 2.0 <mda:meta type> in
// <mda:metaGroup category="edsync">.
struct Meta {
  std::string type;
  std::string value;
  bool operator==(const Meta&) const = default;
};

struct File {
  std::string id;        // 2.0 id (written "f1", "f2"... when empty)
  std::string original;  // the file translated
  std::string datatype;  // 1.2 (written "plaintext" when empty)
  std::string tool;      // 1.2 <tool tool-name>, 2.0 meta "tool"
  std::vector<Meta> metadata;
  std::vector<Note> notes;
  std::vector<Group> groups;
  bool operator==(const File&) const = default;
};

enum class Version { v1_2, v2_0 };

struct Document {
  Version version = Version::v2_0;
  bool sdlxliff = false;     // read from Trados Studio's flavour (the SDL namespace is declared)
  std::string source_lang;   // 1.2 source-language, 2.0 srcLang
  std::string target_lang;   // 1.2 target-language, 2.0 trgLang; "" when not given
  std::vector<File> files;
  bool operator==(const Document&) const = default;
  // Every unit of every file and group, in document order.
  std::vector<const Unit*> units() const;
};

struct ReadOptions {
  // When given, a unit that cannot be read (no id, broken codes, ...) is
  // listed here and left out; otherwise it is the error.
  std::vector<Diagnostic>* invalid_units = nullptr;
};

// Reads an XLIFF 1.2 or 2.0 document, picking the version from the root's
// namespace and version. Every error is "name:line:column: what is wrong":
// not XML, a DOCTYPE declaring entities (never expanded), characters XML
// cannot hold, a wrong or missing namespace, an unknown version, a missing
// required attribute or element, inline codes unbalanced or out of order.
// Any encoding the XML declaration or a byte order mark names is decoded;
// UTF-16 without a mark is read from its first '<'.
Result<Document> read(std::string bytes, const std::string& name, const ReadOptions& options = {});
Result<Document> read_file(const std::filesystem::path& path, const std::string& name, const ReadOptions& options = {});

// True when `bytes` (the start of a file) look like XLIFF rather than TMX or
// anything else: the root element is <xliff>. Used to pick a reader.
bool looks_like_xliff(std::string_view head);

// Writes `document` as `version` (1.2 strict, or 2.0 with the mtc and mda
// modules): UTF-8, LF, two-space indentation, the same bytes for the same
// document. Consecutive units with the same id become one container with a
// segment each. Errors (bad_input) name the unit: an id missing or not
// usable in that version, codes unbalanced.
Result<std::string> write(const Document& document, Version version);

}  // namespace edsync::xliff
