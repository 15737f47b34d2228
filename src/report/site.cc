#include <system_error>

#include "edsync/file_io.h"
#include "edsync/report.h"
#include "html.h"
#include "pages.h"

namespace edsync {

namespace fs = std::filesystem;

namespace {

// The workspace root seen from a site folder inside it ("../../"); empty for
// a site elsewhere, whose links to the files would spell out the machine's folders.
std::string relative_root(const fs::path& folder, const fs::path& workspace_root) {
  std::error_code error;
  const fs::path relative = fs::relative(fs::weakly_canonical(workspace_root, error), fs::weakly_canonical(folder, error), error);
  if (error || relative.empty()) return "";
  if (relative == ".") return "./";
  std::string text;
  for (const auto& part : relative) {
    if (part != "..") return "";
    text += "../";
  }
  return text;
}

Status make_folder(const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) return io_error(folder.string() + ": cannot create the folder: " + error.message());
  return success();
}

// A page is made again in seconds: waiting for the disk after each of
// 10,000 article pages was most of the time the site took to write.
Status write_page(const fs::path& path, const std::string& html) { return write_file_atomically(path, html, Flush::no); }

}  // namespace

std::string front_page_html(const Report& report) { return report_html::front_page(report, {.pages = false, .files_root = ""}); }

Result<fs::path> write_report_site(const Report& report, const fs::path& folder, const fs::path& workspace_root,
                                   const ReportProgressCallback& on_progress) {
  const std::size_t pages = report.editions.size() + report.articles.size() + 1;
  std::size_t written_pages = 0;
  const auto wrote_one = [&] {
    if (on_progress) on_progress({"writing pages", ++written_pages, pages});
  };
  for (const fs::path& sub : {folder / "editions", folder / "articles"})
    if (const Status made = make_folder(sub); !made) return made.error();
  const report_html::Links links{.pages = true, .files_root = relative_root(folder, workspace_root)};
  for (const auto& edition : report.editions) {
    const fs::path path = folder / "editions" / (report_html::url_segment(edition.lang) + ".html");
    if (const Status written = write_page(path, report_html::edition_page(report, edition, links)); !written) return written.error();
    wrote_one();
  }
  for (const auto& article : report.articles) {
    const fs::path path = folder / "articles" / report_html::article_file(article.id);
    if (const Status written = write_page(path, report_html::article_page(report, article, links)); !written) return written.error();
    wrote_one();
  }
  const fs::path index = folder / "index.html";
  if (const Status written = write_page(index, report_html::front_page(report, links)); !written) return written.error();
  wrote_one();
  return index;
}

}  // namespace edsync
