// --dictionary files: one word pair a line, source TAB target, or FreeDict.
#include "dictionary.h"

#include "edsync/align.h"
#include "edsync/diagnostic.h"
#include "edsync/file_io.h"
#include "edsync/text.h"
#include "lines.h"

namespace edsync {

Result<std::vector<WordPair>> read_dictionary(const std::filesystem::path& path) {
  if (align_detail::is_freedict(path)) return align_detail::read_freedict(path);
  auto text = read_file(path);
  if (!text) return text.error();
  const std::string name = path.string();
  if (Status utf8 = align_detail::check_utf8(*text, name); !utf8) return utf8.error();
  std::vector<WordPair> pairs;
  std::string_view rest = *text;
  int line = 0;
  while (!rest.empty()) {
    ++line;
    std::string_view content = align_detail::take_line(rest);
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (content.empty() || content.front() == '#') continue;
    const auto tab = content.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == content.size()) {
      return input_error(Diagnostic{name, line, 1, "expected a source word, a tab and its translation"}.to_string());
    }
    pairs.push_back({std::string(content.substr(0, tab)), std::string(content.substr(tab + 1))});
  }
  return pairs;
}

}  // namespace edsync
