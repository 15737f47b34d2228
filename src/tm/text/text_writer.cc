#include "text_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

#include "edsync/file_io.h"
#include "edsync/revision.h"
#include "edsync/tmx.h"
#include "external_sort.h"
#include "sources.h"
#include "text_parts.h"
#include "text_stamps.h"
#include "unit_codec.h"

namespace edsync::tm::detail {

namespace fs = std::filesystem;

namespace {

using Sorters = std::map<std::string, std::unique_ptr<ExternalSorter>>;
// File name -> the tags of the import sources its units name.
using SourceTags = std::map<std::string, std::set<std::string>>;

void note_source(const tmx::Unit& unit, std::set<std::string>& tags) {
  for (const auto& prop : unit.props)
    if (is_source_prop(prop)) tags.insert(prop.text);
}

// Every part of the files `only` (all when null), as <tu> markup by file.
Status sort_parts(Store& store, const TextLayout& layout, const std::set<std::string>* only, const fs::path& scratch,
                  std::size_t budget, Sorters& sorters, SourceTags& tags) {
  std::uint64_t total = 0, done = 0;
  if (layout.on_progress) {
    const auto count = store.unit_count();
    if (!count) return count.error();
    total = static_cast<std::uint64_t>(*count);
  }
  return store.for_each_unit([&](const StoredUnit& stored) -> Status {
    if (layout.on_progress) layout.on_progress({"writing tm/", ++done, total});
    for (auto& part : parts_of(stored, layout)) {
      if (only && !only->contains(part.file)) continue;
      note_source(part.unit, tags[part.file]);
      auto markup = tmx::unit_markup(part.unit);
      if (!markup) return markup.error();
      auto& sorter = sorters[part.file];
      if (!sorter) sorter = std::make_unique<ExternalSorter>(scratch / part.file, budget);
      if (Status added = sorter->add(std::move(part.sort_key), std::move(*markup)); !added) return added;
    }
    return success();
  });
}

// The fixed header with the import sources of the file's units.
tmx::Header file_header(std::vector<ImportSource> sources, const TextLayout& layout, const std::set<std::string>& tags) {
  std::erase_if(sources, [&](const ImportSource& source) { return !tags.contains(source.tag); });
  return listing_header(text_header(layout), sources);
}

Status write_sorted(ExternalSorter& sorter, const tmx::Header& header, std::ostream& out) {
  tmx::Writer writer(out);
  if (Status written = writer.write_header(header); !written) return written;
  if (Status drained = sorter.drain([&](std::string_view, std::string_view markup) -> Status {
        out << markup;
        return out ? success() : io_error("cannot write the TMX output");
      });
      !drained)
    return drained;
  return writer.finish();
}

// Passes every byte on to a stream's buffer, hashing and counting it, so
// that a file written is never read back to be fingerprinted.
class HashingBuffer : public std::streambuf {
 public:
  explicit HashingBuffer(std::streambuf& target) : target_(target) {}
  std::uint64_t size() const { return size_; }
  std::string sha256() { return hash_.hex(); }

 protected:
  std::streamsize xsputn(const char* bytes, std::streamsize count) override {
    const std::streamsize put = target_.sputn(bytes, count);
    if (put > 0) {
      hash_.add(std::string_view(bytes, static_cast<std::size_t>(put)));
      size_ += static_cast<std::uint64_t>(put);
    }
    return put;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char byte = traits_type::to_char_type(c);
    return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
  }
  int sync() override { return target_.pubsync(); }

 private:
  std::streambuf& target_;
  Sha256 hash_;
  std::uint64_t size_ = 0;
};

// The staged file must be on disk before the plan that names it. Its size
// and SHA-256, taken as its bytes go out.
Result<TextFile> write_staged(ExternalSorter& sorter, const tmx::Header& header, const fs::path& path,
                              const std::string& name) {
  TextFile file{name, 0, ""};
  const Status written = write_file_streamed(path, [&](std::ostream& out) {
    HashingBuffer buffer(*out.rdbuf());
    std::ostream hashed(&buffer);
    const Status sorted = write_sorted(sorter, header, hashed);
    // The file's stream reports what the system said about a failed write.
    if (hashed.bad()) out.setstate(std::ios::badbit);
    file.size = buffer.size();
    file.sha256 = buffer.sha256();
    return sorted;
  });
  if (!written) return written.error();
  return file;
}

}  // namespace

Result<StagedText> stage_text(Store& store, const TextLayout& layout, const std::set<std::string>* only,
                              const TextFingerprint& current, TextStage& stage) {
  std::map<std::string, TextFile> files;
  for (const auto& file : current.files) files[file.name] = file;
  Sorters sorters;
  SourceTags tags;
  if (Status sorted = sort_parts(store, layout, only, stage.scratch(), layout.sort_memory, sorters, tags); !sorted)
    return sorted.error();
  const auto sources = store.sources();
  if (!sources) return sources.error();
  for (auto& [name, sorter] : sorters) {
    const fs::path staged = stage.staged_path(name);
    auto written = write_staged(*sorter, file_header(*sources, layout, tags[name]), staged, name);
    if (!written) return written.error();
    const auto old = files.find(name);
    if (old != files.end() && old->second.sha256 == written->sha256) {
      std::error_code ignored;
      fs::remove(staged, ignored);
      continue;
    }
    stage.plan_write(name);
    files[name] = std::move(*written);
  }
  for (const auto& file : current.files) {
    if (sorters.contains(file.name) || (only && !only->contains(file.name))) continue;
    stage.plan_delete(file.name);
    files.erase(file.name);
  }
  StagedText result;
  for (auto& [name, file] : files) result.after.files.push_back(std::move(file));
  if (Status recorded = store.set_setting(kTextFingerprintKey, result.after.recorded()); !recorded)
    return recorded.error();
  result.planned = stage.planned();
  std::sort(result.planned.begin(), result.planned.end());
  return result;
}

Result<std::map<std::string, std::string>> render_in_memory(Store& store, const TextLayout& layout) {
  Sorters sorters;
  SourceTags tags;
  // An unlimited budget: nothing goes to disk.
  if (Status sorted = sort_parts(store, layout, nullptr, fs::path(), std::numeric_limits<std::size_t>::max(), sorters, tags);
      !sorted)
    return sorted.error();
  const auto sources = store.sources();
  if (!sources) return sources.error();
  std::map<std::string, std::string> files;
  for (auto& [name, sorter] : sorters) {
    std::ostringstream out;
    if (Status written = write_sorted(*sorter, file_header(*sources, layout, tags[name]), out); !written)
      return written.error();
    files.emplace(name, out.str());
  }
  return files;
}

Result<std::string> render_units(const std::vector<tmx::Unit>& units, std::string_view source_lang,
                                 const tmx::Header& header) {
  ExternalSorter sorter(fs::path(), std::numeric_limits<std::size_t>::max());
  for (const auto& unit : units) {
    auto markup = tmx::unit_markup(unit);
    if (!markup) return markup.error();
    if (Status added = sorter.add(sort_key_of(unit, source_lang), std::move(*markup)); !added) return added.error();
  }
  std::ostringstream out;
  if (Status written = write_sorted(sorter, header, out); !written) return written.error();
  return out.str();
}

}  // namespace edsync::tm::detail
