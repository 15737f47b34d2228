// Knowing tm/ has not changed without reading it: the index records, beside
// the SHA-256 of each file, its size, times and inode. A file whose stat
// still matches is not read again; any difference (a checkout, an edit, a
// rename over it) means reading and hashing it. A file changed within two
// seconds of being stamped is not trusted to its stamp, as git does with
// racy entries.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "edsync/result.h"
#include "edsync/tm_text.h"

namespace edsync::tm::detail {

struct StampedFingerprint {
  TextFingerprint text;
  std::string stamps;  // what to record for the next run
};

// The fingerprint of `names` in `dir`, reading only files whose stamp in
// `known_stamps` (a previous TextFingerprint::stamps) does not match.
// `now` (nanoseconds since the epoch) decides which stamps are racy.
Result<StampedFingerprint> fingerprint_text(const std::filesystem::path& dir, const std::vector<std::string>& names,
                                         std::string_view known_stamps, std::int64_t now);

std::int64_t now_in_nanoseconds();

}  // namespace edsync::tm::detail
