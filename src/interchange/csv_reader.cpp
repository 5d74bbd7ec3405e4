#include "csv_reader.hpp"

#include <algorithm>

#include "source_text.hpp"
#include "utf8.hpp"

namespace slash::interchange {

namespace {

constexpr int kEnd = ByteSource::kEnd;

/// Both bytes of a record end: a lone LF, CR LF, or (old Mac files) a lone CR.
bool ends_record(int byte) {
    return byte == '\n' || byte == '\r' || byte == kEnd;
}

}  // namespace

CsvReader::CsvReader(std::istream& in, std::string source_name)
    : bytes_(in), source_name_(std::move(source_name)) {}

void CsvReader::fail_here(std::string_view reason) const {
    fail_at_line(source_name_, bytes_.line(), reason);
}

std::vector<std::string> CsvReader::read_header() {
    std::vector<std::string> header;
    if (!next(header)) fail_at_line(source_name_, bytes_.line(), "empty file: no header row");
    if (header.size() == 1) {
        for (const auto& [separator, name] : {std::pair{';', "';'"}, std::pair{'\t', "tabs"}}) {
            if (header.front().find(separator) == std::string::npos) continue;
            fail_at_line(source_name_, record_line_,
                         std::string("the columns are separated by ") + name +
                             ", not ','; export the file as comma-separated CSV");
        }
    }
    return header;
}

bool CsvReader::next(std::vector<std::string>& fields) {
    while (read_record(fields)) {
        // A blank line is one empty unquoted field: skip it rather than call it a record.
        if (fields.size() > 1 || !fields.front().empty()) return true;
    }
    return false;
}

int CsvReader::take(std::size_t& record_bytes) {
    byte_line_ = bytes_.line();
    if (++record_bytes > kMaxRecordBytes) {
        fail_at_line(source_name_, record_line_,
                     "a record longer than " + std::to_string(kMaxRecordBytes) +
                         " bytes (a quote never closed?)");
    }
    return bytes_.get();
}

bool CsvReader::read_record(std::vector<std::string>& fields) {
    std::size_t count = 0;  ///< fields of this record so far; `fields` keeps its strings
    std::size_t record_bytes = 0;
    Utf8Checker utf8;
    record_line_ = bytes_.line();
    if (bytes_.peek() == kEnd) return false;
    const auto checked = [&](int byte) {
        if (byte != kEnd && !utf8.feed(static_cast<unsigned char>(byte))) {
            const auto bad = static_cast<unsigned char>(byte);
            fail_at_line(source_name_, byte_line_,
                         invalid_utf8_reason(bad < 0x80 ? utf8.lead() : bad));
        }
        if (byte == kEnd && !utf8.complete()) {
            fail_at_line(source_name_, byte_line_, invalid_utf8_reason(utf8.lead()));
        }
        return byte;
    };
    while (true) {
        if (count == kMaxFields) {
            fail_at_line(source_name_, record_line_,
                         "more than " + std::to_string(kMaxFields) + " fields in a record");
        }
        if (fields.size() <= count) fields.emplace_back();
        std::string& field = fields[count++];
        field.clear();
        int byte = checked(take(record_bytes));
        if (byte == '"') {
            const long opened = bytes_.line();
            while (true) {
                byte = checked(take(record_bytes));
                if (byte == kEnd) {
                    fail_here("the input ends inside a quoted field opened on line " +
                              std::to_string(opened) + " (a quote never closed?)");
                }
                if (byte == '"') {
                    if (bytes_.peek() != '"') break;
                    byte = checked(take(record_bytes));
                }
                field += static_cast<char>(byte);
            }
            byte = checked(take(record_bytes));
            if (byte != ',' && !ends_record(byte)) {
                fail_here(
                    "a field goes on after its closing quote; inside quotes, write a "
                    "quote as \"\"");
            }
        } else {
            while (byte != ',' && !ends_record(byte)) {
                field += static_cast<char>(byte);
                byte = checked(take(record_bytes));
            }
        }
        if (byte == ',') continue;
        if (byte == '\r' && bytes_.peek() == '\n') checked(take(record_bytes));
        fields.resize(count);
        return true;
    }
}

}  // namespace slash::interchange
