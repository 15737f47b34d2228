#include "edsync/xliff_import.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>

#include "article_segments.h"
#include "edsync/file_io.h"
#include "edsync/sync.h"
#include "edsync/xliff.h"
#include "xliff_content.h"

namespace edsync::workflow {
namespace {

namespace fs = std::filesystem;

const char* const kEnglish =
    "---\ntitle: \"Police enter the camp\"\ndate: 2013-09-01\ncategory: Iraq\n---\n\n# The raid\n\n"
    "Iraqi forces entered **the camp** on Sunday. The attack began at [dawn](https://x.org).\n\n"
    "- Nobody was hurt.\n- Reporters were kept out.\n";

const char* const kTranslatedBody =
    "\n# THE RAID\n\nIRAQI FORCES ENTERED **THE CAMP** ON SUNDAY. THE ATTACK BEGAN AT [DAWN](https://x.org).\n\n"
    "- NOBODY WAS HURT.\n- REPORTERS WERE KEPT OUT.\n";

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// A translation that keeps the codes: the English text in capitals.
std::vector<markdown::Part> translated(std::vector<markdown::Part> parts) {
  for (auto& part : parts)
    if (part.kind == markdown::PartKind::text) part.text = upper(part.text);
  return parts;
}

// A scratch workspace with the English article "raid" and an Arabic edition.
struct Scratch {
  fs::path root = fs::temp_directory_path() / ("edsync-ximport-" + std::to_string(::getpid()));
  Scratch() {
    fs::remove_all(root);
    fs::create_directories(root / "editions/en");
    fs::create_directories(root / "editions/ar");
    fs::create_directories(root / "tm");
    std::ofstream(root / "edsync.yaml") << "editions: [ar]\n";
    std::ofstream(root / "editions/en/raid.md") << kEnglish;
  }
  ~Scratch() { fs::remove_all(root); }
  Workspace workspace() const {
    auto loaded = load_workspace(root);
    REQUIRE(loaded.ok());
    return std::move(*loaded);
  }
  XliffImportOptions options() const {
    XliffImportOptions options;
    const fs::path at = root;
    options.open_memory = [at] { return tm::Memory::open(at, *load_config(at)); };
    return options;
  }
  std::int64_t memory_units() const {
    auto memory = tm::Memory::open(root, *load_config(root));
    REQUIRE(memory.ok());
    return *memory->unit_count();
  }
};

// The export of `id` for `lang` in the layout of xliff_content.h, every unit
// translated by `translate`.
xliff::Document exported(const Workspace& workspace, const std::string& id, xliff::Version version) {
  const Article english = *reload_article(workspace, *workspace.find("en", id));
  const ArticleCut cut = cut_article(english);
  xliff::File file{.original = english.path, .datatype = std::string(kDatatype)};
  file.metadata = {{std::string(kMetaArticle), id}, {std::string(kMetaEdition), "ar"},
                   {std::string(kMetaEnglishRevision), english.revision}};
  const auto segments = cut.markdown.segments();
  for (std::size_t i = 0; i < cut.segments.size(); ++i) {
    const WorkSegment& segment = cut.segments[i];
    const std::string group = i == 0 ? std::string(kTitleGroupId) : paragraph_group_id(segment.paragraph);
    if (file.groups.empty() || file.groups.back().id != group) file.groups.push_back({.id = group});
    file.groups.back().units.push_back(xliff::Unit{.id = segment.id,
                                                   .source = to_xliff_content(segments[i]->content, version),
                                                   .target = to_xliff_content(translated(segments[i]->content), version),
                                                   .state = xliff::State::translated});
  }
  return xliff::Document{.version = version, .source_lang = "en", .target_lang = "ar", .files = {file}};
}

std::string write_xliff(const Scratch& scratch, const xliff::Document& document, const std::string& name) {
  auto text = xliff::write(document, document.version);
  REQUIRE_MESSAGE(text.ok(), (text.ok() ? "" : text.error().message));
  const std::string path = (scratch.root / name).string();
  REQUIRE(write_file_atomically(path, *text).ok());
  return path;
}

XliffImportReport imported(const Scratch& scratch, const std::vector<std::string>& files, bool rebase = false) {
  auto options = scratch.options();
  options.rebase = rebase;
  auto report = import_xliff_files(scratch.workspace(), files, options);
  REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.error().message));
  return std::move(*report);
}

