#include "slash/services/time_zone_loader.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/time_zone.hpp"

using slash::domain::format_local_iso;
using slash::domain::LocalDateTime;
using slash::services::load_time_zone;

namespace {

std::int64_t instant(const std::string& iso) {
    const auto parsed = slash::domain::parse_iso_instant(iso);
    REQUIRE_MESSAGE(parsed.has_value(), iso);
    return *parsed;
}

std::string refusal(const std::optional<std::string>& tz) {
    try {
        (void)load_time_zone(tz);
        FAIL_CHECK("accepted TZ=" << tz.value_or("(unset)"));
        return "(accepted)";
    } catch (const slash::Error& error) {
        CHECK(error.kind() == slash::ErrorKind::Usage);
        return error.what();
    }
}

}  // namespace

TEST_SUITE("services/time_zone") {
    TEST_CASE(
        "services/time_zone: load_time_zone: names, POSIX spellings of UTC, the system zone") {
        CHECK(load_time_zone("Europe/Paris")->name() == "Europe/Paris");
        CHECK(load_time_zone(":Europe/Paris")->name() == "Europe/Paris");
        CHECK(load_time_zone(":/usr/share/zoneinfo/America/New_York")->name() ==
              "America/New_York");
        for (const std::string utc : {"", ":", "UTC0", "GMT0"}) {
            INFO("TZ=\"" << utc << "\"");
            const auto zone = load_time_zone(utc);
            CHECK(zone->name() == "UTC");
            CHECK(zone->offset_at(instant("2026-07-01T00:00:00Z")) == 0);
        }
        CHECK(load_time_zone("UTC")->offset_at(instant("2026-07-01T00:00:00Z")) == 0);
        CHECK(load_time_zone("Asia/Kolkata")->offset_at(0) == 5 * 3600 + 30 * 60);
        const auto system = load_time_zone(std::nullopt);
        REQUIRE(system != nullptr);
        CHECK(!system->name().empty());
    }

    TEST_CASE(
        "services/time_zone: load_time_zone: unknown names and incomplete POSIX rule strings are refused") {
        CHECK(refusal("Mars/Base") ==
              "unknown time zone \"Mars/Base\" in TZ; use a name such as Europe/Paris, or a POSIX rule such as CET-1CEST,M3.5.0,M10.5.0/3");
        CHECK(refusal("CET-1CEST") ==
              "unknown time zone \"CET-1CEST\" in TZ; use a name such as Europe/Paris, or a POSIX rule such as CET-1CEST,M3.5.0,M10.5.0/3");
        CHECK(refusal(":Europe/Pariss") ==
              "unknown time zone \":Europe/Pariss\" in TZ; use a name such as Europe/Paris, or a POSIX rule such as CET-1CEST,M3.5.0,M10.5.0/3");
        CHECK(refusal("europe/paris") ==
              "unknown time zone \"europe/paris\" in TZ; use a name such as Europe/Paris, or a POSIX rule such as CET-1CEST,M3.5.0,M10.5.0/3");
    }

    TEST_CASE("services/time_zone: load_time_zone: POSIX TZ strings and :Area/City") {
        // The rule of Europe/Paris since 1996, as a POSIX string: the same offsets as the
        // zone file, summer time included, and the same reading of a local time in the fold.
        const auto rule = load_time_zone("CET-1CEST,M3.5.0,M10.5.0/3");
        const auto paris = load_time_zone("Europe/Paris");
        CHECK(rule->name() == "CET-1CEST,M3.5.0,M10.5.0/3");
        for (const char* at : {"2026-01-15T12:00:00Z", "2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z",
                               "2026-07-15T12:00:00Z", "2026-10-25T00:59:59Z", "2026-10-25T01:00:00Z",
                               "2099-08-01T00:00:00Z", "2150-08-01T00:00:00Z"}) {
            INFO(at);
            CHECK(rule->offset_at(instant(at)) == paris->offset_at(instant(at)));
        }
        const LocalDateTime fold{{2026, 10, 25}, 2, 30, 0};
        CHECK(rule->instants_of(fold) == paris->instants_of(fold));
        CHECK(rule->instants_of(fold).size() == 2);
        // Fixed offsets; POSIX counts hours west of UTC.
        CHECK(load_time_zone("JST-9")->offset_at(0) == 9 * 3600);
        CHECK(load_time_zone("<-03>3")->offset_at(0) == -3 * 3600);
        // ":Area/City" is a name, the C library's spelling of it.
        CHECK(load_time_zone(":Europe/Paris")->offset_at(instant("2026-07-15T12:00:00Z")) == 7200);
        CHECK(load_time_zone(":Europe/Paris")->name() == "Europe/Paris");
        // After ':' a rule string is not read as one.
        CHECK(refusal(":CET-1CEST,M3.5.0,M10.5.0/3") ==
              "unknown time zone \":CET-1CEST,M3.5.0,M10.5.0/3\" in TZ; use a name such as Europe/Paris, or a "
              "POSIX rule such as CET-1CEST,M3.5.0,M10.5.0/3");
    }

    TEST_CASE(
        "services/time_zone: offsets and local readings in Europe/Paris and America/New_York") {
        const auto paris = load_time_zone("Europe/Paris");
        CHECK(paris->offset_at(instant("2026-01-15T12:00:00Z")) == 3600);
        CHECK(paris->offset_at(instant("2026-07-15T12:00:00Z")) == 7200);
        CHECK(paris->offset_at(instant("2026-03-29T00:59:59Z")) == 3600);
        CHECK(paris->offset_at(instant("2026-03-29T01:00:00Z")) == 7200);
        CHECK(paris->offset_at(instant("2026-10-25T00:59:59Z")) == 7200);
        CHECK(paris->offset_at(instant("2026-10-25T01:00:00Z")) == 3600);
        // The gap has no instant, the fold two (earlier first), any other reading one.
        CHECK(paris->instants_of({{2026, 3, 29}, 2, 30, 0}).empty());
        CHECK(paris->instants_of({{2026, 10, 25}, 2, 30, 0}) ==
              std::vector<std::int64_t>{instant("2026-10-25T00:30:00Z"),
                                        instant("2026-10-25T01:30:00Z")});
        CHECK(paris->instants_of({{2026, 11, 28}, 11, 0, 0}) ==
              std::vector<std::int64_t>{instant("2026-11-28T10:00:00Z")});
        CHECK(format_local_iso(instant("2026-10-25T00:30:00Z"), *paris) ==
              "2026-10-25T02:30:00+02:00");
        CHECK(format_local_iso(instant("2026-10-25T01:30:00Z"), *paris) ==
              "2026-10-25T02:30:00+01:00");

        const auto new_york = load_time_zone("America/New_York");
        CHECK(new_york->offset_at(instant("2026-03-08T06:59:59Z")) == -5 * 3600);
        CHECK(new_york->offset_at(instant("2026-03-08T07:00:00Z")) == -4 * 3600);
        CHECK(new_york->instants_of({{2026, 3, 8}, 2, 0, 0}).empty());
        CHECK(new_york->instants_of({{2026, 11, 1}, 1, 0, 0}) ==
              std::vector<std::int64_t>{instant("2026-11-01T05:00:00Z"),
                                        instant("2026-11-01T06:00:00Z")});
        CHECK(new_york->instants_of({{2026, 11, 1}, 2, 0, 0}) ==
              std::vector<std::int64_t>{instant("2026-11-01T07:00:00Z")});
    }

    TEST_CASE("services/time_zone: a day starting in a gap: America/Santiago, 2022-09-11") {
        // Chile moved its clocks from 00:00 to 01:00: that day has no midnight.
        const auto santiago = load_time_zone("America/Santiago");
        const auto start = slash::domain::start_of_day({2022, 9, 11}, *santiago);
        CHECK(format_local_iso(start, *santiago) == "2022-09-11T01:00:00-03:00");
        CHECK(slash::domain::start_of_day({2022, 9, 12}, *santiago) - start == 23 * 3600);
        std::string message;
        try {
            (void)slash::domain::from_local({{2022, 9, 11}, 0, 30, 0}, *santiago,
                                            "2022-09-11 00:30");
        } catch (const slash::Error& error) {
            message = error.what();
        }
        CHECK(message ==
              "\"2022-09-11 00:30\" does not exist in America/Santiago (clocks go forward); use "
              "23:59 or 01:00");
    }
}
