#include "trigger_data.h"

#include <charconv>
#include <map>

namespace edsync::segment_detail {

namespace {

constexpr std::string_view kMagic = "edsync-triggers 1";

// Sets are written once each, in ICU's serialized form (cheap to read back:
// no pattern is parsed and no property looked up), and named by number.
class SetWriter {
 public:
  std::size_t number(const icu::UnicodeSet& set) {
    std::string key = serialized(set);
    const auto [found, added] = numbers_.emplace(key, lines_.size());
    if (added) lines_.push_back(std::move(key));
    return found->second;
  }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  static std::string serialized(const icu::UnicodeSet& set) {
    UErrorCode status = U_ZERO_ERROR;
    const std::int32_t length = set.serialize(nullptr, 0, status);
    std::vector<std::uint16_t> words(static_cast<std::size_t>(length));
    status = U_ZERO_ERROR;
    set.serialize(words.data(), length, status);
    std::string line = std::to_string(length);
    for (const auto word : words) line += ' ' + std::to_string(word);
    return line;
  }

  std::map<std::string, std::size_t> numbers_;
  std::vector<std::string> lines_;
};

void write_shapes(const Shapes& shapes, SetWriter& sets, std::string& out) {
  out += ' ' + std::to_string(shapes.alternatives.size());
  for (const auto& shape : shapes.alternatives) {
    out += ' ' + std::to_string(shape.edge ? 1 : 0) + ' ' + std::to_string(shape.columns.size());
    for (const auto& column : shape.columns) out += ' ' + std::to_string(sets.number(column));
  }
  out += ' ' + std::to_string(sets.number(shapes.required.set)) + ' ' + std::to_string(shapes.required.within);
}

void write_text(std::string_view text, std::string& out) {
  out += ' ' + std::to_string(text.size()) + ':';
  out += text;
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  bool number(std::int64_t& value) {
    while (at_ < data_.size() && (data_[at_] == ' ' || data_[at_] == '\n')) ++at_;
    const auto [end, error] = std::from_chars(data_.data() + at_, data_.data() + data_.size(), value);
    if (error != std::errc()) return false;
    at_ = static_cast<std::size_t>(end - data_.data());
    return true;
  }

  bool text(std::string& value) {
    std::int64_t length = 0;
    if (!number(length) || at_ >= data_.size() || data_[at_] != ':') return false;
    ++at_;
    if (length < 0 || static_cast<std::size_t>(length) > data_.size() - at_) return false;
    value = std::string(data_.substr(at_, static_cast<std::size_t>(length)));
    at_ += static_cast<std::size_t>(length);
    return true;
  }

  bool set(icu::UnicodeSet& value) {
    std::int64_t length = 0;
    if (!number(length) || length < 0 || length > 1 << 20) return false;
    std::vector<std::uint16_t> words(static_cast<std::size_t>(length));
    for (auto& word : words) {
      std::int64_t read = 0;
      if (!number(read) || read < 0 || read > 0xFFFF) return false;
      word = static_cast<std::uint16_t>(read);
    }
    UErrorCode status = U_ZERO_ERROR;
    value = icu::UnicodeSet(words.data(), static_cast<std::int32_t>(words.size()), icu::UnicodeSet::kSerialized, status);
    return U_SUCCESS(status);
  }

  bool skip(std::string_view expected) {
    while (at_ < data_.size() && data_[at_] == '\n') ++at_;
    if (data_.substr(at_, expected.size()) != expected) return false;
    at_ += expected.size();
    return true;
  }

 private:
  std::string_view data_;
  std::size_t at_ = 0;
};

bool read_shapes(Reader& in, const std::vector<icu::UnicodeSet>& sets, Shapes& shapes) {
  const auto set_at = [&](icu::UnicodeSet& into) {
    std::int64_t index = 0;
    if (!in.number(index) || index < 0 || static_cast<std::size_t>(index) >= sets.size()) return false;
    into = sets[static_cast<std::size_t>(index)];
    return true;
  };
  std::int64_t alternatives = 0;
  if (!in.number(alternatives) || alternatives < 0) return false;
  shapes.alternatives.clear();
  for (std::int64_t a = 0; a < alternatives; ++a) {
    Shape shape;
    std::int64_t edge = 0, columns = 0;
    if (!in.number(edge) || !in.number(columns) || columns < 0 || columns > kShapeDepth) return false;
    shape.edge = edge != 0;
    shape.columns.resize(static_cast<std::size_t>(columns));
    for (auto& column : shape.columns)
      if (!set_at(column)) return false;
    shapes.alternatives.push_back(std::move(shape));
  }
  std::int64_t within = 0;
  if (!set_at(shapes.required.set) || !in.number(within)) return false;
  shapes.required.within = static_cast<std::int32_t>(within);
  return true;
}

Error corrupt() { return input_error("the built-in rules' trigger data is damaged; rebuild edsync"); }

}  // namespace

std::string write_trigger_data(const std::vector<PrecomputedRule>& rules) {
  SetWriter sets;
  std::string records;
  for (const auto& rule : rules) {
    write_text(rule.before, records);
    write_text(rule.after, records);
    records += rule.anchorable ? " 1" : " 0";
    write_shapes(rule.trigger.before(), sets, records);
    write_shapes(rule.trigger.after(), sets, records);
    records += '\n';
  }
  std::string out = std::string(kMagic) + '\n' + std::to_string(sets.lines().size()) + '\n';
  for (const auto& line : sets.lines()) out += line + '\n';
  return out + std::to_string(rules.size()) + '\n' + records;
}

Result<std::vector<PrecomputedRule>> read_trigger_data(std::string_view data) {
  Reader in(data);
  std::int64_t set_count = 0, rule_count = 0;
  if (!in.skip(kMagic) || !in.number(set_count) || set_count < 0) return corrupt();
  std::vector<icu::UnicodeSet> sets(static_cast<std::size_t>(set_count));
  for (auto& set : sets)
    if (!in.set(set)) return corrupt();
  if (!in.number(rule_count) || rule_count < 0) return corrupt();
  std::vector<PrecomputedRule> rules(static_cast<std::size_t>(rule_count));
  for (auto& rule : rules) {
    std::int64_t anchorable = 0;
    Shapes before, after;
    if (!in.text(rule.before) || !in.text(rule.after) || !in.number(anchorable) || !read_shapes(in, sets, before) ||
        !read_shapes(in, sets, after))
      return corrupt();
    rule.anchorable = anchorable != 0;
    rule.trigger = RuleTrigger(std::move(before), std::move(after));
  }
  return rules;
}

}  // namespace edsync::segment_detail
