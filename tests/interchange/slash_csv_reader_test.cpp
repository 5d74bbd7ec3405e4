#include <doctest/doctest.h>

#include <cstddef>
#include <cstdio>
#include <istream>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "reader_test_support.hpp"
#include "slash/interchange/entry_writer.hpp"

using slash::interchange::SourceFormat;
using slash::testing::read_all;
using slash::testing::read_error;
using slash::testing::utc;

namespace {

constexpr auto kCsv = SourceFormat::Csv;
const std::string kHeader = "uid,start,end,client,mission,units,billable,tags,note\n";

std::string error_of(const std::string& text) {
    return read_error(kCsv, text, "x.csv");
}

/// An input of `rows` generated rows, made on demand: a stream of any length that is never
/// held in memory, so that only the reader could make memory grow.
class GeneratedRows final : public std::streambuf {
  public:
    explicit GeneratedRows(std::size_t rows) : rows_(rows) {
        line_ = kHeader;
        set();
    }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (next_ == rows_) return traits_type::eof();
        char buffer[160];
        const std::size_t n = next_++;
        std::snprintf(
            buffer, sizeof buffer,
            "u%zu,2026-01-01T00:00:00Z,2026-01-01T01:00:00Z,acme,web,,true,\"a;b\nc\",\"row "
            "%zu, \"\"quoted\"\"\"\r\n",
            n, n);
        line_ = buffer;
        set();
        return traits_type::to_int_type(*gptr());
    }

  private:
    void set() { setg(line_.data(), line_.data(), line_.data() + line_.size()); }
    std::size_t rows_, next_ = 0;
    std::string line_;
};

}  // namespace

TEST_CASE("interchange/slash csv reader: every column, in any order") {
    const auto entries = read_all(
        kCsv,
        "note,tags,billable,units,mission,client,end,start,uid\r\n"
        "\"fix the header, again\",web;urgent,TRUE,2.5,website,acme,2026-11-02T10:30:00+01:00,"
        "2026-11-02T09:00:00+01:00,e1\r\n"
        ",,,,acme/website,,,2026-11-03T08:00:00Z,e2\r\n");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].where == "line 2");
    CHECK(entries[0].uid == "e1");
    CHECK(entries[0].start == utc("2026-11-02T08:00:00Z"));
    CHECK(entries[0].end == utc("2026-11-02T09:30:00Z"));
    CHECK(entries[0].client == "acme");
    CHECK(entries[0].project == "website");
    CHECK(entries[0].units_milli == 2500);
    CHECK(entries[0].billable == true);
    CHECK(entries[0].tags == std::vector<std::string>{"web", "urgent"});
    CHECK(entries[0].note == "fix the header, again");
    CHECK(entries[1].project == "acme/website");
    CHECK(entries[1].client.empty());
    CHECK(!entries[1].end.has_value());
    CHECK(!entries[1].units_milli.has_value());
    CHECK(!entries[1].billable.has_value());
}

TEST_CASE("interchange/slash csv reader: what slash export writes reads back the same") {
    const slash::domain::FixedOffsetZone cet(3600, "CET");
    std::ostringstream out;
    auto writer =
        slash::interchange::open_writer(slash::interchange::ExportFormat::Csv, out, cet, "0.1.0");
    slash::interchange::ExportEntry entry;
    entry.uid = "u1";
    entry.start = utc("2026-11-02T08:00:00Z");
    entry.end = utc("2026-11-02T09:30:00Z");
    entry.client = "acme";
    entry.mission = "website";
    entry.units_milli = 1250;
    entry.billable = false;
    entry.tags = {"design", "review"};
    entry.note = "=SUM(A1) \"quoted\", with comma";
    writer->write(entry);
    entry.uid = "u2";
    entry.end.reset();
    entry.units_milli.reset();
    entry.tags.clear();
    entry.note = "'quoted already";
    writer->write(entry);
    writer->finish();
    const auto entries = read_all(kCsv, out.str());
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].uid == "u1");
    CHECK(entries[0].start == utc("2026-11-02T08:00:00Z"));
    CHECK(entries[0].end == utc("2026-11-02T09:30:00Z"));
    CHECK(entries[0].client == "acme");
    CHECK(entries[0].project == "website");
    CHECK(entries[0].units_milli == 1250);
    CHECK(entries[0].billable == false);
    CHECK(entries[0].tags == std::vector<std::string>{"design", "review"});
    CHECK(entries[0].note == "=SUM(A1) \"quoted\", with comma");
    CHECK(!entries[1].end.has_value());
    CHECK(!entries[1].units_milli.has_value());
    CHECK(entries[1].note == "'quoted already");
}

