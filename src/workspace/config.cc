#include "edsync/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>

#include "yaml_util.h"

namespace edsync {

namespace {

constexpr std::array kStatusNames = {
    std::pair{SyncStatus::ok, std::string_view("ok")},
    std::pair{SyncStatus::stale, std::string_view("stale")},
    std::pair{SyncStatus::untracked, std::string_view("untracked")},
    std::pair{SyncStatus::missing, std::string_view("missing")},
    std::pair{SyncStatus::pending, std::string_view("pending")},
    std::pair{SyncStatus::skipped, std::string_view("skipped")},
    std::pair{SyncStatus::orphan, std::string_view("orphan")},
    std::pair{SyncStatus::invalid, std::string_view("invalid")},
};

// Raised inside this file only, to unwind to parse_config with a position.
struct ConfigProblem {
  YAML::Mark mark;
  std::string message;
};

[[noreturn]] void fail(const YAML::Node& node, std::string message) {
  throw ConfigProblem{node.Mark(), std::move(message)};
}

std::string scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) fail(node, std::string(what) + " must be a single value");
  return node.Scalar();
}

std::string language(const YAML::Node& node, std::string_view what) {
  std::string tag = scalar(node, what);
  if (!is_edition_language(tag)) fail(node, std::string(what) + " must be a language code such as 'ar' or 'fa', got '" + tag + "'");
  return tag;
}

void expect_keys(const YAML::Node& map, std::string_view where, std::initializer_list<std::string_view> allowed) {
  if (!map.IsMap()) fail(map, std::string(where) + " must be 'key: value' lines");
  for (const auto& entry : map) {
    const std::string key = scalar(entry.first, "a key");
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string expected;
    for (const auto name : allowed) expected += (expected.empty() ? "" : ", ") + std::string(name);
    fail(entry.first, "unknown key '" + key + "' in " + std::string(where) + "; expected one of: " + expected);
  }
}

// A folder named in the config must stay inside the workspace: relative, and
// not climbing out of it with "..".
std::string inside_folder(const YAML::Node& node, std::string_view what, std::string_view example) {
  const std::string text = scalar(node, what);
  const std::filesystem::path normal = std::filesystem::path(text).lexically_normal();
  const bool escapes = normal.empty() || normal.is_absolute() || *normal.begin() == "..";
  if (escapes) fail(node, std::string(what) + " must be a folder inside the workspace, such as '" + std::string(example) + "', got '" + text + "'");
  return text;
}

bool boolean(const YAML::Node& node, std::string_view what) {
  const std::string text = scalar(node, what);
  if (text == "true" || text == "yes") return true;
  if (text == "false" || text == "no") return false;
  fail(node, std::string(what) + " must be true or false, got '" + text + "'");
}

EditionPolicy edition_policy(const std::string& lang, const YAML::Node& settings) {
  EditionPolicy policy{lang, true, std::nullopt};
  if (!settings || settings.IsNull()) return policy;
  expect_keys(settings, "editions." + lang, {"required", "since"});
  if (settings["required"]) policy.required = boolean(settings["required"], "required");
  if (const auto since = settings["since"]) {
    policy.since = Date::parse(scalar(since, "since"));
    if (!policy.since) fail(since, "since must be a date written YYYY-MM-DD, got '" + since.Scalar() + "'");
  }
  return policy;
}

std::vector<EditionPolicy> editions(const YAML::Node& node) {
  std::vector<EditionPolicy> result;
  if (node.IsSequence()) {
    for (const auto& item : node) result.push_back({language(item, "an edition"), true, std::nullopt});
  } else if (node.IsMap()) {
    for (const auto& entry : node) result.push_back(edition_policy(language(entry.first, "an edition"), entry.second));
  } else {
    fail(node, "editions must list the edition languages, e.g. [ar, fa, sq]");
  }
  for (std::size_t i = 0; i < result.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (result[i].lang == result[j].lang) fail(node, "edition '" + result[i].lang + "' is listed twice");
  return result;
}

CheckPolicy check_policy(const YAML::Node& node) {
  CheckPolicy policy;
  expect_keys(node, "check", {"grace_days", "fail_on"});
  if (const auto grace = node["grace_days"]) {
    const std::string text = scalar(grace, "grace_days");
    int days = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (error != std::errc() || end != text.data() + text.size() || days < 0)
      fail(grace, "grace_days must be a whole number of days, 0 or more, got '" + text + "'");
    policy.grace_days = days;
  }
  if (const auto fail_on = node["fail_on"]) {
    if (!fail_on.IsSequence()) fail(fail_on, "fail_on must be a list of statuses, e.g. [missing, stale]");
    policy.fail_on.clear();
    for (const auto& item : fail_on) {
      const auto status = parse_sync_status(scalar(item, "a status"));
      if (!status) fail(item, "unknown status '" + item.Scalar() + "'; statuses are ok, stale, untracked, missing, pending, skipped, orphan, invalid");
      policy.fail_on.push_back(*status);
    }
  }
  return policy;
}

AlignPolicy align_policy(const YAML::Node& node) {
  AlignPolicy policy;
  expect_keys(node, "align", {"min_confidence"});
  if (const auto threshold = node["min_confidence"]) {
    const std::string text = scalar(threshold, "min_confidence");
    double value = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !(value >= 0 && value <= 1))
      fail(threshold, "min_confidence must be a number from 0 to 1, got '" + text + "'");
    policy.min_confidence = value;
  }
  return policy;
}

