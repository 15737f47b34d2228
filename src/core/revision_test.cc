#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include "edsync/file_io.h"
#include "edsync/revision.h"

using namespace edsync;

TEST_CASE("sha256_hex matches the published test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  edsync::Sha256 pieces;
  for (const char* piece : {"a", "", "bc"}) pieces.add(piece);
  CHECK(pieces.hex() == sha256_hex("abc"));
}

TEST_CASE("a reformat keeps the revision") {
  const std::string revision = revision_of("Title", "One sentence. Two sentences.\n");
  CHECK(revision.size() == kRevisionDigits);
  CHECK(revision_of("Title", "One sentence.\nTwo sentences.") == revision);
  CHECK(revision_of("  Title ", "\n\nOne   sentence.  Two sentences.\n\n") == revision);
  CHECK(revision_of("Title", "One sentence.\u00a0Two sentences.") == revision);
}

TEST_CASE("any changed word, or the title, changes the revision") {
  const std::string revision = revision_of("Title", "One sentence. Two sentences.");
  CHECK(revision_of("Title", "One sentence. Three sentences.") != revision);
  CHECK(revision_of("Title", "One sentence. Two sentences") != revision);
  CHECK(revision_of("Other title", "One sentence. Two sentences.") != revision);
  CHECK(revision_of("Title One", "sentence. Two sentences.") != revision);  // title and body stay apart
}

TEST_CASE("canonically equivalent text has the same revision") {
  CHECK(revision_of("T", "caf\u0065\u0301") == revision_of("T", "caf\u00e9"));
}

TEST_CASE("parse_revision accepts exactly 16 hex digits") {
  CHECK(parse_revision("0123456789abcdef") == "0123456789abcdef");
  CHECK(parse_revision("0123456789ABCDEF") == "0123456789abcdef");
  CHECK_FALSE(parse_revision("0123456789abcde").has_value());
  CHECK_FALSE(parse_revision("0123456789abcdef0").has_value());
  CHECK_FALSE(parse_revision("0123456789abcdeg").has_value());
  CHECK_FALSE(parse_revision("").has_value());
}

TEST_CASE("a file's SHA-256 is that of its bytes, read in pieces") {
  const auto path = std::filesystem::temp_directory_path() / ("edsync-sha-" + std::to_string(::getpid()));
  std::string bytes;
  for (int i = 0; i < 300'000; ++i) bytes += "line " + std::to_string(i) + "\n";  // several megabytes
  REQUIRE(edsync::write_file_atomically(path, bytes).ok());
  CHECK(*edsync::sha256_hex_of_file(path) == edsync::sha256_hex(bytes));
  std::filesystem::remove(path);
  const auto missing = edsync::sha256_hex_of_file(path);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == path.string() + ": cannot open: No such file or directory");
}
