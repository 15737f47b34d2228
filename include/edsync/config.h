// The workspace configuration file, edsync.yaml.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/date.h"
#include "edsync/result.h"

namespace edsync {

inline constexpr std::string_view kConfigFileName = "edsync.yaml";

// Outcome of comparing one English article with one edition.
enum class SyncStatus {
  ok,         // translated from the current English revision
  stale,      // translated from an older English revision
  untracked,  // translated, but records no English revision
  missing,    // required, past its grace period, and not translated
  pending,    // required, not translated, still within its grace period
  skipped,    // not translated and not required by the edition's policy
  orphan,     // a translation whose English article does not exist
  invalid,    // a file that could not be read as an article
};

std::string_view to_string(SyncStatus status);
std::optional<SyncStatus> parse_sync_status(std::string_view name);

struct EditionPolicy {
  std::string lang;
  bool required = true;        // does an untranslated article count as missing?
  std::optional<Date> since;   // English articles dated before this are not required
};

struct CheckPolicy {
  int grace_days = 0;
  std::vector<SyncStatus> fail_on = {SyncStatus::missing, SyncStatus::stale,
                                     SyncStatus::untracked, SyncStatus::orphan,
                                     SyncStatus::invalid};
};

struct AlignPolicy {
  double min_confidence = 0.5;  // beads less likely than this stay out of the memory
};

// The fuzzy bands of `edsync todo`'s analysis: each the lowest score of its
// band (95 is 95-99, 85 is 85-94...), highest first; the lowest is the fuzzy
// threshold. 101 (in context) and 100 (exact) are always bands of their own.
struct TodoPolicy {
  std::vector<int> bands = {95, 85, 75, 50};
};

struct WorkspaceConfig {
  std::string source_lang = "en";
  std::vector<EditionPolicy> editions;
  std::string editions_dir = "editions";
  std::string tm_dir = "tm";
  CheckPolicy check;
  AlignPolicy align;
  TodoPolicy todo;

  const EditionPolicy* edition(std::string_view lang) const;
};

// Whether `tag` may name an edition: "ar", "fa", "pt-BR" (a lower-case
// language subtag of 2-3 letters, optional subtags after '-').
bool is_edition_language(std::string_view tag);

// Parses edsync.yaml. Errors read "FILE:LINE:COLUMN: what is wrong".
Result<WorkspaceConfig> parse_config(std::string_view text, const std::string& file_name);

// The text `edsync init` writes: a commented config for the given languages.
std::string default_config_text(const std::vector<std::string>& edition_langs);

}  // namespace edsync
