#include "sources.h"

#include <algorithm>

#include "edsync/revision.h"
#include "store_state.h"
#include "unit_codec.h"

namespace edsync::tm {

namespace {

Result<tmx::Header> parse_header_markup(std::string_view markup) {
  auto reader = tmx::Reader::from_bytes("<tmx version=\"1.4\">" + std::string(markup) + "<body/></tmx>", "header");
  if (!reader) return reader.error();
  tmx::Header header = reader->header();
  header.version.clear();
  return header;
}

void set_attribute(std::vector<tmx::Attribute>& attributes, std::string_view name, std::string value) {
  for (auto& attribute : attributes) {
    if (attribute.name == name) {
      attribute.value = std::move(value);
      return;
    }
  }
  attributes.push_back({std::string(name), std::move(value)});
}

// Listed as "tag <header ...>".
Result<tmx::Header> listed_header(const tmx::Prop& prop, const std::string& file) {
  const auto space = prop.text.find(' ');
  auto header = parse_header_markup(space == std::string::npos ? "" : prop.text.substr(space + 1));
  if (!header) {
    return input_error(file + ": <header>: <prop type=\"" + std::string(kSourceProp) +
                       "\"> does not hold a tag and a <header> element (" + header.error().message +
                       "); restore it from git or remove the prop");
  }
  return header;
}

// The tag is recomputed from the markup.
Status register_listed(Store& store, const tmx::Prop& prop, const std::string& file) {
  const auto header = listed_header(prop, file);
  if (!header) return header.error();
  auto id = store.add_source(*header);
  return id ? success() : Status(id.error());
}

// Whether `attributes` has every name of `required` and only names of `allowed`.
bool declared(const std::vector<tmx::Attribute>& attributes, std::initializer_list<std::string_view> required,
              std::initializer_list<std::string_view> allowed) {
  for (const auto name : required)
    if (std::none_of(attributes.begin(), attributes.end(), [&](const auto& a) { return a.name == name; })) return false;
  return std::all_of(attributes.begin(), attributes.end(), [&](const tmx::Attribute& attribute) {
    return std::find(allowed.begin(), allowed.end(), attribute.name) != allowed.end();
  });
}

// What the TMX 1.4b DTD allows in a header. The rest (a <prop> without type,
// say) is still kept, in the source's listing, but not shown as the export's own.
bool fits_dtd(const tmx::Prop& prop) { return declared(prop.attributes, {"type"}, {"type", "xml:lang", "o-encoding"}); }
bool fits_dtd(const tmx::Note& note) { return declared(note.attributes, {}, {"xml:lang", "o-encoding"}); }
bool fits_dtd(const tmx::Ude& ude) {
  return declared(ude.attributes, {"name"}, {"name", "base"}) && !ude.maps.empty() &&
         std::all_of(ude.maps.begin(), ude.maps.end(), [](const auto& map) {
           return declared(map, {"unicode"}, {"unicode", "code", "ent", "subst"});
         });
}

template <typename T>
void add_valid(std::vector<T>& into, const std::vector<T>& items) {
  for (const auto& item : items)
    if (fits_dtd(item) && std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}

}  // namespace

Status register_listed_sources(Store& store, const tmx::Header& header, const std::string& file) {
  for (const auto& prop : header.props) {
    if (!is_source_prop(prop)) continue;
    if (Status registered = register_listed(store, prop, file); !registered) return registered;
  }
  return success();
}

Result<std::vector<ImportSource>> listed_sources(const tmx::Header& header, const std::string& file) {
  std::vector<ImportSource> sources;
  for (const auto& prop : header.props) {
    if (!is_source_prop(prop)) continue;
    auto listed = listed_header(prop, file);
    if (!listed) return listed.error();
    auto markup = tmx::header_markup(*listed);
    if (!markup) return markup.error();
    std::string tag = sha256_hex(*markup).substr(0, 16);
    sources.push_back({std::move(tag), std::move(*markup), std::move(*listed)});
  }
  return sources;
}

Result<std::int64_t> register_sources(Store& store, const tmx::Header& header, const std::string& file) {
  if (std::any_of(header.props.begin(), header.props.end(), is_source_prop)) {
    if (Status listed = register_listed_sources(store, header, file); !listed) return listed.error();
    return std::int64_t{0};
  }
  return store.add_source(header);
}

tmx::Header listing_header(tmx::Header base, const std::vector<ImportSource>& sources) {
  if (sources.empty()) return base;
  std::string datatype = tmx::attribute(sources.front().header.attributes, "datatype");
  for (const auto& source : sources)
    if (tmx::attribute(source.header.attributes, "datatype") != datatype) datatype = "unknown";
  if (!datatype.empty()) set_attribute(base.attributes, "datatype", datatype);
  if (sources.size() == 1) {
    add_valid(base.notes, sources.front().header.notes);
    add_valid(base.props, sources.front().header.props);
  }
  for (const auto& source : sources) base.props.push_back(source_prop(source.tag + ' ' + source.markup));
  for (const auto& source : sources) add_valid(base.udes, source.header.udes);
  return base;
}

Result<std::int64_t> Store::add_source(const tmx::Header& header) {
  tmx::Header kept = header;
  kept.version.clear();
  const auto markup = tmx::header_markup(kept);
  if (!markup) return markup.error();
  const std::string tag = sha256_hex(*markup).substr(0, 16);
  return guarded(state_->path, [&]() -> Result<std::int64_t> {
    auto& insert = state_->db.cached("INSERT INTO sources(tag, header) VALUES(?, ?) ON CONFLICT(tag) DO NOTHING");
    insert.bind(1, tag).bind(2, *markup);
    insert.run();
    auto& find = state_->db.cached("SELECT id FROM sources WHERE tag = ?");
    find.bind(1, tag);
    find.step();
    const std::int64_t id = find.integer(0);
    find.reset();
    return id;
  });
}

Result<std::vector<ImportSource>> Store::sources(std::string_view lang) {
  return guarded(state_->path, [&]() -> Result<std::vector<ImportSource>> {
    // The same test as language_matches: the tag itself or one of its subtags ("fa" holds "fa-IR").
    sql::Statement rows(state_->db.handle(),
                        lang.empty() ? "SELECT tag, header FROM sources WHERE id IN"
                                       " (SELECT source_id FROM units WHERE source_id IS NOT NULL) ORDER BY tag"
                                     : "SELECT tag, header FROM sources WHERE id IN"
                                       " (SELECT u.source_id FROM units u JOIN variants v ON v.unit_id = u.id"
                                       "  WHERE u.source_id IS NOT NULL AND (v.lang = ?1 OR substr(v.lang, 1, length(?1) + 1) = ?1 || '-'))"
                                       " ORDER BY tag");
    if (!lang.empty()) rows.bind(1, lang);
    std::vector<ImportSource> sources;
    while (rows.step()) {
      auto header = parse_header_markup(rows.text(1));
      if (!header) return io_error(state_->path.string() + ": import source " + rows.text(0) + ": " + header.error().message);
      sources.push_back({rows.text(0), rows.text(1), std::move(*header)});
    }
    return sources;
  });
}

}  // namespace edsync::tm
