#include "charts.h"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

#include "html.h"

namespace edsync::report_html {

namespace {

std::string rect(double x, double width, const char* css_class, int count, const char* what) {
  if (width <= 0) return "";
  return fmt::format("<rect class=\"{}\" x=\"{:.1f}\" y=\"0\" width=\"{:.1f}\" height=\"20\"><title>{} {}</title></rect>", css_class, x,
                     width, count, what);
}

double share(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

}  // namespace

std::string coverage_bar(const CoverageCounts& counts, const std::string& label) {
  const int stale = counts.required_translated - counts.required_up_to_date;
  const int whole = std::max(counts.required, counts.required_translated + counts.pending + counts.missing);
  std::string svg = "<svg class=\"bar\" viewBox=\"0 0 300 20\" width=\"100%\" height=\"20\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"" +
                    escape(label) + "\">";
  double x = 0;
  for (const auto& [count, css_class, what] : {std::tuple{counts.required_up_to_date, "ok", "up to date"}, std::tuple{stale, "stale", "stale or untracked"},
                                               std::tuple{counts.pending, "pending", "pending"}, std::tuple{counts.missing, "missing", "missing"}}) {
    const double width = 300 * share(count, whole);
    svg += rect(x, width, css_class, count, what);
    x += width;
  }
  return svg + "<rect class=\"frame\" x=\"0.5\" y=\"0.5\" width=\"299\" height=\"19\"/></svg>";
}

namespace {

constexpr double kLeft = 54, kTop = 10, kWidth = 510, kHeight = 180;

double x_of(std::size_t i, std::size_t n) { return kLeft + (n <= 1 ? kWidth / 2 : kWidth * static_cast<double>(i) / static_cast<double>(n - 1)); }
double y_of(double fraction) { return kTop + kHeight * (1 - fraction); }

std::string axes(const EditionHistory& history) {
  std::string svg;
  for (int percent = 0; percent <= 100; percent += 25) {
    const double y = y_of(percent / 100.0);
    svg += fmt::format("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{:.1f}\" y2=\"{:.1f}\"/><text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}%</text>",
                       kLeft, kLeft + kWidth, y, y, kLeft - 6, y + 4, percent);
  }
  const auto& points = history.points;
  if (!points.empty()) {
    const double bottom = kTop + kHeight + 18;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"start\">{}</text>", kLeft, bottom, points.front().date.to_string());
    if (points.size() > 1)
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", kLeft + kWidth, bottom, points.back().date.to_string());
  }
  return svg;
}

std::string polyline(const EditionHistory& history, bool translated) {
  std::string coordinates;
  const auto n = history.points.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& point = history.points[i];
    coordinates += fmt::format("{}{:.1f},{:.1f}", i ? " " : "", x_of(i, n), y_of(share(translated ? point.translated : point.up_to_date, point.required)));
  }
  return fmt::format("<polyline class=\"{}\" points=\"{}\"/>", translated ? "translated" : "line", coordinates);
}

}  // namespace

std::string history_chart(const EditionHistory& history, const std::string& label) {
  std::string svg = fmt::format("<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">", kLeft + kWidth + 16,
                                kTop + kHeight + 26, escape(label));
  svg += axes(history) + polyline(history, true) + polyline(history, false);
  const auto n = history.points.size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& point = history.points[i];
    svg += fmt::format("<circle class=\"dot\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\"><title>{} {}: {} of {} up to date</title></circle>", x_of(i, n),
                       y_of(share(point.up_to_date, point.required)), point.date.to_string(), point.commit, point.up_to_date, point.required);
  }
  return svg + "</svg>";
}

std::vector<LagBucket> lag_buckets(const std::vector<long>& lag_days) {
  std::vector<LagBucket> buckets = {{"within a day", 1},     {"within a week", 7},   {"within a month", 31},
                                    {"within 3 months", 92}, {"within a year", 366}, {"later", std::numeric_limits<long>::max()}};
  for (const long days : lag_days)
    for (auto& bucket : buckets)
      if (days <= bucket.up_to_days) {
        ++bucket.count;
        break;
      }
  return buckets;
}

std::string lag_chart(const std::vector<LagBucket>& buckets, const std::string& label) {
  int most = 1;
  for (const auto& bucket : buckets) most = std::max(most, bucket.count);
  const double row = 22;
  std::string svg = fmt::format("<svg class=\"chart bar\" viewBox=\"0 0 420 {:.0f}\" role=\"img\" aria-label=\"{}\">", row * static_cast<double>(buckets.size()) + 4, escape(label));
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    const double y = 2 + row * static_cast<double>(i);
    const double width = 220.0 * buckets[i].count / most;  // labels take the first 150 units
    svg += fmt::format("<text x=\"142\" y=\"{:.0f}\" text-anchor=\"end\">{}</text>", y + 15, buckets[i].label);
    if (width > 0) svg += fmt::format("<rect class=\"pending\" x=\"150\" y=\"{:.0f}\" width=\"{:.1f}\" height=\"16\"/>", y + 2, width);
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.0f}\">{}</text>", 156 + width, y + 15, buckets[i].count);
  }
  return svg + "</svg>";
}

}  // namespace edsync::report_html
