// Building blocks of the report's HTML: escaping, language attributes, the page frame.
#pragma once

#include <string>
#include <string_view>

#include "edsync/config.h"

namespace edsync::report_html {

// Text or attribute value with & < > " ' escaped.
std::string escape(std::string_view text);
// A path segment for an href: everything but unreserved characters percent-encoded.
std::string url_segment(std::string_view text);

bool is_right_to_left(std::string_view lang);
// ` lang="ar" dir="rtl"` (or ` lang="sq"`): the attributes of text in that language.
std::string lang_attributes(std::string_view lang);
// Text in a language, isolated from its surroundings: <bdi lang dir>text</bdi>.
std::string text_in(std::string_view lang, std::string_view text);
// "Arabic" and the edition's own name ("العربية"), marked up.
std::string edition_name(std::string_view lang);

// The symbol and word a status is shown with, and its CSS class.
std::string status_badge(SyncStatus status, bool fails);

// The file name of an article page: the id when it is a plain file name, else a hash.
std::string article_file(std::string_view id);

struct PageFrame {
  std::string title;
  std::string root;  // "" for the front page, "../" below it
  bool with_script = false;
};
std::string page(const PageFrame& frame, std::string_view body);

}  // namespace edsync::report_html