TEST_CASE("interchange/slash csv reader: one guarding quote is removed, before = + - @ ' only") {
    const auto entries = read_all(kCsv, kHeader +
                                            "a,2026-11-02T08:00:00Z,,acme,web,,,'@home;'-x,'+33 1\n"
                                            "b,2026-11-02T08:00:00Z,,acme,web,,,,'plain\n"
                                            "c,2026-11-02T08:00:00Z,,acme,web,,,,'''\n");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].tags == std::vector<std::string>{"@home", "'-x"});
    CHECK(entries[0].note == "+33 1");
    CHECK(entries[1].note == "'plain");
    CHECK(entries[2].note == "''");
}

TEST_CASE("interchange/slash csv reader: a missing uid is derived from the entry") {
    const auto entries = read_all(kCsv,
                                  "start,end,mission,note\n"
                                  "2026-11-02T09:00:00+01:00,2026-11-02T10:00:00+01:00,acme/web,x\n"
                                  "2026-11-02T08:00:00Z,2026-11-02T09:00:00Z,acme/web,x\n"
                                  "2026-11-02T08:00:00Z,2026-11-02T09:00:00Z,acme/web,y\n");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].uid.starts_with("csv:"));
    CHECK(entries[0].uid.size() == 20);
    CHECK(entries[0].uid == entries[1].uid);  // the same instants, written differently
    CHECK(entries[1].uid != entries[2].uid);
    const auto with_empty_uid = read_all(
        kCsv,
        "uid,start,end,mission,note\n ,2026-11-02T08:00:00Z,2026-11-02T09:00:00Z,acme/web,x\n");
    REQUIRE(with_empty_uid.size() == 1);
    CHECK(with_empty_uid[0].uid == entries[1].uid);
}

TEST_CASE("interchange/slash csv reader: header refusals") {
    CHECK(error_of("uid,end,mission\n") ==
          "x.csv line 1: no \"start\" column; slash's CSV needs start, end and mission (columns: "
          "uid,start,end,client,mission,units,billable,tags,note)");
    CHECK(error_of("start,end,client\n") ==
          "x.csv line 1: no \"mission\" column; slash's CSV needs start, end and mission (columns: "
          "uid,start,end,client,mission,units,billable,tags,note)");
    CHECK(error_of("start,end,mission,hours\n") ==
          "x.csv line 1: unknown column \"hours\"; slash's CSV has uid, start, end, client, "
          "mission, units, billable, tags and note");
    CHECK(error_of("start,end,mission,Start\n") ==
          "x.csv line 1: column \"Start\" appears twice (columns 1 and 4)");
    CHECK(error_of("start;end;mission\n") ==
          "x.csv line 1: the columns are separated by ';', not ','; export the file as "
          "comma-separated CSV");
    CHECK(error_of("") == "x.csv line 1: empty file: no header row");
    CHECK(read_all(kCsv, kHeader).empty());
    CHECK(read_all(kCsv, "\xEF\xBB\xBF" + kHeader + "\r\n").empty());
}

