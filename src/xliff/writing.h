// What the 1.2 and 2.0 writers share: inline content as either version's markup.
#pragma once

#include <string>
#include <vector>

#include "edsync/xliff.h"

namespace edsync::xliff {

// 2.0 <originalData>: the native data of a unit's codes, numbered d1, d2...
struct DataRefs {
  std::vector<std::string> data;
  std::string add(const std::string& text) {
    data.push_back(text);
    return "d" + std::to_string(data.size());
  }
};

struct ContentStyle {
  Version version = Version::v2_0;  // written as
  bool same_version = true;         // the codes are this version's (the document was read or made as it)
  DataRefs* refs = nullptr;         // 2.0: where the codes' data go
  std::string where;                // "unit \"u1\"", for errors
};

// The inside of a <source>, <target> or <mrk mtype="seg">.
Result<std::string> content_markup(const Content& content, const ContentStyle& style);

// ` name="value"`, escaped.
std::string attribute_markup(std::string_view name, std::string_view value);

}  // namespace edsync::xliff
