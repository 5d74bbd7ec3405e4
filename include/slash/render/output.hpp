#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "slash/render/value.hpp"

namespace slash::render {

/// How results are written (DESIGN.md §6). `Auto` picks an aligned table on a terminal
/// and header-less tab-separated rows when piped.
enum class Format { Auto, Json, Csv, Tsv, Template, Quiet };

struct OutputOptions {
    Format format = Format::Auto;
    std::string template_text;
    bool terminal = false;
    bool color = false;
};

/// A column of the human table: which field, its header, and alignment.
struct Column {
    std::string field;
    std::string header;
    bool right_aligned = false;
};

/// A list result: rows of records, the columns a human sees, and the identifier field that
/// `-q` prints. `fields` names every field of a row even when there are no rows, so that
/// CSV headers and template checks work on empty lists.
struct ListView {
    std::vector<Column> columns;
    std::vector<std::string> fields;
    std::string id_field;
    std::vector<Record> rows;
};

/// Writes a list in the chosen format. Throws Usage for a template naming an unknown field.
void write_list(std::ostream& out, const ListView& view, const OutputOptions& options);

/// Writes one object: "Label  value" lines on a terminal, "field<TAB>value" when piped,
/// one JSON object with --json, a header and one row with --csv/--tsv.
void write_record(std::ostream& out, const Record& record, const std::vector<Column>& labels,
                  const std::string& id_field, const OutputOptions& options);

/// Throws Usage naming the first unknown `{field}` of a template and the known ones.
void check_template(const std::string& template_text, const std::vector<std::string>& fields);

}  // namespace slash::render
