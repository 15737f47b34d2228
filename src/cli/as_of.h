// --as-of DATE, as check, report and todo take it.
#pragma once

#include <string>

#include "edsync/date.h"
#include "edsync/result.h"

namespace edsync::cli {

inline Result<Date> parse_as_of(const std::string& text) {
  const auto date = Date::parse(text);
  if (!date) return usage_error("--as-of must be a date written YYYY-MM-DD, got '" + text + "'");
  return *date;
}

}  // namespace edsync::cli
