#include "text_staging.h"

#include <fcntl.h>
#include <unistd.h>

#include <sstream>

#include "edsync/file_io.h"

namespace edsync::tm::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPlanFile = "plan";
constexpr std::string_view kPlanEnd = "end";

Error cannot(const fs::path& path, const std::string& what, const std::error_code& error) {
  return io_error(path.string() + ": cannot " + what + ": " + error.message());
}

// Names come back from a file on disk: only plain names inside `dir`.
bool is_plain_name(const std::string& name) {
  return !name.empty() && name.find('/') == std::string::npos && name != "." && name != "..";
}

// Renames are durable once the folder itself is flushed.
void flush_folder(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

std::string plan_text(const TextChanges& changes) {
  std::string plan;
  for (const auto& [name, bytes] : changes) plan += (bytes ? "write " : "delete ") + name + '\n';
  return plan + std::string(kPlanEnd) + '\n';
}

Status stage(const fs::path& staging, const TextChanges& changes) {
  std::error_code error;
  fs::remove_all(staging, error);
  if (error) return cannot(staging, "remove the folder", error);
  fs::create_directories(staging, error);
  if (error) return cannot(staging, "create the folder", error);
  for (const auto& [name, bytes] : changes) {
    if (!bytes) continue;
    if (Status written = write_file_atomically(staging / name, *bytes); !written) return written;
  }
  return write_file_atomically(staging / kPlanFile, plan_text(changes));
}

Status carry_out(const fs::path& dir, const std::string& action, const std::string& name) {
  const fs::path staged = staging_folder(dir) / name;
  std::error_code error;
  if (action == "write") {
    // Already moved when an earlier run stopped after this rename.
    if (!fs::exists(staged, error)) return success();
    fs::rename(staged, dir / name, error);
    if (error) return cannot(dir / name, "replace the file", error);
  } else {
    fs::remove(dir / name, error);
    if (error) return cannot(dir / name, "delete the file", error);
  }
  return success();
}

// Runs a complete plan; a plan without its last line was never committed.
Status run_plan(const fs::path& dir, const std::function<void(const std::string&)>& after_each) {
  const fs::path staging = staging_folder(dir);
  const auto plan = read_file(staging / kPlanFile);
  if (!plan) return plan.error();
  if (!plan->ends_with(std::string(kPlanEnd) + '\n'))
    return io_error((staging / kPlanFile).string() + ": the plan is incomplete; delete " + staging.string());
  std::istringstream lines(*plan);
  std::string action, name;
  while (lines >> action && action != kPlanEnd) {
    lines >> name;
    if ((action != "write" && action != "delete") || !is_plain_name(name))
      return io_error((staging / kPlanFile).string() + ": unexpected line '" + action + " " + name + "'; delete " +
                      staging.string());
    if (Status done = carry_out(dir, action, name); !done) return done;
    if (after_each) after_each(name);
  }
  flush_folder(dir);
  std::error_code error;
  fs::remove_all(staging, error);
  if (error) return cannot(staging, "remove the folder", error);
  return success();
}

}  // namespace

fs::path staging_folder(const fs::path& dir) { return dir / ".staged"; }

Status apply_text_changes(const fs::path& dir, const TextChanges& changes,
                          const std::function<void(const std::string&)>& after_each) {
  if (changes.empty()) return success();
  if (Status staged = stage(staging_folder(dir), changes); !staged) {
    std::error_code ignored;
    fs::remove_all(staging_folder(dir), ignored);
    return staged;
  }
  return run_plan(dir, after_each);
}

Result<bool> settle_staged_changes(const fs::path& dir) {
  const fs::path staging = staging_folder(dir);
  std::error_code error;
  if (!fs::exists(staging, error)) return false;
  if (fs::exists(staging / kPlanFile, error)) {
    if (Status done = run_plan(dir, {}); !done) return done.error();
    return true;
  }
  fs::remove_all(staging, error);
  if (error) return cannot(staging, "remove the folder", error);
  return true;
}

}  // namespace edsync::tm::detail
