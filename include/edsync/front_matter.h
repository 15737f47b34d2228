// YAML front matter at the top of a Markdown article.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "edsync/diagnostic.h"
#include "edsync/result.h"

namespace edsync {

struct FrontMatterField {
  std::string value;      // the text as YAML reads it; empty for lists and maps
  bool is_scalar = true;  // false for a list or a map
  int line = 0;       // 1-based position of the value in the file
  int column = 0;
};

struct FrontMatter {
  std::map<std::string, FrontMatterField, std::less<>> fields;
  int closing_line = 0;          // the line of the closing '---'
  std::size_t body_offset = 0;   // first byte after the closing '---' line

  const FrontMatterField* find(std::string_view key) const;
};

// Splits "---\n<yaml>\n---\n<body>" and reads the YAML mapping. A problem
// comes back as a Diagnostic whose file is left empty for the caller to fill.
struct FrontMatterResult {
  bool ok = false;
  FrontMatter front_matter;
  Diagnostic problem;
};
FrontMatterResult parse_front_matter(std::string_view text);

}  // namespace edsync
