// Import sources: the header of each TMX file units came from, kept in the
// store and carried through exports and tm/ so that it comes back out.
// Private to the tm module.
#pragma once

#include <vector>

#include "edsync/result.h"
#include "edsync/tm.h"
#include "edsync/tmx.h"

namespace edsync::tm {

// The source the units of a file belong to when they name none: the file's
// header itself, or none (0) when the header is a listing edsync wrote
// (x-edsync-source props), whose sources are recorded so that the units'
// props find them. `file` names the file in errors.
Result<std::int64_t> register_sources(Store& store, const tmx::Header& header, const std::string& file);

// The same for a file of tm/: its header is edsync's, never a source.
Status register_listed_sources(Store& store, const tmx::Header& header, const std::string& file);

// The sources a header edsync wrote lists, as the store would record them.
Result<std::vector<ImportSource>> listed_sources(const tmx::Header& header, const std::string& file);

// `base` for a document whose units come from `sources`: the datatype they
// share ("unknown" when they differ), the notes and props of a single source,
// each source as an x-edsync-source prop ("tag <header...>") and their <ude>s
// (once each), so that tools see what applies and nothing is lost. A note,
// prop or ude the TMX 1.4b DTD does not allow (a <prop> without type) is
// kept in its source's listing only, so the document stays valid.
tmx::Header listing_header(tmx::Header base, const std::vector<ImportSource>& sources);

}  // namespace edsync::tm
