#include "vocabulary.h"

#include <array>
#include <utility>

namespace edsync::xliff {
namespace {

using Word = std::pair<std::string_view, State>;

constexpr std::array<Word, 10> kStates12 = {{
    {"new", State::initial},
    {"needs-translation", State::needs_translation},
    {"needs-adaptation", State::needs_translation},
    {"needs-l10n", State::needs_translation},
    {"needs-review-translation", State::needs_review},
    {"needs-review-adaptation", State::needs_review},
    {"needs-review-l10n", State::needs_review},
    {"translated", State::translated},
    {"signed-off", State::signed_off},
    {"final", State::final_state},
}};

constexpr std::array<Word, 4> kStates20 = {{
    {"initial", State::initial},
    {"translated", State::translated},
    {"reviewed", State::reviewed},
    {"final", State::final_state},
}};

constexpr std::array<Word, 6> kSdlStates = {{
    {"Draft", State::needs_review},
    {"Translated", State::translated},
    {"RejectedTranslation", State::needs_review},
    {"ApprovedTranslation", State::reviewed},
    {"RejectedSignOff", State::needs_review},
    {"ApprovedSignOff", State::signed_off},
}};

template <std::size_t N>
std::optional<State> find_state(const std::array<Word, N>& words, std::string_view value) {
  for (const auto& [word, state] : words)
    if (word == value) return state;
  return std::nullopt;
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view value) {
  for (const auto word : words)
    if (word == value) return true;
  return false;
}

}  // namespace

std::optional<State> state_from(Version version, std::string_view value) {
  return version == Version::v1_2 ? find_state(kStates12, value) : find_state(kStates20, value);
}

std::optional<State> state_from_sdl(std::string_view conf) { return find_state(kSdlStates, conf); }

std::string_view state_name(Version version, State state) {
  if (version == Version::v2_0) {
    switch (state) {
      case State::unspecified: return "";
      case State::initial:
      case State::needs_translation: return "initial";
      case State::needs_review:
      case State::translated: return "translated";
      case State::reviewed:
      case State::signed_off: return "reviewed";
      case State::final_state: return "final";
    }
  }
  switch (state) {
    case State::unspecified: return "";
    case State::initial: return "new";
    case State::needs_translation: return "needs-translation";
    case State::needs_review: return "needs-review-translation";
    case State::translated: return "translated";
    case State::reviewed:
    case State::signed_off: return "signed-off";
    case State::final_state: return "final";
  }
  return "";
}

bool is_state_value(Version version, std::string_view value) {
  if (version == Version::v1_2 && value.starts_with("x-")) return true;
  return state_from(version, value).has_value();
}

bool is_candidate_type(Version version, std::string_view type) {
  static constexpr std::array<std::string_view, 5> types12 = {"proposal", "previous-version", "rejected", "reference",
                                                              "accepted"};
  static constexpr std::array<std::string_view, 7> types20 = {"am", "mt", "icm", "idm", "tb", "tm", "other"};
  if (version == Version::v1_2) return type.starts_with("x-") || contains(types12, type);
  return contains(types20, type);
}

bool is_code_element(Version version, std::string_view element) {
  static constexpr std::array<std::string_view, 9> codes12 = {"ph", "x", "bpt", "ept", "it", "g", "bx", "ex", "mrk"};
  static constexpr std::array<std::string_view, 8> codes20 = {"ph", "pc", "sc", "ec", "mrk", "sm", "em", "cp"};
  return version == Version::v1_2 ? contains(codes12, element) : contains(codes20, element);
}

}  // namespace edsync::xliff
