#pragma once

#include <istream>
#include <string>
#include <vector>

#include "byte_source.hpp"

namespace slash::interchange {

/// A streaming RFC 4180 reader: one record at a time, in constant memory. Fields are
/// separated by ',' and records by CR LF or LF; a field in double quotes may hold commas,
/// line breaks and quotes written "". A quote inside an unquoted field is kept as a
/// character (as Python's csv and spreadsheets do). A UTF-8 byte order mark is skipped,
/// invalid UTF-8 refused. Blank lines are skipped. Every error throws Error(Usage)
/// `<source> line N: <reason>`.
class CsvReader {
  public:
    /// Longer records are refused, so that an unbalanced quote cannot make the reader hold
    /// the rest of a 2 GB file.
    static constexpr std::size_t kMaxRecordBytes = 1 << 20;
    static constexpr std::size_t kMaxFields = 1024;

    CsvReader(std::istream& in, std::string source_name);

    /// The first record, the header. Refuses an input without one ("empty file: no header
    /// row") and a header whose columns are separated by ';' or tabs (a spreadsheet's
    /// "CSV" in some locales), naming the separator.
    [[nodiscard]] std::vector<std::string> read_header();

    /// The next record into `fields`; false at the end of the input.
    bool next(std::vector<std::string>& fields);

    /// The physical line the last record starts on (a quoted field may span lines).
    [[nodiscard]] long record_line() const { return record_line_; }
    [[nodiscard]] const std::string& source_name() const { return source_name_; }

  private:
    /// Reads one record; false at the end of the input.
    bool read_record(std::vector<std::string>& fields);
    /// Takes the next byte, checking UTF-8 and the record size; kEnd at the end.
    int take(std::size_t& record_bytes);
    [[noreturn]] void fail_here(std::string_view reason) const;

    ByteSource bytes_;
    std::string source_name_;
    long record_line_ = 1;
    long byte_line_ = 1;  ///< the line of the byte take() returned last
};

}  // namespace slash::interchange
