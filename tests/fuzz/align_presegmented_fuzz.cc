// libFuzzer target: any bytes as --presegmented input. The bytes before the
// first NUL are the source file, the rest the translation; each is read, and
// when both read, they are aligned. Checks what the CLI relies on: sentences
// are trimmed, non-empty, on lines of the file in order; beads cover every
// sentence once, in order, with a confidence in [0, 1].
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "edsync/align.h"

namespace {

void check_text(std::string_view file, const edsync::AlignText& text) {
  const std::size_t lines = static_cast<std::size_t>(std::count(file.begin(), file.end(), '\n')) + 1;
  for (std::size_t s = 0; s < text.sentences.size(); ++s) {
    const std::string& sentence = text.sentences[s];
    if (sentence.empty() || sentence == "<p>" || sentence.front() == ' ' || sentence.back() == ' ') std::abort();
    if (sentence.find('\n') != std::string::npos || text.line_of[s] >= lines) std::abort();
    if (s > 0 && (text.line_of[s] <= text.line_of[s - 1] || text.paragraph_of[s] < text.paragraph_of[s - 1])) {
      std::abort();
    }
  }
}

void check_beads(const std::vector<edsync::Bead>& beads, std::size_t n, std::size_t m) {
  std::size_t next_source = 0, next_target = 0;
  for (const auto& bead : beads) {
    if (bead.source.empty() && bead.target.empty()) std::abort();
    for (const auto s : bead.source) {
      if (s != next_source++) std::abort();
    }
    for (const auto t : bead.target) {
      if (t != next_target++) std::abort();
    }
    if (!(bead.confidence >= 0 && bead.confidence <= 1)) std::abort();
  }
  if (next_source != n || next_target != m) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 8192) return 0;  // the aligner's cost is linear; longer inputs only slow the search
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto split = bytes.find('\0');
  const std::string_view source_file = bytes.substr(0, split);
  const std::string_view target_file = split == std::string_view::npos ? std::string_view{} : bytes.substr(split + 1);
  const auto source = edsync::read_presegmented(source_file, "source.txt");
  const auto target = edsync::read_presegmented(target_file, "target.txt");
  if (source) check_text(source_file, *source);
  if (target) check_text(target_file, *target);
  if (!source || !target) return 0;
  edsync::AlignOptions options;
  options.target_language = "ar";
  const auto beads = edsync::align_texts(*source, *target, options);
  if (beads) check_beads(*beads, source->sentences.size(), target->sentences.size());
  return 0;
}
