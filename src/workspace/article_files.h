// Listing the article files of an edition folder for loading: one readdir
// walk that takes each entry's type from the directory and its stamp from one
// fstatat on the open folder (no path looked up again from the root), each
// folder's names sorted as strings, which gives std::filesystem::path order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "edsync/file_stamp.h"
#include "edsync/result.h"

namespace edsync::detail {

struct ArticleFile {
  std::string path;                // relative to the workspace root, '/' separators
  std::optional<FileStamp> stamp;  // links followed; nullopt when it could not be read
  bool is_link = false;
};

// The Markdown files below `folder` (`relative`: its path from the root) in
// path order; hidden files and folders (editors' swap files, our temporary
// files) are not articles. Folder links are not entered.
Result<std::vector<ArticleFile>> list_article_files(const std::string& folder, const std::string& relative);

}  // namespace edsync::detail
