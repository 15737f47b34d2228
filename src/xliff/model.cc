#include <string>

#include "edsync/xliff.h"

namespace edsync::xliff {

bool Code::is_marker() const { return element == "mrk" || element == "sm" || element == "em"; }

Part text_part(std::string text) { return Part{std::move(text), std::nullopt}; }
Part code_part(Code code) { return Part{{}, std::move(code)}; }

std::string plain_text(const Content& content) {
  std::string out;
  for (const auto& part : content)
    if (!part.code) out += part.text;
  return out;
}

std::string_view to_string(State state) {
  switch (state) {
    case State::unspecified: return "unspecified";
    case State::initial: return "initial";
    case State::needs_translation: return "needs-translation";
    case State::needs_review: return "needs-review";
    case State::translated: return "translated";
    case State::reviewed: return "reviewed";
    case State::signed_off: return "signed-off";
    case State::final_state: return "final";
  }
  return "unspecified";
}

bool Unit::operator==(const Unit& other) const {
  return id == other.id && segment_id == other.segment_id && source == other.source && target == other.target &&
         state == other.state && state_raw == other.state_raw && state_qualifier == other.state_qualifier &&
         sub_state == other.sub_state && translate == other.translate && notes == other.notes &&
         candidates == other.candidates;
}

bool has_translation(const Unit& unit) {
  if (!unit.target || unit.state == State::initial || unit.state == State::needs_translation) return false;
  return plain_text(*unit.target).find_first_not_of(" \t\r\n") != std::string::npos;
}

std::vector<const Unit*> Document::units() const {
  std::vector<const Unit*> out;
  for (const auto& file : files)
    for (const auto& group : file.groups)
      for (const auto& unit : group.units) out.push_back(&unit);
  return out;
}

}  // namespace edsync::xliff
