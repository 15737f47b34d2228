// Replacing several files of tm/ as one step.
//
// Each file is renamed into place atomically, but an import changes several
// (tm/ar.tmx, tm/fa.tmx, ...), and a crash between two renames would leave
// half an import in the text. So the new files are first written to a staging
// folder, then a plan naming every change is written there (the commit
// point), and only then are the files renamed into tm/, the old ones kept in
// the staging folder until the database has committed too. Whatever an
// interrupted run leaves is settled by the next one: without a plan the
// staging folder is thrown away (tm/ was never touched), with a plan the
// remaining renames are done.
#pragma once

#include <filesystem>
#include <functional>
#include <system_error>
#include <string>
#include <utility>
#include <vector>

#include "edsync/result.h"

namespace edsync::tm::detail {

// For tests: faults injected where a commit keeps the previous files aside.
struct StageHooks {
  std::function<void(const std::string&)> after_each;  // after each file is replaced or deleted
  // Replaces the hard link of the previous file (returns the link's error).
  std::function<std::error_code(const std::filesystem::path& from, const std::filesystem::path& to)> link;
  // Replaces the byte copy made where a link is not possible.
  std::function<Status(const std::filesystem::path& from, const std::filesystem::path& to)> copy;
};

// The staging folder of `dir`; text_files() ignores it (it is not a *.tmx file).
std::filesystem::path staging_folder(const std::filesystem::path& dir);

class TextStage {
 public:
  // A fresh staging folder for `dir`; settle_staged_changes() first.
  static Result<TextStage> begin(const std::filesystem::path& dir);
  TextStage(TextStage&& other) noexcept;
  TextStage& operator=(TextStage&&) = delete;
  ~TextStage();  // throws the staging folder away unless committed

  // Where to write the new bytes of `name` before plan_write(name).
  std::filesystem::path staged_path(const std::string& name) const;
  // Scratch space inside the staging folder.
  std::filesystem::path scratch() const;
  void plan_write(const std::string& name);
  void plan_delete(const std::string& name);
  std::vector<std::string> planned() const;

  // Writes the plan (the commit point), then renames the new files into
  // `dir` and moves deleted ones aside.
  Status commit(const StageHooks& hooks = {});
  // After commit(), whether it succeeded or not: puts back the previous
  // files of those it renamed, and touches no other.
  void undo();
  // After commit(): the change stands; the previous files go.
  void finish();

 private:
  explicit TextStage(std::filesystem::path dir) : dir_(std::move(dir)) {}

  std::filesystem::path dir_;
  std::vector<std::pair<std::string, bool>> plan_;  // name, true to write it (false: delete)
  std::vector<std::pair<std::string, bool>> done_;  // what commit() carried out, in order
  bool active_ = true;
};

// Finishes or throws away what an interrupted commit left. Returns true when
// it found something to settle. Call it only while no other process can be
// committing to `dir` (inside the memory's write transaction).
Result<bool> settle_staged_changes(const std::filesystem::path& dir);

}  // namespace edsync::tm::detail
