#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "reader_test_support.hpp"

using slash::interchange::SourceFormat;
using slash::testing::utc;

namespace {

const slash::testing::ParisFile kToggl{SourceFormat::Toggl, "toggl.csv"};

const std::string kHeader =
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End "
    "time,Duration,Tags,Amount (EUR)\r\n";

}  // namespace

TEST_CASE("interchange/toggl reader: a detailed report, local times in the account's zone") {
    const auto entries = kToggl.read(
        "\xEF\xBB\xBF" + kHeader +
        "Camille,camille@example.org,Acme Corp,Website,,\"Header, round 2\",Yes,2026-11-02,"
        "09:00:00,2026-11-02,10:30:00,01:30:00,\"design, review\",97.50\r\n"
        "Camille,camille@example.org,Acme Corp,Website,Layout,Grid,No,2026-07-01,23:30:00,"
        "2026-07-02,00:15:00,00:45:00,,\r\n"
        "Camille,camille@example.org,,Internal,Admin,,,2026-11-03,08:00:00,2026-11-03,08:15:00,"
        "00:15:00,,\r\n");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].where == "line 2");
    CHECK(entries[0].start == utc("2026-11-02T08:00:00Z"));
    CHECK(entries[0].end == utc("2026-11-02T09:30:00Z"));
    CHECK(entries[0].client == "Acme Corp");
    CHECK(entries[0].project == "Website");
    CHECK(entries[0].note == "Header, round 2");
    CHECK(entries[0].tags == std::vector<std::string>{"design", "review"});
    CHECK(entries[0].billable == true);
    CHECK(entries[0].uid.size() == 22);
    CHECK(entries[0].uid.starts_with("toggl:"));
    // Summer time: UTC+2, across midnight.
    CHECK(entries[1].start == utc("2026-07-01T21:30:00Z"));
    CHECK(entries[1].end == utc("2026-07-01T22:15:00Z"));
    CHECK(entries[1].note == "Layout: Grid");
    CHECK(entries[1].billable == false);
    CHECK(entries[2].note == "Admin");
    CHECK(!entries[2].billable.has_value());
    CHECK(entries[2].client.empty());
    CHECK(entries[0].uid != entries[1].uid);
    CHECK(entries[1].uid != entries[2].uid);
}

TEST_CASE("interchange/toggl reader: the uid is the row's, whatever the order of columns") {
    const auto first = kToggl.read(kHeader +
                                   "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-11-02,09:00:00,2026-11-02,"
                                   "10:00:00,01:00:00,,\n");
    const auto reordered = kToggl.read(
        "Description,Start time,Start date,End time,End date,Project,Client,Email,User,Extra\n"
        "Fix,09:00:00,2026-11-02,10:00:00,2026-11-02,Web,Acme,c@x.org,Cam,whatever\n");
    const auto other_note =
        kToggl.read(kHeader +
                    "Cam,c@x.org,Acme,Web,,Fixed,Yes,2026-11-02,09:00:00,2026-11-02,"
                    "10:00:00,01:00:00,,\n");
    REQUIRE(first.size() == 1);
    REQUIRE(reordered.size() == 1);
    REQUIRE(other_note.size() == 1);
    CHECK(first[0].uid == reordered[0].uid);
    CHECK(first[0].uid != other_note[0].uid);
    CHECK(first[0].start == reordered[0].start);
    CHECK(!reordered[0].billable.has_value());
}

TEST_CASE("interchange/toggl reader: newer names, Member and Stop date/time") {
    const auto entries = kToggl.read(
        "Member,Email,Client,Project,Task,Description,Billable,Start date,Start time,Stop date,"
        "Stop time,Duration,Tags\n"
        "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,\n");
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].end == utc("2026-11-02T09:00:00Z"));
}

TEST_CASE("interchange/toggl reader: a header alone is no entry, nothing at all is an error") {
    CHECK(kToggl.read(kHeader).empty());
    CHECK(kToggl.error_of("") == "toggl.csv line 1: empty file: no header row");
}

TEST_CASE("interchange/toggl reader: refusals name the line and the column") {
    CHECK(kToggl.error_of(kHeader + "Cam,c@x.org,Acme,Web,,Fix,Yes,02/11/2026,09:00:00,2026-11-02,"
                                    "10:00:00,01:00:00,,\n") ==
          "toggl.csv line 2: \"Start date\" \"02/11/2026\" is not YYYY-MM-DD");
    CHECK(kToggl.error_of(kHeader + "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-11-02,9h,2026-11-02,"
                                    "10:00:00,01:00:00,,\n") ==
          "toggl.csv line 2: \"Start time\" \"9h\" is not HH:MM:SS");
    CHECK(kToggl.error_of(kHeader + "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-11-02,09:00:00,2026-11-02,"
                                    "08:00:00,01:00:00,,\n") ==
          "toggl.csv line 2: end \"2026-11-02 08:00:00\" is before start \"2026-11-02 09:00:00\"");
    CHECK(kToggl.error_of(kHeader +
                          "Cam,c@x.org,Acme,Web,,Fix,Maybe,2026-11-02,09:00:00,2026-11-02,"
                          "10:00:00,01:00:00,,\n") ==
          "toggl.csv line 2: \"Billable\" \"Maybe\" is not Yes or No");
    CHECK(kToggl.error_of(kHeader + "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-11-02,09:00:00\n") ==
          "toggl.csv line 2: 9 fields where the header has 14 (a field with a comma not in "
          "double quotes?)");
    CHECK(kToggl.error_of("User,Email,Client,Project,Description,Start date,End date,End time\n") ==
          "toggl.csv line 1: no \"Start time\" column; export Toggl Track's Detailed report as "
          "CSV (Reports > Detailed > Export)");
    CHECK(kToggl.error_of("User;Email;Client;Project;Description;Start date;Start time\n") ==
          "toggl.csv line 1: the columns are separated by ';', not ','; export the file as "
          "comma-separated CSV");
    CHECK(kToggl.error_of("Start date,Start time,End date,End time,start date\n") ==
          "toggl.csv line 1: column \"start date\" appears twice (columns 1 and 5)");
    CHECK(kToggl.error_of(kHeader +
                          "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-11-02,09:00:00,,10:00:00,,,\n") ==
          "toggl.csv line 2: \"End date\" \"\" is not YYYY-MM-DD");
}

