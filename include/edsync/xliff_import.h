// `edsync xliff import`: translated XLIFF files (as `xliff export` writes
// them, see src/workflow/xliff_content.h) back into the workspace. Every
// file is checked first (ours, the English unchanged, every unit translated,
// codes whole); only when all of them pass are the new pairs added to the
// memory and then the edition files written, so that nothing is half done
// and a re-run after a failure is safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "edsync/memory.h"
#include "edsync/result.h"
#include "edsync/workspace.h"

namespace edsync::workflow {

// Why a well-formed file of ours is not imported.
enum class ImportRefusal {
  none,
  english_changed,      // the English article changed since the export
  untranslated,         // some units have no translation yet
  translation_changed,  // the edition's translation changed since the export
};

struct ImportedFile {
  std::string file;        // as given
  std::string article_id;
  std::string edition;
  std::string english_revision;  // the file's: the English it was made from
  std::string current_revision;  // the English article's now
  std::size_t units = 0;         // units in the file
  std::size_t translated = 0;    // of those, with a translation (locked ones included)
  ImportRefusal refusal = ImportRefusal::none;
  std::string refusal_detail;             // translation_changed: what the translation records
  std::vector<std::string> untranslated;  // ids of the units without a translation
  // english_changed: the file's units whose English is no longer the
  // article's, then the article's segments the file lacks (by id).
  std::vector<std::string> changed;
  bool rebased = false;          // english_changed with --rebase: the unchanged ones went to the memory
  std::string edition_path;      // written (or, in a dry run, to be written); "" when none
  bool replaces = false;         // edition_path held a translation already
  std::int64_t memory_units = 0;   // pairs offered to the memory
  std::int64_t memory_added = 0;   // of those, new pairs (0 in a dry run)
  std::int64_t memory_merged = 0;  // already there, merged
};

struct XliffImportOptions {
  bool rebase = false;   // english_changed: keep the unchanged segments' translations
  bool dry_run = false;  // check and report, write nothing
  // Opens the workspace's memory, called once and only when something is to
  // be written (a refused or broken import never touches tm/).
  std::function<Result<tm::Memory>()> open_memory;
};

struct XliffImportReport {
  std::vector<ImportedFile> files;   // in the order given (those that could be read)
  std::vector<std::string> problems; // bad input, "file:line:column: what is wrong": nothing was written
  bool refused() const;              // a file was refused (rebased ones aside): nothing was written
};

// Reads and checks every file, then (no problem, no refusal, not a dry run)
// adds each file's pairs to the memory through tm::Memory::import_units and
// writes editions/<lang>/<id>.md atomically: the English article's Markdown
// rebuilt around the translations, front matter with the translated title,
// the English date, category and author, and source_revision; an existing
// translation keeps its other front matter. Errors: the memory's (io or
// bad_input), a file that cannot be written (io).
Result<XliffImportReport> import_xliff_files(const Workspace& workspace, const std::vector<std::string>& files,
                                             const XliffImportOptions& options);

}  // namespace edsync::workflow
