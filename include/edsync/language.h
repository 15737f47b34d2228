// BCP 47 language tags as the translation memory stores and matches them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace edsync {

// The tag TMX uses in a header's srclang for "any language".
inline constexpr std::string_view kAllLanguages = "*all*";

// The canonical BCP 47 form of a tag: any case, '_' or '-' ("AR_eg" -> "ar-EG"),
// macrolanguage members folded into the language the editions use
// ("pes" -> "fa", "arb" -> "ar", "als" -> "sq"), region and script kept.
// "*all*" is returned as is. nullopt when the tag is not well formed.
std::optional<std::string> canonical_language(std::string_view tag);

// The language subtag of a canonical tag: "fa-IR" -> "fa".
std::string_view primary_language(std::string_view canonical_tag);

// Whether a canonical tag belongs to a wanted language: "fa-IR" and "fa" match
// "fa"; "fa-IR" matches "fa-IR" but not "fa-AF"; "*all*" wanted matches any.
bool language_matches(std::string_view canonical_tag, std::string_view wanted);

}  // namespace edsync
