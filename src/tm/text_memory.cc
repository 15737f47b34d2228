// The memory as canonical TMX files under tm/ and the index built from them.
#include <unistd.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "edsync/file_io.h"
#include "edsync/language.h"
#include "edsync/revision.h"
#include "edsync/tm_text.h"
#include "edsync/tmx.h"
#include "text_staging.h"
#include "text_stamps.h"
#include "unit_codec.h"

namespace edsync::tm {

namespace fs = std::filesystem;

namespace {

// One file's share of a unit.
struct Part {
  std::string file;
  tmx::Unit unit;
  std::string sort_key;
};

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

// English text, then the other texts, then everything: a total order that
// does not depend on database ids.
std::string sort_key_of(const tmx::Unit& unit, std::string_view source_lang) {
  std::string source, targets, rest = unit_head(unit);
  for (const auto& variant : unit.variants) {
    (in_language(variant, source_lang) ? source : targets) += variant.text + '\x1f';
    rest += '\x1e' + variant_line(variant);
  }
  return source + '\x1d' + targets + '\x1d' + rest;
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

Result<std::string> write_file_text(const TextLayout& layout, std::vector<Part>& parts) {
  std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.sort_key < b.sort_key; });
  std::ostringstream out;
  tmx::Writer writer(out);
  if (Status written = writer.write_header(text_header(layout)); !written) return written.error();
  for (const auto& part : parts)
    if (Status written = writer.write(part.unit); !written) return written.error();
  if (Status finished = writer.finish(); !finished) return finished.error();
  return out.str();
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

std::string fingerprint_line(const std::string& name, std::string_view bytes) {
  return name + ' ' + sha256_hex(bytes) + '\n';
}

Result<std::map<std::string, std::string>> read_text_files(const fs::path& dir) {
  const auto names = text_files(dir);
  if (!names) return names.error();
  std::map<std::string, std::string> files;
  for (const auto& name : *names) {
    auto bytes = read_file(dir / name);
    if (!bytes) return bytes.error();
    files.emplace(name, std::move(*bytes));
  }
  return files;
}

std::string display_name(const fs::path& dir, const std::string& name) {
  return (dir.filename() / name).generic_string();
}

// Parts of split units wait here until every file is read.
struct PendingPart {
  tmx::Unit unit;
  AddOptions options;
};

class TextLoader {
 public:
  TextLoader(Store& store, const fs::path& dir) : store_(store), dir_(dir) {}

  Status load(const std::string& name, std::string bytes) {
    const std::string shown = display_name(dir_, name);
    auto reader = tmx::Reader::from_bytes(std::move(bytes), shown);
    if (!reader) return reader.error();
    AddOptions options;
    const std::string srclang = tmx::attribute(reader->header().attributes, "srclang");
    if (!srclang.empty() && srclang != kAllLanguages) options.default_source_lang = srclang;
    tmx::Unit unit;
    while (true) {
      const auto more = reader->next(unit);
      if (!more) return more.error();
      if (!*more) return success();
      if (Status kept = keep(unit, options, shown); !kept) return kept;
    }
  }

  // Adds the split units, joined.
  Status finish() {
    for (const auto& key : order_) {
      const auto& parts = pending_[key];
      if (Status added = add(join(parts), parts.front().options, ""); !added) return added;
    }
    return success();
  }

 private:
  Status keep(const tmx::Unit& unit, const AddOptions& options, const std::string& shown) {
    const std::string label = part_label(unit);
    if (label.empty()) return add(unit, options, shown);
    // The label and the source variants: an English edited by hand in one
    // file splits that part off rather than joining different sentences.
    std::string key = label;
    for (const auto& variant : unit.variants)
      if (in_language(variant, options.default_source_lang)) key += '\x1e' + variant.lang + '\x1f' + variant.content;
    auto [slot, inserted] = pending_.try_emplace(key);
    if (inserted) order_.push_back(key);
    slot->second.push_back({unit, options});
    return success();
  }

  Status add(const tmx::Unit& unit, const AddOptions& options, const std::string& shown) {
    const auto added = store_.add(unit, options);
    if (added) return success();
    if (added.error().kind == ErrorKind::bad_input && !shown.empty()) return input_error(shown + ":" + added.error().message);
    return added.error();
  }

  static tmx::Unit join(const std::vector<PendingPart>& parts) {
    const std::string& source_lang = parts.front().options.default_source_lang;
    tmx::Unit joined = parts.front().unit;
    std::erase_if(joined.props, is_part_label);
    std::erase_if(joined.variants, [&](const tmx::Variant& variant) { return !in_language(variant, source_lang); });
    for (const auto& part : parts)
      for (const auto& variant : part.unit.variants)
        if (!in_language(variant, source_lang)) joined.variants.push_back(variant);
    joined.line = 0;
    return joined;
  }

