#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reader_test_support.hpp"

using slash::interchange::SourceFormat;
using slash::testing::utc;

namespace {

const slash::testing::ParisFile kClockify{SourceFormat::Clockify, "clockify.csv"};

const std::string kHeader =
    "Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End "
    "Date,End Time,Duration (h),Duration (decimal),Billable Rate (EUR),Billable Amount (EUR)\n";

std::string row(const std::string& start_date, const std::string& start_time,
                const std::string& end_date, const std::string& end_time) {
    return "Website,Acme,Review,,Jo,,jo@example.com,\"a, b\",Yes," + start_date + "," + start_time +
           "," + end_date + "," + end_time + ",01:15:00,1.25,80,100\n";
}

}  // namespace

TEST_CASE("interchange/clockify reader: American dates and 12-hour times") {
    const auto entries =
        kClockify.read(kHeader + row("11/02/2026", "01:00:00 PM", "11/02/2026", "02:15:00 PM") +
                       row("11/03/2026", "12:30 AM", "11/03/2026", "12:45 PM") +
                       row("11/04/2026", "9:05 am", "11/04/2026", "11:00AM"));
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].start == utc("2026-11-02T12:00:00Z"));
    CHECK(entries[0].end == utc("2026-11-02T13:15:00Z"));
    CHECK(entries[0].project == "Website");
    CHECK(entries[0].client == "Acme");
    CHECK(entries[0].note == "Review");
    CHECK(entries[0].tags == std::vector<std::string>{"a", "b"});
    CHECK(entries[0].billable == true);
    CHECK(entries[0].uid.starts_with("clockify:"));
    CHECK(entries[1].start == utc("2026-11-02T23:30:00Z"));  // 12:30 AM is just after midnight
    CHECK(entries[1].end == utc("2026-11-03T11:45:00Z"));    // 12:45 PM just after noon
    CHECK(entries[2].start == utc("2026-11-04T08:05:00Z"));
    CHECK(entries[2].end == utc("2026-11-04T10:00:00Z"));
}

TEST_CASE("interchange/clockify reader: ISO, day-first and dotted dates, 24-hour times") {
    const auto iso = kClockify.read(kHeader + row("2026-11-02", "13:00:00", "2026-11-02", "14:15"));
    const auto day_first =
        kClockify.read(kHeader + row("02/11/2026", "13:00", "02/11/2026", "14:15:00"), true);
    const auto dotted =
        kClockify.read(kHeader + row("02.11.2026", "13:00", "02.11.2026", "14:15:00"));
    REQUIRE(iso.size() == 1);
    REQUIRE(day_first.size() == 1);
    REQUIRE(dotted.size() == 1);
    CHECK(iso[0].start == utc("2026-11-02T12:00:00Z"));
    CHECK(day_first[0].start == iso[0].start);
    CHECK(dotted[0].end == iso[0].end);
    // The uid comes from the reading, not from how the export spelled it.
    CHECK(day_first[0].uid == iso[0].uid);
}

TEST_CASE("interchange/clockify reader: refusals name the value and the forms taken") {
    CHECK(kClockify.error_of(kHeader + row("25/12/2026", "13:00", "25/12/2026", "14:00")) ==
          "clockify.csv line 2: \"Start Date\" \"25/12/2026\" is not MM/DD/YYYY or YYYY-MM-DD; "
          "if the file's dates are DD/MM/YYYY, import it with --day-first");
    CHECK(kClockify.error_of(kHeader + row("12/25/2026", "13:00", "12/25/2026", "14:00"), true) ==
          "clockify.csv line 2: \"Start Date\" \"12/25/2026\" is not DD/MM/YYYY or YYYY-MM-DD");
    CHECK(kClockify.error_of(kHeader + row("11/02/2026", "13:00 PM", "11/02/2026", "14:00")) ==
          "clockify.csv line 2: \"Start Time\" \"13:00 PM\" is not a time (HH:MM:SS, HH:MM, or "
          "hh:mm:ss AM/PM)");
    CHECK(kClockify.error_of(kHeader + row("11/02/2026", "1 PM", "11/02/2026", "14:00")) ==
          "clockify.csv line 2: \"Start Time\" \"1 PM\" is not a time (HH:MM:SS, HH:MM, or "
          "hh:mm:ss AM/PM)");
    CHECK(kClockify.error_of(kHeader + row("11/02/2026", "02:00 PM", "11/02/2026", "01:00 PM")) ==
          "clockify.csv line 2: end \"11/02/2026 01:00 PM\" is before start \"11/02/2026 02:00 "
          "PM\"");
    CHECK(kClockify.error_of(kHeader + row("03/29/2026", "02:30 AM", "03/29/2026", "04:00 AM")) ==
          "clockify.csv line 2: \"03/29/2026 02:30 AM\" does not exist in Europe/Paris on "
          "2026-03-29 (clocks go forward); use 01:59 or 03:00");
    CHECK(kClockify.error_of("Project,Client,Description,Start Date,Start Time,End Time\n") ==
          "clockify.csv line 1: no \"End Date\" column; export Clockify's Detailed report as CSV "
          "(Reports > Detailed > Export)");
    CHECK(kClockify.error_of("Project\tClient\tStart Date\n") ==
          "clockify.csv line 1: the columns are separated by tabs, not ','; export the file as "
          "comma-separated CSV");
}

TEST_CASE("interchange/clockify reader: without a zone, wall-clock times are UTC") {
    const auto entries = slash::testing::read_all(
        kClockify.format, kHeader + row("2026-11-02", "13:00", "2026-11-02", "14:00"));
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].start == utc("2026-11-02T13:00:00Z"));
}

TEST_CASE("interchange/clockify reader: an end in the autumn fold is read after the start") {
    const auto entries =
        kClockify.read(kHeader + row("10/25/2026", "02:50:00 AM", "10/25/2026", "02:10:00 AM"));
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].start == utc("2026-10-25T00:50:00Z"));
    CHECK(entries[0].end == utc("2026-10-25T01:10:00Z"));
}
