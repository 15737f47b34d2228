#include "article_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

namespace edsync::detail {

namespace {

struct DirCloser {
  void operator()(DIR* dir) const { ::closedir(dir); }
};

Error cannot_list(const std::string& folder, int error) {
  return io_error(folder + ": cannot list: " + std::strerror(error));
}

unsigned char type_of(int dir_fd, const dirent& entry) {
  if (entry.d_type != DT_UNKNOWN) return entry.d_type;
  struct stat info {};  // file systems that do not fill d_type
  if (::fstatat(dir_fd, entry.d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) return DT_UNKNOWN;
  return static_cast<unsigned char>(IFTODT(info.st_mode));
}

struct Entry {
  std::string name;
  unsigned char type;
};

// The entries of the open folder that may hold articles, sorted by name:
// visiting them in that order, depth first, gives the paths in path order.
Result<std::vector<Entry>> sorted_entries(DIR* dir, const std::string& shown) {
  std::vector<Entry> entries;
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir);
    if (!entry) break;
    const std::string_view name = entry->d_name;
    if (name.front() == '.') continue;  // hidden, and . and ..
    const unsigned char type = type_of(::dirfd(dir), *entry);
    if (type == DT_DIR || ((type == DT_REG || type == DT_LNK) && name.ends_with(".md"))) entries.push_back({std::string(name), type});
  }
  if (errno != 0) return cannot_list(shown, errno);
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return entries;
}

// Walks the open folder `fd` (taken over), named `shown` in errors.
Status walk(int fd, const std::string& shown, const std::string& relative, std::vector<ArticleFile>& files) {
  std::unique_ptr<DIR, DirCloser> dir(::fdopendir(fd));
  if (!dir) {
    const int error = errno;
    ::close(fd);
    return cannot_list(shown, error);
  }
  const auto entries = sorted_entries(dir.get(), shown);
  if (!entries) return entries.error();
  const int dir_fd = ::dirfd(dir.get());
  for (const auto& [name, type] : *entries) {
    if (type != DT_DIR) {
      files.push_back({relative + "/" + name, stamp_at(dir_fd, name.c_str()), type == DT_LNK});
      continue;
    }
    const int sub = ::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) return cannot_list(shown + "/" + name, errno);
    if (Status listed = walk(sub, shown + "/" + name, relative + "/" + name, files); !listed) return listed;
  }
  return success();
}

}  // namespace

Result<std::vector<ArticleFile>> list_article_files(const std::string& folder, const std::string& relative) {
  std::vector<ArticleFile> files;
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return cannot_list(folder, errno);
  if (Status listed = walk(fd, folder, relative, files); !listed) return listed.error();
  return files;
}

}  // namespace edsync::detail
