#include "edsync/language.h"

#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <utility>

namespace edsync {

namespace {

// ISO 639-3 individual languages that the editions publish under their
// macrolanguage code; CLDR maps only some of these, so the table is explicit.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kMacrolanguage{{
    {"pes", "fa"}, {"prs", "fa"}, {"fas", "fa"}, {"per", "fa"},
    {"arb", "ar"}, {"ara", "ar"},
    {"als", "sq"}, {"sqi", "sq"}, {"alb", "sq"},
}};

std::optional<std::string> icu_canonical(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  char locale[ULOC_FULLNAME_CAPACITY] = {};
  int32_t parsed = 0;
  uloc_forLanguageTag(tag.c_str(), locale, sizeof locale, &parsed, &status);
  if (U_FAILURE(status) || parsed != static_cast<int32_t>(tag.size()) || locale[0] == '\0') return std::nullopt;
  char canonical[ULOC_FULLNAME_CAPACITY] = {};
  uloc_toLanguageTag(locale, canonical, sizeof canonical, /*strict=*/true, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return std::nullopt;
  return std::string(canonical);
}

std::string fold_macrolanguage(std::string tag) {
  const auto end = tag.find('-');
  const std::string_view language = std::string_view(tag).substr(0, end);
  for (const auto& [member, macro] : kMacrolanguage) {
    if (language == member) return std::string(macro) + (end == std::string::npos ? "" : tag.substr(end));
  }
  return tag;
}

}  // namespace

std::optional<std::string> canonical_language(std::string_view tag) {
  if (tag == kAllLanguages) return std::string(kAllLanguages);
  if (tag.empty() || tag.size() >= ULOC_FULLNAME_CAPACITY) return std::nullopt;
  std::string dashed(tag);
  std::replace(dashed.begin(), dashed.end(), '_', '-');
  auto canonical = icu_canonical(dashed);
  if (!canonical) return std::nullopt;
  return fold_macrolanguage(std::move(*canonical));
}

std::string_view primary_language(std::string_view canonical_tag) {
  return canonical_tag.substr(0, canonical_tag.find('-'));
}

bool language_matches(std::string_view canonical_tag, std::string_view wanted) {
  if (wanted == kAllLanguages) return true;
  if (canonical_tag == wanted) return true;
  return canonical_tag.size() > wanted.size() && canonical_tag.starts_with(wanted) &&
         canonical_tag[wanted.size()] == '-';
}

}  // namespace edsync
