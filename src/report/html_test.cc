#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "edsync/report.h"
#include "html.h"
#include "style.h"

using namespace edsync;
using namespace edsync::report_html;

namespace {

double channel(int value) {
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::string_view hex) {
  const auto part = [&](std::size_t at) { return std::stoi(std::string(hex.substr(at, 2)), nullptr, 16); };
  return 0.2126 * channel(part(1)) + 0.7152 * channel(part(3)) + 0.0722 * channel(part(5));
}

double contrast(std::string_view a, std::string_view b) {
  const double x = luminance(a), y = luminance(b);
  return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

}  // namespace

TEST_CASE("text from articles is escaped") {
  CHECK(escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(url_segment("a b/ü?.md") == "a%20b%2F%C3%BC%3F.md");
}

TEST_CASE("Arabic and Persian text carries lang and dir=rtl, isolated") {
  CHECK(text_in("ar", "خبر") == "<bdi lang=\"ar\" dir=\"rtl\">خبر</bdi>");
  CHECK(text_in("fa-IR", "x") == "<bdi lang=\"fa-IR\" dir=\"rtl\">x</bdi>");
  CHECK(text_in("sq", "Lajm") == "<bdi lang=\"sq\" dir=\"ltr\">Lajm</bdi>");
  CHECK(edition_name("fa") == "Persian <bdi lang=\"fa\" dir=\"rtl\">فارسی</bdi> <span class=\"tag\">(fa)</span>");
}

TEST_CASE("article page names are plain ids or a hash, never a path") {
  CHECK(article_file("camp-raid_2") == "camp-raid_2.html");
  CHECK(article_file("../x").rfind("article-", 0) == 0);
  CHECK(article_file("a b").find(' ') == std::string::npos);
}

TEST_CASE("every status and text colour has a contrast of at least 4.5:1 in both schemes") {
  for (const Scheme* scheme : {&light_scheme(), &dark_scheme()}) {
    for (const auto background : {scheme->background, scheme->surface, scheme->mark_background}) {
      CHECK(contrast(scheme->text, background) >= 4.5);
      if (background == scheme->mark_background) continue;
      CHECK(contrast(scheme->muted, background) >= 4.5);
      CHECK(contrast(scheme->link, background) >= 4.5);
      for (const auto& look : status_looks()) {
        INFO(to_string(look.status), " on ", background);
        CHECK(contrast(scheme == &light_scheme() ? look.light : look.dark, background) >= 4.5);
      }
    }
  }
}

TEST_CASE("a status is a symbol and a word, not only a colour") {
  CHECK(status_badge(SyncStatus::stale, true) ==
        "<span class=\"badge s-stale\"><span aria-hidden=\"true\">↻</span> stale</span> <strong class=\"fails\">fails</strong>");
}

TEST_CASE("the stylesheet stacks tables on a phone and prints without dark backgrounds, controls or clipped tables") {
  const std::string css = stylesheet();
  const auto phone = css.find("@media (max-width:40rem)");
  REQUIRE(phone != std::string::npos);
  CHECK(css.find("table.stack tr,table.sentences tr{display:flex", phone) != std::string::npos);
  CHECK(css.find("td[data-label]::before{content:attr(data-label)", phone) != std::string::npos);
  const auto print = css.rfind("@media print{");
  REQUIRE(print != std::string::npos);
  CHECK(css.find("@media print{:root{--bg:#ffffff;") != std::string::npos);  // the light colours
  CHECK(css.find("header nav,.controls{display:none}", print) != std::string::npos);
  CHECK(css.find(".scroll{overflow:visible}", print) != std::string::npos);
  CHECK(css.find("tr,.card,figure,svg{break-inside:avoid}", print) != std::string::npos);
  CHECK(css.find("::after{content:\" (\" attr(href) \")\"", print) != std::string::npos);
}
