#include "slash/render/invoice_document.hpp"

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "invoice_parts.hpp"

namespace slash::render {

namespace {

// Characters that open markup wherever they stand (CommonMark and GitHub's extensions:
// tables, strikethrough, math, entities, a heading's closing '#'). Parentheses, braces and
// '!' need no escape once '[' and ']' have one: they only mean something next to a link.
constexpr std::string_view kInlineSpecials = "\\`*_[]<>|~&$#";
// Characters that open a block only at the start of a line (a list, a heading underline).
constexpr std::string_view kLineStartSpecials = "+-=";

// User text as inline Markdown that renders as itself. Line breaks become spaces: a table
// cell cannot hold one, and elsewhere a break could start a new block. `line_start` is for
// text that begins a line, where "- ", "+ ", "1. " or "===" would start a block.
std::string escape(std::string_view text, bool line_start) {
    std::size_t escape_at = std::string_view::npos;
    if (line_start && !text.empty()) {
        if (kLineStartSpecials.find(text[0]) != std::string_view::npos) {
            escape_at = 0;
        } else {
            // An ordered list marker: 1 to 9 digits then '.' or ')'.
            const std::size_t digits = text.find_first_not_of("0123456789");
            if (digits > 0 && digits <= 9 && digits < text.size() &&
                (text[digits] == '.' || text[digits] == ')')) {
                escape_at = digits;
            }
        }
    }
    std::string escaped;
    escaped.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (ch == '\n') {
            escaped += ' ';
            continue;
        }
        if (i == escape_at || kInlineSpecials.find(ch) != std::string_view::npos) escaped += '\\';
        escaped += ch;
    }
    return escaped;
}

// Lines of one paragraph, kept apart by hard line breaks (a backslash before the newline).
std::string paragraph(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        // Indentation could turn a line into code or a nested list: it goes.
        const std::size_t first = line.find_first_not_of(' ');
        if (first == std::string::npos) continue;
        if (!text.empty()) text += "\\\n";
        text += escape(std::string_view(line).substr(first, line.find_last_not_of(' ') + 1 - first),
                       true);
    }
    return text;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string table_row(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const auto& cell : cells) row += " " + cell + " |";
    return row;
}

std::string line_table(const InvoiceParts& parts) {
    std::vector<std::string> headers;
    std::vector<std::string> alignment;
    for (std::size_t c = 0; c < kLineColumns; ++c) {
        headers.push_back(escape(parts.headers[c], false));
        alignment.emplace_back(kRightAligned[c] ? "---:" : ":---");
    }
    std::string table = table_row(headers) + "\n" + table_row(alignment);
    for (const auto& row : parts.rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(escape(cell, false));
        table += "\n" + table_row(cells);
    }
    return table;
}

std::string totals_table(const std::vector<InvoiceTotal>& totals) {
    std::string table = table_row({"", ""}) + "\n" + table_row({":---", "---:"});
    for (const auto& row : totals) {
        const std::string label = escape(row.label, false);
        const std::string amount = escape(row.amount, false);
        table += "\n" + (row.strong ? table_row({"**" + label + "**", "**" + amount + "**"})
                                    : table_row({label, amount}));
    }
    return table;
}

}  // namespace

void write_invoice_markdown(std::ostream& out, const InvoiceDocument& document) {
    const InvoiceParts parts = invoice_parts(document);
    // French puts a (no-break) space before a colon.
    const std::string_view colon = is_english(document.invoice.language) ? ":" : "\u00a0:";

    std::vector<std::string> blocks{"# " + escape(parts.title, false)};
    for (const auto& note : parts.notes) blocks.push_back(escape(note, true));
    if (!parts.fields.empty()) {
        std::string list;
        for (const auto& field : parts.fields) {
            if (!list.empty()) list += '\n';
            list += "- **" + escape(field.label, false) + std::string(colon) + "** " +
                    escape(field.value, false);
        }
        blocks.push_back(std::move(list));
    }
    for (const InvoiceParty* party : {&parts.seller, &parts.buyer}) {
        if (party->lines.empty()) continue;
        blocks.push_back("## " + escape(party->heading, false));
        blocks.push_back(paragraph(party->lines));
    }
    blocks.push_back(line_table(parts));
    blocks.push_back(totals_table(parts.totals));
    for (const auto& mention : parts.mentions) blocks.push_back(paragraph(split_lines(mention)));
    if (!parts.bank.empty()) blocks.push_back(escape(parts.bank, true));

    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0) out << '\n';
        out << blocks[i] << '\n';
    }
}

}  // namespace slash::render
