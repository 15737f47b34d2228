#include "progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

namespace edsync::cli {

namespace {

// Short jobs draw nothing; a long one is redrawn ten times a second.
constexpr std::chrono::milliseconds kFirstDraw{500};
constexpr std::chrono::milliseconds kRedraw{100};
constexpr int kBarWidth = 24;

std::string thousands(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

}  // namespace

std::string progress_line(std::string_view task, std::uint64_t done, std::uint64_t total, std::string_view unit) {
  const std::string counted = unit.empty() ? "" : " " + std::string(unit);
  if (total == 0) return fmt::format("{}: {}{}", task, thousands(done), counted);
  done = std::min(done, total);
  const int filled = static_cast<int>(done * kBarWidth / total);
  return fmt::format("{} [{}{}] {:>3}% {}/{}{}", task, std::string(filled, '#'), std::string(kBarWidth - filled, '.'),
                     done * 100 / total, thousands(done), thousands(total), counted);
}

ProgressBar::ProgressBar(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}

ProgressBar::~ProgressBar() { clear(); }

bool ProgressBar::stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void ProgressBar::update(std::string_view task, std::uint64_t done, std::uint64_t total, std::string_view unit) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - started_ < kFirstDraw || now - last_ < kRedraw) return;
  last_ = now;
  err_ << "\r\x1b[K" << progress_line(task, done, total, unit) << std::flush;
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace edsync::cli
