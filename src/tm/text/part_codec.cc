#include "part_codec.h"

#include <cstdint>
#include <exception>
#include <optional>

#include "unit_codec.h"

namespace edsync::tm::detail {

namespace {

void put(std::string& out, std::string_view field) {
  const auto size = static_cast<std::uint32_t>(field.size());
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((size >> shift) & 0xFF);
  out += field;
}

// Reads the fields back in the order they were put.
class Fields {
 public:
  explicit Fields(std::string_view bytes) : rest_(bytes) {}

  std::optional<std::string> next() {
    if (rest_.size() < 4) return std::nullopt;
    std::uint32_t size = 0;
    for (int at = 0; at < 4; ++at) size |= std::uint32_t{static_cast<unsigned char>(rest_[at])} << (8 * at);
    rest_.remove_prefix(4);
    if (rest_.size() < size) return std::nullopt;
    std::string field(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return field;
  }

 private:
  std::string_view rest_;
};

template <typename T>
void put_items(std::string& out, const T& item) {
  put(out, encode_attributes(item.attributes));
  put(out, encode_props(item.props));
  put(out, encode_notes(item.notes));
}

template <typename T>
bool take_items(Fields& fields, T& item) {
  auto attributes = fields.next(), props = fields.next(), notes = fields.next();
  if (!attributes || !props || !notes) return false;
  try {  // the JSON decoders throw on what the store never wrote
    item.attributes = decode_attributes(*attributes);
    item.props = decode_props(*props);
    item.notes = decode_notes(*notes);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

bool take_variant(Fields& fields, tmx::Variant& variant) {
  auto lang = fields.next();
  if (!lang || !take_items(fields, variant)) return false;
  auto content = fields.next(), text = fields.next();
  if (!content || !text) return false;
  variant.lang = std::move(*lang);
  variant.content = std::move(*content);
  variant.text = std::move(*text);
  return true;
}

}  // namespace

std::string encode_part(const tmx::Unit& unit, std::string_view source_lang) {
  std::string out;
  put(out, source_lang);
  put_items(out, unit);
  put(out, std::to_string(unit.variants.size()));
  for (const auto& variant : unit.variants) {
    put(out, variant.lang);
    put_items(out, variant);
    put(out, variant.content);
    put(out, variant.text);
  }
  return out;
}

Result<std::pair<tmx::Unit, std::string>> decode_part(std::string_view bytes) {
  Fields fields(bytes);
  const Error broken = io_error("a part kept aside while reading tm/ is damaged");
  auto source_lang = fields.next();
  tmx::Unit unit;
  if (!source_lang || !take_items(fields, unit)) return broken;
  // Each variant takes at least its six length prefixes.
  const auto count = fields.next();
  if (!count || count->empty() || count->size() > 9 || count->find_first_not_of("0123456789") != std::string::npos ||
      std::stoul(*count) > bytes.size() / 24)
    return broken;
  unit.variants.resize(std::stoul(*count));
  for (auto& variant : unit.variants)
    if (!take_variant(fields, variant)) return broken;
  return std::pair{std::move(unit), std::move(*source_lang)};
}

}  // namespace edsync::tm::detail