TEST_CASE("interchange/slash csv reader: row refusals name the line and the value") {
    const auto row = [](const std::string& cells) {
        return error_of(kHeader + "\n" + cells + "\n");
    };
    CHECK(row("u,2026-11-02 09:00,,acme,web,,,,") ==
          "x.csv line 3: \"start\" \"2026-11-02 09:00\" is not ISO 8601 with an offset "
          "(2026-11-02T09:00:00+01:00 or 2026-11-02T08:00:00Z)");
    CHECK(row("u,,,acme,web,,,,") ==
          "x.csv line 3: \"start\" is empty; write when the entry started "
          "(2026-11-02T09:00:00+01:00)");
    CHECK(row("u,2026-11-02T09:00:00Z,2026-11-02T08:00:00Z,acme,web,,,,") ==
          "x.csv line 3: \"end\" \"2026-11-02T08:00:00Z\" is before \"start\"");
    CHECK(row("u,2026-11-02T09:00:00Z,,,web,,,,") ==
          "x.csv line 3: \"mission\" \"web\" names no client; write client/mission or give the "
          "client");
    CHECK(row("u,2026-11-02T09:00:00Z,,acme, ,,,,") ==
          "x.csv line 3: \"mission\" is empty; write client/mission (acme/website)");
    CHECK(row("u,2026-11-02T09:00:00Z,,acme,web,0,,,") ==
          "x.csv line 3: \"units\" \"0\" must be more than 0");
    CHECK(row("u,2026-11-02T09:00:00Z,,acme,web,9000000000000000,,,") ==
          "x.csv line 3: \"units\" \"9000000000000000\" is too large: at most 1000000000");
    CHECK(row("u,2026-11-02T09:00:00Z,,acme,web,1000000000.001,,,") ==
          "x.csv line 3: \"units\" \"1000000000.001\" is too large: at most 1000000000");
    CHECK(row("u,2026-11-02T09:00:00Z,,acme,web,2.5005,,,")
              .starts_with("x.csv line 3: \"units\": invalid amount \"2.5005\""));
    CHECK(row("u,2026-11-02T09:00:00Z,,acme,web,,maybe,,") ==
          "x.csv line 3: \"billable\" \"maybe\" is not true or false (or yes, no, 1, 0)");
    CHECK(row("u,2026-11-02T09:00:00Z,,acme,web,,,,\"a\x1b[31m\"") ==
          "x.csv line 3: \"note\" has a control character (U+001b); remove it");
    CHECK(row("u,2026-11-02T09:00:00Z,,acme,web,,,,caf\xE9") ==
          "x.csv line 3: invalid UTF-8 (byte 0xe9); save the file as UTF-8");
    CHECK(row("u,2026-11-02T09:00:00Z,,acme,web") ==
          "x.csv line 3: 5 fields where the header has 9 (a field with a comma not in double "
          "quotes?)");
}

TEST_CASE("interchange/slash csv reader: a tags cell across lines, the next record's line right") {
    const auto entries = read_all(kCsv, kHeader +
                                            "a,2026-11-02T08:00:00Z,,acme,web,,,\"one\r\ntwo\n\n"
                                            "three\",x\n"
                                            "b,2026-11-02T08:00:00Z,,acme,web,,yes,,four\n");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].tags == std::vector<std::string>{"one two three"});
    CHECK(entries[0].note == "x");
    CHECK(entries[1].where == "line 6");
    CHECK(entries[1].billable == true);
}

TEST_CASE("interchange/slash csv reader: a note is kept byte for byte, as slash log takes it") {
    // Surrounding and repeated spaces, C1 controls (U+0085, U+0090) and U+2028 are all
    // taken by slash log: an export must read back exactly.
    const std::string note = "  two  spaces \xC2\x85 nel \xC2\x90 dcs \xE2\x80\xA8 ls  ";
    const auto entries =
        read_all(kCsv, kHeader + "\"  u1 \",2026-11-02T08:00:00Z,,acme,web,,,,\"" + note + "\"\n");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].note == note);
    CHECK(entries[0].uid == "u1");
    const auto row = [](const std::string& uid, const std::string& note_cell) {
        return error_of(kHeader + uid + ",2026-11-02T08:00:00Z,,acme,web,,,," + note_cell + "\n");
    };
    CHECK(row("u", "\"one\ntwo\"") ==
          "x.csv line 2: \"note\" has a control character (U+000a); remove it");
    CHECK(row("u", "\"one\r\ntwo\"") ==
          "x.csv line 2: \"note\" has a control character (U+000d); remove it");
    CHECK(row("u", "a\tb") == "x.csv line 2: \"note\" has a control character (U+0009); remove it");
    CHECK(row("u", "a\x7f") ==
          "x.csv line 2: \"note\" has a control character (U+007f); remove it");
    CHECK(row("u\tv", "x") == "x.csv line 2: \"uid\" has a control character (U+0009); remove it");
}

TEST_CASE("interchange/slash csv reader: 200000 rows stream through, one at a time") {
    constexpr std::size_t kRows = 200000;
    GeneratedRows rows(kRows);
    std::istream in(&rows);
    auto reader = slash::interchange::open_reader(kCsv, in, "big.csv", {});
    std::size_t count = 0;
    std::string last_where, last_note;
    std::vector<std::string> last_tags;
    while (auto entry = reader->next()) {
        ++count;
        last_where = entry->where;
        last_note = entry->note;
        last_tags = entry->tags;
    }
    CHECK(count == kRows);
    CHECK(last_where == "line " + std::to_string(1 + 2 * kRows - 1));
    CHECK(last_note == "row 199999, \"quoted\"");
    CHECK(last_tags == std::vector<std::string>{"a", "b c"});
}
