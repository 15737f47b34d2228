#include "export_document.h"

#include <algorithm>

#include "xliff_content.h"

namespace edsync::workflow {

namespace {

using markdown::PartKind;

xliff::Version version_of(XliffVersion version) {
  return version == XliffVersion::v1_2 ? xliff::Version::v1_2 : xliff::Version::v2_0;
}

bool has_codes(const std::vector<markdown::Part>& parts) {
  return std::any_of(parts.begin(), parts.end(), [](const markdown::Part& part) { return part.kind != PartKind::text; });
}

xliff::Note note(std::string text, std::string_view applies_to = {}) {
  xliff::Note made{.text = std::move(text)};
  made.applies_to = std::string(applies_to);
  return made;
}

// What a unit's target becomes, and how it is marked.
struct Filled {
  std::vector<markdown::Part> target;
  xliff::State state = xliff::State::translated;
  std::string qualifier;  // 1.2 state-qualifier
  std::string sub_state;  // 2.0 subState
};

// A translation in plain text as the target of `unit`. Codes placed at the
// ends by with_english_codes need the translator's eye: needs-review in 1.2.
Filled filled_with(const std::string& text, const UnitPlan& unit, std::string qualifier, std::string sub_state) {
  Filled filled{with_english_codes(text, unit.content), xliff::State::translated, std::move(qualifier), std::move(sub_state)};
  if (has_codes(unit.content)) filled.state = xliff::State::needs_review;
  return filled;
}

std::vector<const tm::Match*> fuzzy_candidates(const UnitPlan& unit, const BuildFlags& flags) {
  std::vector<const tm::Match*> candidates;
  for (const auto& match : unit.matches) {
    if (candidates.size() >= flags.max_candidates) break;
    if (match.kind == tm::MatchKind::exact || match.score < flags.threshold) continue;
    candidates.push_back(&match);
  }
  return candidates;
}

xliff::Candidate candidate_of(const tm::Match& match, xliff::Version version) {
  xliff::Candidate candidate;
  candidate.source = {xliff::text_part(match.source)};
  candidate.target = {xliff::text_part(match.target)};
  candidate.match_quality = std::to_string(match.score);
  candidate.origin = match.provenance.article_id.empty() ? "edsync-tm" : "edsync-tm:" + match.provenance.article_id;
  if (version == xliff::Version::v2_0) candidate.type = "tm";
  return candidate;
}

// The target a new segment gets from the memory, or none.
std::optional<Filled> from_memory(const UnitPlan& unit, const BuildFlags& flags) {
  const SegmentMatch chosen = choose_match(unit.matches, unit.segment.place, flags.threshold);
  if (!chosen.match) return std::nullopt;
  switch (chosen.level) {
    case MatchLevel::in_context: return filled_with(chosen.match->target, unit, "exact-match", "edsync:in-context");
    case MatchLevel::exact: return filled_with(chosen.match->target, unit, "leveraged-tm", "edsync:exact");
    case MatchLevel::fuzzy: break;
    case MatchLevel::none: return std::nullopt;
  }
  if (!flags.fill_fuzzy) return std::nullopt;
  Filled filled = filled_with(chosen.match->target, unit, "fuzzy-match", "edsync:fuzzy");
  filled.state = xliff::State::needs_review;
  return filled;
}

void add_stale_notes(xliff::Unit& made, const UnitPlan& unit) {
  if (unit.segment.work == SegmentWork::changed) {
    made.notes.push_back(note("Changed. The English was: " + unit.segment.old_english, "source"));
    if (unit.old_translation) made.notes.push_back(note("The translation made from it: " + *unit.old_translation, "target"));
  }
  if (unit.segment.work == SegmentWork::added) made.notes.push_back(note("Added to the English since the translation.", "source"));
}

// 2.0 has no needs-review state: a target to check is "translated" with a
// subState saying where it came from.
void set_target(xliff::Unit& made, const Filled& filled, xliff::Version version) {
  made.target = to_xliff_content(filled.target, version);
  made.state = filled.state;
  if (version == xliff::Version::v1_2) {
    made.state_qualifier = filled.qualifier;
  } else {
    if (made.state == xliff::State::needs_review) made.state = xliff::State::translated;
    made.sub_state = filled.sub_state;
  }
}

// An unchanged segment of a stale article: its translation, locked unless
// `unlock` (or unless its codes had to be placed, which the translator must check).
bool carry_current(xliff::Unit& made, const UnitPlan& unit, const BuildFlags& flags, ExportedFile& counts) {
  if (!unit.unchanged || !unit.current) return false;
  const xliff::Version version = version_of(flags.version);
  Filled filled = filled_with(*unit.current, unit, "leveraged-inherited", "edsync:current");
  const bool lock = !flags.unlock && filled.state == xliff::State::translated;
  if (lock) filled.state = xliff::State::final_state;
  set_target(made, filled, version);
  made.translate = !lock;
  made.notes.push_back(note(lock ? "Unchanged since the translation: locked." : "Unchanged since the translation.", "source"));
  if (lock) ++counts.locked;
  else ++counts.pretranslated;
  return true;
}

xliff::Unit unit_of(const UnitPlan& unit, const BuildFlags& flags, ExportedFile& counts) {
  const xliff::Version version = version_of(flags.version);
  xliff::Unit made{.id = unit.segment.id};
  made.source = to_xliff_content(unit.content, version);
  if (carry_current(made, unit, flags, counts)) return made;
  add_stale_notes(made, unit);
  const auto candidates = fuzzy_candidates(unit, flags);
  for (const tm::Match* match : candidates) made.candidates.push_back(candidate_of(*match, version));
  if (!candidates.empty()) ++counts.fuzzy;
  const auto filled = from_memory(unit, flags);
  if (filled) set_target(made, *filled, version);
  const bool exact = filled && filled->qualifier != "fuzzy-match";
  if (exact) ++counts.pretranslated;
  else counts.words += unit.segment.words;
  if (!filled && flags.copy_source) {
    made.target = made.source;
    made.state = xliff::State::initial;
    if (version == xliff::Version::v2_0) made.sub_state = "edsync:source-copied";
  }
  return made;
}

std::vector<xliff::Note> file_notes(const DocumentPlan& plan) {
  std::vector<xliff::Note> notes{note("Title: " + plan.title)};
  if (!plan.date.empty()) notes.push_back(note("Date: " + plan.date));
  if (!plan.note.empty()) notes.push_back(note(plan.note));
  for (const auto& removed : plan.removed) notes.push_back(note("Removed from the English since the translation: " + removed));
  return notes;
}

std::vector<xliff::Meta> file_metadata(const DocumentPlan& plan) {
  std::vector<xliff::Meta> metadata{{std::string(kMetaArticle), plan.article_id},
                                    {std::string(kMetaEdition), plan.lang},
                                    {std::string(kMetaEnglishRevision), plan.english_revision}};
  if (plan.translation_revision) metadata.push_back({std::string(kMetaTranslationRevision), *plan.translation_revision});
  return metadata;
}

}  // namespace

std::vector<markdown::Part> with_english_codes(const std::string& text, const std::vector<markdown::Part>& english) {
  std::vector<markdown::Part> parts, closings, standalones;
  for (const auto& part : english) {
    if (part.kind == PartKind::opening) parts.push_back(part);
    if (part.kind == PartKind::closing) closings.insert(closings.begin(), part);
    if (part.kind == PartKind::standalone) standalones.push_back(part);
  }
  // The closings in the reverse order of their openings, so pairs nest.
  std::vector<markdown::Part> ordered;
  for (auto opening = parts.rbegin(); opening != parts.rend(); ++opening)
    for (const auto& closing : closings)
      if (closing.pair == opening->id) ordered.push_back(closing);
  if (!text.empty()) parts.push_back(markdown::Part{.kind = PartKind::text, .text = text});
  parts.insert(parts.end(), ordered.begin(), ordered.end());
  parts.insert(parts.end(), standalones.begin(), standalones.end());
  return parts;
}

xliff::Document build_document(const DocumentPlan& plan, const BuildFlags& flags, ExportedFile& counts) {
  xliff::File file{.original = plan.english_path, .datatype = std::string(kDatatype), .tool = "edsync"};
  file.metadata = file_metadata(plan);
  file.notes = file_notes(plan);
  for (const auto& unit : plan.units) {
    const std::string group = unit.segment.paragraph == 0 ? std::string(kTitleGroupId) : paragraph_group_id(unit.segment.paragraph);
    if (file.groups.empty() || file.groups.back().id != group) file.groups.push_back(xliff::Group{.id = group});
    file.groups.back().units.push_back(unit_of(unit, flags, counts));
    ++counts.units;
  }
  xliff::Document document{.version = version_of(flags.version), .source_lang = plan.source_lang, .target_lang = plan.lang};
  document.files.push_back(std::move(file));
  return document;
}

}  // namespace edsync::workflow
