#include "text_stamps.h"

#include <doctest/doctest.h>

#include "edsync/file_io.h"
#include "edsync/revision.h"
#include "test_store.h"

namespace edsync::tm::detail {

namespace {

constexpr std::int64_t kHour = 3'600'000'000'000;

// The stamps with every SHA-256 replaced, to see which files were read again.
std::string with_fake_hashes(std::string stamps) {
  for (std::size_t at = 0; (at = stamps.find('\n', at)) != std::string::npos; ++at)
    stamps.replace(at - 64, 64, std::string(64, 'f'));
  return stamps;
}

}  // namespace

TEST_CASE("a file whose stamp still matches is not read again") {
  const auto folder = test::fresh_folder("stamps");
  REQUIRE(write_file_atomically(folder / "ar.tmx", "Arabic").ok());
  REQUIRE(write_file_atomically(folder / "fa.tmx", "Persian").ok());
  const std::vector<std::string> names{"ar.tmx", "fa.tmx"};
  const std::int64_t later = now_in_nanoseconds() + kHour;

  const auto first = fingerprint_text(folder, names, "", later);
  REQUIRE(first.ok());
  CHECK(first->text.recorded() == "ar.tmx " + sha256_hex("Arabic") + "\nfa.tmx " + sha256_hex("Persian") + "\n");

  const auto trusted = fingerprint_text(folder, names, with_fake_hashes(first->stamps), later);
  REQUIRE(trusted.ok());
  CHECK(trusted->text.recorded() == "ar.tmx " + std::string(64, 'f') + "\nfa.tmx " + std::string(64, 'f') + "\n");

  REQUIRE(write_file_atomically(folder / "fa.tmx", "Persian, edited").ok());
  const auto edited = fingerprint_text(folder, names, with_fake_hashes(first->stamps), later);
  REQUIRE(edited.ok());
  CHECK(edited->text.recorded() == "ar.tmx " + std::string(64, 'f') + "\nfa.tmx " + sha256_hex("Persian, edited") + "\n");
  std::filesystem::remove_all(folder);
}

TEST_CASE("a file changed in the last two seconds is read, and not stamped") {
  const auto folder = test::fresh_folder("racy");
  REQUIRE(write_file_atomically(folder / "ar.tmx", "Arabic").ok());
  const auto settled = fingerprint_text(folder, {"ar.tmx"}, "", now_in_nanoseconds() + kHour);
  REQUIRE(settled.ok());
  const auto racy = fingerprint_text(folder, {"ar.tmx"}, with_fake_hashes(settled->stamps), now_in_nanoseconds());
  REQUIRE(racy.ok());
  CHECK(racy->text.recorded() == "ar.tmx " + sha256_hex("Arabic") + "\n");
  CHECK(racy->stamps.empty());
  std::filesystem::remove_all(folder);
}

}  // namespace edsync::tm::detail
