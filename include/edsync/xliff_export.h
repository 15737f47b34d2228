// `edsync xliff export`: the work `todo` lists for an edition, written as one
// XLIFF file per article for a translator's CAT tool, in the layout
// `xliff import` reads back (src/workflow/xliff_content.h): a unit per
// segment with its stable id, the title a unit, paragraphs groups, inline
// Markdown as codes, targets pretranslated from the memory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "edsync/date.h"
#include "edsync/memory.h"
#include "edsync/result.h"
#include "edsync/workspace.h"

namespace edsync::workflow {

enum class XliffVersion { v1_2, v2_0 };

struct ExportOptions {
  std::string lang;                      // the edition
  std::vector<std::string> article_ids;  // empty: every article `todo` lists for the edition
  // Where the files go; empty: <workspace>/.edsync/xliff/<lang>/.
  std::filesystem::path output_dir;
  XliffVersion version = XliffVersion::v1_2;
  bool copy_source = false;  // untranslated targets get the source, marked new/initial (OmegaT's habit)
  bool fill_fuzzy = false;   // the best fuzzy match fills the target too (marked for review)
  bool unlock = false;       // a stale article's unchanged segments stay translatable
  Date today = Date::today_utc();
  std::function<void(std::size_t done, std::size_t total)> on_progress;  // per article
};

// One file written.
struct ExportedFile {
  std::string path;     // as given to the user: relative to the output folder's parent as passed, or absolute
  std::string article;  // the article id
  std::string status;   // missing, pending or stale
  int units = 0;
  int pretranslated = 0;  // targets filled from an in-context or exact match, or the current translation
  int fuzzy = 0;          // units carrying fuzzy candidates (filled only with fill_fuzzy)
  int locked = 0;         // unchanged segments of a stale article, translate="no"
  int words = 0;          // words of the units left to translate (neither pretranslated nor locked)
};

struct ExportReport {
  std::string lang;
  std::string output_dir;  // as shown
  std::vector<ExportedFile> files;
};

// Lists the edition's work (list_work), builds a document per article and
// writes each file atomically. Errors: an unknown edition, an id that is no
// article or no work of the edition (usage); an output path that is not a
// folder (usage); a memory or write error.
Result<ExportReport> export_xliff(const Workspace& workspace, tm::Memory& memory, const ExportOptions& options);

// What export_xliff with these options needs loaded: the edition and the
// articles named (all when none is).
LoadScope export_scope(const ExportOptions& options);

}  // namespace edsync::workflow
