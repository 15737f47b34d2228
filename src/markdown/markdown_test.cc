#include "edsync/markdown.h"

#include <doctest/doctest.h>

namespace edsync::markdown {
TEST_CASE("placeholder") { CHECK(segment_article("t", "a").blocks.size() == 1); }
}
