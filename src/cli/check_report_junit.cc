#include <pugixml.hpp>
#include <sstream>

#include "check_report.h"

namespace edsync::cli {

namespace {

void add_testcase(pugi::xml_node suite, const std::string& lang, const Finding& finding) {
  auto testcase = suite.append_child("testcase");
  testcase.append_attribute("classname") = ("edsync." + lang).c_str();
  testcase.append_attribute("name") = (finding.id.empty() ? finding.path : finding.id).c_str();
  testcase.append_attribute("file") = finding.path.c_str();
  if (finding.line > 0) testcase.append_attribute("line") = finding.line;
  const std::string message = std::string(to_string(finding.status)) + ": " + finding.detail;
  if (finding.fails) {
    auto failure = testcase.append_child("failure");
    failure.append_attribute("type") = std::string(to_string(finding.status)).c_str();
    failure.append_attribute("message") = message.c_str();
    std::string body = finding.path + (finding.line > 0 ? ":" + std::to_string(finding.line) : "") + ": " + message;
    for (const auto& change : finding.changes) {
      if (!change.before.empty()) body += "\n- " + change.before;
      if (!change.after.empty()) body += "\n+ " + change.after;
    }
    failure.text() = body.c_str();
  } else if (finding.status == SyncStatus::skipped) {
    testcase.append_child("skipped").append_attribute("message") = finding.detail.c_str();
  } else if (finding.status != SyncStatus::ok) {
    testcase.append_child("system-out").text() = message.c_str();
  }
}

pugi::xml_node add_suite(pugi::xml_node root, const std::string& lang, const std::vector<Finding>& findings) {
  auto suite = root.append_child("testsuite");
  int failures = 0, skipped = 0;
  for (const auto& finding : findings) {
    failures += finding.fails ? 1 : 0;
    skipped += !finding.fails && finding.status == SyncStatus::skipped ? 1 : 0;
  }
  suite.append_attribute("name") = ("edsync check " + lang).c_str();
  suite.append_attribute("tests") = static_cast<int>(findings.size());
  suite.append_attribute("failures") = failures;
  suite.append_attribute("errors") = 0;
  suite.append_attribute("skipped") = skipped;
  for (const auto& finding : findings) add_testcase(suite, lang, finding);
  return suite;
}

}  // namespace

void write_check_junit(std::ostream& out, const CheckReport& report) {
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  auto root = document.append_child("testsuites");
  root.append_attribute("name") = "edsync check";
  int tests = 0, failures = 0;
  const auto add = [&](const std::string& lang, const std::vector<Finding>& findings) {
    const auto suite = add_suite(root, lang, findings);
    tests += suite.attribute("tests").as_int();
    failures += suite.attribute("failures").as_int();
  };
  if (!report.source_problems.empty()) add(report.source_lang, report.source_problems);
  for (const auto& edition : report.editions) add(edition.lang, edition.findings);
  root.append_attribute("tests") = tests;
  root.append_attribute("failures") = failures;
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace edsync::cli
