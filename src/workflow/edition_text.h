// The text of a translated edition's file, as `xliff import` writes it.
// Private to the workflow module.
#pragma once

#include <optional>
#include <string>

#include "edsync/result.h"
#include "edsync/workspace.h"

namespace edsync::workflow {

// A YAML scalar for a front matter value: plain when YAML reads it back
// unchanged as a string, double-quoted (with escapes) otherwise.
std::string yaml_scalar(const std::string& value, bool always_quote = false);

// A new translation: the translated title (quoted, as the editions write
// titles), the English date, category and author, source_revision, then the
// rebuilt body.
std::string new_edition_text(const Article& english, const std::string& title, const std::string& revision,
                             const std::string& body);

// An existing translation (`text`, loaded as `translation`) with its title and
// source_revision set and its body replaced; its other front matter lines
// are kept as they are.
Result<std::string> updated_edition_text(const std::string& text, const Article& translation, const std::string& title,
                                         const std::string& revision, const std::string& body);

}  // namespace edsync::workflow
