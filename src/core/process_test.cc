#include <doctest/doctest.h>

#include "edsync/process.h"

using namespace edsync;

TEST_CASE("run_process returns stdout and the exit code, without a shell") {
  const auto echoed = run_process({"printf", "%s|", "a b", "$HOME"}, "/");
  REQUIRE(echoed.ok());
  CHECK(echoed->exit_code == 0);
  CHECK(echoed->out == "a b|$HOME|");
  const auto failed = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"}, "/tmp");
  REQUIRE(failed.ok());
  CHECK(failed->exit_code == 3);
  CHECK(failed->out == "out\n");
}

TEST_CASE("run_process reports a program that does not exist") {
  const auto missing = run_process({"edsync-no-such-program"}, "/");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "cannot run edsync-no-such-program: No such file or directory");
}

TEST_CASE("run_process gives a program its input, however much it answers") {
  std::string input;
  for (int i = 0; i < 20000; ++i) input += "line " + std::to_string(i) + "\n";
  const auto copied = run_process({"sh", "-c", "cat; cat /dev/null"}, "/", input);
  REQUIRE(copied.ok());
  CHECK(copied->out == input);
  const auto empty = run_process({"wc", "-c"}, "/", "");
  REQUIRE(empty.ok());
  CHECK(empty->out == "0\n");
}

TEST_CASE("run_for_line trims the line break and is nothing when the program fails") {
  CHECK(run_for_line({"printf", "abc123\\r\\n"}, "/") == std::optional<std::string>("abc123"));
  CHECK(run_for_line({"printf", "two\\nlines\\n"}, "/") == std::optional<std::string>("two\nlines"));
  CHECK_FALSE(run_for_line({"sh", "-c", "echo out; exit 1"}, "/"));
  CHECK_FALSE(run_for_line({"edsync-no-such-program"}, "/"));
}
