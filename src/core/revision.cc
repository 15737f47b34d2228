#include "edsync/revision.h"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <vector>
#include <cctype>
#include <stdexcept>

#include "edsync/text.h"

namespace edsync {

namespace {

std::string to_hex(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &digest_length, EVP_sha256(),
                 nullptr) != 1) {
    throw std::runtime_error("OpenSSL SHA-256 failed");  // only on allocation failure
  }
  return to_hex(digest.data(), digest_length);
}

struct Sha256::Context {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> digest{EVP_MD_CTX_new(), EVP_MD_CTX_free};
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (!context_->digest || EVP_DigestInit_ex(context_->digest.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("OpenSSL SHA-256 failed");  // only on allocation failure
}

Sha256::~Sha256() = default;

void Sha256::add(std::string_view bytes) {
  if (!bytes.empty() && EVP_DigestUpdate(context_->digest.get(), bytes.data(), bytes.size()) != 1)
    throw std::runtime_error("OpenSSL SHA-256 failed");
}

std::string Sha256::hex() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_length = 0;
  if (EVP_DigestFinal_ex(context_->digest.get(), digest.data(), &digest_length) != 1)
    throw std::runtime_error("OpenSSL SHA-256 failed");
  return to_hex(digest.data(), digest_length);
}

Result<std::string> sha256_hex_of_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error(path.string() + ": cannot open: " + std::strerror(errno));
  Sha256 hash;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hash.add(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return io_error(path.string() + ": read failed: " + std::strerror(errno));
  return hash.hex();
}

std::string revision_of(std::string_view title, std::string_view body) {
  // A newline cannot survive normalisation, so it separates title from body
  // unambiguously.
  const std::string normalised = normalize_text(title) + '\n' + normalize_text(body);
  return sha256_hex(normalised).substr(0, kRevisionDigits);
}

std::optional<std::string> parse_revision(std::string_view text) {
  if (text.size() != kRevisionDigits) return std::nullopt;
  std::string lower;
  for (const char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower;
}

}  // namespace edsync
