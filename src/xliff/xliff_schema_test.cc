// What edsync writes as XLIFF is checked by the official schemas with
// xmllint, offline (../shared/data/schemas/): 1.2 against the strict XSD,
// 2.0 against the core and every module. Documents using every feature of
// each version are written, and so is every shared sample that reads.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "edsync/xliff.h"
#include "command_output.h"
#include "shared_data.h"
#include "test_documents.h"

namespace edsync::xliff {
namespace {

namespace fs = std::filesystem;

fs::path schemas() { return *edsync::test::shared_data_dir() / "schemas"; }

// A catalog that maps the xml.xsd the 1.2 schemas import to the local copy
// (the shared catalog.xml is not well-formed: "--" inside its comment).
fs::path catalog(const fs::path& folder) {
  const fs::path file = folder / "catalog.xml";
  const std::string local = "file://" + fs::absolute(schemas() / "w3c" / "xml.xsd").string();
  std::ofstream(file) << "<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">\n"
                         "  <system systemId=\"http://www.w3.org/2001/xml.xsd\" uri=\"" + local + "\"/>\n"
                         "  <uri name=\"http://www.w3.org/2001/xml.xsd\" uri=\"" + local + "\"/>\n</catalog>\n";
  return file;
}

// What xmllint says about `text` beyond "validates"; "" when it is valid.
std::string schema_problems(const std::string& text, Version version) {
  const fs::path folder = fs::temp_directory_path() / ("edsync-xliff-schema-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  const fs::path file = folder / "written.xlf";
  std::ofstream(file, std::ios::binary) << text;
  ::setenv("XML_CATALOG_FILES", catalog(folder).c_str(), 1);
  const fs::path schema = version == Version::v1_2 ? schemas() / "xliff-1.2" / "xliff-core-1.2-strict.xsd"
                                                   : schemas() / "xliff-2.0" / "xliff_2.0_all_modules.xsd";
  const auto run = edsync::test::command_output("xmllint --nonet --noout --schema '" + schema.string() + "' '" +
                                                file.string() + "' 2>&1");
  fs::remove_all(folder);
  if (run.text == file.string() + " validates\n" && run.status == 0) return "";
  return run.text.empty() ? "xmllint failed without a message" : run.text;
}

std::string name_of(Version version) { return version == Version::v1_2 ? "1.2" : "2.0"; }

}  // namespace

TEST_CASE("documents using every feature validate against the schemas, in both versions and across them") {
  for (const Version made_as : {Version::v1_2, Version::v2_0}) {
    for (const Version written_as : {Version::v1_2, Version::v2_0}) {
      CAPTURE(name_of(made_as));
      CAPTURE(name_of(written_as));
      const auto text = write(testing::full_document(made_as), written_as);
      REQUIRE(text.ok());
      CHECK(schema_problems(*text, written_as) == "");
    }
  }
}

TEST_CASE("a schema test that can fail: an invalid document is reported") {
  CHECK(schema_problems("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><body/></xliff>",
                        Version::v1_2) != "");
}

TEST_CASE("every shared sample that reads is written valid, as either version") {
  for (const auto& entry : fs::recursive_directory_iterator(*edsync::test::shared_data_dir() / "xliff")) {
    if (!entry.is_regular_file()) continue;
    const auto document = read_file(entry.path(), entry.path().filename().string());
    if (!document) continue;  // the broken ones: see xliff_data_test
    for (const Version version : {Version::v1_2, Version::v2_0}) {
      CAPTURE(entry.path().filename().string());
      CAPTURE(name_of(version));
      const auto text = write(*document, version);
      REQUIRE_MESSAGE(text.ok(), (text.ok() ? "" : text.error().message));
      CHECK(schema_problems(*text, version) == "");
    }
  }
}

}  // namespace edsync::xliff
