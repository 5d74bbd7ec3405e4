#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "slash/domain/calendar.hpp"
#include "slash/services/mail.hpp"

namespace slash::services {

namespace {

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
        out += kBase64[(n >> 18) & 63];
        out += kBase64[(n >> 12) & 63];
        out += kBase64[(n >> 6) & 63];
        out += kBase64[n & 63];
    }
    if (i < bytes.size()) {
        const bool two = i + 1 < bytes.size();
        const auto n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (two ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0);
        out += kBase64[(n >> 18) & 63];
        out += kBase64[(n >> 12) & 63];
        out += two ? kBase64[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

// Base64 in lines of 76 characters (RFC 2045 §6.8).
std::string base64_lines(std::string_view bytes) {
    const auto flat = base64(bytes);
    std::string out;
    for (std::size_t i = 0; i < flat.size(); i += 76) out += flat.substr(i, 76) + "\n";
    return out;
}

// Quoted-printable (RFC 2045 §6.7): readable text for French and English bodies, every
// byte outside printable ASCII as =XX, lines of at most 76 characters with soft breaks.
std::string quoted_printable(std::string_view text) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const auto line = text.substr(start, end - start);
        std::string encoded_line;
        std::size_t width = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line[i]);
            const bool last = i + 1 == line.size();
            std::string piece;
            if ((byte >= 33 && byte <= 126 && byte != '=') || ((byte == ' ' || byte == '\t') && !last)) {
                piece = static_cast<char>(byte);
            } else {
                piece = {'=', kHex[byte >> 4], kHex[byte & 15]};
            }
            // A soft break ("=" at the end of the line) keeps every line within 76.
            if (width + piece.size() > 75) {
                encoded_line += "=\n";
                width = 0;
            }
            encoded_line += piece;
            width += piece.size();
        }
        out += encoded_line;
        if (end == text.size()) break;
        out += '\n';
        start = end + 1;
    }
    if (out.empty() || out.back() != '\n') out += '\n';
    return out;
}

bool printable_ascii(std::string_view text) {
    for (char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte < 32 || byte > 126) return false;
    }
    return true;
}

// The length of the UTF-8 sequence `lead` starts (1 for a stray byte), so that an
// encoded-word never splits a character (RFC 2047 §5).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

}  // namespace

std::string encode_header_text(std::string_view text) {
    if (printable_ascii(text)) return std::string(text);
    // "=?UTF-8?B?" + "?=" is 12 characters: 45 bytes (60 base64 characters) keep each word
    // within 75.
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = i;
        while (end < text.size()) {
            const auto length = sequence_length(static_cast<unsigned char>(text[end]));
            if (end + length - i > 45) break;
            end += length;
        }
        if (end == i) end = std::min(text.size(), i + 1);
        if (!out.empty()) out += "\n ";
        out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string mail_date(std::int64_t utc) {
    static constexpr std::array<const char*, 7> kDays{"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::int64_t days = utc / 86400;
    std::int64_t seconds = utc % 86400;
    if (seconds < 0) {
        seconds += 86400;
        --days;
    }
    const auto date = domain::civil_from_days(days);
    // 1970-01-01 was a Thursday.
    const auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
    return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", kDays[weekday], date.day,
                       kMonths[static_cast<std::size_t>(date.month - 1)], date.year, seconds / 3600,
                       seconds / 60 % 60, seconds % 60);
}

bool plain_address(std::string_view address) {
    const auto at = address.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= address.size()) return false;
    if (address.find('@', at + 1) != std::string_view::npos) return false;
    for (char ch : address) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte <= 32 || byte > 126) return false;
        if (std::string_view("<>,;:\"()[]\\").find(ch) != std::string_view::npos) return false;
    }
    return true;
}

std::string mime_message(const MailMessage& m) {
    std::string from = m.from_address;
    if (!m.from_name.empty()) {
        // A display name in ASCII is quoted (it may hold a comma); otherwise encoded-words.
        std::string name = printable_ascii(m.from_name) ? m.from_name : encode_header_text(m.from_name);
        if (printable_ascii(m.from_name)) {
            std::string quoted = "\"";
            for (char ch : name) {
                if (ch == '"' || ch == '\\') quoted += '\\';
                quoted += ch;
            }
            name = quoted + "\"";
        }
        from = name + " <" + m.from_address + ">";
    }
    std::string out;
    out += "From: " + from + "\n";
    out += "To: " + m.to + "\n";
    out += "Subject: " + encode_header_text(m.subject) + "\n";
    out += "Date: " + mail_date(m.date) + "\n";
    out += "Message-ID: <" + m.message_id + ">\n";
    out += "MIME-Version: 1.0\n";
    out += "Content-Type: multipart/mixed; boundary=\"" + m.boundary + "\"\n";
    out += "\n";
    out += "This is a MIME message.\n";
    out += "\n--" + m.boundary + "\n";
    out += "Content-Type: text/plain; charset=UTF-8\n";
    out += "Content-Transfer-Encoding: quoted-printable\n\n";
    out += quoted_printable(m.body);
    out += "\n--" + m.boundary + "\n";
    out += "Content-Type: " + m.attachment_type + "; name=\"" + m.attachment_name + "\"\n";
    out += "Content-Disposition: attachment; filename=\"" + m.attachment_name + "\"\n";
    out += "Content-Transfer-Encoding: base64\n\n";
    out += base64_lines(m.attachment);
    out += "\n--" + m.boundary + "--\n";
    return out;
}

}  // namespace slash::services
