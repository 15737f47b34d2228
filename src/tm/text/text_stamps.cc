#include "text_stamps.h"

#include <map>
#include <sstream>

#include "edsync/file_io.h"
#include "edsync/file_stamp.h"
#include "edsync/revision.h"

namespace edsync::tm::detail {

namespace fs = std::filesystem;

namespace {

using Stamp = FileStamp;

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
