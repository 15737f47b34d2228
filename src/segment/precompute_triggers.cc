// Build step: works out the triggers of the built-in rules once
// (trigger_data.h), so that no edsync process has to.
//   edsync_precompute_triggers RULES.srx OUTPUT
#include <fstream>
#include <iostream>
#include <sstream>

#include "srx_rules.h"
#include "trigger_data.h"

int main(int argc, char** argv) {
  using namespace edsync::segment_detail;
  if (argc != 3) {
    std::cerr << "usage: edsync_precompute_triggers RULES.srx OUTPUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const auto rules = compile_srx(text.str(), argv[1]);
  if (!rules || !(*rules)->warnings.empty()) {
    std::cerr << argv[1] << ": the built-in rules must compile without warnings\n";
    return 1;
  }
  std::vector<PrecomputedRule> records;
  for (const auto& language_rule : (*rules)->language_rules)
    for (const auto& rule : language_rule.rules)
      records.push_back({rule.before, rule.after, rule.anchored != nullptr, rule.trigger});
  std::ofstream out(argv[2], std::ios::binary);
  out << write_trigger_data(records);
  return out.good() ? 0 : 1;
}
