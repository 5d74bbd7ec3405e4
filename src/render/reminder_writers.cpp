// The three layouts of a reminder letter (slash-invoice(1), "invoice remind"): plain text,
// Markdown and a standalone HTML page, all from the same ReminderParts.

#include <ostream>
#include <string>
#include <string_view>

#include "html_text.hpp"
#include "reminder_parts.hpp"

namespace slash::render {

namespace {

// Markdown: every character that could open markup is escaped, so that a client's name
// renders as itself; a line never starts a block (list, heading) by accident.
std::string md(std::string_view text) {
    static constexpr std::string_view kSpecials = "\\`*_[]<>|~&$#";
    static constexpr std::string_view kLineStart = "+-=";
    std::string escaped;
    if (!text.empty() && kLineStart.find(text[0]) != std::string_view::npos) escaped += '\\';
    for (char ch : text) {
        if (ch == '\n') {
            escaped += ' ';
            continue;
        }
        if (kSpecials.find(ch) != std::string_view::npos) escaped += '\\';
        escaped += ch;
    }
    return escaped;
}

// HTML character data (html_text.hpp), under a short name for the writer below.
std::string html(std::string_view text) { return html_escape(text); }

}  // namespace

void write_reminder_text(std::ostream& out, const ReminderDocument& document) {
    const auto p = reminder_parts(document);
    for (const auto& line : p.seller) out << line << '\n';
    out << '\n';
    for (const auto& line : p.buyer) out << line << '\n';
    out << '\n' << p.date << "\n\n" << p.subject << "\n\n" << p.greeting << "\n\n";
    for (const auto& paragraph : p.paragraphs) out << paragraph << "\n\n";
    for (const auto& field : p.fields) out << field.label << (p.language == "fr" ? " : " : ": ") << field.value << '\n';
    out << '\n';
    for (const auto& note : p.notes) out << note << '\n';
    if (!p.bank_intro.empty()) {
        out << '\n' << p.bank_intro << '\n';
        for (const auto& line : p.bank) out << line << '\n';
    }
    out << '\n' << p.closing << '\n' << p.signature << '\n';
}

void write_reminder_markdown(std::ostream& out, const ReminderDocument& document) {
    const auto p = reminder_parts(document);
    auto lines = [&](const std::vector<std::string>& list) {
        for (std::size_t i = 0; i < list.size(); ++i) out << md(list[i]) << (i + 1 < list.size() ? "\\\n" : "\n");
    };
    out << "# " << md(p.subject) << "\n\n";
    lines(p.seller);
    out << '\n';
    lines(p.buyer);
    out << '\n' << md(p.date) << "\n\n" << md(p.greeting) << "\n\n";
    for (const auto& paragraph : p.paragraphs) out << md(paragraph) << "\n\n";
    for (const auto& field : p.fields) out << "- **" << md(field.label) << "**: " << md(field.value) << '\n';
    out << '\n';
    for (const auto& note : p.notes) out << md(note) << "\n\n";
    if (!p.bank_intro.empty()) {
        out << md(p.bank_intro) << "\\\n";
        lines(p.bank);
        out << '\n';
    }
    out << md(p.closing) << "\\\n" << md(p.signature) << '\n';
}

void write_reminder_html(std::ostream& out, const ReminderDocument& document) {
    const auto p = reminder_parts(document);
    auto lines = [&](const std::vector<std::string>& list) {
        for (std::size_t i = 0; i < list.size(); ++i) out << (i > 0 ? "<br>" : "") << html(list[i]);
    };
    out << "<!DOCTYPE html>\n<html lang=\"" << p.language << "\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        << html(p.subject) << "</title>\n"
        << "<style>body{font-family:sans-serif;max-width:42em;margin:2em auto;line-height:1.4}"
           ".to{margin-left:55%}table td{padding:0 1em 0 0}.total td{font-weight:bold}</style>\n"
        << "</head>\n<body>\n<p class=\"from\">";
    lines(p.seller);
    out << "</p>\n<p class=\"to\">";
    lines(p.buyer);
    out << "</p>\n<p>" << html(p.date) << "</p>\n<h1>" << html(p.subject) << "</h1>\n<p>" << html(p.greeting)
        << "</p>\n";
    for (const auto& paragraph : p.paragraphs) out << "<p>" << html(paragraph) << "</p>\n";
    out << "<table>\n";
    for (std::size_t i = 0; i < p.fields.size(); ++i) {
        out << (i + 1 == p.fields.size() ? "<tr class=\"total\">" : "<tr>") << "<td>" << html(p.fields[i].label)
            << "</td><td>" << html(p.fields[i].value) << "</td></tr>\n";
    }
    out << "</table>\n";
    for (const auto& note : p.notes) out << "<p><small>" << html(note) << "</small></p>\n";
    if (!p.bank_intro.empty()) {
        out << "<p>" << html(p.bank_intro) << "<br>";
        lines(p.bank);
        out << "</p>\n";
    }
    out << "<p>" << html(p.closing) << "<br>" << html(p.signature) << "</p>\n</body>\n</html>\n";
}

}  // namespace slash::render
