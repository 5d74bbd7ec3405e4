#include "slash/render/output.hpp"

#include <algorithm>
#include <ostream>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/text.hpp"
#include "slash/domain/wide.hpp"
#include "text_width.hpp"

namespace slash::render {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";

const Value* find_field(const Record& record, const std::string& name) {
    for (const auto& [field, value] : record) {
        if (field == name) return &value;
    }
    return nullptr;
}

std::string cell_of(const Record& record, const std::string& field) {
    const Value* value = find_field(record, field);
    return value ? to_cell(*value) : std::string();
}

// A column's cell on a terminal: a duration in the person's style, else the field's text.
std::string terminal_cell(const Record& record, const Column& column, DurationStyle style) {
    if (!column.seconds_field.empty()) {
        const Value* seconds = find_field(record, column.seconds_field);
        if (seconds && seconds->as_integer()) return table_duration(*seconds->as_integer(), style);
    }
    return cell_of(record, column.field);
}

// The output layer's --csv and `slash export` write their cells one way (domain/text).
std::string csv_cell(const std::string& text) { return domain::csv_cell(text); }

std::string tsv_cell(std::string text) {
    std::replace_if(text.begin(), text.end(), [](char ch) { return ch == '\t' || ch == '\n' || ch == '\r'; },
                    ' ');
    return text;
}

void write_separated(std::ostream& out, const std::vector<std::string>& cells, char separator,
                     std::string (*escape)(const std::string&)) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out << separator;
        out << escape(cells[i]);
    }
    out << (separator == ',' ? "\r\n" : "\n");
}

std::string tsv_escape(const std::string& text) { return tsv_cell(text); }

char separator_of(Format format) { return format == Format::Csv ? ',' : '\t'; }

auto escape_of(char separator) { return separator == ',' ? &csv_cell : &tsv_escape; }

void write_flat_row(std::ostream& out, const Schema& schema, const Record& row, char separator) {
    Record flat = flatten(row);
    std::vector<std::string> cells;
    cells.reserve(schema.fields.size());
    for (const auto& name : schema.fields) cells.push_back(cell_of(flat, name));
    write_separated(out, cells, separator, escape_of(separator));
}

// Every name a template may use: the flat fields and the objects they come from, so
// that both {rate.amount} and {rate} work.
std::vector<std::string> template_names(const Schema& schema) {
    std::vector<std::string> names = schema.fields;
    for (const auto& field : schema.fields) {
        auto dot = field.find('.');
        if (dot == std::string::npos) continue;
        std::string object = field.substr(0, dot);
        if (std::find(names.begin(), names.end(), object) == names.end()) names.push_back(object);
    }
    return names;
}

// Expands a template once per row: {field} or {field.sub} takes the cell text, {{ and }}
// are literal braces, and \t \n \r \\ are the usual escapes so that shells need no $'...'.
std::string expand_template(const std::string& text, const Record* flat, const Record* nested,
                            const std::vector<std::string>* known) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (ch == '\\' && i + 1 < text.size()) {
            char next = text[++i];
            out += next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next;
        } else if (ch == '{' && i + 1 < text.size() && text[i + 1] == '{') {
            out += '{';
            ++i;
        } else if (ch == '}' && i + 1 < text.size() && text[i + 1] == '}') {
            out += '}';
            ++i;
        } else if (ch == '{') {
            auto close = text.find('}', i);
            if (close == std::string::npos) {
                throw Error(ErrorKind::Usage,
                            fmt::format("unclosed \"{{\" in --template \"{}\"; write {{{{ for a literal brace", text));
            }
            std::string name = text.substr(i + 1, close - i - 1);
            i = close;
            if (known) {
                if (std::find(known->begin(), known->end(), name) == known->end()) {
                    std::string list;
                    for (const auto& field : *known) list += (list.empty() ? "" : ", ") + field;
                    throw Error(ErrorKind::Usage,
                                fmt::format("unknown field \"{}\" in --template; fields: {}", name, list));
                }
                continue;
            }
            const Value* value = find_field(*flat, name);
            if (!value) value = find_field(*nested, name);
            if (value) out += to_cell(*value);
        } else {
            out += ch;
        }
    }
    return out;
}