int band_score(const YAML::Node& node) {
  const std::string text = scalar(node, "a band");
  int value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > 99)
    fail(node, "a band is the lowest fuzzy score it holds, a whole number from 1 to 99, got '" + text + "'");
  return value;
}

TodoPolicy todo_policy(const YAML::Node& node) {
  TodoPolicy policy;
  expect_keys(node, "todo", {"bands"});
  if (const auto bands = node["bands"]) {
    if (!bands.IsSequence() || bands.size() == 0) fail(bands, "bands must list the lowest score of each fuzzy band, highest first, e.g. [95, 85, 75, 50]");
    policy.bands.clear();
    for (const auto& item : bands) {
      const int score = band_score(item);
      if (!policy.bands.empty() && score >= policy.bands.back())
        fail(item, "bands must go from the highest score down, each lower than the one before; got " + std::to_string(score) + " after " + std::to_string(policy.bands.back()));
      policy.bands.push_back(score);
    }
  }
  return policy;
}

WorkspaceConfig config_from(const YAML::Node& root) {
  WorkspaceConfig config;
  if (root.IsNull()) fail(root, "the file is empty; it needs at least 'source' and 'editions'");
  expect_keys(root, "the workspace config", {"source", "editions", "paths", "check", "align", "todo"});
  if (root["source"]) config.source_lang = language(root["source"], "source");
  if (!root["editions"]) fail(root, "missing 'editions': list the edition languages, e.g. editions: [ar, fa, sq]");
  config.editions = editions(root["editions"]);
  for (const auto& edition : config.editions)
    if (edition.lang == config.source_lang) fail(root["editions"], "the source language '" + edition.lang + "' cannot also be an edition");
  if (const auto paths = root["paths"]) {
    expect_keys(paths, "paths", {"editions", "tm"});
    if (paths["editions"]) config.editions_dir = inside_folder(paths["editions"], "paths.editions", "editions");
    if (paths["tm"]) config.tm_dir = inside_folder(paths["tm"], "paths.tm", "tm");
  }
  if (root["check"]) config.check = check_policy(root["check"]);
  if (root["align"]) config.align = align_policy(root["align"]);
  if (root["todo"]) config.todo = todo_policy(root["todo"]);
  return config;
}

}  // namespace

bool is_edition_language(std::string_view tag) {
  // Lower-case primary subtag of 2-3 letters, optional "-Region" style subtags.
  const std::size_t dash = tag.find('-');
  const std::string_view primary = tag.substr(0, dash);
  if (primary.size() < 2 || primary.size() > 3) return false;
  if (!std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
  if (dash == std::string_view::npos) return true;
  const std::string_view rest = tag.substr(dash + 1);
  return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
}

std::string_view to_string(SyncStatus status) {
  for (const auto& [value, name] : kStatusNames)
    if (value == status) return name;
  return "unknown";
}

std::optional<SyncStatus> parse_sync_status(std::string_view name) {
  for (const auto& [value, known] : kStatusNames)
    if (known == name) return value;
  return std::nullopt;
}

const EditionPolicy* WorkspaceConfig::edition(std::string_view lang) const {
  for (const auto& policy : editions)
    if (policy.lang == lang) return &policy;
  return nullptr;
}

Result<WorkspaceConfig> parse_config(std::string_view text, const std::string& file_name) {
  const auto located = [&](const YAML::Mark& mark, const std::string& message) {
    if (mark.line < 0) return input_error(file_name + ": " + message);
    return input_error(file_name + ":" + std::to_string(yaml_util::line_of(mark, 1)) + ":" +
                       std::to_string(yaml_util::column_of(mark)) + ": " + message);
  };
  try {
    return config_from(YAML::Load(std::string(text)));
  } catch (const ConfigProblem& problem) {
    return located(problem.mark, problem.message);
  } catch (const YAML::Exception& error) {
    return located(error.mark, "not valid YAML: " + yaml_util::describe(error));
  }
}

std::string default_config_text(const std::vector<std::string>& edition_langs) {
  std::string text =
      "# edsync workspace: English articles in editions/en/, translations in\n"
      "# editions/<lang>/ under the same file name, the translation memory in tm/.\n"
      "source: en\n"
      "\n"
      "# Each edition may set `since: YYYY-MM-DD` (English articles dated earlier\n"
      "# are not required) and `required: false` (never fail for missing articles).\n"
      "editions:\n";
  for (const auto& lang : edition_langs) text += "  " + lang + ": {}\n";
  text +=
      "\n"
      "paths:\n"
      "  editions: editions\n"
      "  tm: tm\n"
      "\n"
      "check:\n"
      "  # Days a new English article may stay untranslated before it counts as missing.\n"
      "  grace_days: 7\n"
      "  # Statuses that make `edsync check` exit 1.\n"
      "  fail_on: [missing, stale, untracked, orphan, invalid]\n"
      "\n"
      "align:\n"
      "  # `edsync align` keeps beads less likely than this (0 to 1) out of the memory.\n"
      "  min_confidence: 0.5\n";
  return text;
}

}  // namespace edsync
