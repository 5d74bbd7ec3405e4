#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "slash/render/value.hpp"

namespace slash::render {

/// How results are written (docs/contract.md §6). `Auto` picks an aligned table on a terminal
/// and header-less tab-separated rows when piped.
enum class Format { Auto, Json, Csv, Tsv, Template, Quiet };

/// How a person reads durations on a terminal (`[display] durations`): hours and minutes
/// ("1:45" in tables, "1h45m" in show views) or decimal hours ("1.75", "1.75 h").
/// Machine output never changes with it.
enum class DurationStyle { HoursMinutes, Decimal };

struct OutputOptions {
    Format format = Format::Auto;
    std::string template_text;
    bool terminal = false;
    bool color = false;
    /// Columns of the terminal the table must fit, 0 for no limit (a pipe, --wide): the
    /// widest free-text column (note, title, name, description) is cut with "…".
    std::size_t width = 0;
    DurationStyle durations = DurationStyle::HoursMinutes;
};

/// A column of the human table: which field, its header, and alignment.
struct Column {
    std::string field;
    std::string header;
    bool right_aligned = false;
    /// A duration: on a terminal the cell is this integer field (seconds) written in the
    /// DurationStyle, whatever `field` holds for pipes.
    std::string seconds_field = {};
};

/// A duration as a terminal table shows it, to the nearest minute: "1:45" or "1.75".
[[nodiscard]] std::string table_duration(std::int64_t seconds, DurationStyle style);
/// A duration as a sentence or a show view says it, to the nearest minute: "1h45m" or "1.75 h".
[[nodiscard]] std::string spoken_duration(std::int64_t seconds, DurationStyle style);

/// The shape of one kind of record, fixed whatever the data: the flat field names of CSV,
/// TSV and templates (objects spread as "rate.amount", so a client without a rate still
/// has those columns), the columns of the list table, the labels of `show`, and the
/// identifier field that `-q` prints.
struct Schema {
    std::vector<std::string> fields;
    std::vector<Column> columns;
    std::vector<Column> labels;
    std::string id_field;
};

/// The flat field names of a record whose every object is filled in.
[[nodiscard]] std::vector<std::string> flat_field_names(const Record& prototype);

/// A list result: rows of records of one schema.
struct ListView {
    Schema schema;
    std::vector<Record> rows;
};

/// Writes a list in the chosen format. Throws Usage for a template naming an unknown field.
void write_list(std::ostream& out, const ListView& view, const OutputOptions& options);

/// Writes a list row by row, for listings too long to hold (a year of entries at 1M):
/// every format but the terminal table writes each row as it comes, so memory stays
/// constant; the table keeps only its cells, to align the columns at finish(). Nothing is
/// written before the first add() or finish(), so a refusal found between the
/// construction and the first row leaves the output empty. write_list is this over a
/// ListView, with the same bytes.
class ListWriter {
public:
    /// Throws Usage for a template naming an unknown field, before writing anything.
    ListWriter(std::ostream& out, Schema schema, OutputOptions options);
    void add(const Record& row);
    void finish();

private:
    void begin();

    std::ostream& out_;
    Schema schema_;
    OutputOptions options_;
    bool begun_ = false;
    std::size_t rows_ = 0;
    std::vector<std::size_t> widths_;
    std::string table_text_;
    std::vector<std::size_t> cell_ends_;
};

/// Writes one object: "Label:  value" lines on a terminal, "field<TAB>value" when piped,
/// one JSON object with --json, a header and one row with --csv/--tsv.
void write_record(std::ostream& out, const Schema& schema, const Record& record, const OutputOptions& options);

/// Throws Usage naming the first unknown `{field}` of a template and the known ones.
void check_template(const std::string& template_text, const std::vector<std::string>& fields);

}  // namespace slash::render
