#include "edition_memory.h"

#include <system_error>

#include "edsync/language.h"
#include "edsync/text.h"

namespace edsync {

namespace {

const std::string* prop(const tmx::Unit& unit, std::string_view type) {
  for (const auto& p : unit.props)
    for (const auto& attribute : p.attributes)
      if (attribute.name == "type" && attribute.value == type) return &p.text;
  return nullptr;
}

const tmx::Variant* variant_in(const tmx::Unit& unit, std::string_view lang) {
  for (const auto& variant : unit.variants) {
    const auto tag = canonical_language(variant.lang);
    if (tag && language_matches(*tag, lang)) return &variant;
  }
  return nullptr;
}

}  // namespace

EditionMemory::EditionMemory(std::string lang, std::string source_lang) : lang_(std::move(lang)), source_lang_(std::move(source_lang)) {}

void EditionMemory::add(const tmx::Unit& unit) {
  ++size_.units;
  const tmx::Variant* english = variant_in(unit, source_lang_);
  const tmx::Variant* translation = variant_in(unit, lang_);
  if (!english || !translation) return;
  const std::string key = normalize_text(english->text);
  by_english_.emplace(key, translation->text);
  const std::string *article = prop(unit, "x-edsync-article"), *revision = prop(unit, "x-edsync-revision"),
                    *edition = prop(unit, "x-edsync-edition");
  if (article && revision && edition && *edition == lang_) aligned_.emplace(std::make_tuple(*article, *revision, key), translation->text);
}

OldTranslation EditionMemory::translation_of(const std::string& id, const std::string& revision, const std::string& english) const {
  const std::string key = normalize_text(english);
  if (const auto pair = aligned_.find({id, revision, key}); pair != aligned_.end()) return {OldTranslation::Source::aligned, pair->second};
  if (const auto unit = by_english_.find(key); unit != by_english_.end()) return {OldTranslation::Source::memory, unit->second};
  return {};
}

EditionMemory EditionMemory::read(const Workspace& workspace, const std::string& lang) {
  EditionMemory memory(lang, workspace.config.source_lang);
  const std::string shown = workspace.config.tm_dir + "/" + lang + ".tmx";
  memory.size_.file = shown;
  std::error_code error;
  if (!std::filesystem::is_regular_file(workspace.root / shown, error)) return memory;
  auto reader = tmx::Reader::open(workspace.root / shown, shown);
  if (!reader) {
    memory.size_.problem = reader.error().message;
    return memory;
  }
  memory.size_.present = true;
  tmx::Unit unit;
  for (;;) {
    const auto more = reader->next(unit);
    if (!more) {
      memory.size_.problem = more.error().message;
      continue;  // a bad unit: the reader goes on at the next one, or ends
    }
    if (!*more) break;
    memory.add(unit);
  }
  return memory;
}

}  // namespace edsync
