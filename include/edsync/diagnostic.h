// A problem found in one file, pinned to where a user should look.
#pragma once

#include <string>

namespace edsync {

struct Diagnostic {
  std::string file;  // as the user should see it, e.g. "editions/ar/x.md"
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  int column = 0;    // 1-based, in characters; 0 when unknown
  std::string message;

  // "file:line:column: message", leaving out the parts that are unknown.
  std::string to_string() const;
};

}  // namespace edsync
