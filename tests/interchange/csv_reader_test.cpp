#include "../../src/interchange/csv_reader.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"

using slash::interchange::CsvReader;

namespace {

/// Each record as "line N: field|field|...".
std::vector<std::string> records(const std::string& text, bool header = false) {
    std::istringstream in(text);
    CsvReader csv(in, "t.csv");
    std::vector<std::string> out;
    std::vector<std::string> fields;
    if (header) fields = csv.read_header();
    while (header || csv.next(fields)) {
        header = false;
        std::string joined = "line " + std::to_string(csv.record_line()) + ":";
        for (std::size_t i = 0; i < fields.size(); ++i) joined += (i ? "|" : " ") + fields[i];
        out.push_back(joined);
    }
    return out;
}

std::string error_of(const std::string& text, bool header = false) {
    try {
        (void)records(text, header);
    } catch (const slash::Error& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("interchange/csv reader: RFC 4180 fields, CRLF or LF") {
    CHECK(records("a,b,c\r\n1,,3\n\"x,y\",\"say \"\"hi\"\"\",\"\"\r\n") ==
          std::vector<std::string>{"line 1: a|b|c", "line 2: 1||3", "line 3: x,y|say \"hi\"|"});
    CHECK(records("a,b") == std::vector<std::string>{"line 1: a|b"});
    CHECK(records("a,\n") == std::vector<std::string>{"line 1: a|"});
    CHECK(records("a\rb\r") == std::vector<std::string>{"line 1: a", "line 2: b"});
    CHECK(records("").empty());
}

TEST_CASE("interchange/csv reader: a quoted field with line breaks, later lines still right") {
    CHECK(records("h1,h2\n\"two\nlines\",x\n\"three\r\nlong\nlines\",y\nlast,z\n") ==
          std::vector<std::string>{"line 1: h1|h2", "line 2: two\nlines|x",
                                   "line 4: three\r\nlong\nlines|y", "line 7: last|z"});
}

TEST_CASE("interchange/csv reader: blank lines are skipped, a quote inside a bare field kept") {
    CHECK(records("a\n\n\r\nb\n\n") == std::vector<std::string>{"line 1: a", "line 4: b"});
    CHECK(records("5\" disk,x\n") == std::vector<std::string>{"line 1: 5\" disk|x"});
}

TEST_CASE("interchange/csv reader: a byte order mark is skipped, even before a quote") {
    CHECK(records("\xEF\xBB\xBFuid,start\n", true) ==
          std::vector<std::string>{"line 1: uid|start"});
    CHECK(records("\xEF\xBB\xBF\"uid\",start\n", true) ==
          std::vector<std::string>{"line 1: uid|start"});
    CHECK(records("\xEF\xBB\xBF").empty());
}

TEST_CASE("interchange/csv reader: refusals name the line") {
    CHECK(error_of("a,b\n\"open,x\ny\n") ==
          "t.csv line 4: the input ends inside a quoted field opened on line 2 (a quote never "
          "closed?)");
    CHECK(error_of("a,b\n\"x\"y,z\n") ==
          "t.csv line 2: a field goes on after its closing quote; inside quotes, write a quote as "
          "\"\"");
    CHECK(error_of("a,b\n1,2\n3,\xFF\n") ==
          "t.csv line 3: invalid UTF-8 (byte 0xff); save the file as UTF-8");
    CHECK(error_of("a,b\n1,caf\xE9,\n") ==
          "t.csv line 2: invalid UTF-8 (byte 0xe9); save the file as UTF-8");
    CHECK(error_of("a,b\n1,caf\xC3") ==
          "t.csv line 2: invalid UTF-8 (byte 0xc3); save the file as UTF-8");
    CHECK(error_of("\"" + std::string(CsvReader::kMaxRecordBytes, 'x')) ==
          "t.csv line 1: a record longer than 1048576 bytes (a quote never closed?)");
    CHECK(error_of(std::string(CsvReader::kMaxFields, ',')) ==
          "t.csv line 1: more than 1024 fields in a record");
}

TEST_CASE("interchange/csv reader: the header, its absence and a wrong delimiter") {
    CHECK(error_of("", true) == "t.csv line 1: empty file: no header row");
    CHECK(error_of("\n\n", true) == "t.csv line 3: empty file: no header row");
    CHECK(error_of("uid;start;end\n", true) ==
          "t.csv line 1: the columns are separated by ';', not ','; export the file as "
          "comma-separated CSV");
    CHECK(error_of("\nuid\tstart\tend\n", true) ==
          "t.csv line 2: the columns are separated by tabs, not ','; export the file as "
          "comma-separated CSV");
    CHECK(records("note;x,b\n", true) == std::vector<std::string>{"line 1: note;x|b"});
}
