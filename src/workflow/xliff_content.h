// How an article's segments travel in XLIFF, and back. Private to the
// workflow module: `xliff export` writes this layout and `xliff import`
// relies on it.
//
// A file per article and edition, named <id>.<lang>.xlf, with one <file>
// whose `original` is the English article's path in the workspace and whose
// metadata (xliff::Meta) say which article, edition and English revision it
// was made from. The title is a unit of its own group; each translatable
// block of the body is a group "p<N>" (N counts the blocks that hold
// segments, from 1, as the aligner counts paragraphs); a unit's id is the
// segment's stable id (WorkSegment::id).
//
// Inline Markdown travels as codes whose native data is the Markdown they
// stand for: 1.2 <ph>, <bpt>/<ept>; 2.0 <ph/>, <pc>. An opening code and its
// closing share the opening's number as XLIFF id, so each pair is one id in
// both versions. A translator's tool may hand codes back in another shape
// (<g>, <x/>, <sc/>/<ec/>): they are matched by kind and id, not element.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "edsync/markdown.h"
#include "edsync/result.h"
#include "edsync/xliff.h"

namespace edsync::workflow {

// The metadata types of an exported file.
inline constexpr std::string_view kMetaArticle = "article";                    // the article id
inline constexpr std::string_view kMetaEdition = "edition";                    // the edition's language
inline constexpr std::string_view kMetaEnglishRevision = "english-revision";   // the English revision exported
inline constexpr std::string_view kMetaTranslationRevision = "translation-revision";  // a stale translation's recorded revision
inline constexpr std::string_view kDatatype = "x-markdown";
inline constexpr std::string_view kTitleGroupId = "title";
inline constexpr std::string_view kTitleUnitId = "title";

// "p3" for the third block that holds segments.
std::string paragraph_group_id(std::size_t paragraph);

// "<id>.<lang>.xlf".
std::string exported_file_name(std::string_view article_id, std::string_view lang);

// A segment's parts as XLIFF content in `version`'s own elements.
xliff::Content to_xliff_content(const std::vector<markdown::Part>& parts, xliff::Version version);

// A translation read from XLIFF as the parts rebuild_body takes: text, and
// codes matched to the English segment's by kind and id (markers such as
// <mrk> dropped, their text kept). An error names the code: one the English
// does not have, or one of another kind. Missing, repeated and misordered
// codes are rebuild_body's to report.
Result<std::vector<markdown::Part>> from_xliff_content(const xliff::Content& content,
                                                       const std::vector<markdown::Part>& english);

}  // namespace edsync::workflow
