#include "source_text.hpp"

#include <cstdio>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"

namespace slash::interchange {

Place Place::line(const std::string& source, long line) {
    std::string where = "line " + std::to_string(line);
    return Place(source + " " + where, where);
}

Place Place::entry(const std::string& source, long index, long line) {
    std::string where = "entry " + std::to_string(index) + " (line " + std::to_string(line) + ")";
    return Place(source + " " + where, where);
}

void Place::fail(std::string_view reason) const {
    throw Error(ErrorKind::Usage, prefix_ + ": " + std::string(reason));
}

void fail_at_line(const std::string& source, long line, std::string_view reason) {
    Place::line(source, line).fail(reason);
}

std::string shown(std::string_view text) {
    constexpr std::size_t kShown = 60;
    if (text.size() <= kShown) return domain::quoted(text);
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return domain::quoted(text.substr(0, cut)) + "...";
}

std::string_view trim(std::string_view text) {
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    while (!text.empty() && blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && blank(text.back())) text.remove_suffix(1);
    return text;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

namespace {

/// Byte length of a line break or tab at the start of `text` (0 if none).
std::size_t break_length(std::string_view text) {
    const char c = text.front();
    if (c == '\r' || c == '\n' || c == '\t') return 1;
    if (text.starts_with("\xC2\x85")) return 2;                                          // U+0085
    if (text.starts_with("\xE2\x80\xA8") || text.starts_with("\xE2\x80\xA9")) return 3;  // U+2028/9
    return 0;
}

/// True for C0 controls, DEL and the C1 controls (U+0080-U+009F, C2 80-C2 9F in UTF-8).
bool is_control_at(std::string_view text) {
    const auto byte = static_cast<unsigned char>(text.front());
    if (byte < 0x20 || byte == 0x7F) return true;
    return byte == 0xC2 && text.size() > 1 && static_cast<unsigned char>(text[1]) < 0xA0;
}

/// `<label> has a control character (U+001b); remove it`, for `code` (below U+0100).
[[noreturn]] void refuse_control(unsigned code, std::string_view label, const Place& place) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02x", code);
    place.fail(std::string(label) + " has a control character (U+00" + hex + "); remove it");
}

}  // namespace

std::string clean_text(std::string_view text, std::string_view label, const Place& place) {
    std::string out;
    out.reserve(text.size());
    bool in_break = false;  ///< inside a run of white space that holds a line break or tab
    while (!text.empty()) {
        if (const std::size_t length = break_length(text); length > 0) {
            // The spaces just before the break belong to the same run.
            while (!out.empty() && out.back() == ' ') out.pop_back();
            in_break = true;
            text.remove_prefix(length);
            continue;
        }
        if (text.front() == ' ' && in_break) {
            text.remove_prefix(1);
            continue;
        }
        if (is_control_at(text)) {
            refuse_control(text.front() == '\xC2' ? static_cast<unsigned char>(text[1])
                                                  : static_cast<unsigned char>(text[0]),
                           label, place);
        }
        if (in_break) out += ' ';
        in_break = false;
        out += text.front();
        text.remove_prefix(1);
    }
    return std::string(trim(out));
}

std::string exact_text(std::string_view text, std::string_view label, const Place& place) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) refuse_control(byte, label, place);
    }
    return std::string(text);
}

std::vector<std::string> split_list(std::string_view text, char separator, std::string_view label,
                                    const Place& place) {
    std::vector<std::string> items;
    while (true) {
        const std::size_t cut = text.find(separator);
        std::string item = clean_text(text.substr(0, cut), label, place);
        if (!item.empty()) items.push_back(std::move(item));
        if (cut == std::string_view::npos) break;
        text.remove_prefix(cut + 1);
    }
    return items;
}

std::string fnv1a64_hex(std::initializer_list<std::string_view> fields) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const auto mix = [&hash](unsigned char byte) {
        hash ^= byte;
        hash *= 0x100000001b3ULL;
    };
    for (const std::string_view field : fields) {
        for (const char c : field) mix(static_cast<unsigned char>(c));
        mix(0x1F);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

void check_order(std::int64_t start, std::int64_t end, std::string_view end_label,
                 std::string_view end_text, std::string_view start_label, const Place& place) {
    if (end > start) return;
    place.fail(std::string(end_label) + " " + shown(end_text) +
               (end == start ? " is the same as " : " is before ") + std::string(start_label) +
               (end == start ? ": an entry lasts at least one second" : ""));
}

}  // namespace slash::interchange
