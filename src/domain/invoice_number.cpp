#include "slash/domain/invoice_number.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"

namespace slash::domain {
namespace {

constexpr int kYearDigits = 4;
constexpr int kMonthDigits = 2;

// The character class of custom:is-valid-id-format in the BR-FR Flux 2 schematron
// (BR-FR-02/BT-1): '^[A-Za-z0-9+\-_/]+$'. Anything else in a number fails the CTC check,
// so it is refused in the format, before any number is issued.
bool allowed_in_number(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '-' || c == '_' || c == '/';
}

[[noreturn]] void refuse(std::string_view text, const std::string& why) {
    throw Error(ErrorKind::Usage, "invalid number format " + quoted(text) + ": " + why);
}

// The whole UTF-8 sequence starting at `at`, so that an "é" is shown as itself and not as
// half a character.
std::string_view character_at(std::string_view text, std::size_t at) {
    std::size_t end = at + 1;
    if (static_cast<unsigned char>(text[at]) >= 0x80) {
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) ++end;
    }
    return text.substr(at, end - at);
}

// The minimum digits of a {seq} placeholder named `name`: "seq" is 1, "seq:N" and the
// fmt-style "seq:0N" (as in "{seq:04}") are N for N in 1..9; 0 for anything else.
int seq_width(std::string_view name) {
    if (name == "seq") return 1;
    if (name.substr(0, 4) != "seq:") return 0;
    std::string_view digits = name.substr(4);
    if (digits.size() == 2 && digits[0] == '0') digits.remove_prefix(1);
    if (digits.size() != 1 || digits[0] < '1' || digits[0] > '9') return 0;
    return digits[0] - '0';
}

std::string zero_padded(std::int64_t value, int width) {
    std::string digits = std::to_string(value);
    if (digits.size() < static_cast<std::size_t>(width)) {
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    }
    return digits;
}

}  // namespace

NumberFormat::NumberFormat(std::string text, std::vector<Part> parts)
    : text_(std::move(text)), parts_(std::move(parts)) {}

NumberFormat NumberFormat::parse(std::string_view text) {
    std::vector<Part> parts;
    int seq_count = 0;
    std::size_t shortest = 0;  // length of the shortest number the format can render
    std::size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        if (c == '{') {
            const std::size_t close = text.find('}', at);
            const std::size_t next_open = text.find('{', at + 1);
            if (close == std::string_view::npos ||
                (next_open != std::string_view::npos && next_open < close)) {
                const std::size_t end =
                    next_open == std::string_view::npos ? text.size() : next_open;
                refuse(text, quoted(text.substr(at, end - at)) + " is not closed by \"}\"");
            }
            const std::string_view name = text.substr(at + 1, close - at - 1);
            Part part;
            if (name == "year") {
                part.kind = PartKind::Year;
                shortest += kYearDigits;
            } else if (name == "month") {
                part.kind = PartKind::Month;
                shortest += kMonthDigits;
            } else if (const int width = seq_width(name); width > 0) {
                part.kind = PartKind::Seq;
                part.width = width;
                shortest += static_cast<std::size_t>(part.width);
                ++seq_count;
            } else {
                refuse(text, "unknown placeholder " + quoted(text.substr(at, close - at + 1)) +
                                 "; use {year}, {month}, {seq} or {seq:N} with N from 1 to 9");
            }
            parts.push_back(std::move(part));
            at = close + 1;
            continue;
        }
        if (!allowed_in_number(c)) {
            refuse(text, "character " + quoted(character_at(text, at)) +
                             " is not allowed in an invoice number; use A-Z, a-z, 0-9, -, +, _ and "
                             "/ (BR-FR-02)");
        }
        if (parts.empty() || parts.back().kind != PartKind::Literal) parts.push_back(Part{});
        parts.back().literal += c;
        ++shortest;
        ++at;
    }
    if (seq_count == 0) {
        refuse(text,
               "it needs {seq} or {seq:N} for the sequence number, as in \"{year}-{seq:04}\"");
    }
    if (seq_count > 1) refuse(text, "it has {seq} more than once; use exactly one");
    if (shortest > kMaxInvoiceNumberLength) {
        refuse(text, "its numbers would be longer than 35 characters (BR-FR-01)");
    }
    return NumberFormat(std::string(text), std::move(parts));
}

std::string NumberFormat::expand(int year, int month, const std::string& seq_text) const {
    if (year < 1 || year > 9999) throw std::invalid_argument("invoice year out of range");
    if (month < 1 || month > 12) throw std::invalid_argument("invoice month out of range");
    std::string out;
    for (const Part& part : parts_) {
        switch (part.kind) {
            case PartKind::Literal:
                out += part.literal;
                break;
            case PartKind::Year:
                out += zero_padded(year, kYearDigits);
                break;
            case PartKind::Month:
                out += zero_padded(month, kMonthDigits);
                break;
            case PartKind::Seq:
                out += seq_text;
                break;
        }
    }
    return out;
}

std::string NumberFormat::render(int year, int month, std::int64_t seq) const {
    if (seq < 1) throw std::invalid_argument("invoice sequence numbers start at 1");
    int width = 1;
    for (const Part& part : parts_) {
        if (part.kind == PartKind::Seq) width = part.width;
    }
    std::string number = expand(year, month, zero_padded(seq, width));
    if (number.size() > kMaxInvoiceNumberLength) {
        throw Error(ErrorKind::Usage,
                    "invoice number " + quoted(number) +
                        " is longer than 35 characters (BR-FR-01); shorten number format " +
                        quoted(text_));
    }
    return number;
}

std::string NumberFormat::series(int year, int month) const {
    return expand(year, month, "");
}

const std::string& NumberFormat::text() const {
    return text_;
}

}  // namespace slash::domain
