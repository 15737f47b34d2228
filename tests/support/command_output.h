// Runs a shell command for a data test (xmllint) and gives what it printed.
#pragma once

#include <cstdio>
#include <string>

namespace edsync::test {

struct CommandOutput {
  std::string text;  // stdout (add 2>&1 to the command for stderr too)
  int status = -1;   // as pclose gives it; 0 when the command succeeded
};

inline CommandOutput command_output(const std::string& command) {
  CommandOutput out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe)) out.text.append(buffer, read);
  out.status = ::pclose(pipe);
  return out;
}

}  // namespace edsync::test
