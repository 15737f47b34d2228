#include "edsync/file_io.h"
#include "reading.h"
#include "vocabulary.h"

namespace edsync::xliff {
namespace {

// Picks the version from the root's namespace and version attribute.
bool read_root(Reading& reading, pugi::xml_node root, Document& document) {
  if (local_name(root) != "xliff") {
    return reading.fail(root, "the root element is <" + std::string(root.name()) + ">, not <xliff>; this is not an XLIFF file");
  }
  const std::string_view ns = namespace_of(root);
  const std::string version = root.attribute("version").value();
  if (ns.empty()) {
    return reading.fail(root, "<xliff> declares no namespace; XLIFF 1.2 is in xmlns=\"" + std::string(kNamespace12) +
                                  "\", 2.0 in xmlns=\"" + std::string(kNamespace20) + "\"");
  }
  if (ns != kNamespace12 && ns != kNamespace20) {
    return reading.fail(root, "<xliff> is in the namespace \"" + std::string(ns) + "\", which is not XLIFF 1.2's (" +
                                  std::string(kNamespace12) + ") or 2.0's (" + std::string(kNamespace20) + ")");
  }
  const bool v12 = ns == kNamespace12;
  if (version.empty()) return reading.fail(root, std::string("<xliff> has no version; add version=\"") + (v12 ? "1.2" : "2.0") + "\"");
  if (v12 ? version != "1.2" : (version != "2.0" && version != "2.1")) {
    return reading.fail(root, "version=\"" + version + "\" is not a version edsync reads in the namespace " + std::string(ns) +
                                  (v12 ? " (it reads 1.2)" : " (it reads 2.0 and 2.1)"));
  }
  return v12 ? read_12(reading, root, document) : read_20(reading, root, document);
}

}  // namespace

std::optional<std::string> Reading::required(pugi::xml_node node, const char* attribute, std::string_view hint) {
  std::string value = node.attribute(attribute).value();
  if (!value.empty()) return value;
  fail(node, "<" + std::string(node.name()) + "> has no " + attribute + "; add it" + std::string(hint));
  return std::nullopt;
}

bool Reading::skip_failed_unit() {
  if (!options_.invalid_units || !problem_) return false;
  options_.invalid_units->push_back(source_.diagnostic(problem_->node, problem_->message));
  problem_.reset();
  return true;
}

Error Reading::error() const {
  if (!problem_) return input_error(source_.name() + ": cannot be read as XLIFF");
  return input_error(source_.diagnostic(problem_->node, problem_->message).to_string());
}

Result<Document> read(std::string bytes, const std::string& name, const ReadOptions& options) {
  auto source = Source::load(std::move(bytes), name);
  if (!source) return source.error();
  Reading reading(*source, options);
  Document document;
  if (!read_root(reading, source->root(), document)) return reading.error();
  return document;
}

Result<Document> read_file(const std::filesystem::path& path, const std::string& name, const ReadOptions& options) {
  if (const Status file = refuse_folder(path, "an XLIFF file"); !file) return file.error();
  auto bytes = edsync::read_file(path, "an XLIFF file");
  if (!bytes) return bytes.error();
  return read(std::move(*bytes), name, options);
}

bool looks_like_xliff(std::string_view head) {
  std::string ascii;  // UTF-16 markup with its zero bytes dropped reads as ASCII
  for (const char c : head)
    if (c != '\0') ascii += c;
  std::size_t at = 0;
  while ((at = ascii.find('<', at)) != std::string::npos) {
    if (at + 1 < ascii.size() && ascii[at + 1] != '?' && ascii[at + 1] != '!') break;
    ++at;
  }
  if (at == std::string::npos) return false;
  const auto end = ascii.find_first_of(" \t\r\n/>", at);
  std::string_view name = std::string_view(ascii).substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
  if (const auto colon = name.find(':'); colon != std::string_view::npos) name = name.substr(colon + 1);
  return name == "xliff";
}

}  // namespace edsync::xliff
