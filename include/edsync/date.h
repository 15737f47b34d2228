// Calendar dates as articles write them: YYYY-MM-DD.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace edsync {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  // Days since 1970-01-01; negative before it.
  long days_since_epoch() const;
  std::string to_string() const;  // YYYY-MM-DD

  static std::optional<Date> parse(std::string_view text);  // strict YYYY-MM-DD
  static Date today_utc();
};

}  // namespace edsync
