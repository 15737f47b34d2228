// edsync align: on two files, or with none in a workspace (its translations
// into the memory).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli.h"

namespace edsync::cli {

struct AlignFlags {
  std::string from = "en";
  std::string to;
  std::string source_file;
  std::string target_file;
  std::string format;  // tsv, json or tmx on files; table or json in a workspace
  std::string dictionary;
  std::optional<double> min_confidence;  // in a workspace: edsync.yaml's align.min_confidence
  bool presegmented = false;
  std::vector<std::string> langs;     // workspace: --lang
  std::vector<std::string> articles;  // workspace: --article GLOB
  bool dry_run = false;
  bool prune = false;                  // workspace: remove the pairs of earlier revisions of what is re-aligned
  std::optional<double> lock_timeout;  // workspace: --lock-timeout SECONDS
};

void run_align_workspace(Context& context, const AlignFlags& flags);

}  // namespace edsync::cli
