// What the report takes from one edition's file of the memory (tm/<lang>.tmx),
// read once per command: its size, and the translations of English sentences
// that the old side of a stale article's changes is looked up in.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

#include "edsync/report.h"
#include "edsync/tmx.h"

namespace edsync {

class EditionMemory {
 public:
  // Reads tm/<lang>.tmx as TMX (the text is the memory; the index may not be built yet).
  static EditionMemory read(const Workspace& workspace, const std::string& lang);

  const MemorySize& size() const { return size_; }
  // The translation of `english` (a sentence of article `id` at English
  // `revision`): the pair the aligner made from that very article and
  // revision, else any unit whose English is that sentence.
  OldTranslation translation_of(const std::string& id, const std::string& revision, const std::string& english) const;

  // An edition's memory with no units, for tests: add() fills it.
  EditionMemory(std::string lang, std::string source_lang);
  void add(const tmx::Unit& unit);

 private:
  std::string lang_, source_lang_;
  MemorySize size_;
  std::map<std::tuple<std::string, std::string, std::string>, std::string> aligned_;  // (article, revision, English) -> translation
  std::unordered_map<std::string, std::string> by_english_;                           // English -> the first translation in the file
};

}  // namespace edsync
