// Where the tm commands find the translation memory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "cli.h"
#include "edsync/tm.h"
#include "edsync/tm_text.h"

namespace edsync::cli {

// The workspace's memory: the text in git and the index beside it.
struct WorkspaceTm {
  std::filesystem::path db;  // <workspace>/.edsync/tm.sqlite (its folder is created)
  tm::TextLayout text;       // <workspace>/tm, one file per edition language
  std::string text_shown;    // "tm/" as the user knows it
};

// Loads the workspace and says where its memory lives; reports and returns
// nullopt on failure.
std::optional<WorkspaceTm> workspace_tm(Context& context);

// The memory a command uses. In a workspace the index is first brought in
// step with tm/*.tmx (rebuilt when missing or out of date, with a note on
// stderr); with --db the database is used alone, without text.
struct OpenedTm {
  tm::Store store;
  std::optional<tm::TextLayout> text;
};
std::optional<OpenedTm> open_tm_with_text(Context& context, const std::string& db_path);

// The same, for commands that only read or export.
std::optional<tm::Store> open_tm(Context& context, const std::string& db_path);

// A language given on the command line, canonicalised; reports a usage error.
std::optional<std::string> language_option(Context& context, const std::string& tag);

}  // namespace edsync::cli
