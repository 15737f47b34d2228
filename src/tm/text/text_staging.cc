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
constexpr std::string_view kOldFolder = "old";

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

std::string plan_text(const std::vector<std::pair<std::string, bool>>& plan) {
  std::string text;
  for (const auto& [name, write] : plan) text += (write ? "write " : "delete ") + name + '\n';
  return text + std::string(kPlanEnd) + '\n';
}

Result<std::vector<std::pair<std::string, bool>>> read_plan(const fs::path& staging) {
  const auto text = read_file(staging / kPlanFile);
  if (!text) return text.error();
  const std::string shown = (staging / kPlanFile).string();
  if (!text->ends_with(std::string(kPlanEnd) + '\n'))
    return io_error(shown + ": the plan is incomplete; delete " + staging.string());
  std::vector<std::pair<std::string, bool>> plan;
  std::istringstream lines(*text);
  std::string action, name;
  while (lines >> action && action != kPlanEnd) {
    lines >> name;
    if ((action != "write" && action != "delete") || !is_plain_name(name))
      return io_error(shown + ": unexpected line '" + action + " " + name + "'; delete " + staging.string());
    plan.emplace_back(name, action == "write");
  }
  return plan;
}

// A copy is complete before anything relies on it: written under a
// temporary name, flushed, then renamed to `kept`.
Status copy_aside(const fs::path& current, const fs::path& kept, const StageHooks& hooks) {
  const fs::path partial = kept.string() + ".partial";
  std::error_code error;
  Status copied = success();
  if (hooks.copy) {
    copied = hooks.copy(current, partial);
  } else if (fs::copy_file(current, partial, fs::copy_options::overwrite_existing, error); error) {
    copied = cannot(kept, "keep the previous file", error);
  }
  if (copied) copied = flush_to_disk(partial);
  if (copied) fs::rename(partial, kept, error);
  if (copied && error) copied = cannot(kept, "keep the previous file", error);
  if (!copied) fs::remove(partial, error);
  return copied;
}

// The previous file stays reachable under old/ while `dir` never lacks it:
// a hard link, or a copy where links are not possible.
Status keep_previous(const fs::path& current, const fs::path& kept, const StageHooks& hooks) {
  std::error_code error;
  if (!fs::exists(current, error)) return success();
  if (hooks.link) error = hooks.link(current, kept);
  else fs::create_hard_link(current, kept, error);
  return error ? copy_aside(current, kept, hooks) : success();
}

Status carry_out(const fs::path& dir, const std::string& name, bool write) {
  const fs::path staging = staging_folder(dir);
  std::error_code error;
  if (write) {
    // Already moved when an earlier run stopped after this rename.
    if (!fs::exists(staging / name, error)) return success();
    fs::rename(staging / name, dir / name, error);
    if (error) return cannot(dir / name, "replace the file", error);
  } else if (fs::exists(dir / name, error)) {
    fs::rename(dir / name, staging / kOldFolder / name, error);
    if (error) return cannot(dir / name, "delete the file", error);
  }
  return success();
}

}  // namespace

fs::path staging_folder(const fs::path& dir) { return dir / ".staged"; }

Result<TextStage> TextStage::begin(const fs::path& dir) {
  const fs::path staging = staging_folder(dir);
  std::error_code error;
  fs::remove_all(staging, error);
  if (error) return cannot(staging, "remove the folder", error);
  fs::create_directories(staging / kOldFolder, error);
  if (error) return cannot(staging, "create the folder", error);
  return TextStage(dir);
}

TextStage::TextStage(TextStage&& other) noexcept
    : dir_(std::move(other.dir_)), plan_(std::move(other.plan_)), done_(std::move(other.done_)), active_(other.active_) {
  other.active_ = false;
}

TextStage::~TextStage() {
  if (!active_) return;
  std::error_code ignored;
  fs::remove_all(staging_folder(dir_), ignored);
}

fs::path TextStage::staged_path(const std::string& name) const { return staging_folder(dir_) / name; }

fs::path TextStage::scratch() const { return staging_folder(dir_) / "scratch"; }

void TextStage::plan_write(const std::string& name) { plan_.emplace_back(name, true); }

void TextStage::plan_delete(const std::string& name) { plan_.emplace_back(name, false); }

std::vector<std::string> TextStage::planned() const {
  std::vector<std::string> names;
  for (const auto& [name, write] : plan_) names.push_back(name);
  return names;
}

Status TextStage::commit(const StageHooks& hooks) {
  if (plan_.empty()) return success();
  const fs::path staging = staging_folder(dir_);
  for (const auto& [name, write] : plan_)
    if (write)
      if (Status kept = keep_previous(dir_ / name, staging / kOldFolder / name, hooks); !kept) return kept;
  if (Status planned = write_file_atomically(staging / kPlanFile, plan_text(plan_)); !planned) return planned;
  for (const auto& [name, write] : plan_) {
    if (Status done = carry_out(dir_, name, write); !done) return done;
    done_.emplace_back(name, write);
    if (hooks.after_each) hooks.after_each(name);
  }
  flush_folder(dir_);
  return success();
}

void TextStage::undo() {
  const fs::path staging = staging_folder(dir_);
  std::error_code ignored;
  // Without the plan, a crash during the undo cannot roll the import forward.
  fs::remove(staging / kPlanFile, ignored);
  // Only what this process renamed goes back: a file it did not touch is
  // someone's live file, whatever old/ holds.
  for (auto done = done_.rbegin(); done != done_.rend(); ++done) {
    const auto& [name, write] = *done;
    const fs::path kept = staging / kOldFolder / name;
    if (fs::exists(kept, ignored)) fs::rename(kept, dir_ / name, ignored);
    else if (write) fs::remove(dir_ / name, ignored);  // new with this import
  }
  done_.clear();
  flush_folder(dir_);
  finish();
}

void TextStage::finish() {
  std::error_code ignored;
  fs::remove_all(staging_folder(dir_), ignored);
  active_ = false;
}

Result<bool> settle_staged_changes(const fs::path& dir) {
  const fs::path staging = staging_folder(dir);
  std::error_code error;
  if (!fs::exists(staging, error)) return false;
  if (fs::exists(staging / kPlanFile, error)) {
    const auto plan = read_plan(staging);
    if (!plan) return plan.error();
    for (const auto& [name, write] : *plan)
      if (Status done = carry_out(dir, name, write); !done) return done.error();
    flush_folder(dir);
  }
  fs::remove_all(staging, error);
  if (error) return cannot(staging, "remove the folder", error);
  return true;
}

}  // namespace edsync::tm::detail
