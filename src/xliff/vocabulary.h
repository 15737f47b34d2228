// The words each XLIFF version uses for states, candidate types and code
// elements, and how they map onto the one data model.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "edsync/xliff.h"

namespace edsync::xliff {

inline constexpr std::string_view kNamespace12 = "urn:oasis:names:tc:xliff:document:1.2";
inline constexpr std::string_view kNamespace20 = "urn:oasis:names:tc:xliff:document:2.0";
inline constexpr std::string_view kMatches20 = "urn:oasis:names:tc:xliff:matches:2.0";
inline constexpr std::string_view kMetadata20 = "urn:oasis:names:tc:xliff:metadata:2.0";
inline constexpr std::string_view kSdlNamespace = "http://sdl.com/FileTypes/SdlXliff/1.0";
inline constexpr std::string_view kOurMetaForm = "x-edsync:";   // 1.2 <internal-file form="x-edsync:TYPE">
inline constexpr std::string_view kOurMetaGroup = "edsync";     // 2.0 <mda:metaGroup category>

// The state a value of `version` names; nullopt when that version has no such state.
std::optional<State> state_from(Version version, std::string_view value);
// Trados Studio's confirmation level (<sdl:seg conf>).
std::optional<State> state_from_sdl(std::string_view conf);
// The name `version` gives `state` ("" for unspecified).
std::string_view state_name(Version version, State state);
// True when `value` may stand in a state attribute of `version`.
bool is_state_value(Version version, std::string_view value);

// A candidate type (1.2 alttranstype, 2.0 mtc type) `version` accepts.
bool is_candidate_type(Version version, std::string_view type);

// True for the code elements of `version` ("ph", "bpt"... or "ph", "pc"...).
bool is_code_element(Version version, std::string_view element);

}  // namespace edsync::xliff
