// Helpers for the tm unit tests: a fresh database per test, checked for
// integrity when the test ends, and units written tersely.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <random>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "edsync/tm.h"

namespace edsync::tm::test {

// The folders handed out, removed when the test program ends, so that a
// test that stops early (a failed REQUIRE) leaves nothing in /tmp either.
struct FreshFolders {
  std::vector<std::filesystem::path> made;
  ~FreshFolders() {
    std::error_code ignored;
    for (const auto& folder : made) std::filesystem::remove_all(folder, ignored);
  }
};

inline std::filesystem::path fresh_folder(const std::string& name) {
  static std::atomic<int> counter{0};
  static FreshFolders folders;
  const auto folder = std::filesystem::temp_directory_path() /
                      ("edsync-tm-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  folders.made.push_back(folder);
  return folder;
}

struct TestStore {
  std::filesystem::path folder = fresh_folder("store");
  Store store = std::move(Store::open(folder / "tm.sqlite").value());

  ~TestStore() {
    const auto report = store.integrity_check();
    CHECK(report.ok());
    if (report.ok()) CHECK(*report == "ok");
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
  }
};

// A unit from (lang, text) pairs; content equals text.
inline tmx::Unit unit_of(std::vector<std::pair<std::string, std::string>> variants,
                         std::vector<tmx::Attribute> attributes = {}) {
  tmx::Unit unit;
  unit.attributes = std::move(attributes);
  for (auto& [lang, text] : variants) unit.variants.push_back({lang, {}, {}, {}, text, text});
  return unit;
}

// A memory where every word is common: short sentences over a vocabulary of
// 16 words, each ending in a tag that makes it unique, like "(7-15488)".
// Every tenth sentence repeats the one before under another tag, and every
// seventh unit is an alternative translation of the one before, so that
// lookups have ties to break.
inline const std::vector<std::string> kCommonWords = {"the",  "attack", "camp",    "province", "sunday", "monday",
                                               "iraqi", "complete", "forces", "meeting",  "was",    "held",
                                               "on",   "police", "said",    "city"};

inline std::string common_sentence(std::mt19937& random) {
  std::string text;
  const std::size_t words = 7 + random() % 5;
  for (std::size_t i = 0; i < words; ++i) text += (i ? " " : "") + kCommonWords[random() % kCommonWords.size()];
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

struct CommonMemory {
  std::vector<std::string> sentences;  // without their tags
  std::vector<tmx::Unit> units;
};

inline CommonMemory common_memory(std::size_t size) {
  std::mt19937 random(2026);
  CommonMemory memory;
  for (std::size_t i = 0; i < size; ++i) {
    if (i % 10 != 9 || memory.sentences.empty()) memory.sentences.push_back(common_sentence(random));
    else memory.sentences.push_back(memory.sentences.back());
    const std::string tag = " (" + std::to_string(i % 9 + 1) + "-" + std::to_string(i) + ").";
    std::string source = memory.sentences.back() + tag;
    if (i % 7 == 6) source = memory.units.back().variants[0].text;
    memory.units.push_back(unit_of({{"en", source}, {"ar", "\u062a\u0631\u062c\u0645\u0629 " + std::to_string(i)}}));
  }
  return memory;
}

// What a translator sees of the matches: everything but the row ids.
inline std::string shown(const std::vector<Match>& matches) {
  std::string lines;
  for (const auto& match : matches)
    lines += std::string(to_string(match.kind)) + " " + std::to_string(match.score) + " " + match.source + " | " +
             match.target_lang + " " + match.target + "\n";
  return lines;
}

}  // namespace edsync::tm::test