// Free text, the one kind of cell that can be cut without losing what the row is: a note
// or a name is still recognised by its start, an amount or a date cut is a lie.
bool is_free_text(const std::string& field) {
    return field == "note" || field == "title" || field == "name" || field == "description";
}

// Narrows the widest free-text column so that the table fits `width` columns, no narrower
// than its header or "…" alone. Leaves the widths as they are when nothing can be cut.
void fit_widths(const std::vector<Column>& columns, std::vector<std::size_t>& widths, std::size_t width) {
    if (width == 0 || columns.empty()) return;
    std::size_t total = 2 * (columns.size() - 1);
    for (std::size_t w : widths) total += w;
    if (total <= width) return;
    std::size_t widest = columns.size();
    for (std::size_t c = 0; c < columns.size(); ++c) {
        if (is_free_text(columns[c].field) && (widest == columns.size() || widths[c] > widths[widest])) widest = c;
    }
    if (widest == columns.size()) return;
    const std::size_t floor = std::max<std::size_t>(display_width(columns[widest].header), 1);
    if (widths[widest] <= floor) return;
    const std::size_t excess = total - width;
    widths[widest] = widths[widest] - floor > excess ? widths[widest] - excess : floor;
}

// `text` cut to `width` columns, its end replaced by "…" when it is wider.
std::string cut_to_width(std::string_view text, std::size_t width) {
    std::string cut;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size();) {
        const domain::CodePoint c = domain::decode_utf8(text, i);
        const std::size_t columns = c.valid ? static_cast<std::size_t>(code_point_width(c.value)) : 1;
        if (used + columns + 1 > width) break;  // room for the "…"
        cut.append(text.substr(i, c.length));
        used += columns;
        i += c.length;
    }
    return cut + "\u2026";
}

void write_table_line(std::ostream& out, const std::vector<Column>& columns, const std::vector<std::size_t>& widths,
                      const std::vector<std::string_view>& line, bool header, bool color) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
        bool last = c + 1 == line.size();
        std::size_t cell_width = display_width(line[c]);
        if (cell_width <= widths[c]) {
            if (columns[c].right_aligned) text.append(widths[c] - cell_width, ' ');
            text += line[c];
        } else {
            const std::string cut = cut_to_width(line[c], widths[c]);
            cell_width = display_width(cut);
            if (columns[c].right_aligned) text.append(widths[c] - cell_width, ' ');
            text += cut;
        }
        std::size_t pad = widths[c] - cell_width;
        if (!columns[c].right_aligned && !last) text.append(pad, ' ');
        if (!last) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (header && color) {
        out << kBold << text << kReset << '\n';
    } else {
        out << text << '\n';
    }
}

}  // namespace

std::vector<std::string> flat_field_names(const Record& prototype) {
    std::vector<std::string> names;
    for (const auto& [name, value] : flatten(prototype)) names.push_back(name);
    return names;
}

namespace {

// To the nearest minute, half away from zero, as decimal hours round: so that a table's
// columns still add up (17:09 + 6:51 = 24:00, where cutting the seconds gave 17:08).
std::int64_t nearest_minute(std::int64_t seconds) { return domain::divide_rounded(seconds, 60) * 60; }

}  // namespace

std::string table_duration(std::int64_t seconds, DurationStyle style) {
    return style == DurationStyle::Decimal ? domain::format_hours(seconds) : domain::format_hm(nearest_minute(seconds));
}

std::string spoken_duration(std::int64_t seconds, DurationStyle style) {
    return style == DurationStyle::Decimal ? domain::format_hours(seconds) + " h"
                                           : domain::format_duration(nearest_minute(seconds));
}

void check_template(const std::string& template_text, const std::vector<std::string>& fields) {
    expand_template(template_text, nullptr, nullptr, &fields);
}

ListWriter::ListWriter(std::ostream& out, Schema schema, OutputOptions options)
    : out_(out), schema_(std::move(schema)), options_(std::move(options)) {
    if (options_.format == Format::Template) check_template(options_.template_text, template_names(schema_));
    if (options_.format == Format::Auto && options_.terminal) {
        for (const auto& column : schema_.columns) widths_.push_back(display_width(column.header));
    }
}