std::string revision_of_raid(const Scratch& scratch) { return scratch.workspace().find("en", "raid")->revision; }

}  // namespace

TEST_CASE("an import writes the edition on the English structure, adds the pairs to the memory, and check is ok") {
  for (const auto version : {xliff::Version::v1_2, xliff::Version::v2_0}) {
    Scratch scratch;
    const auto file = write_xliff(scratch, exported(scratch.workspace(), "raid", version), "raid.ar.xlf");
    const auto report = imported(scratch, {file});
    CHECK(report.problems.empty());
    REQUIRE(report.files.size() == 1);
    CHECK(report.files[0].units == 6);
    CHECK(report.files[0].edition_path == "editions/ar/raid.md");
    CHECK(report.files[0].memory_added == 6);
    CHECK(*read_file(scratch.root / "editions/ar/raid.md") ==
          "---\ntitle: \"POLICE ENTER THE CAMP\"\ndate: 2013-09-01\ncategory: Iraq\nsource_revision: " +
              revision_of_raid(scratch) + "\n---\n" + kTranslatedBody);
    CHECK(scratch.memory_units() == 6);
    const auto check = run_check(scratch.workspace(), {});
    REQUIRE(check.ok());
    CHECK(check->editions[0].findings[0].status == SyncStatus::ok);
  }
}

TEST_CASE("a unit left untranslated (a copied source in state new) refuses the file and nothing is written") {
  Scratch scratch;
  auto document = exported(scratch.workspace(), "raid", xliff::Version::v1_2);
  auto& unit = document.files[0].groups[2].units[1];
  unit.target = unit.source;
  unit.state = xliff::State::initial;
  const auto report = imported(scratch, {write_xliff(scratch, document, "raid.ar.xlf")});
  CHECK(report.refused());
  CHECK(report.files[0].refusal == ImportRefusal::untranslated);
  CHECK(report.files[0].untranslated == std::vector<std::string>{unit.id});
  CHECK_FALSE(fs::exists(scratch.root / "editions/ar/raid.md"));
  CHECK(scratch.memory_units() == 0);
}

TEST_CASE("a code missing from a translation is named by its unit, and nothing is written") {
  Scratch scratch;
  auto document = exported(scratch.workspace(), "raid", xliff::Version::v1_2);
  auto& unit = document.files[0].groups[2].units[1];  // "The attack began at [dawn](...)."
  unit.target = xliff::Content{xliff::text_part("THE ATTACK BEGAN AT DAWN.")};
  const auto report = imported(scratch, {write_xliff(scratch, document, "raid.ar.xlf")});
  REQUIRE(report.problems.size() == 1);
  INFO(report.problems[0]);
  CHECK(report.problems[0].find("unit " + unit.id + ": segment") == std::string::npos);
  CHECK(report.problems[0].find("unit " + unit.id + ": code ") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch.root / "editions/ar/raid.md"));
}

TEST_CASE("a unit whose id is not the article's, or whose English was edited, is bad input") {
  Scratch scratch;
  auto document = exported(scratch.workspace(), "raid", xliff::Version::v2_0);
  document.files[0].groups[1].units[0].id = "s0000000000000000";
  document.files[0].groups[2].units[0].source = {xliff::text_part("Nobody was hurt at all.")};
  const auto report = imported(scratch, {write_xliff(scratch, document, "raid.ar.xlf")});
  REQUIRE(report.problems.size() == 3);
  CHECK(report.problems[0].find("unit s0000000000000000: not a segment of article raid") != std::string::npos);
  CHECK(report.problems[1].find("its English is not the article's") != std::string::npos);
  CHECK(report.problems[2].find("is missing from the file") != std::string::npos);
}

