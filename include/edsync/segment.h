// Sentence segmentation: text and a language in, byte ranges of sentences out.
//
// ICU's sentence BreakIterator proposes breaks; SRX 2.0 rules (the built-in
// file or one the user gives) confirm, veto or add breaks. Segments never
// include the white space around them, nor text that belongs to no sentence
// when it stands at their edges or alone (markup tags, the code inside TMX and
// XLIFF inline codes, table-of-contents leaders with their page numbers,
// separator runs, escaped line breaks such as a literal "\r\n"); segments
// plus the gaps between them always rebuild the input byte for byte.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/diagnostic.h"
#include "edsync/result.h"

namespace edsync {

// One sentence: bytes [begin, end) of the input. Never empty, never starts or
// ends with white space.
struct Segment {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Segment&, const Segment&) = default;
};

enum class SegmentFormat {
  plain,     // blank lines end paragraphs; a single line break ends a sentence
  markdown,  // blocks are hard boundaries, soft line breaks are not, front matter and code are left out
};

struct SegmentOptions {
  std::string language = "en";  // BCP 47 tag, matched against the SRX language maps
  SegmentFormat format = SegmentFormat::plain;
  // Also end segments at ؛ : and ، (the rule set named by the "-x-clause"
  // language maps), as the Arabic golden rules expect; most editors do not.
  bool clause_breaks = false;
};

class Segmenter {
 public:
  // The rules compiled into edsync (src/segment/rules/edsync.srx).
  static const Segmenter& built_in();
  // SRX 2.0 (or 1.0) rules. Rules that ICU cannot compile are skipped and
  // listed in warnings(); a file that is not SRX is an error.
  static Result<Segmenter> from_srx(std::string_view srx_text, const std::string& file_name);
  static Result<Segmenter> from_srx_file(const std::filesystem::path& path);

  // "file:line: ..." for every rule or language map that was skipped.
  const std::vector<Diagnostic>& warnings() const;
  // How many rules a language gets after the language maps are applied.
  std::size_t rule_count(const SegmentOptions& options) const;

  // Any bytes are accepted. Invalid UTF-8 sequences count as U+FFFD: they stay
  // inside the segment around them (or form one), their bytes untouched.
  std::vector<Segment> segment(std::string_view text, const SegmentOptions& options = {}) const;

  struct Rules;  // compiled SRX, opaque

 private:
  explicit Segmenter(std::shared_ptr<const Rules> rules);
  std::shared_ptr<const Rules> rules_;
};

// The blocks segment() cuts on their own (paragraphs; Markdown headings, list
// items, block quotes), as byte ranges: no segment crosses one.
std::vector<Segment> text_blocks(std::string_view text, SegmentFormat format);

// The text of the built-in SRX file, for users to read and extend.
std::string_view built_in_srx();

}  // namespace edsync
