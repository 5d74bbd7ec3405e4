#include "slash/render/invoice_document.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "invoice_parts.hpp"
#include "text_width.hpp"

namespace slash::render {

namespace {

// Prose wraps at 78 columns, so that the document reads in an 80-column terminal and
// prints on A4 in a monospace font. The lines table gives its description what the number
// columns leave of that width, within these bounds: a 2000-character description becomes
// a tall cell, never a wide one.
constexpr std::size_t kPageWidth = 78;
constexpr std::size_t kMaxDescriptionWidth = 40;
constexpr std::size_t kMinDescriptionWidth = 20;
constexpr std::size_t kMaxUnitWidth = 12;
constexpr std::size_t kGap = 2;

using Lines = std::vector<std::string>;

// Bytes of the UTF-8 sequence starting at `i`, as display_width decodes it.
std::size_t sequence_length(std::string_view text, std::size_t i) { return domain::decode_utf8(text, i).length; }

// A word wider than the column is cut between code points; a zero-width one (an accent
// written as a combining mark) stays with the character before it.
Lines cut_word(std::string_view word, std::size_t width) {
    Lines pieces(1);
    std::size_t used = 0;
    for (std::size_t i = 0; i < word.size();) {
        const std::size_t length = sequence_length(word, i);
        const std::string_view code_point = word.substr(i, length);
        const std::size_t columns = display_width(code_point);
        if (used + columns > width && columns > 0 && !pieces.back().empty()) {
            pieces.emplace_back();
            used = 0;
        }
        pieces.back() += code_point;
        used += columns;
        i += length;
    }
    return pieces;
}

// Marks French sets apart from the word before them with a space.
constexpr std::array<std::string_view, 7> kAttachedAfter{":", ";", "!", "?", "»", "€", "%"};

// Where the word starting at `start` ends. A mark of kAttachedAfter stays with the word
// before it, "«" with the word after it, rather than begin or end a line on its own
// ("paiement :" moves down whole).
std::size_t word_end_at(std::string_view text, std::size_t start) {
    auto next_space = [&](std::size_t from) { return std::min(text.find(' ', from), text.size()); };
    std::size_t end = next_space(start);
    if (text.substr(start, end - start) == "«" && end < text.size()) end = next_space(end + 1);
    while (end < text.size()) {
        const std::size_t next = next_space(end + 1);
        const std::string_view token = text.substr(end + 1, next - end - 1);
        if (std::find(kAttachedAfter.begin(), kAttachedAfter.end(), token) == kAttachedAfter.end())
            break;
        end = next;
    }
    return end;
}

// Greedy word wrap of text whose paragraphs are separated by '\n'; empty paragraphs are
// dropped so that a description's blank lines do not stretch the table. Never empty.
Lines wrap(std::string_view text, std::size_t width) {
    Lines lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view paragraph = text.substr(start, end - start);
        std::string line;
        std::size_t used = 0;
        auto flush = [&] {
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            used = 0;
        };
        std::size_t word_start = 0;
        while (word_start < paragraph.size()) {
            const std::size_t word_end = word_end_at(paragraph, word_start);
            const std::string_view word = paragraph.substr(word_start, word_end - word_start);
            word_start = word_end + 1;
            if (word.empty()) continue;
            const std::size_t columns = display_width(word);
            if (!line.empty() && used + 1 + columns <= width) {
                line += ' ';
                line += word;
                used += 1 + columns;
                continue;
            }
            flush();
            if (columns <= width) {
                line = std::string(word);
                used = columns;
                continue;
            }
            Lines pieces = cut_word(word, width);
            for (std::size_t k = 0; k + 1 < pieces.size(); ++k)
                lines.push_back(std::move(pieces[k]));
            line = std::move(pieces.back());
            used = display_width(line);
        }
        flush();
        start = end + 1;
    }
    if (lines.empty()) lines.emplace_back();
    return lines;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
    const std::size_t columns = display_width(text);
    const std::string fill(columns < width ? width - columns : 0, ' ');
    return right ? fill + text : text + fill;
}

Lines title_section(const InvoiceParts& parts) {
    Lines lines = wrap(parts.title, kPageWidth);
    for (const auto& note : parts.notes) {
        for (auto& line : wrap(note, kPageWidth)) lines.push_back(std::move(line));
    }
    return lines;
}

// Labels in a column, values beside them, continuation lines under the values.
Lines field_section(const std::vector<InvoiceField>& fields) {
    std::size_t label_width = 0;
    for (const auto& field : fields)
        label_width = std::max(label_width, display_width(field.label));
    const std::size_t indent = label_width + kGap;
    const std::size_t value_width =
        std::max(kPageWidth - std::min(kPageWidth, indent), kMinDescriptionWidth);
    Lines lines;
    for (const auto& field : fields) {
        const Lines values = wrap(field.value, value_width);
        for (std::size_t i = 0; i < values.size(); ++i) {
            lines.push_back((i == 0 ? pad(field.label, indent, false) : std::string(indent, ' ')) +
                            values[i]);
        }
    }
    return lines;
}

Lines party_section(const InvoiceParty& party) {
    if (party.lines.empty()) return {};
    Lines lines{party.heading};
    for (const auto& text : party.lines) {
        for (auto& line : wrap(text, kPageWidth)) lines.push_back(std::move(line));
    }
    return lines;
}

struct Table {
    Lines lines;
    std::size_t width = 0;
};

Table line_table(const InvoiceParts& parts) {
    // Every cell as its lines; the description is wrapped last, to the width the others leave.
    std::vector<std::array<Lines, kLineColumns>> cells(parts.rows.size());
    std::array<std::size_t, kLineColumns> widths{};
    for (std::size_t c = 0; c < kLineColumns; ++c) widths[c] = display_width(parts.headers[c]);
    for (std::size_t r = 0; r < parts.rows.size(); ++r) {
        for (std::size_t c = 0; c < kLineColumns; ++c) {
            if (c == kDescriptionColumn) continue;
            cells[r][c] =
                c == kUnitColumn ? wrap(parts.rows[r][c], kMaxUnitWidth) : Lines{parts.rows[r][c]};
            for (const auto& line : cells[r][c])
                widths[c] = std::max(widths[c], display_width(line));
        }
    }
    std::size_t others = 0;
    for (std::size_t c = 1; c < kLineColumns; ++c) others += widths[c] + kGap;
    const std::size_t room = kPageWidth > others ? kPageWidth - others : 0;
    const std::size_t description_width =
        std::clamp(room, kMinDescriptionWidth, kMaxDescriptionWidth);
    for (std::size_t r = 0; r < parts.rows.size(); ++r) {
        cells[r][kDescriptionColumn] = wrap(parts.rows[r][kDescriptionColumn], description_width);
        for (const auto& line : cells[r][kDescriptionColumn]) {
            widths[kDescriptionColumn] = std::max(widths[kDescriptionColumn], display_width(line));
        }
    }

    auto join = [&](auto&& cell_text) {
        std::string line;
        for (std::size_t c = 0; c < kLineColumns; ++c) {
            if (c > 0) line += std::string(kGap, ' ');
            line += pad(cell_text(c), widths[c], kRightAligned[c]);
        }
        return line;
    };
    Table table;
    table.lines.push_back(join([&](std::size_t c) { return parts.headers[c]; }));
    table.lines.push_back(join([&](std::size_t c) { return std::string(widths[c], '-'); }));
    for (const auto& row : cells) {
        std::size_t height = 0;
        for (const auto& cell : row) height = std::max(height, cell.size());
        for (std::size_t k = 0; k < height; ++k) {
            table.lines.push_back(
                join([&](std::size_t c) { return k < row[c].size() ? row[c][k] : std::string(); }));
        }
    }
    for (std::size_t c = 0; c < kLineColumns; ++c) table.width += widths[c] + (c > 0 ? kGap : 0);
    return table;
}

// Right-aligned under the table, so that the total sits under the net amounts.
Lines totals_section(const std::vector<InvoiceTotal>& totals, std::size_t right_edge) {
    std::size_t label_width = 0;
    std::size_t amount_width = 0;
    for (const auto& row : totals) {
        label_width = std::max(label_width, display_width(row.label));
        amount_width = std::max(amount_width, display_width(row.amount));
    }
    const std::size_t block = label_width + kGap + amount_width;
    const std::string indent(right_edge > block ? right_edge - block : 0, ' ');
    Lines lines;
    for (const auto& row : totals) {
        lines.push_back(indent + pad(row.label, label_width + kGap, false) +
                        pad(row.amount, amount_width, true));
    }
    return lines;
}

Lines prose_section(const std::vector<std::string>& paragraphs) {
    Lines lines;
    for (const auto& paragraph : paragraphs) {
        for (auto& line : wrap(paragraph, kPageWidth)) lines.push_back(std::move(line));
    }
    return lines;
}

void write_line(std::ostream& out, const std::string& line) {
    const std::size_t end = line.find_last_not_of(' ');
    out << (end == std::string::npos ? std::string() : line.substr(0, end + 1)) << '\n';
}

}  // namespace

void write_invoice_text(std::ostream& out, const InvoiceDocument& document) {
    const InvoiceParts parts = invoice_parts(document);
    const Table table = line_table(parts);
    std::vector<Lines> sections{title_section(parts),
                                field_section(parts.fields),
                                party_section(parts.seller),
                                party_section(parts.buyer),
                                table.lines,
                                totals_section(parts.totals, table.width),
                                prose_section(parts.mentions),
                                parts.bank.empty() ? Lines{} : wrap(parts.bank, kPageWidth)};
    bool first = true;
    for (const auto& section : sections) {
        if (section.empty()) continue;
        if (!first) out << '\n';
        first = false;
        for (const auto& line : section) write_line(out, line);
    }
}

}  // namespace slash::render
