// The coverage report on a generated workspace: N English articles, three
// editions, C commits (articles added, translated, edited, translated again).
//   bench/edsync_report_bench [ARTICLES [COMMITS]]     (default 10000 300)
// Prints the time of each step, the history read against its baseline (the
// same `git log --raw` stream read and thrown away), the walk that reads every
// version against the `git log -p` stream it replaced, and peak memory.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "edsync/process.h"
#include "edsync/report.h"
#include "edsync/revision.h"

namespace fs = std::filesystem;
using namespace edsync;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void git(const fs::path& root, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-c", "user.name=b", "-c", "user.email=b@example.org", "-c", "gc.auto=0"});
  const auto run = run_process(args, root.string());
  if (!run || run->exit_code != 0) {
    std::fprintf(stderr, "git %s failed\n", args[7].c_str());
    std::exit(1);
  }
}

struct Generator {
  fs::path root;
  std::mt19937 random{42};
  std::vector<std::string> english_bodies;  // by article number

  std::string body(int article, int version) const {
    return "Article " + std::to_string(article) + " reports on the camp, version " + std::to_string(version) +
           ". Officials met on Monday. Talks went on into the night.\n";
  }
  void write_english(int article, int version) {
    const std::string id = "a" + std::to_string(article);
    english_bodies[article] = body(article, version);
    std::ofstream(root / "editions/en" / (id + ".md")) << "---\ntitle: Story " << article << "\ndate: 2013-09-10\n---\n\n" << english_bodies[article];
  }
  void translate(int article, const std::string& lang) {
    const std::string id = "a" + std::to_string(article);
    const std::string revision = revision_of("Story " + std::to_string(article), english_bodies[article]);
    std::ofstream(root / "editions" / lang / (id + ".md")) << "---\ntitle: ترجمة " << article << "\nsource_revision: " << revision
                                                           << "\n---\n\nنص المقال.\n";
  }
  void commit(int day) {
    git(root, {"add", "-A"});
    const std::string date = "2013-09-10T12:00:00Z";
    git(root, {"commit", "-q", "--date=" + std::to_string(1378814400 + day * 86400) + " +0000", "-m", "day " + std::to_string(day)});
    (void)date;
  }
};

void generate(const fs::path& root, int articles, int commits) {
  fs::remove_all(root);
  for (const char* lang : {"en", "ar", "fa", "sq"}) fs::create_directories(root / "editions" / lang);
  std::ofstream(root / "edsync.yaml") << "source: en\neditions:\n  ar: {}\n  fa: {}\n  sq:\n    required: false\ncheck:\n  grace_days: 7\n";
  git(root, {"init", "-q"});
  Generator g{root};
  g.english_bodies.resize(static_cast<std::size_t>(articles));
  const int per_commit = std::max(1, articles / commits);
  int written = 0;
  for (int day = 0; day < commits; ++day) {
    for (int k = 0; k < per_commit && written < articles; ++k) g.write_english(written++, 0);
    // Translate what earlier commits added; edit a few older English articles.
    for (int k = 0; k < per_commit && written > 2 * per_commit; ++k) {
      const int article = static_cast<int>(g.random() % static_cast<unsigned>(written - per_commit));
      g.translate(article, "ar");
      if (article % 2 == 0) g.translate(article, "fa");
      if (article % 5 == 0) g.translate(article, "sq");
    }
    for (int k = 0; k < per_commit / 10 && written > 0; ++k) g.write_english(static_cast<int>(g.random() % static_cast<unsigned>(written)), day);
    g.commit(day);
  }
}

long peak_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  const int articles = argc > 1 ? std::atoi(argv[1]) : 10000;
  const int commits = argc > 2 ? std::atoi(argv[2]) : 300;
  const fs::path root = fs::temp_directory_path() / "edsync-report-bench";
  auto start = std::chrono::steady_clock::now();
  if (!fs::exists(root / "edsync.yaml") || std::getenv("EDSYNC_BENCH_REGENERATE")) generate(root, articles, commits);
  const double generated = seconds_since(start);

  start = std::chrono::steady_clock::now();
  const auto workspace = load_workspace(root);
  if (!workspace) return std::fprintf(stderr, "%s\n", workspace.error().message.c_str()), 1;
  const double load = seconds_since(start);
  std::size_t files = 0;
  for (const auto& [lang, by_id] : workspace->articles) files += by_id.size();
  std::printf("workspace: %zu English articles, %zu files, asked for %d articles in %d commits (%s; made or reused in %.1f s)\n",
              workspace->articles.at("en").size(), files, articles, commits, root.c_str(), generated);

  start = std::chrono::steady_clock::now();
  const auto baseline = run_process({"git", "log", "-z", "--raw", "--no-abbrev", "-M", "--relative", "--first-parent",
                                     "--diff-merges=first-parent", "--format=%x01%H %ct", "--", "editions"}, root.string());
  const double git_alone = seconds_since(start);
  const std::size_t stream_bytes = baseline ? baseline->out.size() : 0;

  // What the history cost before it was shared with the check: the whole text of every version in one `git log -p`.
  start = std::chrono::steady_clock::now();
  const auto patch_stream = run_process({"git", "log", "--reverse", "--first-parent", "--no-renames", "-p", "--unified=1000000000",
                                         "--format=%x1ecommit %H %ct", "--", "editions"}, root.string());
  const double patch_alone = seconds_since(start);
  const std::size_t patch_bytes = patch_stream ? patch_stream->out.size() : 0;

  start = std::chrono::steady_clock::now();
  const History log = read_history(*workspace, "editions", true);
  const double read_log = seconds_since(start);
  start = std::chrono::steady_clock::now();
  const CoverageHistory history = read_coverage_history(*workspace, log, 60);
  const double walk = seconds_since(start);

  start = std::chrono::steady_clock::now();
  ReportOptions options;
  options.history = false;  // the stale sentences are the check's own cost, measured by its benchmarks
  auto report = build_report(*workspace, options);
  if (!report) return 1;
  const double model = seconds_since(start);
  report->history = history;

  start = std::chrono::steady_clock::now();
  const auto index = write_report_site(*report, root / ".edsync" / "report", root);
  const double site = seconds_since(start);
  if (!index) return std::fprintf(stderr, "%s\n", index.error().message.c_str()), 1;

  std::printf("load workspace       %7.2f s\n", load);
  std::printf("git log --raw alone   %7.2f s  (%.1f MiB)\n", git_alone, static_cast<double>(stream_bytes) / (1 << 20));
  std::printf("git log -p alone     %7.2f s  (%.1f MiB; the stream the walk read before)\n", patch_alone, static_cast<double>(patch_bytes) / (1 << 20));
  std::printf("history read         %7.2f s  = %.2fx the bare --raw stream\n", read_log, read_log / git_alone);
  std::printf("history walk         %7.2f s  = %.2fx the old -p stream alone; versions through git cat-file; %d commits, %zu points per edition\n",
              walk, walk / patch_alone, history.commits, history.editions.empty() ? 0 : history.editions[0].points.size());
  std::printf("check + page model   %7.2f s\n", model);
  std::printf("write site           %7.2f s  (%zu article pages)\n", site, report->articles.size());
  std::printf("peak resident        %7ld MiB\n", peak_kib() / 1024);
  return 0;
}
