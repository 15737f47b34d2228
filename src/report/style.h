// The report's look: colours of both schemes (kept apart so a test can check
// their contrast), the stylesheet built from them, and the edition page's script.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "edsync/config.h"

namespace edsync::report_html {

struct StatusLook {
  SyncStatus status;
  std::string_view symbol;  // shown beside the word, so colour is never the only signal
  std::string_view label;
  std::string_view light;   // text colour on the light background
  std::string_view dark;    // on the dark one
};
const StatusLook& look_of(SyncStatus status);
const std::vector<StatusLook>& status_looks();

struct Scheme {
  std::string_view background;
  std::string_view surface;  // table headers, cards
  std::string_view text;
  std::string_view muted;
  std::string_view link;
  std::string_view border;
  std::string_view mark_background;  // changed words
};
const Scheme& light_scheme();
const Scheme& dark_scheme();

std::string stylesheet();
std::string_view table_script();

}  // namespace edsync::report_html
