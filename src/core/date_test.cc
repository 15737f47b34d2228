#include <doctest/doctest.h>

#include "edsync/date.h"

using namespace edsync;

TEST_CASE("Date::parse takes strict YYYY-MM-DD") {
  const auto date = Date::parse("2013-09-08");
  REQUIRE(date.has_value());
  CHECK(date->year == 2013);
  CHECK(date->month == 9);
  CHECK(date->day == 8);
  CHECK(date->to_string() == "2013-09-08");
  CHECK_FALSE(Date::parse("2013-9-8").has_value());
  CHECK_FALSE(Date::parse("2013-02-30").has_value());
  CHECK_FALSE(Date::parse("September 8, 2013").has_value());
  CHECK_FALSE(Date::parse("2013-09-08T10:00").has_value());
  CHECK(Date::parse("2012-02-29").has_value());
}

TEST_CASE("days_since_epoch orders and subtracts dates") {
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{2013, 9, 10}.days_since_epoch() - Date{2013, 9, 8}.days_since_epoch() == 2);
  CHECK(Date{2013, 3, 1}.days_since_epoch() - Date{2013, 2, 28}.days_since_epoch() == 1);
  CHECK(Date{2013, 9, 8} < Date{2013, 9, 10});
}
