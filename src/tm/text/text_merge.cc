// Three-way merge of one tm/*.tmx file, for git's merge driver: the units of
// the three versions matched by what they are, the result rendered as the
// memory renders the file, so a later write gives the same bytes.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "edsync/language.h"
#include "edsync/tm_text.h"
#include "sources.h"
#include "text_parts.h"
#include "text_writer.h"
#include "unit_codec.h"

namespace edsync::tm {

namespace {

struct Version {
  std::string name;
  tmx::Header header;
  std::vector<tmx::Unit> units;
};

Result<Version> read_version(const TextVersion& version) {
  Version read{version.name, {}, {}};
  if (version.bytes.empty()) return read;  // a file added on both sides has no ancestor
  auto reader = tmx::Reader::from_bytes(version.bytes, version.name);
  if (!reader) return reader.error();
  read.header = reader->header();
  tmx::Unit unit;
  while (true) {
    const auto more = reader->next(unit);
    if (!more) return more.error();
    if (!*more) return read;
    read.units.push_back(unit);
  }
}

// What a unit is, whatever its dates and props: its variants as the store
// tells units apart (canonical language and content, in any order) and the
// label that ties it to its other parts.
std::string key_of(const tmx::Unit& unit) {
  std::vector<std::string> variants;
  for (const auto& variant : unit.variants)
    variants.push_back(canonical_language(variant.lang).value_or(variant.lang) + '\x1f' + variant.content);
  std::sort(variants.begin(), variants.end());
  std::string key = detail::part_label(unit);
  for (const auto& variant : variants) key += '\x1e' + variant;
  return key;
}

// One unit's versions: the ancestor's, ours, theirs (a hand-edited file may
// hold a unit twice), each with its markup, which decides what changed.
struct Slot {
  std::array<std::vector<tmx::Unit>, 3> units;
  std::array<std::string, 3> markup;
};

enum class Pick { ours, theirs, both };

Pick pick(const Slot& slot) {
  const auto& [ancestor, ours, theirs] = slot.markup;
  if (ours == theirs || ancestor == theirs) return Pick::ours;
  if (ancestor == ours) return Pick::theirs;
  // Removed on one side, changed on the other: the change stays.
  if (ours.empty()) return Pick::theirs;
  if (theirs.empty()) return Pick::ours;
  return Pick::both;
}

// Both sides' versions of one unit as the memory merges a unit imported
// twice, in the form a file holds it (its label kept).
Result<std::vector<tmx::Unit>> combined(const Slot& slot, const std::vector<Version>& versions,
                                        const std::string& source_lang) {
  auto store = Store::open(":memory:");
  if (!store) return store.error();
  for (const auto& version : versions)
    if (Status listed = register_listed_sources(*store, version.header, version.name); !listed) return listed.error();
  AddOptions options;
  options.default_source_lang = source_lang;
  for (const std::size_t side : {1u, 2u})
    for (const auto& unit : slot.units[side])
      if (auto added = store->add(unit, options); !added) return added.error();
  const std::string label = detail::part_label(slot.units[1].front());
  TextLayout whole;  // no edition files: each unit comes back as one part
  whole.source_lang = source_lang;
  std::vector<tmx::Unit> units;
  const Status listed = store->for_each_unit([&](const StoredUnit& stored) -> Status {
    for (auto& part : detail::parts_of(stored, whole)) {
      if (!label.empty()) part.unit.props.push_back({{{"type", std::string(kUnitPartProp)}}, label});
      units.push_back(std::move(part.unit));
    }
    return success();
  });
  if (!listed) return listed.error();
  return units;
}

std::string source_lang_of(const std::vector<Version>& versions) {
  for (const std::size_t side : {1u, 2u, 0u}) {
    const std::string srclang = tmx::attribute(versions[side].header.attributes, "srclang");
    if (!srclang.empty()) return srclang;
  }
  return "en";
}

// The fixed header, listing the import sources the merged units name.
Result<tmx::Header> merged_header(const std::vector<Version>& versions, const std::vector<tmx::Unit>& units,
                                  const std::string& source_lang) {
  std::map<std::string, ImportSource> listed;  // by tag, as the store lists them
  for (const auto& version : versions) {
    auto sources = listed_sources(version.header, version.name);
    if (!sources) return sources.error();
    for (auto& source : *sources) listed.emplace(source.tag, std::move(source));
  }
  std::set<std::string> named;
  for (const auto& unit : units)
    for (const auto& prop : unit.props)
      if (is_source_prop(prop)) named.insert(prop.text);
  std::vector<ImportSource> sources;
  for (auto& [tag, source] : listed)
    if (named.contains(tag)) sources.push_back(std::move(source));
  TextLayout layout;
  layout.source_lang = source_lang;
  return listing_header(detail::text_header(layout), sources);
}

Result<std::map<std::string, Slot>> slots_of(const std::vector<Version>& versions) {
  std::map<std::string, Slot> slots;
  for (std::size_t side = 0; side < versions.size(); ++side) {
    for (const auto& unit : versions[side].units) {
      auto markup = tmx::unit_markup(unit);
      if (!markup) return markup.error();
      Slot& slot = slots[key_of(unit)];
      slot.units[side].push_back(unit);
      slot.markup[side] += *markup;
    }
  }
  return slots;
}

}  // namespace

Result<TextMerge> merge_text_file(const TextVersion& ancestor, const TextVersion& ours, const TextVersion& theirs) {
  std::vector<Version> versions;
  for (const TextVersion* input : {&ancestor, &ours, &theirs}) {
    auto read = read_version(*input);
    if (!read) return read.error();
    versions.push_back(std::move(*read));
  }
  const std::string source_lang = source_lang_of(versions);
  const auto slots = slots_of(versions);
  if (!slots) return slots.error();
  TextMerge merge;
  std::vector<tmx::Unit> units;
  for (const auto& [key, slot] : *slots) {
    const Pick picked = pick(slot);
    if (picked != Pick::both) {
      const auto& side = slot.units[picked == Pick::ours ? 1 : 2];
      units.insert(units.end(), side.begin(), side.end());
      continue;
    }
    auto both = combined(slot, versions, source_lang);
    if (!both) return both.error();
    units.insert(units.end(), both->begin(), both->end());
    ++merge.both_changed;
  }
  const auto header = merged_header(versions, units, source_lang);
  if (!header) return header.error();
  auto text = detail::render_units(units, source_lang, *header);
  if (!text) return text.error();
  merge.text = std::move(*text);
  merge.units = units.size();
  return merge;
}

}  // namespace edsync::tm
