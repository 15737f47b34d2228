#include <doctest/doctest.h>

#include "article_segments.h"
#include "export_document.h"
#include "xliff_content.h"

namespace edsync::workflow {

namespace {

Article english(std::string body) {
  Article a;
  a.id = "camp-raid";
  a.lang = "en";
  a.path = "editions/en/camp-raid.md";
  a.title = "Police enter Camp Ashraf";
  a.body = std::move(body);
  a.revision = "4b94539eb22db343";
  return a;
}

const std::string kBody =
    "Forces entered the camp on *Sunday*. See [the report](https://example.org/report).\n\n"
    "The `curfew` held. Nobody was hurt.\n";

// Every segment of the article as work to translate, without matches.
DocumentPlan plan_of(const Article& article) {
  DocumentPlan plan{article.id, "ar", "en", article.path, article.revision, std::nullopt, article.title, "2013-09-01", "", {}, {}};
  const ArticleCut cut = cut_article(article);
  const auto parts = cut.markdown.segments();
  for (std::size_t i = 0; i < cut.segments.size(); ++i) {
    UnitPlan unit{cut.segments[i], parts[i]->content, false, std::nullopt, std::nullopt, {}};
    unit.segment.place.article_id = article.id;
    unit.segment.place.edition = "ar";
    unit.segment.place.paragraph = unit.segment.paragraph;
    plan.units.push_back(std::move(unit));
  }
  return plan;
}

UnitPlan& unit_with(DocumentPlan& plan, const std::string& english) {
  for (auto& unit : plan.units)
    if (unit.segment.english == english) return unit;
  std::string all;
  for (auto& unit : plan.units) all += "[" + unit.segment.english + "]";
  FAIL("no unit " << english << " in " << all);
  return plan.units.front();
}

tm::Match match(tm::MatchKind kind, int score, std::string source, std::string target) {
  tm::Match made;
  made.kind = kind;
  made.score = score;
  made.source = std::move(source);
  made.target = std::move(target);
  made.target_lang = "ar";
  return made;
}

std::string written(const DocumentPlan& plan, const BuildFlags& flags, ExportedFile* counts = nullptr) {
  ExportedFile ignored;
  const auto document = build_document(plan, flags, counts ? *counts : ignored);
  const auto version = flags.version == XliffVersion::v1_2 ? xliff::Version::v1_2 : xliff::Version::v2_0;
  const auto text = xliff::write(document, version);
  REQUIRE_MESSAGE(text.ok(), (text.ok() ? "" : text.error().message));
  return *text;
}

const xliff::Unit& unit_in(const xliff::Document& document, const std::string& id) {
  for (const xliff::Unit* unit : document.units())
    if (unit->id == id) return *unit;
  FAIL("no unit " << id);
  return *document.units().front();
}

xliff::Document built(const DocumentPlan& plan, const BuildFlags& flags = {}) {
  ExportedFile counts;
  return build_document(plan, flags, counts);
}

// The line of `text` holding `needle`, trimmed.
std::string line_with(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  if (at == std::string::npos) return "";
  const auto begin = text.rfind('\n', at) + 1;
  const auto line = text.substr(begin, text.find('\n', at) - begin);
  return line.substr(line.find_first_not_of(' '));
}

}  // namespace

TEST_CASE("unit ids stay the same from one export to the next, and when another sentence changes") {
  const auto first = built(plan_of(english(kBody)));
  const auto second = built(plan_of(english(kBody)));
  CHECK(first == second);
  std::vector<std::string> ids;
  for (const auto* unit : first.units()) ids.push_back(unit->id);
  REQUIRE(ids.size() == 5);
  CHECK(ids.front() == "title");
  std::string edited = kBody;
  edited.replace(edited.find("Nobody was hurt."), 16, "Two men were hurt.");
  const auto after_edit = built(plan_of(english(edited)));
  for (std::size_t i = 0; i < 4; ++i) CHECK(after_edit.units()[i]->id == ids[i]);
  CHECK(after_edit.units()[4]->id != ids[4]);
}

TEST_CASE("the title is a unit of group title, paragraphs are groups p1, p2, with the file's metadata") {
  const auto document = built(plan_of(english(kBody)));
  REQUIRE(document.files.size() == 1);
  const auto& file = document.files.front();
  CHECK(file.original == "editions/en/camp-raid.md");
  CHECK(file.datatype == "x-markdown");
  REQUIRE(file.groups.size() == 3);
  CHECK(file.groups[0].id == "title");
  CHECK(file.groups[0].units.front().id == "title");
  CHECK(file.groups[1].id == "p1");
  CHECK(file.groups[1].units.size() == 2);
  CHECK(file.groups[2].id == "p2");
  CHECK(file.metadata == std::vector<xliff::Meta>{{"article", "camp-raid"}, {"edition", "ar"}, {"english-revision", "4b94539eb22db343"}});
  CHECK(document.source_lang == "en");
  CHECK(document.target_lang == "ar");
}

TEST_CASE("emphasis, a link and a code span become codes; the link target is no translatable text") {
  const auto text = written(plan_of(english(kBody)), {});
  CHECK(line_with(text, "<source>Forces") == "<source>Forces entered the camp on <bpt id=\"1\">*</bpt>Sunday<ept id=\"1\">*</ept>.</source>");
  CHECK(line_with(text, "<source>See") ==
        "<source>See <bpt id=\"1\">[</bpt>the report<ept id=\"1\">](https://example.org/report)</ept>.</source>");
  CHECK(line_with(text, "<source>The") == "<source>The <ph id=\"1\">`curfew`</ph> held.</source>");
  const auto document = built(plan_of(english(kBody)));
  for (const auto* unit : document.units()) CHECK(xliff::plain_text(unit->source).find("example.org") == std::string::npos);
  const auto v20 = written(plan_of(english(kBody)), {.version = XliffVersion::v2_0});
  CHECK(line_with(v20, "<source>See") ==
        "<source>See <pc id=\"1\" dispStart=\"[\" dispEnd=\"](https://example.org/report)\" dataRefStart=\"d1\" dataRefEnd=\"d2\">the report</pc>.</source>");
}

TEST_CASE("notes give the title and date, and for a changed segment the old English and the translation made from it") {
  auto plan = plan_of(english(kBody));
  auto& unit = unit_with(plan, "Nobody was hurt.");
  unit.segment.work = SegmentWork::changed;
  unit.segment.old_english = "Nobody was hurt on Monday.";
  unit.old_translation = "لم يصب أحد يوم الاثنين.";
  plan.removed = {"Shops opened again."};
  const auto document = built(plan);
  const auto& notes = document.files.front().notes;
  REQUIRE(notes.size() == 3);
  CHECK(notes[0].text == "Title: Police enter Camp Ashraf");
  CHECK(notes[1].text == "Date: 2013-09-01");
  CHECK(notes[2].text == "Removed from the English since the translation: Shops opened again.");
  const auto& changed = unit_in(document, unit.segment.id);
  REQUIRE(changed.notes.size() == 2);
  CHECK(changed.notes[0].text == "Changed. The English was: Nobody was hurt on Monday.");
  CHECK(changed.notes[1].text == "The translation made from it: لم يصب أحد يوم الاثنين.");
}

TEST_CASE("each state: in context, exact, fuzzy as a candidate, filled fuzzy, copied source, nothing") {
  auto plan = plan_of(english(kBody));
  auto in_context = match(tm::MatchKind::exact, 100, "Police enter Camp Ashraf", "الشرطة تدخل مخيم أشرف");
  in_context.provenance.article_id = "camp-raid";
  in_context.context.paragraph = 0;
  unit_with(plan, "Police enter Camp Ashraf").matches = {in_context};
  unit_with(plan, "Nobody was hurt.").matches = {match(tm::MatchKind::exact, 100, "Nobody was hurt.", "لم يصب أحد.")};
  unit_with(plan, "The held.").matches = {match(tm::MatchKind::fuzzy, 87, "The curfew was held.", "استمر حظر التجول.")};
  ExportedFile counts;
  const auto v12 = written(plan, {}, &counts);
  CHECK(line_with(v12, "الشرطة") == "<target state=\"translated\" state-qualifier=\"exact-match\">الشرطة تدخل مخيم أشرف</target>");
  CHECK(line_with(v12, "<target state=\"translated\" state-qualifier=\"leveraged-tm\">") ==
        "<target state=\"translated\" state-qualifier=\"leveraged-tm\">لم يصب أحد.</target>");
  CHECK(line_with(v12, "<alt-trans") == "<alt-trans match-quality=\"87\" origin=\"edsync-tm\">");
  CHECK(v12.find("<target>استمر") != std::string::npos);       // the candidate's target
  CHECK(v12.find("\">استمر") == std::string::npos);             // not the unit's
  CHECK(counts.units == 5);
  CHECK(counts.pretranslated == 2);
  CHECK(counts.fuzzy == 1);
  CHECK(counts.words == 6 + 3 + 2);  // the first paragraph's two sentences, the fuzzy one

  const auto filled = written(plan, {.fill_fuzzy = true});
  CHECK(line_with(filled, "\">استمر") ==
        "<target state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\">استمر حظر التجول.<ph id=\"1\">`curfew`</ph></target>");
  const auto copied = written(plan, {.copy_source = true});
  CHECK(line_with(copied, "<target state=\"new\">Forces") ==
        "<target state=\"new\">Forces entered the camp on <bpt id=\"1\">*</bpt>Sunday<ept id=\"1\">*</ept>.</target>");
  const auto v20 = written(plan, {.version = XliffVersion::v2_0, .copy_source = true});
  CHECK(line_with(v20, "subState=\"edsync:in-context\"") == "<segment id=\"title\" state=\"translated\" subState=\"edsync:in-context\">");
  CHECK(line_with(v20, "edsync:source-copied") .find("state=\"initial\"") != std::string::npos);
  CHECK(line_with(v20, "<mtc:match ").find("matchQuality=\"87\" origin=\"edsync-tm\" type=\"tm\">") != std::string::npos);
}

TEST_CASE("a stale article's unchanged segments carry their translation, locked unless unlocked") {
  auto plan = plan_of(english(kBody));
  auto& unit = unit_with(plan, "Police enter Camp Ashraf");
  unit.unchanged = true;
  unit.current = "الشرطة تدخل مخيم أشرف";
  auto& with_codes = unit_with(plan, "The held.");
  with_codes.unchanged = true;
  with_codes.current = "استمر حظر التجول.";
  ExportedFile counts;
  const auto document = build_document(plan, {}, counts);
  const auto& locked = unit_in(document, "title");
  CHECK_FALSE(locked.translate);
  CHECK(locked.state == xliff::State::final_state);
  CHECK(xliff::plain_text(*locked.target) == "الشرطة تدخل مخيم أشرف");
  // Its codes placed at the ends, a translation with codes is left for the translator to check.
  const auto& review = unit_in(document, with_codes.segment.id);
  CHECK(review.translate);
  CHECK(review.state == xliff::State::needs_review);
  CHECK(counts.locked == 1);
  CHECK(counts.pretranslated == 1);
  ExportedFile unlocked_counts;
  const auto unlocked = build_document(plan, {.unlock = true}, unlocked_counts);
  CHECK(unit_in(unlocked, "title").translate);
  CHECK(unit_in(unlocked, "title").state == xliff::State::translated);
  CHECK(unlocked_counts.locked == 0);
  CHECK(line_with(written(plan, {}), "translate=\"no\"") == "<trans-unit id=\"title\" translate=\"no\">");
}

TEST_CASE("a plain translation gets the English codes around it, pairs nested, standalone codes last") {
  const auto article = markdown::segment_article("T", "A **b [c](https://x)** `d` e.");
  const auto& english_parts = article.blocks.front().segments.front().content;
  const auto parts = with_english_codes("ترجمة", english_parts);
  std::string shape;
  for (const auto& part : parts) shape += part.kind == markdown::PartKind::text ? part.text : part.text + "|";
  CHECK(shape == "**|[|ترجمة](https://x)|**|`d`|");
}

}  // namespace edsync::workflow
