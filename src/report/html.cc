#include "html.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "edsync/revision.h"
#include "edsync/text.h"
#include "style.h"

namespace edsync::report_html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string url_segment(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

bool is_right_to_left(std::string_view lang) {
  static constexpr std::array<std::string_view, 10> kRightToLeft = {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"};
  const std::string_view primary = lang.substr(0, lang.find_first_of("-_"));
  for (const auto rtl : kRightToLeft)
    if (primary == rtl) return true;
  return false;
}

std::string lang_attributes(std::string_view lang) {
  return " lang=\"" + escape(lang) + "\"" + (is_right_to_left(lang) ? " dir=\"rtl\"" : " dir=\"ltr\"");
}

std::string text_in(std::string_view lang, std::string_view text) {
  return "<bdi" + lang_attributes(lang) + ">" + escape(text) + "</bdi>";
}

namespace {

// What an edition calls its own language; the English name stands for the rest.
std::string_view own_name(std::string_view lang) {
  if (lang == "ar") return "العربية";
  if (lang == "fa") return "فارسی";
  if (lang == "sq") return "Shqip";
  if (lang == "en") return "English";
  return "";
}

}  // namespace

std::string edition_name(std::string_view lang) {
  std::string html = escape(language_name(lang));
  const std::string_view own = own_name(lang);
  if (!own.empty() && own != language_name(lang)) html += " " + text_in(lang, own);
  return html + " <span class=\"tag\">(" + escape(lang) + ")</span>";
}

std::string status_badge(SyncStatus status, bool fails) {
  const StatusLook& look = look_of(status);
  std::string html = "<span class=\"badge s-" + std::string(to_string(status)) + "\"><span aria-hidden=\"true\">" +
                     std::string(look.symbol) + "</span> " + std::string(look.label) + "</span>";
  if (fails) html += " <strong class=\"fails\">fails</strong>";
  return html;
}

std::string article_file(std::string_view id) {
  const bool plain = !id.empty() && id.front() != '.' && id.size() <= 120 &&
                     std::all_of(id.begin(), id.end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
                     });
  return (plain ? std::string(id) : "article-" + sha256_hex(id).substr(0, 16)) + ".html";
}

std::string page(const PageFrame& frame, std::string_view body) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                     "<meta name=\"color-scheme\" content=\"light dark\"/>\n<title>" + escape(frame.title) + "</title>\n<style>\n" +
                     stylesheet() + "</style>\n</head>\n<body>\n";
  html += body;
  if (frame.with_script) html += "<script>//<![CDATA[\n" + std::string(table_script()) + "//]]></script>\n";
  return html + "</body>\n</html>\n";
}

}  // namespace edsync::report_html
