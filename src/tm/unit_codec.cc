#include "unit_codec.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "edsync/language.h"

namespace edsync::tm {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kOriginProp = "x-edsync-origin";
constexpr std::string_view kArticleProp = "x-edsync-article";
constexpr std::string_view kRevisionProp = "x-edsync-revision";

Json attributes_json(const std::vector<tmx::Attribute>& attributes) {
  Json list = Json::array();
  for (const auto& attribute : attributes) list.push_back(Json::array({attribute.name, attribute.value}));
  return list;
}

std::vector<tmx::Attribute> attributes_from(const Json& list) {
  std::vector<tmx::Attribute> attributes;
  for (const auto& pair : list) attributes.push_back({pair.at(0).get<std::string>(), pair.at(1).get<std::string>()});
  return attributes;
}

template <typename T>
std::string encode_items(const std::vector<T>& items) {
  if (items.empty()) return "[]";
  Json list = Json::array();
  for (const auto& item : items) list.push_back(Json::array({attributes_json(item.attributes), item.text}));
  return list.dump();
}

template <typename T>
std::vector<T> decode_items(std::string_view json) {
  std::vector<T> items;
  if (json.empty() || json == "[]") return items;
  for (const auto& pair : Json::parse(json)) items.push_back({attributes_from(pair.at(0)), pair.at(1).get<std::string>()});
  return items;
}

tmx::Attribute* find(std::vector<tmx::Attribute>& attributes, std::string_view name) {
  for (auto& attribute : attributes)
    if (attribute.name == name) return &attribute;
  return nullptr;
}

long long number(std::string_view text) {
  long long value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// A paragraph prop as written by the aligner; -1 for anything else.
int paragraph_number(std::string_view text) {
  int value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value >= 0 ? value : -1;
}

std::string prop_text(const tmx::Unit& unit, std::string_view type) {
  for (const auto& prop : unit.props)
    if (attribute_value(prop.attributes, "type") == type) return prop.text;
  return "";
}

// `tag` becomes `canonical`; the written form is kept in `props` under
// `type` (nothing when they are the same).
void canonicalise(std::string& tag, const std::string& canonical, std::vector<tmx::Prop>& props, std::string_view type) {
  if (canonical == tag) return;
  props.push_back({{{"type", std::string(type)}}, tag});
  tag = canonical;
}

// Only a unit that carries such a prop pays for parsing tags.
void restore(std::string& tag, std::vector<tmx::Prop>& props, std::string_view type) {
  std::erase_if(props, [&](const tmx::Prop& prop) {
    if (prop.attributes.size() != 1 || attribute_value(prop.attributes, "type") != type) return false;
    const auto canonical = canonical_language(tag);
    if (canonical && canonical_language(prop.text) == canonical) tag = prop.text;
    return true;
  });
}

tmx::Attribute* srclang_of(tmx::Unit& unit) {
  tmx::Attribute* srclang = find(unit.attributes, "srclang");
  return srclang && srclang->value != kAllLanguages ? srclang : nullptr;
}

}  // namespace

void write_canonical_languages(tmx::Unit& unit, const std::vector<std::string>& canonical, std::string_view source_lang) {
  if (tmx::Attribute* srclang = srclang_of(unit); srclang && srclang->value != source_lang) {
    if (const auto tag = canonical_language(srclang->value)) canonicalise(srclang->value, *tag, unit.props, kWrittenSrclangProp);
  }
  for (std::size_t i = 0; i < unit.variants.size() && i < canonical.size(); ++i)
    canonicalise(unit.variants[i].lang, canonical[i], unit.variants[i].props, kWrittenLangProp);
}

void restore_written_languages(tmx::Unit& unit) {
  std::string ignored;
  tmx::Attribute* srclang = srclang_of(unit);
  restore(srclang ? srclang->value : ignored, unit.props, kWrittenSrclangProp);
  for (auto& variant : unit.variants) restore(variant.lang, variant.props, kWrittenLangProp);
}

std::string attribute_value(const std::vector<tmx::Attribute>& attributes, std::string_view name) {
  for (const auto& attribute : attributes)
    if (attribute.name == name) return attribute.value;
  return "";
}

std::string source_language(const tmx::Unit& unit, const AddOptions& options) {
  const std::string declared = attribute_value(unit.attributes, "srclang");
  if (!declared.empty() && declared != kAllLanguages) {
    if (auto canonical = canonical_language(declared)) return *canonical;
  }
  return canonical_language(options.default_source_lang).value_or("en");
}

std::string encode_attributes(const std::vector<tmx::Attribute>& attributes) {
  return attributes.empty() ? "[]" : attributes_json(attributes).dump();
}

std::vector<tmx::Attribute> decode_attributes(std::string_view json) {
  if (json.empty() || json == "[]") return {};
  return attributes_from(Json::parse(json));
}

std::string encode_props(const std::vector<tmx::Prop>& props) { return encode_items(props); }
std::vector<tmx::Prop> decode_props(std::string_view json) { return decode_items<tmx::Prop>(json); }
std::string encode_notes(const std::vector<tmx::Note>& notes) { return encode_items(notes); }
std::vector<tmx::Note> decode_notes(std::string_view json) { return decode_items<tmx::Note>(json); }

std::vector<tmx::Attribute> merge_attributes(const std::vector<tmx::Attribute>& existing,
                                             const std::vector<tmx::Attribute>& incoming) {
  std::vector<tmx::Attribute> merged = existing;
  const std::string old_change = attribute_value(existing, "changedate");
  const std::string new_change = attribute_value(incoming, "changedate");
  const bool incoming_is_newer = new_change > old_change;
  for (const auto& attribute : incoming) {
    tmx::Attribute* kept = find(merged, attribute.name);
    if (!kept) {
      merged.push_back(attribute);
      continue;
    }
    const std::string& name = attribute.name;
    if (name == "creationdate") kept->value = std::min(kept->value, attribute.value);
    else if (name == "changedate" || name == "lastusagedate") kept->value = std::max(kept->value, attribute.value);
    else if (name == "usagecount" && number(attribute.value) > number(kept->value)) kept->value = attribute.value;
    else if (name == "changeid" && incoming_is_newer) kept->value = attribute.value;
  }
  return merged;
}

bool is_source_prop(const tmx::Prop& prop) {
  return prop.attributes.size() == 1 && prop.attributes[0].name == "type" && prop.attributes[0].value == kSourceProp;
}

tmx::Prop source_prop(std::string text) { return {{{"type", std::string(kSourceProp)}}, std::move(text)}; }

std::vector<tmx::Prop> merge_props(const std::vector<tmx::Prop>& existing, const std::vector<tmx::Prop>& incoming) {
  static constexpr std::array<std::string_view, 5> kOnce = {kRevisionProp, "x-edsync-paragraph", "x-edsync-confidence",
                                                           "x-edsync-context-before", "x-edsync-context-after"};
  std::vector<tmx::Prop> merged = existing;
  const auto find_type = [&merged](std::string_view type) {
    return std::find_if(merged.begin(), merged.end(),
                        [type](const tmx::Prop& prop) { return attribute_value(prop.attributes, "type") == type; });
  };
  for (const auto& prop : incoming) {
    const std::string type = attribute_value(prop.attributes, "type");
    if (type == kOriginProp) continue;  // the first origin stays
    const auto kept = find_type(type);
    if (kept != merged.end() && std::find(kOnce.begin(), kOnce.end(), type) != kOnce.end()) *kept = prop;
    else if (std::find(merged.begin(), merged.end(), prop) == merged.end()) merged.push_back(prop);
  }
  return merged;
}

Provenance provenance_of(const tmx::Unit& unit) {
  Provenance provenance;
  const std::string origin = prop_text(unit, kOriginProp);
  if (origin == "aligned") provenance.origin = Origin::aligned;
  else if (origin == "translated") provenance.origin = Origin::translated;
  provenance.article_id = prop_text(unit, kArticleProp);
  provenance.article_revision = prop_text(unit, kRevisionProp);
  return provenance;
}

UnitContext context_of(const std::vector<tmx::Prop>& props) {
  UnitContext context;
  for (const auto& prop : props) {
    const std::string type = attribute_value(prop.attributes, "type");
    if (type == "x-edsync-edition") context.edition = prop.text;
    else if (type == "x-edsync-context-before") context.before = prop.text;
    else if (type == "x-edsync-context-after") context.after = prop.text;
    else if (type == "x-edsync-paragraph") context.paragraph = paragraph_number(prop.text);
  }
  return context;
}

void set_provenance(tmx::Unit& unit, const Provenance& provenance) {
  std::erase_if(unit.props, [](const tmx::Prop& prop) {
    const std::string type = attribute_value(prop.attributes, "type");
    return type == kOriginProp || type == kArticleProp || type == kRevisionProp;
  });
  const auto add = [&unit](std::string_view type, std::string_view text) {
    if (!text.empty()) unit.props.push_back({{{"type", std::string(type)}}, std::string(text)});
  };
  if (provenance.origin != Origin::imported) add(kOriginProp, to_string(provenance.origin));
  add(kArticleProp, provenance.article_id);
  add(kRevisionProp, provenance.article_revision);
}

}  // namespace edsync::tm
