// How the store keeps the TMX form of a unit (attributes, props and notes as
// JSON, in the file's order) and how units merge. Private to the tm module.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "edsync/tm.h"
#include "edsync/tmx.h"

namespace edsync::tm {

// The value of an attribute, "" when absent (tmx::attribute without linking
// the reader: the store needs only the data model).
std::string attribute_value(const std::vector<tmx::Attribute>& attributes, std::string_view name);

// The canonical source language of a unit: its srclang, else the file's.
std::string source_language(const tmx::Unit& unit, const AddOptions& options);

std::string encode_attributes(const std::vector<tmx::Attribute>& attributes);
std::vector<tmx::Attribute> decode_attributes(std::string_view json);
std::string encode_props(const std::vector<tmx::Prop>& props);
std::vector<tmx::Prop> decode_props(std::string_view json);
std::string encode_notes(const std::vector<tmx::Note>& notes);
std::vector<tmx::Note> decode_notes(std::string_view json);

// The attributes of a unit seen twice: the earliest creationdate, the latest
// changedate and lastusagedate (with the changeid that goes with the later
// change), the higher usagecount, and every other attribute of `existing`
// plus those only `incoming` has. Merging the same unit again changes nothing.
std::vector<tmx::Attribute> merge_attributes(const std::vector<tmx::Attribute>& existing,
                                             const std::vector<tmx::Attribute>& incoming);

// `existing` followed by the items of `incoming` it does not already hold.
template <typename T>
std::vector<T> merge_items(std::vector<T> existing, const std::vector<T>& incoming) {
  for (const auto& item : incoming) {
    bool present = false;
    for (const auto& kept : existing) present = present || kept == item;
    if (!present) existing.push_back(item);
  }
  return existing;
}

// The props of a unit seen again: `existing` plus what `incoming` adds,
// except that a prop saying where one alignment put the unit
// (x-edsync-revision, -paragraph, -confidence, -context-before,
// -context-after) is held once, the incoming one replacing the one before
// (re-aligning says where the unit stands now), and the unit keeps the
// origin it was first stored with (an imported unit the aligner finds again
// stays imported: only the aligner's own units are its to prune).
std::vector<tmx::Prop> merge_props(const std::vector<tmx::Prop>& existing, const std::vector<tmx::Prop>& incoming);

// Props that keep a language tag as the file wrote it where the export
// writes the canonical one: on a <tuv> for its xml:lang, on a <tu> for its
// srclang.
inline constexpr std::string_view kWrittenLangProp = "x-edsync-lang";
inline constexpr std::string_view kWrittenSrclangProp = "x-edsync-srclang";

// The unit as export writes it: the canonical tags CAT tools match ("arb" ->
// "ar", "EN-us" -> "en-US") in xml:lang and srclang, with the tag as written
// in an x-edsync-lang (x-edsync-srclang) prop where it differs. `canonical`
// holds each variant's canonical tag and `source_lang` the unit's, as the
// store keeps them (parsing tags again for every unit would be slow).
void write_canonical_languages(tmx::Unit& unit, const std::vector<std::string>& canonical, std::string_view source_lang);
// The inverse, for a unit taken in: a prop whose tag is the same language as
// the attribute gives the attribute back its written form and goes; a prop
// that no longer agrees (the tag was edited by hand) just goes.
void restore_written_languages(tmx::Unit& unit);

// The prop by which a unit in an export or in tm/ names its import source
// (ImportSource::tag); a header lists each source in one, "tag <header...>".
inline constexpr std::string_view kSourceProp = "x-edsync-source";
bool is_source_prop(const tmx::Prop& prop);
tmx::Prop source_prop(std::string text);

// Provenance as the unit's x-edsync-* props say; imported when they say nothing.
Provenance provenance_of(const tmx::Unit& unit);
// Where the unit stood, as its x-edsync-edition, -paragraph and -context-*
// props say.
UnitContext context_of(const std::vector<tmx::Prop>& props);
// Replaces the unit's x-edsync-* props with `provenance` (empty fields left out,
// origin imported left out).
void set_provenance(tmx::Unit& unit, const Provenance& provenance);

}  // namespace edsync::tm
