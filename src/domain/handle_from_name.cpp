// Turning another tool's names (Toggl clients, Watson projects, Timewarrior tags) into
// slash handles, so that an import can find or create `client/mission` without asking.

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "slash/domain/identifiers.hpp"
#include "slash/domain/utf8.hpp"

namespace slash::domain {
namespace {

constexpr std::size_t kMaxHandle = 32;

// Letters Unicode does not decompose into a base letter and marks, spelt as their
// languages do in ASCII (Polish ł, Croatian đ, Danish ø, Icelandic þ...). Lower case only:
// utf8proc has case-folded them first. Ligatures and ß have no table entry: their
// compatibility decomposition (ĳ, ﬁ) or case folding (ß -> ss) spells them out; æ and œ
// have neither.
std::string_view undecomposed(std::uint32_t code) {
    switch (code) {
        case 0xE6: return "ae";   // æ
        case 0x153: return "oe";  // œ
        case 0xF0: return "d";    // ð
        case 0xF8: return "o";    // ø
        case 0xFE: return "th";   // þ
        case 0x111: return "d";   // đ
        case 0x127: return "h";   // ħ
        case 0x131: return "i";   // ı (dotless)
        case 0x138: return "k";   // ĸ
        case 0x142: return "l";   // ł
        case 0x14B: return "n";   // ŋ
        case 0x167: return "t";   // ŧ
        case 0x180: return "b";   // ƀ
        case 0x1E9E: return "ss"; // ẞ, should case folding leave it
        default: return {};
    }
}

// What a code point contributes: letters and digits as ASCII (Unicode's compatibility
// decomposition without its marks, case-folded: "ễ" -> "e", "Ș" -> "s", "ﬁ" -> "fi"),
// '.', '_' and '-' kept, a combining mark nothing (empty), anything else (a sign, a CJK
// ideograph) a separator (nullopt).
std::optional<std::string> fold(std::uint32_t code) {
    std::array<utf8proc_int32_t, 18> parts{};
    utf8proc_int32_t last_boundclass = 0;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                                                        UTF8PROC_CASEFOLD);
    const utf8proc_ssize_t count = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(code), parts.data(),
                                                           static_cast<utf8proc_ssize_t>(parts.size()), options,
                                                           &last_boundclass);
    std::string folded;
    if (count < 0 || count > static_cast<utf8proc_ssize_t>(parts.size())) return std::nullopt;
    for (utf8proc_ssize_t k = 0; k < count; ++k) {
        const auto part = static_cast<std::uint32_t>(parts[static_cast<std::size_t>(k)]);
        if (part < 0x80) {
            char c = static_cast<char>(part);
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            const bool kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!kept) return std::nullopt;
            folded += c;
        } else if (auto spelt = undecomposed(part); !spelt.empty()) {
            folded += spelt;
        } else {
            return std::nullopt;
        }
    }
    return folded;
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
        const CodePoint c = decode_utf8(name, i);
        i += c.length;
        const std::optional<std::string> piece = c.valid ? fold(c.value) : std::nullopt;
        if (!piece || *piece == "-") {
            pending_separator = true;
            continue;
        }
        if (piece->empty()) continue;
        // A handle starts with a letter or a digit: leading '.' and '_' go too.
        if (handle.empty() && !is_alnum((*piece)[0])) continue;
        if (pending_separator && !handle.empty()) handle += '-';
        pending_separator = false;
        handle += *piece;
    }
    if (handle.size() > kMaxHandle) handle.resize(kMaxHandle);
    while (!handle.empty() && !is_alnum(handle.back())) handle.pop_back();
    return handle;
}

}  // namespace slash::domain