void ListWriter::begin() {
    begun_ = true;
    if (options_.format == Format::Json) out_ << '[';
    if (options_.format == Format::Csv || options_.format == Format::Tsv) {
        char separator = separator_of(options_.format);
        write_separated(out_, schema_.fields, separator, escape_of(separator));
    }
}

void ListWriter::add(const Record& row) {
    if (!begun_) begin();
    switch (options_.format) {
        case Format::Json: out_ << (rows_ > 0 ? ",\n" : "\n") << to_json(Value::object(row)); break;
        case Format::Csv:
        case Format::Tsv: write_flat_row(out_, schema_, row, separator_of(options_.format)); break;
        case Format::Template: {
            Record flat = flatten(row);
            out_ << expand_template(options_.template_text, &flat, &row, nullptr) << '\n';
            break;
        }
        case Format::Quiet: {
            // Summary rows (totals) have no identifier: -q feeds `while read id` loops.
            std::string id = cell_of(row, schema_.id_field);
            if (!id.empty()) out_ << id << '\n';
            break;
        }
        case Format::Auto: {
            std::vector<std::string> cells;
            cells.reserve(schema_.columns.size());
            for (const auto& column : schema_.columns) {
                cells.push_back(options_.terminal ? terminal_cell(row, column, options_.durations)
                                                  : cell_of(row, column.field));
            }
            if (!options_.terminal) {
                write_separated(out_, cells, '\t', &tsv_escape);
                break;
            }
            // The cells end to end, found again by their ends: a terminal table of a year
            // of entries costs its text and a number per cell, not a string object each.
            for (std::size_t c = 0; c < cells.size(); ++c) {
                widths_[c] = std::max(widths_[c], display_width(cells[c]));
                table_text_ += cells[c];
                cell_ends_.push_back(table_text_.size());
            }
            break;
        }
    }
    ++rows_;
}

void ListWriter::finish() {
    if (!begun_) begin();
    if (options_.format == Format::Json) out_ << (rows_ == 0 ? "]\n" : "\n]\n");
    if (options_.format != Format::Auto || !options_.terminal) return;
    const auto& columns = schema_.columns;
    fit_widths(columns, widths_, options_.width);
    std::vector<std::string_view> line;
    for (const auto& column : columns) line.push_back(column.header);
    write_table_line(out_, columns, widths_, line, true, options_.color);
    std::string_view text(table_text_);
    std::size_t begin = 0;
    for (std::size_t cell = 0; !columns.empty() && cell < cell_ends_.size(); cell += columns.size()) {
        line.clear();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            line.push_back(text.substr(begin, cell_ends_[cell + c] - begin));
            begin = cell_ends_[cell + c];
        }
        write_table_line(out_, columns, widths_, line, false, options_.color);
    }
    table_text_.clear();
    cell_ends_.clear();
}

void write_list(std::ostream& out, const ListView& view, const OutputOptions& options) {
    ListWriter writer(out, view.schema, options);
    for (const auto& row : view.rows) writer.add(row);
    writer.finish();
}

void write_record(std::ostream& out, const Schema& schema, const Record& record, const OutputOptions& options) {
    switch (options.format) {
        case Format::Json: out << to_json(Value::object(record)) << '\n'; return;
        case Format::Auto: break;
        default: write_list(out, ListView{schema, {record}}, options); return;
    }
    if (!options.terminal) {
        Record flat = flatten(record);
        for (const auto& name : schema.fields) out << name << '\t' << tsv_cell(cell_of(flat, name)) << '\n';
        return;
    }
    std::size_t width = 0;
    for (const auto& label : schema.labels) width = std::max(width, display_width(label.header));
    for (const auto& label : schema.labels) {
        const Value* value = find_field(record, label.field);
        std::string text = value ? to_cell(*value) : std::string();
        if (const Value* seconds = label.seconds_field.empty() ? nullptr : find_field(record, label.seconds_field);
            seconds && seconds->as_integer()) {
            text = spoken_duration(*seconds->as_integer(), options.durations);
        }
        std::string header = label.header + ":";
        header.append(width + 1 - display_width(label.header), ' ');
        if (options.color) {
            out << kBold << header << kReset << ' ' << text << '\n';
        } else {
            out << header << ' ' << text << '\n';
        }
    }
}

}  // namespace slash::render
