// TMX in and out of the store: a unit at a time, one transaction per file.
#include <ostream>

#include "edsync/language.h"
#include "edsync/tm.h"
#include "sources.h"

namespace edsync::tm {

namespace {

void count(ImportReport& report, AddOutcome outcome) {
  switch (outcome) {
    case AddOutcome::added: ++report.added; break;
    case AddOutcome::merged: ++report.merged; break;
    case AddOutcome::alternative: ++report.alternatives; break;
  }
}

AddOptions add_options(const tmx::Header& header, const ImportOptions& options) {
  AddOptions add;
  const std::string srclang = tmx::attribute(header.attributes, "srclang");
  if (!srclang.empty() && srclang != kAllLanguages) add.default_source_lang = srclang;
  add.provenance = options.provenance;
  return add;
}

// Reads every unit into the store; stops at the first problem unless skipping.
Status read_units(Store& store, tmx::Reader& reader, const std::string& name, const ImportOptions& options,
                  ImportReport& report) {
  AddOptions add = add_options(reader.header(), options);
  auto source = register_sources(store, reader.header(), name);
  if (!source) return source.error();
  add.source_id = *source;
  tmx::Unit unit;
  while (true) {
    const auto more = reader.next(unit);
    if (!more && (more.error().kind != ErrorKind::bad_input || !options.skip_invalid)) return more.error();
    if (!more) {
      report.skipped.push_back(more.error().message);
      continue;
    }
    if (!*more) return success();
    ++report.read;
    const auto added = store.add(unit, add);
    if (added) {
      count(report, *added);
      if (options.on_unit) options.on_unit(unit, add);
      continue;
    }
    const Error located = added.error().kind == ErrorKind::bad_input ? Error{ErrorKind::bad_input, name + ":" + added.error().message}
                                                                     : added.error();
    if (located.kind != ErrorKind::bad_input || !options.skip_invalid) return located;
    report.skipped.push_back(located.message);
  }
}

bool has_lang(const tmx::Variant& variant, std::string_view lang) {
  const auto canonical = canonical_language(variant.lang);
  return canonical && language_matches(*canonical, lang);
}

// The unit reduced to its source variant and the variants in `lang`, or
// nullopt when it has none in `lang`.
std::optional<tmx::Unit> for_language(const StoredUnit& stored, std::string_view lang) {
  tmx::Unit unit = stored.unit;
  bool found = false;
  std::erase_if(unit.variants, [&](const tmx::Variant& variant) {
    if (has_lang(variant, lang)) return !(found = true);
    const auto canonical = canonical_language(variant.lang);
    return !(canonical && primary_language(*canonical) == primary_language(stored.source_lang));
  });
  if (!found) return std::nullopt;
  return unit;
}

}  // namespace

Result<ImportReport> import_tmx(Store& store, const std::filesystem::path& file, const ImportOptions& options) {
  auto reader = tmx::Reader::open(file);
  if (!reader) return reader.error();
  ImportReport report;
  const Status done = store.transaction([&] { return read_units(store, *reader, file.string(), options, report); });
  if (!done) return done.error();
  return report;
}

Status export_tmx(Store& store, std::ostream& out, const ExportOptions& options) {
  std::string wanted;
  if (!options.lang.empty()) {
    const auto canonical = canonical_language(options.lang);
    if (!canonical) return usage_error("'" + options.lang + "' is not a language tag; write it like ar or fa-IR");
    wanted = *canonical;
  }
  const auto sources = store.sources(wanted);
  if (!sources) return sources.error();
  tmx::Writer writer(out);
  tmx::Header header;
  header.version = "1.4";
  header.attributes = {{"creationtool", "edsync"}, {"segtype", "sentence"}, {"o-tmf", "edsync"},
                       {"adminlang", "en"}, {"srclang", "en"}, {"datatype", "plaintext"}};
  if (Status written = writer.write_header(listing_header(std::move(header), *sources)); !written) return written;
  const Status all = store.for_each_unit([&](const StoredUnit& stored) -> Status {
    if (options.filter && !options.filter(stored)) return success();
    auto unit = wanted.empty() ? std::optional<tmx::Unit>(stored.unit) : for_language(stored, wanted);
    if (!unit) return success();
    // The header says en: a unit whose source is another language says so itself.
    if (primary_language(stored.source_lang) != "en" && tmx::attribute(unit->attributes, "srclang").empty())
      unit->attributes.push_back({"srclang", stored.source_lang});
    return writer.write(*unit);
  });
  if (!all) return all;
  if (Status finished = writer.finish(); !finished) return finished;
  out.flush();
  if (!out) return io_error("cannot write the TMX output");
  return success();
}

}  // namespace edsync::tm
