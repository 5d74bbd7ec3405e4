#include "xml_writer.hpp"

#include <cstddef>
#include <cstdint>
#include <utility>

#include "slash/domain/utf8.hpp"

namespace slash::render {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Bytes of the valid UTF-8 sequence at `i` and its code point, or 0 for invalid bytes.
std::size_t decode(std::string_view text, std::size_t i, char32_t& code_point) {
    const domain::CodePoint c = domain::decode_utf8(text, i);
    if (!c.valid) return 0;
    code_point = c.value;
    return c.length;
}

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size();) {
        char32_t code_point = 0;
        const std::size_t length = decode(text, i, code_point);
        if (length == 0) {
            escaped += kReplacement;
            ++i;
            continue;
        }
        switch (code_point) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            case '\'':
                escaped += "&apos;";
                break;
            case '\t':
            case '\n':
                escaped += static_cast<char>(code_point);
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') break;  // the '\n' follows
                escaped += '\n';
                break;
            default:
                if (code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F)) {
                    escaped += ' ';
                } else if (code_point == 0xFFFE || code_point == 0xFFFF) {
                    escaped += kReplacement;
                } else {
                    escaped.append(text.substr(i, length));
                }
        }
        i += length;
    }
    return escaped;
}

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

void XmlWriter::indent() {
    out_.append(2 * open_.size(), ' ');
}

void XmlWriter::start_tag(std::string_view name, std::initializer_list<XmlAttribute> attributes) {
    indent();
    out_ += '<';
    out_ += name;
    for (const auto& attribute : attributes) {
        out_ += ' ';
        out_ += attribute.name;
        out_ += "=\"";
        out_ += xml_escape(attribute.value);
        out_ += '"';
    }
    out_ += '>';
}

void XmlWriter::open(std::string_view name, std::initializer_list<XmlAttribute> attributes) {
    start_tag(name, attributes);
    out_ += '\n';
    open_.emplace_back(name);
}

void XmlWriter::close() {
    if (open_.empty()) return;
    const std::string name = std::move(open_.back());
    open_.pop_back();
    indent();
    out_ += "</" + name + ">\n";
}

void XmlWriter::element(std::string_view name, std::string_view text,
                        std::initializer_list<XmlAttribute> attributes) {
    start_tag(name, attributes);
    out_ += xml_escape(text);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

void XmlWriter::wrapped(std::string_view name, std::string_view inner, std::string_view text,
                        std::initializer_list<XmlAttribute> attributes) {
    open(name);
    element(inner, text, attributes);
    close();
}

std::string XmlWriter::finish() {
    while (!open_.empty()) close();
    return std::move(out_);
}

}  // namespace slash::render
