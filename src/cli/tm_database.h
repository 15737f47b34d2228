// Where the tm commands find the translation memory.
#pragma once

#include <optional>
#include <string>

#include "cli.h"
#include "edsync/tm.h"

namespace edsync::cli {

// --db PATH when given, else the workspace's .edsync/tm.sqlite (the folder
// is created). On failure reports through `context` and returns nullopt.
std::optional<tm::Store> open_tm(Context& context, const std::string& db_path);

// A language given on the command line, canonicalised; reports a usage error.
std::optional<std::string> language_option(Context& context, const std::string& tag);

}  // namespace edsync::cli