  Store& store_;
  fs::path dir_;
  std::map<std::string, std::vector<PendingPart>> pending_;
  std::vector<std::string> order_;
};

// The memory as the files `only` (all when null) should hold.
Result<std::map<std::string, std::string>> render_files(Store& store, const TextLayout& layout,
                                                        const std::set<std::string>* only) {
  std::map<std::string, std::vector<Part>> by_file;
  const Status read = store.for_each_unit([&](const StoredUnit& stored) -> Status {
    for (auto& part : parts_of(stored, layout))
      if (!only || only->contains(part.file)) by_file[part.file].push_back(std::move(part));
    return success();
  });
  if (!read) return read.error();
  std::map<std::string, std::string> files;
  for (auto& [name, parts] : by_file) {
    auto text = write_file_text(layout, parts);
    if (!text) return text.error();
    files.emplace(name, std::move(*text));
  }
  return files;
}

// The files a unit taken in by an import lands in.
std::set<std::string> files_of(const tmx::Unit& unit, const AddOptions& options, const TextLayout& layout) {
  std::string declared = attribute_value(unit.attributes, "srclang");
  if (declared.empty() || declared == kAllLanguages) declared = options.default_source_lang;
  const StoredUnit stored{0, canonical_language(declared).value_or(layout.source_lang), {}, unit};
  std::set<std::string> files;
  for (const auto& part : parts_of(stored, layout)) files.insert(part.file);
  return files;
}

// Puts tm/ back as `previous` held it, as one step.
void restore_text(const fs::path& dir, const std::map<std::string, std::string>& previous) {
  const auto now = read_text_files(dir);
  if (!now) return;
  detail::TextChanges changes;
  for (const auto& [name, bytes] : *now) {
    const auto old = previous.find(name);
    if (old == previous.end()) changes.emplace(name, std::nullopt);
    else if (old->second != bytes) changes.emplace(name, old->second);
  }
  for (const auto& [name, bytes] : previous)
    if (!now->contains(name)) changes.emplace(name, bytes);
  (void)detail::apply_text_changes(dir, changes);
}

// Rewrites the files `only` (all when null) as one step, deletes those left
// without units, and records the fingerprint of every file.
Result<std::vector<std::string>> write_files(Store& store, const TextLayout& layout, const std::set<std::string>* only,
                                             const std::function<void(const std::string&)>& after_each) {
  const auto rendered = render_files(store, layout, only);
  if (!rendered) return rendered.error();
  const auto existing = read_text_files(layout.dir);
  if (!existing) return existing.error();
  std::error_code error;
  fs::create_directories(layout.dir, error);
  if (error) return io_error(layout.dir.string() + ": cannot create the folder: " + error.message());
  detail::TextChanges changes;
  std::map<std::string, std::string_view> after;
  for (const auto& [name, bytes] : *existing) after.emplace(name, bytes);
  for (const auto& [name, bytes] : *rendered) {
    after[name] = bytes;
    const auto old = existing->find(name);
    if (old == existing->end() || old->second != bytes) changes.emplace(name, bytes);
  }
  for (const auto& [name, bytes] : *existing) {
    if (rendered->contains(name) || (only && !only->contains(name))) continue;
    changes.emplace(name, std::nullopt);
    after.erase(name);
  }
  if (Status applied = detail::apply_text_changes(layout.dir, changes, after_each); !applied) return applied.error();
  std::string fingerprint;
  for (const auto& [name, bytes] : after) fingerprint += fingerprint_line(name, bytes);
  if (Status recorded = store.set_setting(kTextFingerprintKey, fingerprint); !recorded) return recorded.error();
  std::vector<std::string> changed;
  for (const auto& [name, bytes] : changes) changed.push_back(name);
  return changed;
}

// An import stopped while it renamed its files into tm/ is finished first,
// under the memory's write lock, so that no running import is disturbed.
Status settle_interrupted_import(Store& store, const fs::path& dir) {
  if (!fs::exists(detail::staging_folder(dir))) return success();
  return store.transaction([&]() -> Status {
    const auto settled = detail::settle_staged_changes(dir);
    return settled ? success() : Status(settled.error());
  });
}

void remove_database_files(const fs::path& db_path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(fs::path(db_path.string() + suffix), ignored);
}

}  // namespace

Result<std::map<std::string, std::string>> render_text(Store& store, const TextLayout& layout) {
  return render_files(store, layout, nullptr);
}

Result<std::string> text_fingerprint(const fs::path& dir) {
  const auto files = read_text_files(dir);
  if (!files) return files.error();
  std::string fingerprint;
  for (const auto& [name, bytes] : *files) fingerprint += fingerprint_line(name, bytes);
  return fingerprint;
}

Result<std::int64_t> load_text(Store& store, const fs::path& dir) {
  auto files = read_text_files(dir);
  if (!files) return files.error();
  const Status loaded = store.transaction([&]() -> Status {
    TextLoader loader(store, dir);
    std::string fingerprint;
    for (auto& [name, bytes] : *files) {
      fingerprint += fingerprint_line(name, bytes);
      if (Status done = loader.load(name, std::move(bytes)); !done) return done;
    }
    if (Status done = loader.finish(); !done) return done;
    return store.set_setting(kTextFingerprintKey, fingerprint);
  });
  if (!loaded) return loaded.error();
  return store.unit_count();
}

Result<std::vector<std::string>> write_text(Store& store, const TextLayout& layout) {
  return write_files(store, layout, nullptr, {});
}

Result<std::int64_t> rebuild_index(const fs::path& db_path, const fs::path& dir) {
  const fs::path fresh = db_path.string() + ".rebuild-" + std::to_string(::getpid());
  remove_database_files(fresh);
  Result<std::int64_t> units = std::int64_t{0};
  {
    auto store = Store::open(fresh);
    if (!store) return store.error();
    units = load_text(*store, dir);
  }  // closed: SQLite folds the WAL into the file and deletes it
  if (!units) {
    remove_database_files(fresh);
    return units.error();
  }
  // The old database's WAL must not be replayed onto the new file.
  remove_database_files(db_path);
  std::error_code error;
  fs::rename(fresh, db_path, error);
  if (error) {
    remove_database_files(fresh);
    return io_error(db_path.string() + ": cannot replace the index: " + error.message());
  }
  return units;
}

namespace {

constexpr std::string_view kTextStampsKey = "text_stamps";

// Whether tm/ holds what the index recorded, reading only the files whose
// stamps changed; keeps the stamps for the next run.
Result<bool> matches_recorded(Store& store, const fs::path& dir, const std::optional<std::string>& recorded) {
  const auto names = text_files(dir);
  if (!names) return names.error();
  const auto known = store.setting(kTextStampsKey);
  if (!known) return known.error();
  const auto current = detail::fingerprint_text(dir, *names, known->value_or(""), detail::now_in_nanoseconds());
  if (!current) return current.error();
  if (!recorded || *recorded != current->hashes) return false;
  // Only saves reading the files next time: a read-only index just reads them again.
  if (*known != current->stamps) (void)store.set_setting(kTextStampsKey, current->stamps);
  return true;
}

}  // namespace

Result<IndexSync> sync_index(const fs::path& db_path, const TextLayout& layout) {
  if (fs::exists(db_path)) {
    auto store = Store::open(db_path);
    if (!store) return store.error();
    if (Status settled = settle_interrupted_import(*store, layout.dir); !settled) return settled.error();
    const auto recorded = store->setting(kTextFingerprintKey);
    if (!recorded) return recorded.error();
    const auto unchanged = matches_recorded(*store, layout.dir, *recorded);
    if (!unchanged) return unchanged.error();
    if (*unchanged) return IndexSync{};
    const auto units = store->unit_count();
    if (!units) return units.error();
    if (!*recorded && *units > 0) {
      // A memory from before tm/ was text: keep its units and the files' both.
      const Status adopted = store->transaction([&]() -> Status {
        if (auto loaded = load_text(*store, layout.dir); !loaded) return loaded.error();
        if (auto written = write_text(*store, layout); !written) return written.error();
        return success();
      });
      if (!adopted) return adopted.error();
      const auto count = store->unit_count();
      if (!count) return count.error();
      return IndexSync{IndexSync::Action::adopted, *count};
    }
  }
  const auto units = rebuild_index(db_path, layout.dir);
  if (!units) return units.error();
  return IndexSync{IndexSync::Action::rebuilt, *units};
}

Result<ImportReport> import_tmx_as_text(Store& store, const TextLayout& layout, const fs::path& file,
                                        const ImportOptions& options, const TextImportHooks& hooks) {
  if (Status settled = settle_interrupted_import(store, layout.dir); !settled) return settled.error();
  const auto previous = read_text_files(layout.dir);
  if (!previous) return previous.error();
  ImportReport report;
  bool files_touched = false;
  std::set<std::string> touched;
  ImportOptions watched = options;
  watched.on_unit = [&](const tmx::Unit& unit, const AddOptions& add) {
    touched.merge(files_of(unit, add, layout));
    if (options.on_unit) options.on_unit(unit, add);
  };
  const Status done = store.transaction([&]() -> Status {
    auto imported = import_tmx(store, file, watched);
    if (!imported) return imported.error();
    report = std::move(*imported);
    files_touched = true;
    if (auto written = write_files(store, layout, &touched, hooks.after_file_replaced); !written) return written.error();
    if (hooks.before_commit) return hooks.before_commit();
    return success();
  });
  if (!done) {
    if (files_touched) restore_text(layout.dir, *previous);
    return done.error();
  }
  return report;
}

}  // namespace edsync::tm
