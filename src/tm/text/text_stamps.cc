#include "text_stamps.h"

#include <sys/stat.h>

#include <chrono>
#include <map>
#include <sstream>

#include "edsync/file_io.h"
#include "edsync/revision.h"

namespace edsync::tm::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kRacyNanoseconds = 2'000'000'000;

struct Stamp {
  std::int64_t size = 0, modified = 0, changed = 0;
  std::uint64_t inode = 0;
  bool operator==(const Stamp&) const = default;
};

std::int64_t nanoseconds(const timespec& time) { return std::int64_t{time.tv_sec} * 1'000'000'000 + time.tv_nsec; }

std::optional<Stamp> stamp_of(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return Stamp{static_cast<std::int64_t>(info.st_size), nanoseconds(info.st_mtim), nanoseconds(info.st_ctim),
               static_cast<std::uint64_t>(info.st_ino)};
}

// name -> (stamp, sha256)
std::map<std::string, std::pair<Stamp, std::string>> parse_stamps(std::string_view text) {
  std::map<std::string, std::pair<Stamp, std::string>> stamps;
  std::istringstream lines{std::string(text)};
  std::string name, sha;
  Stamp stamp;
  while (lines >> name >> stamp.size >> stamp.modified >> stamp.changed >> stamp.inode >> sha) stamps[name] = {stamp, sha};
  return stamps;
}

std::string stamp_line(const std::string& name, const Stamp& stamp, const std::string& sha) {
  return name + ' ' + std::to_string(stamp.size) + ' ' + std::to_string(stamp.modified) + ' ' +
         std::to_string(stamp.changed) + ' ' + std::to_string(stamp.inode) + ' ' + sha + '\n';
}

bool is_racy(const Stamp& stamp, std::int64_t now) {
  return now - std::max(stamp.modified, stamp.changed) < kRacyNanoseconds;
}

}  // namespace

Result<StampedFingerprint> fingerprint_text(const fs::path& dir, const std::vector<std::string>& names,
                                            std::string_view known_stamps, std::int64_t now) {
  const auto known = parse_stamps(known_stamps);
  StampedFingerprint fingerprint;
  for (const auto& name : names) {
    const auto stamp = stamp_of(dir / name);
    const auto previous = known.find(name);
    std::string sha;
    if (stamp && previous != known.end() && previous->second.first == *stamp && !is_racy(*stamp, now)) {
      sha = previous->second.second;
    } else {
      auto hashed = sha256_hex_of_file(dir / name);
      if (!hashed) return hashed.error();
      sha = std::move(*hashed);
    }
    fingerprint.text.files.push_back({name, stamp ? static_cast<std::uint64_t>(stamp->size) : 0, sha});
    if (stamp && !is_racy(*stamp, now)) fingerprint.stamps += stamp_line(name, *stamp, sha);
  }
  return fingerprint;
}

}  // namespace edsync::tm::detail

namespace edsync::tm {

std::string TextFingerprint::recorded() const {
  std::string lines;
  for (const auto& file : files) lines += file.name + ' ' + file.sha256 + '\n';
  return lines;
}

}  // namespace edsync::tm

namespace edsync::tm::detail {

std::int64_t now_in_nanoseconds() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace edsync::tm::detail
