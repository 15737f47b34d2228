// Documents that use every feature of each version, for the writer's tests
// and the schema test.
#pragma once

#include "edsync/xliff.h"

namespace edsync::xliff::testing {

inline Code make_code(CodeKind kind, std::string element, std::string id, std::string data = {},
                      std::vector<Attribute> attributes = {}, bool isolated = false) {
  Code code;
  code.kind = kind;
  code.element = std::move(element);
  code.id = std::move(id);
  code.data = std::move(data);
  code.attributes = std::move(attributes);
  code.isolated = isolated;
  return code;
}

inline Content content_12() {
  return {text_part("The "),
          code_part(make_code(CodeKind::opening, "g", "1", {}, {{"ctype", "bold"}})),
          text_part("attack"),
          code_part(make_code(CodeKind::closing, "g", "1")),
          text_part(" on "),
          code_part(make_code(CodeKind::opening, "bpt", "2", "<a href=\"x\">")),
          text_part("Camp Ashraf"),
          code_part(make_code(CodeKind::closing, "ept", "2", "</a>")),
          code_part(make_code(CodeKind::standalone, "ph", "3", "<br/>", {{"ctype", "lb"}})),
          code_part(make_code(CodeKind::standalone, "x", "4")),
          code_part(make_code(CodeKind::opening, "bx", "5")),
          text_part(" & <Sunday>"),
          code_part(make_code(CodeKind::closing, "ex", "5")),
          code_part(make_code(CodeKind::opening, "it", "6", "<i>", {}, true)),
          code_part(make_code(CodeKind::opening, "mrk", "", {}, {{"mtype", "term"}})),
          text_part("MKO"),
          code_part(make_code(CodeKind::closing, "mrk", "")),
          text_part(".")};
}

inline Content content_20() {
  return {text_part("The "),
          code_part(make_code(CodeKind::opening, "pc", "1", "<b>", {{"canCopy", "no"}})),
          text_part("attack"),
          code_part(make_code(CodeKind::closing, "pc", "1", "</b>")),
          text_part(" on "),
          code_part(make_code(CodeKind::opening, "sc", "2", "<a href=\"x\">")),
          text_part("Camp Ashraf"),
          code_part(make_code(CodeKind::closing, "ec", "2", "</a>")),
          code_part(make_code(CodeKind::standalone, "ph", "3", "<br/>", {{"disp", "\u21b5"}})),
          code_part(make_code(CodeKind::opening, "sm", "m1", {}, {{"type", "term"}})),
          text_part(" & <Sunday>"),
          code_part(make_code(CodeKind::closing, "em", "m1")),
          code_part(make_code(CodeKind::opening, "sc", "4", "<i>", {}, true)),
          code_part(make_code(CodeKind::opening, "mrk", "m2", {}, {{"translate", "no"}})),
          text_part("MKO"),
          code_part(make_code(CodeKind::closing, "mrk", "m2")),
          text_part(".")};
}

inline Unit make_unit(std::string id, Content source, std::optional<Content> target, State state) {
  Unit unit;
  unit.id = std::move(id);
  unit.source = std::move(source);
  unit.target = std::move(target);
  unit.state = state;
  return unit;
}

// Every feature of `version`: groups and loose units, notes, every code
// kind, candidates, translate="no", states, segmented units, metadata.
inline Document full_document(Version version) {
  const bool v12 = version == Version::v1_2;
  const Content rich = v12 ? content_12() : content_20();
  Document document;
  document.version = version;
  document.source_lang = "en";
  document.target_lang = "ar";
  File file;
  file.id = v12 ? "" : "f1";
  file.original = "editions/en/does-she-still-want-to-return-to-ashraf.md";
  file.datatype = v12 ? "x-markdown" : "";
  file.tool = "edsync";
  file.metadata = {{"article", "does-she-still-want-to-return-to-ashraf"}, {"revision", "dc1d0fcdf65e14dd"}};
  file.notes = {Note{"Title: Does she still want to return to Ashraf?", v12 ? "edsync" : "", v12 ? "" : "title", "", 3}};

  Group title{"p0", {}, {}};
  Unit heading = make_unit("s0", {text_part("Does she still want to return to Ashraf?")},
                           Content{text_part("هل ما زالت تريد العودة إلى أشرف؟")}, State::final_state);
  heading.state_qualifier = v12 ? "exact-match" : "";
  heading.sub_state = v12 ? "" : "edsync:exact";
  title.units.push_back(heading);

  Group body{"p1", {Note{"paragraph 1", "", "", "source", 0}}, {}};
  Unit rich_unit = make_unit("s1", rich, rich, State::translated);
  Candidate candidate;
  candidate.source = {text_part("The attack on Camp Ashraf.")};
  candidate.target = {text_part("الهجوم على مخيم أشرف.")};
  candidate.match_quality = "87";
  candidate.similarity = v12 ? "" : "90";
  candidate.origin = "tm/ar.tmx";
  candidate.type = v12 ? "proposal" : "tm";
  rich_unit.candidates.push_back(candidate);
  rich_unit.notes = {Note{"check the name", v12 ? "editor" : "", v12 ? "" : "review", "target", 2}};
  body.units.push_back(rich_unit);
  Unit locked = make_unit("s2", {text_part("Camp Ashraf")}, Content{text_part("مخيم أشرف")}, State::signed_off);
  if (!v12) locked.state = State::reviewed;
  locked.translate = false;
  body.units.push_back(locked);
  body.units.push_back(make_unit("s3", {text_part("Untranslated.")}, std::nullopt,
                                 v12 ? State::unspecified : State::initial));
  Unit review = make_unit("s4", {text_part("Needs review.")}, Content{}, v12 ? State::needs_review : State::translated);
  if (v12) review.state_raw = "needs-review-l10n";
  body.units.push_back(review);
  // One container, two segments.
  Unit first = make_unit("s5", {text_part("One.")}, Content{text_part("واحد.")}, State::translated);
  first.segment_id = "a";
  Unit second = make_unit("s5", {text_part("Two.")}, Content{text_part("اثنان.")}, State::translated);
  second.segment_id = "b";
  second.candidates.push_back(candidate);
  body.units.push_back(first);
  body.units.push_back(second);

  Group loose{"", {}, {make_unit("s6", {text_part("Loose.")}, Content{text_part("حر.")}, State::initial)}};
  file.groups = {title, body, loose};
  document.files.push_back(file);
  return document;
}

}  // namespace edsync::xliff::testing