TEST_CASE("interchange/toggl reader: a time in the spring DST gap is refused, naming it") {
    CHECK(kToggl.error_of(kHeader + "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-03-29,02:30:00,2026-03-29,"
                                    "04:00:00,00:30:00,,\n") ==
          "toggl.csv line 2: \"2026-03-29 02:30:00\" does not exist in Europe/Paris (clocks go "
          "forward); use 01:59 or 03:00");
    // Either side of the gap is fine: 01:30 CET to 03:30 CEST is one hour.
    const auto entries = kToggl.read(kHeader +
                                     "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-03-29,01:30:00,2026-03-29,"
                                     "03:30:00,01:00:00,,\n");
    REQUIRE(entries.size() == 1);
    CHECK(*entries[0].end - entries[0].start == 3600);
}

TEST_CASE("interchange/toggl reader: a row without an end is still running") {
    const auto entries =
        kToggl.read(kHeader + "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-11-02,09:00:00,,,,,\n");
    REQUIRE(entries.size() == 1);
    CHECK(!entries[0].end.has_value());
}

TEST_CASE("interchange/toggl reader: a description on several lines is one line of note") {
    const auto entries =
        kToggl.read(kHeader +
                    "Cam,c@x.org,Acme,Web,,\"Fix the header\nthen the footer\",Yes,"
                    "2026-11-02,09:00:00,2026-11-02,10:00:00,01:00:00,,\n"
                    "Cam,c@x.org,Acme,Web,,Second,Yes,2026-11-02,11:00:00,2026-11-02,"
                    "12:00:00,01:00:00,,\n");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].note == "Fix the header then the footer");
    CHECK(entries[1].where == "line 4");
    CHECK(kToggl.error_of(kHeader +
                          "Cam,c@x.org,Acme,Web,,ok,Yes,2026-11-02,09:00:00,2026-11-02,"
                          "10:00:00,01:00:00,,\n"
                          "Cam,c@x.org,Acme,Web,,\"two\nlines\",Yes,2026-11-02,11:00:00,2026-11-02,"
                          "10:00:00,01:00:00,,\n") ==
          "toggl.csv line 3: end \"2026-11-02 10:00:00\" is before start \"2026-11-02 11:00:00\"");
}

TEST_CASE("interchange/toggl reader: an end in the autumn fold is read after the start") {
    // 2026-10-25 in Paris: 02:00-03:00 happens twice, at +02:00 then at +01:00.
    const auto entries = kToggl.read(kHeader +
                                     "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-10-25,02:50:00,2026-10-25,"
                                     "02:10:00,00:20:00,,\n"
                                     "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-10-25,02:10:00,2026-10-25,"
                                     "02:40:00,00:30:00,,\n"
                                     "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-10-25,01:30:00,2026-10-25,"
                                     "02:30:00,01:00:00,,\n");
    REQUIRE(entries.size() == 3);
    // 02:50 the first time (+02:00) to 02:10 the second time (+01:00).
    CHECK(entries[0].start == utc("2026-10-25T00:50:00Z"));
    CHECK(entries[0].end == utc("2026-10-25T01:10:00Z"));
    // An end already after the start keeps the earlier reading.
    CHECK(entries[1].start == utc("2026-10-25T00:10:00Z"));
    CHECK(entries[1].end == utc("2026-10-25T00:40:00Z"));
    CHECK(entries[2].end == utc("2026-10-25T00:30:00Z"));
    // Even the later reading of the end is before a start after the fold.
    CHECK(kToggl.error_of(kHeader + "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-10-25,03:00:00,2026-10-25,"
                                    "02:30:00,00:30:00,,\n") ==
          "toggl.csv line 2: end \"2026-10-25 02:30:00\" is before start \"2026-10-25 03:00:00\"");
    // Out of the fold nothing changes.
    CHECK(kToggl.error_of(kHeader + "Cam,c@x.org,Acme,Web,,Fix,Yes,2026-10-26,02:50:00,2026-10-26,"
                                    "02:10:00,00:20:00,,\n") ==
          "toggl.csv line 2: end \"2026-10-26 02:10:00\" is before start \"2026-10-26 02:50:00\"");
}
