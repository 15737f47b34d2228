// What the 1.2 and 2.0 readers share: the source, the first problem found,
// and how a unit that cannot be read is skipped or reported.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "edsync/xliff.h"
#include "source.h"

namespace edsync::xliff {

struct Problem {
  pugi::xml_node node;
  std::string message;
};

class Reading {
 public:
  Reading(const Source& source, const ReadOptions& options) : source_(source), options_(options) {}

  // Records the first problem; always false, so callers can `return fail(...)`.
  bool fail(pugi::xml_node node, std::string message) {
    if (!problem_) problem_ = Problem{node, std::move(message)};
    return false;
  }
  // The value of a required attribute; a problem when it is absent or empty.
  std::optional<std::string> required(pugi::xml_node node, const char* attribute, std::string_view hint = {});

  // After a unit failed: true when it is listed and skipped (reading goes on).
  bool skip_failed_unit();
  Error error() const;
  const Source& source() const { return source_; }
  TextPosition position(pugi::xml_node node) const { return source_.position(node); }

 private:
  const Source& source_;
  const ReadOptions& options_;
  std::optional<Problem> problem_;
};

// The units directly inside one container (body, file or group): each run
// of them between nested groups becomes a Group of the file with the
// container's id (the container's notes go with the first).
class GroupRun {
 public:
  GroupRun(File& file, std::string id, std::vector<Note> notes)
      : file_(file), id_(std::move(id)), notes_(std::move(notes)) {}
  void interrupt() { current_.reset(); }  // a nested group comes between

  // Reads a container's units with `read`; a failed one is skipped when the reading allows.
  template <typename Read>
  bool add(Reading& reading, Read read) {
    std::vector<Unit> units;
    if (!read(units)) {
      if (!reading.skip_failed_unit()) return false;
      units.clear();
    }
    if (!current_) {
      file_.groups.push_back(Group{id_, std::move(notes_), {}});
      notes_.clear();
      current_ = file_.groups.size() - 1;
    }
    for (auto& unit : units) file_.groups[*current_].units.push_back(std::move(unit));
    return true;
  }

 private:
  File& file_;
  std::string id_;
  std::vector<Note> notes_;
  std::optional<std::size_t> current_;
};

// Codes that must pair up inside one piece of content (1.2 <bpt>/<ept>,
// <bx/>/<ex/>) or one unit (2.0 <sc/>/<ec/>, <sm/>/<em/>): the openings not
// yet closed, by id.
struct OpenCodes {
  std::map<std::string, pugi::xml_node> codes;
  std::map<std::string, pugi::xml_node> markers;
};

// Inline content of a 1.2 <source>, <target> or <mrk mtype="seg">.
bool read_content_12(Reading& reading, pugi::xml_node parent, Content& out, OpenCodes& open);
// Fails at the first opening `open` still holds (1.2: at the end of a content).
bool check_closed_12(Reading& reading, const OpenCodes& open);

// 2.0: the <data> of an <originalData>, by id.
using OriginalData = std::map<std::string, std::string>;
bool read_original_data(Reading& reading, pugi::xml_node original_data, OriginalData& out);
bool read_content_20(Reading& reading, pugi::xml_node parent, const OriginalData& data, Content& out, OpenCodes& open);
bool check_closed_20(Reading& reading, const OpenCodes& open);

void append_text(Content& content, std::string_view text);

bool read_12(Reading& reading, pugi::xml_node root, Document& document);
bool read_20(Reading& reading, pugi::xml_node root, Document& document);

}  // namespace edsync::xliff
