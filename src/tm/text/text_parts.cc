#include "text_parts.h"

#include <algorithm>

#include "edsync/language.h"
#include "edsync/revision.h"
#include "unit_codec.h"

namespace edsync::tm::detail {

namespace fs = std::filesystem;

bool in_language(const tmx::Variant& variant, std::string_view lang) {
  const auto canonical = canonical_language(variant.lang);
  return canonical && language_matches(*canonical, lang);
}

bool is_part_label(const tmx::Prop& prop) { return attribute_value(prop.attributes, "type") == kUnitPartProp; }

std::string part_label(const tmx::Unit& unit) {
  for (const auto& prop : unit.props)
    if (is_part_label(prop)) return prop.text;
  return "";
}

namespace {

std::string variant_line(const tmx::Variant& variant) {
  return variant.lang + '\x1f' + encode_attributes(variant.attributes) + '\x1f' + encode_props(variant.props) + '\x1f' +
         encode_notes(variant.notes) + '\x1f' + variant.content;
}

std::string unit_head(const tmx::Unit& unit) {
  return encode_attributes(unit.attributes) + '\x1f' + encode_props(unit.props) + '\x1f' + encode_notes(unit.notes);
}

// Names the whole unit whatever the order of its variants, so that a unit
// joined again from its parts gets the label it was written with.
std::string label_of(const tmx::Unit& unit) {
  std::vector<std::string> lines;
  for (const auto& variant : unit.variants) lines.push_back(variant_line(variant));
  std::sort(lines.begin(), lines.end());
  std::string all = unit_head(unit);
  for (const auto& line : lines) all += '\x1e' + line;
  return sha256_hex(all).substr(0, 16);
}


Part make_part(std::string file, const tmx::Unit& shell, std::vector<tmx::Variant> variants) {
  Part part{std::move(file), shell, {}};
  part.unit.variants = std::move(variants);
  return part;
}

std::vector<tmx::Variant> concat(std::vector<tmx::Variant> first, const std::vector<tmx::Variant>& second) {
  first.insert(first.end(), second.begin(), second.end());
  return first;
}

// The unit as the files show it: without an old label, with srclang when its
// source is not the files' source language.
tmx::Unit written_form(const StoredUnit& stored, const TextLayout& layout) {
  tmx::Unit unit = stored.unit;
  std::erase_if(unit.props, is_part_label);
  if (primary_language(stored.source_lang) != primary_language(layout.source_lang) &&
      attribute_value(unit.attributes, "srclang").empty())
    unit.attributes.push_back({"srclang", stored.source_lang});
  return unit;
}

}  // namespace

std::string sort_key_of(const tmx::Unit& unit, std::string_view source_lang) {
  std::string source, targets, rest = unit_head(unit);
  for (const auto& variant : unit.variants) {
    (in_language(variant, source_lang) ? source : targets) += variant.text + '\x1f';
    rest += '\x1e' + variant_line(variant);
  }
  return source + '\x1d' + targets + '\x1d' + rest;
}

std::vector<Part> parts_of(const StoredUnit& stored, const TextLayout& layout) {
  const tmx::Unit unit = written_form(stored, layout);
  tmx::Unit shell = unit;
  shell.variants.clear();
  std::vector<tmx::Variant> source, others;
  for (const auto& variant : unit.variants) (in_language(variant, layout.source_lang) ? source : others).push_back(variant);
  std::vector<bool> taken(others.size(), false);
  std::vector<Part> parts;
  for (const auto& lang : layout.languages) {
    if (source.empty()) break;
    std::vector<tmx::Variant> mine;
    for (std::size_t i = 0; i < others.size(); ++i) {
      if (taken[i] || !in_language(others[i], lang)) continue;
      taken[i] = true;
      mine.push_back(others[i]);
    }
    if (!mine.empty()) parts.push_back(make_part(lang + ".tmx", shell, concat(source, mine)));
  }
  std::vector<tmx::Variant> rest;
  for (std::size_t i = 0; i < others.size(); ++i)
    if (!taken[i]) rest.push_back(others[i]);
  if (parts.empty() || !rest.empty()) parts.push_back(make_part(std::string(kOtherTextFile), shell, concat(source, rest)));
  if (parts.size() > 1) {
    const std::string label = label_of(unit);
    for (auto& part : parts) part.unit.props.push_back({{{"type", std::string(kUnitPartProp)}}, label});
  }
  for (auto& part : parts) part.sort_key = sort_key_of(part.unit, layout.source_lang);
  return parts;
}

tmx::Header text_header(const TextLayout& layout) {
  tmx::Header header;
  header.version = "1.4";
  // A fixed version, not the program's: files must not change with upgrades.
  header.attributes = {{"creationtool", "edsync"}, {"creationtoolversion", "text-1"}, {"segtype", "sentence"},
                       {"o-tmf", "edsync"},        {"adminlang", "en"},                {"srclang", layout.source_lang},
                       {"datatype", "plaintext"}};
  return header;
}

// The *.tmx files directly in `dir`, by name.
Result<std::vector<std::string>> text_files(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code error;
  if (!fs::is_directory(dir, error)) return names;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".tmx" && it->is_regular_file(error)) names.push_back(it->path().filename().string());
  }
  if (error) return io_error(dir.string() + ": cannot list the folder: " + error.message());
  std::sort(names.begin(), names.end());
  return names;
}

// The files a unit taken in by an import lands in.
std::set<std::string> files_of(const tmx::Unit& unit, const AddOptions& options, const TextLayout& layout) {
  const StoredUnit stored{0, source_language(unit, options), {}, unit};
  std::set<std::string> files;
  for (const auto& part : parts_of(stored, layout)) files.insert(part.file);
  return files;
}

}  // namespace edsync::tm::detail
