// An article's Markdown as translatable segments with inline codes, and the
// Markdown of a translated edition rebuilt around translated segments.
//
// segment_article cuts the body into blocks (the same blocks and sentences
// the segmenter gives sync and align) and each sentence into text and inline
// codes: the Markdown a translator must not break (emphasis markers, link
// brackets and targets, code spans, images, autolinks, inline HTML, hard line
// breaks). rebuild_body writes the English structure back around translated
// segments. Rebuilding with every segment's own English content gives the
// English body back byte for byte, except for these normal forms (which
// render the same): a soft line break inside a sentence becomes one space
// (with the continuation line's quote marker or indentation), a backslash
// escape or entity the text does not need is written as the character, and
// one it needs is written as a backslash escape.
//
// An emphasis or link that crosses a sentence boundary is closed at the end
// of the first segment and reopened at the start of the next by codes whose
// Markdown is empty (displayed "*…" and "…*"), so that each segment a CAT
// tool gets is balanced while the Markdown written stays the English's.
// Marks of a delimiter run left over as literal text stay in the code beside
// them ("***a*" opens with "***"): the run's length decides how CommonMark
// pairs delimiters. A shortcut or collapsed reference link whose text the
// translation changes gets the English label written ("[Réf][Ref]").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/result.h"

namespace edsync::markdown {

enum class PartKind {
  text,        // characters the translator reads and translates
  opening,     // an inline code that opens a span (emphasis, link text)
  closing,     // the code that closes it
  standalone,  // a code on its own (code span, image, autolink, HTML tag, hard break)
};

// Text, or an inline code. Codes are numbered 1, 2, ... in the order they
// appear in the English segment; an opening and its closing have different
// ids and name each other through `pair`.
struct Part {
  PartKind kind = PartKind::text;
  std::string text;      // text: the characters; a code: the Markdown it stands for ("**", "](https://x)")
  int id = 0;            // codes: unique within the segment
  int pair = 0;          // opening/closing: the id of the other end
  std::string display;   // codes: a short text for CAT tools ("**", "link", "`x = 1`")
  friend bool operator==(const Part&, const Part&) = default;
};

struct Segment {
  std::size_t begin = 0;  // bytes [begin, end) of the body (of the title for the title segment)
  std::size_t end = 0;
  std::string plain;           // the text parts joined: what the memory is keyed by
  std::vector<Part> content;   // text and codes in order
};

enum class BlockKind {
  heading,    // level 1-6 (ATX or setext)
  paragraph,
  list_item,  // marker ("-", "1.") and nesting (0: top level)
  quote,      // a block quote's paragraph
  verbatim,   // not translatable: front matter, code, HTML blocks, tables, link definitions, thematic breaks
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;
  std::string marker;
  int nesting = 0;
  std::size_t begin = 0;  // bytes [begin, end) of the body: the text after the block's markers
  std::size_t end = 0;
  std::vector<Segment> segments;  // empty for verbatim blocks
  std::string verbatim;           // a verbatim block's Markdown

  // What rebuild_body writes around the segments: the Markdown before the
  // block (blank lines, markers) and between its segments.
  std::string lead;
  std::vector<std::string> separators;  // segments.size() - 1 of them
};

struct Article {
  Segment title;              // the title as one segment of plain text (front matter holds no Markdown)
  std::vector<Block> blocks;  // in order; lead + content of each, then `tail`, is the body
  std::string tail;
  std::vector<std::string> link_labels;  // of the link reference definitions: text that would become a link is escaped

  // Every translatable segment in order, title first: the units of an export.
  std::vector<const Segment*> segments() const;
};

// Language picks the segmenter's rules, as for sync and align (the body must
// be valid UTF-8; any bytes are accepted, invalid ones stay text).
Article segment_article(std::string_view title, std::string_view body, std::string_view language = "en");

// A translation per body segment, in Article::blocks order (the title is not
// part of the body; the caller writes it into the front matter). Codes are
// matched by id and kind; their Markdown comes from the English.
Result<std::string> rebuild_body(const Article& english, const std::vector<std::vector<Part>>& translations);

// Each body segment's own English content, in the order rebuild_body takes.
std::vector<std::vector<Part>> english_contents(const Article& english);

}  // namespace edsync::markdown
