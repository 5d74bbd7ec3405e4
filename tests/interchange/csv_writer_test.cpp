#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "writer_test_support.hpp"

using namespace slash;
using slash::interchange::ExportEntry;
using slash::testing::finished;

namespace {

constexpr const char* kHeader = "uid,start,end,client,mission,units,billable,tags,note\r\n";

std::string csv(const std::vector<ExportEntry>& entries) {
    return testing::written(interchange::ExportFormat::Csv, entries);
}

// The note cell of a one-entry export.
std::string note_cell(const std::string& note) {
    ExportEntry entry = finished();
    entry.note = note;
    std::string text = csv({entry});
    std::string row = text.substr(std::string(kHeader).size());
    std::string prefix =
        "e1,2026-11-02T09:00:00+01:00,2026-11-02T10:30:00+01:00,acme,website,2.5,true,a;b,";
    REQUIRE(row.substr(0, prefix.size()) == prefix);
    REQUIRE(row.substr(row.size() - 2) == "\r\n");
    return row.substr(prefix.size(), row.size() - prefix.size() - 2);
}

}  // namespace

TEST_CASE("csv writer: header, then one CRLF row per entry with local times") {
    CHECK(csv({finished()}) == std::string(kHeader) +
                                   "e1,2026-11-02T09:00:00+01:00,2026-11-02T10:30:00+01:00,acme,"
                                   "website,2.5,true,a;b,fix the header\r\n");
}

TEST_CASE("csv writer: running and non-billable entry, empty end, units, tags and note") {
    CHECK(csv({testing::bare_running()}) ==
          std::string(kHeader) + "e1,2026-11-02T09:00:00+01:00,,acme,website,,false,,\r\n");
}

TEST_CASE("csv writer: an export of nothing is the header alone") {
    CHECK(csv({}) == kHeader);
}

TEST_CASE("csv writer: RFC 4180 quoting") {
    CHECK(note_cell("plain text") == "plain text");
    CHECK(note_cell("a, b") == "\"a, b\"");
    CHECK(note_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(note_cell("two\r\nlines") == "\"two\r\nlines\"");
    CHECK(note_cell("lf\nonly") == "\"lf\nonly\"");
    CHECK(note_cell("cr\ronly") == "\"cr\ronly\"");
    CHECK(note_cell(" padded ") == "\" padded \"");
    CHECK(note_cell("trailing ") == "\"trailing \"");
    CHECK(note_cell("semi;colon été") == "semi;colon été");
}

TEST_CASE("csv writer: formula-injection guard, one apostrophe the reader removes") {
    CHECK(note_cell("-fix") == "'-fix");
    CHECK(note_cell("=SUM(1)") == "'=SUM(1)");
    CHECK(note_cell("'quoted") == "''quoted");
    CHECK(note_cell("+33 6 12") == "'+33 6 12");
    CHECK(note_cell("@mention") == "'@mention");
    CHECK(note_cell("=A1,B1") == "\"'=A1,B1\"");
    CHECK(note_cell("a-b = c") == "a-b = c");
    // A plain number is no formula, in a spreadsheet as in reports' --csv (one cell writer).
    CHECK(note_cell("-5") == "-5");
    CHECK(note_cell("+3.5") == "+3.5");
    CHECK(note_cell("-5 min") == "'-5 min");
}
