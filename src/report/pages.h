// The pages of the report site, as HTML text.
#pragma once

#include <string>

#include "edsync/report.h"

namespace edsync::report_html {

struct Links {
  bool pages = true;       // link editions and articles to their pages
  std::string files_root;  // from the site folder to the workspace root ("../../"); empty: no file links
};

std::string front_page(const Report& report, const Links& links);
std::string edition_page(const Report& report, const EditionPage& edition, const Links& links);
std::string article_page(const Report& report, const ArticlePage& article, const Links& links);

}  // namespace edsync::report_html
