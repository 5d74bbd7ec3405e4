// Turning another tool's names (Toggl clients, Watson projects, Timewarrior tags) into
// slash handles, so that an import can find or create `client/mission` without asking.

#include <cstdint>
#include <string>
#include <string_view>

#include "slash/domain/identifiers.hpp"

namespace slash::domain {
namespace {

constexpr std::size_t kMaxHandle = 32;

// Base letters of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A), lower case;
// '-' (a separator) for the two signs among them (×, ÷). Ligatures are handled apart.
constexpr std::string_view kLatinFold =
    // U+00C0..U+00FF
    "aaaaaaaceeeeiiii"  // À..Ï  (Æ is a ligature, below)
    "dnooooo-ouuuuyts"  // Ð..ß  (× has no letter; Þ -> t; ß is a ligature, below)
    "aaaaaaaceeeeiiii"  // à..ï
    "dnooooo-ouuuuyty"  // ð..ÿ
    // U+0100..U+017F
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "iijjjjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oooorrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";
static_assert(kLatinFold.size() == 0x180 - 0xC0, "one letter per code point of U+00C0..U+017F");

// The next code point of UTF-8 `text` at `i`, advancing `i`; U+FFFD for a bad sequence.
std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(text[i++]);
    if (lead < 0x80) return lead;
    int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
    if (extra < 0) return 0xFFFD;
    std::uint32_t code = lead & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return 0xFFFD;
        code = (code << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
    }
    return code;
}

// What a code point contributes: letters and digits as themselves, ligatures spelt out,
// '.', '_' and '-' kept, anything else a separator (empty).
std::string_view fold(std::uint32_t code, char (&one)[2]) {
    switch (code) {
        case 0xC6: case 0xE6: return "ae";
        case 0x152: case 0x153: return "oe";
        case 0xDF: return "ss";
        case 0x132: case 0x133: return "ij";
        default: break;
    }
    char c = '\0';
    if (code < 0x80) {
        c = static_cast<char>(code);
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        bool kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!kept) c = '\0';
    } else if (code >= 0xC0 && code <= 0x17F) {
        c = kLatinFold[code - 0xC0];
        if (c == '-') c = '\0';
    }
    if (c == '\0') return {};
    one[0] = c;
    return {one, 1};
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string handle_from_name(std::string_view name) {
    // A handle already ("acme--corp", "v1."), as slash's own exports write them: kept as
    // is, or export -> import would rename things.
    if (is_valid_handle(name)) return std::string(name);
    std::string handle;
    bool pending_separator = false;
    for (std::size_t i = 0; i < name.size() && handle.size() < kMaxHandle;) {
        char one[2] = {};
        std::string_view piece = fold(next_code_point(name, i), one);
        if (piece.empty() || piece == "-") {
            pending_separator = true;
            continue;
        }
        // A handle starts with a letter or a digit: leading '.' and '_' go too.
        if (handle.empty() && !is_alnum(piece[0])) continue;
        if (pending_separator && !handle.empty()) handle += '-';
        pending_separator = false;
        handle += piece;
    }
    if (handle.size() > kMaxHandle) handle.resize(kMaxHandle);
    while (!handle.empty() && !is_alnum(handle.back())) handle.pop_back();
    return handle;
}

}  // namespace slash::domain