TEST_CASE("the English changed since the export: refused with the changed segments; --rebase keeps the others") {
  Scratch scratch;
  const auto file = write_xliff(scratch, exported(scratch.workspace(), "raid", xliff::Version::v1_2), "raid.ar.xlf");
  std::string english = kEnglish;
  english.replace(english.find("Nobody was hurt."), 16, "Two were hurt.");
  REQUIRE(write_file_atomically(scratch.root / "editions/en/raid.md", english).ok());
  const auto refused = imported(scratch, {file});
  CHECK(refused.refused());
  CHECK(refused.files[0].refusal == ImportRefusal::english_changed);
  CHECK(refused.files[0].changed.size() == 2);  // the old segment's unit, and the new segment
  CHECK(scratch.memory_units() == 0);

  const auto rebased = imported(scratch, {file}, true);
  CHECK_FALSE(rebased.refused());
  CHECK(rebased.files[0].rebased);
  CHECK(rebased.files[0].memory_added == 5);
  CHECK(rebased.files[0].edition_path.empty());
  CHECK_FALSE(fs::exists(scratch.root / "editions/ar/raid.md"));
}

TEST_CASE("a stale translation's locked units carry its translation; its other front matter is kept") {
  Scratch scratch;
  const std::string old_revision = "0123456789abcdef";
  std::ofstream(scratch.root / "editions/ar/raid.md")
      << "---\ntitle: \"old\"\ndate: 2013-09-02\ntags: [iraq]\nsource_revision: " << old_revision << "\n---\n\nold.\n";
  auto document = exported(scratch.workspace(), "raid", xliff::Version::v1_2);
  document.files[0].metadata.push_back({std::string(kMetaTranslationRevision), old_revision});
  auto& locked = document.files[0].groups[0].units[0];
  locked.translate = false;
  locked.state = xliff::State::unspecified;
  const auto report = imported(scratch, {write_xliff(scratch, document, "raid.ar.xlf")});
  CHECK(report.problems.empty());
  CHECK_FALSE(report.refused());
  CHECK(report.files[0].replaces);
  CHECK(*read_file(scratch.root / "editions/ar/raid.md") ==
        "---\ntitle: \"POLICE ENTER THE CAMP\"\ndate: 2013-09-02\ntags: [iraq]\nsource_revision: " +
            revision_of_raid(scratch) + "\n---\n" + kTranslatedBody);
}

TEST_CASE("a translation changed since the export is not overwritten") {
  Scratch scratch;
  std::ofstream(scratch.root / "editions/ar/raid.md") << "---\ntitle: \"x\"\nsource_revision: 1111111111111111\n---\n\nx.\n";
  auto document = exported(scratch.workspace(), "raid", xliff::Version::v1_2);
  document.files[0].metadata.push_back({std::string(kMetaTranslationRevision), "0123456789abcdef"});
  const auto report = imported(scratch, {write_xliff(scratch, document, "raid.ar.xlf")});
  CHECK(report.refused());
  CHECK(report.files[0].refusal == ImportRefusal::translation_changed);
}

TEST_CASE("two files for one article and edition are refused, as is an article id that is a path") {
  Scratch scratch;
  const auto document = exported(scratch.workspace(), "raid", xliff::Version::v1_2);
  const auto first = write_xliff(scratch, document, "a.xlf");
  const auto second = write_xliff(scratch, document, "b.xlf");
  auto report = imported(scratch, {first, second});
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0] == second + ": article raid (ar) is also in " + first + "; import one of them");

  auto escaping = document;
  escaping.files[0].metadata[0].value = "../../etc/x";
  report = imported(scratch, {write_xliff(scratch, escaping, "c.xlf")});
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].ends_with(": article '../../etc/x' (the file's metadata) is not an English article of this workspace"));
}

TEST_CASE("a dry run checks and reports, and writes nothing") {
  Scratch scratch;
  auto options = scratch.options();
  options.dry_run = true;
  const auto file = write_xliff(scratch, exported(scratch.workspace(), "raid", xliff::Version::v2_0), "raid.ar.xlf");
  const auto report = import_xliff_files(scratch.workspace(), {file}, options);
  REQUIRE(report.ok());
  CHECK(report->files[0].edition_path == "editions/ar/raid.md");
  CHECK(report->files[0].memory_units == 6);
  CHECK_FALSE(fs::exists(scratch.root / "editions/ar/raid.md"));
  CHECK(scratch.memory_units() == 0);
}

}  // namespace edsync::workflow
