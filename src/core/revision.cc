#include "edsync/revision.h"

#include <openssl/evp.h>

#include <array>
#include <cctype>
#include <stdexcept>

#include "edsync/text.h"

namespace edsync {

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int digest_length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &digest_length, EVP_sha256(),
                 nullptr) != 1) {
    throw std::runtime_error("OpenSSL SHA-256 failed");  // only on allocation failure
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(digest_length * 2);
  for (unsigned int i = 0; i < digest_length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
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
