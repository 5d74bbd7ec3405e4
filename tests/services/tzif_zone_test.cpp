#include "services/tzif_zone.hpp"

#include <date/tz.h>
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/services/time_zone_loader.hpp"
#include "support/test_env.hpp"

namespace fs = std::filesystem;

using slash::domain::LocalDateTime;
using slash::services::load_time_zone;
using slash::services::PosixTzRule;
using slash::services::TzifZone;

namespace {

const fs::path kZoneinfo = "/usr/share/zoneinfo";

std::int64_t instant(const std::string& iso) {
    const auto parsed = slash::domain::parse_iso_instant(iso);
    REQUIRE_MESSAGE(parsed.has_value(), iso);
    return *parsed;
}

std::string iso(std::int64_t utc) {
    return slash::domain::format_iso_utc(utc);
}

// The wall-clock reading `seconds` counts from 1970-01-01T00:00 (local_seconds reversed).
LocalDateTime local_reading(std::int64_t seconds) {
    std::int64_t days = seconds / 86400;
    if (seconds % 86400 < 0) --days;
    const std::int64_t rest = seconds - days * 86400;
    return {slash::domain::civil_from_days(days), static_cast<int>(rest / 3600),
            static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60)};
}

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::optional<PosixTzRule> rule(std::string_view text) {
    auto parsed = PosixTzRule::parse(text);
    REQUIRE_MESSAGE(parsed.has_value(), text);
    return parsed;
}

// --- TZif files built byte by byte ---------------------------------------------------------

std::string big_endian(std::uint64_t value, int size) {
    std::string bytes;
    for (int i = size - 1; i >= 0; --i) bytes += static_cast<char>(value >> (8 * i) & 0xff);
    return bytes;
}

struct Counts {
    std::uint32_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
};

std::string header(char version, const Counts& counts) {
    std::string bytes = "TZif";
    bytes += version;
    bytes += std::string(15, '\0');
    for (const std::uint32_t count :
         {counts.isut, counts.isstd, counts.leap, counts.time, counts.type, counts.chars}) {
        bytes += big_endian(count, 4);
    }
    return bytes;
}

// A TZif file: `transitions` (time, type index) between time types of the given offsets,
// designations "XXX\0". Version 1 writes 32-bit times only; later versions put a minimal
// version 1 block (one type) first, then the 64-bit data and the footer.
std::string tzif(char version, const std::vector<std::pair<std::int64_t, int>>& transitions,
                 const std::vector<std::int32_t>& offsets, std::string_view footer = "") {
    const std::string designations("XXX\0", 4);
    auto data = [&](int time_size) {
        std::string bytes;
        for (const auto& [time, type] : transitions) {
            bytes += big_endian(static_cast<std::uint64_t>(time), time_size);
        }
        for (const auto& [time, type] : transitions) bytes += static_cast<char>(type);
        for (const std::int32_t offset : offsets) {
            bytes += big_endian(static_cast<std::uint32_t>(offset), 4);
            bytes += '\0';  // isdst
            bytes += '\0';  // designation index
        }
        return bytes + designations;
    };
    const Counts counts{0,
                        0,
                        0,
                        static_cast<std::uint32_t>(transitions.size()),
                        static_cast<std::uint32_t>(offsets.size()),
                        static_cast<std::uint32_t>(designations.size())};
    if (version == '\0') return header(version, counts) + data(4);
    std::string minimal_v1 = header(version, Counts{0, 0, 0, 0, 1, 4});
    minimal_v1 += big_endian(0, 4) + std::string(2, '\0') + designations;
    return minimal_v1 + header(version, counts) + data(8) + "\n" + std::string(footer) + "\n";
}

// --- The oracles ---------------------------------------------------------------------------

// Howard Hinnant's date library, which slash used before: it reads the same TZif files but
// knows nothing of their footers, so it is right up to the last transition a file lists.
std::vector<std::int64_t> date_instants(const date::time_zone& zone, std::int64_t reading) {
    const date::local_info info = zone.get_info(date::local_seconds{std::chrono::seconds{reading}});
    switch (info.result) {
        case date::local_info::unique:
            return {reading - info.first.offset.count()};
        case date::local_info::ambiguous:
            return {reading - info.first.offset.count(), reading - info.second.offset.count()};
        default:
            return {};
    }
}

// The C library, which reads the footers, for what lies after a file's last transition.
// TZ is set for the process while it lives and restored after.
class ProcessTz {
  public:
    explicit ProcessTz(const std::string& value) {
        if (const char* old = std::getenv("TZ")) saved_ = old;
        ::setenv("TZ", value.c_str(), 1);
        ::tzset();
    }
    ProcessTz(const ProcessTz&) = delete;
    ProcessTz& operator=(const ProcessTz&) = delete;
    ~ProcessTz() {
        if (saved_) {
            ::setenv("TZ", saved_->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }

    [[nodiscard]] std::int64_t offset_at(std::int64_t utc) const {
        const std::time_t time = utc;
        std::tm fields{};
        ::localtime_r(&time, &fields);
        return fields.tm_gmtoff;
    }

  private:
    std::optional<std::string> saved_;
};

// Collects disagreements of one zone, to report a few of them in one failed check instead
// of thousands.
struct Disagreements {
    std::vector<std::string> found;
    void add(const std::string& what) {
        if (found.size() < 8) found.push_back(what);
        ++count;
    }
    int count = 0;
};

std::string show(const std::vector<std::int64_t>& instants) {
    std::string text = "{";
    for (const std::int64_t at : instants) text += (text.size() > 1 ? ", " : "") + iso(at);
    return text + "}";
}

void compare_offset(const TzifZone& zone, std::int64_t utc, std::int64_t expected,
                    Disagreements& out) {
    const std::int64_t got = zone.offset_at(utc);
    if (got != expected) {
        out.add("offset_at(" + iso(utc) + ") = " + std::to_string(got) + ", expected " +
                std::to_string(expected));
    }
}

void compare_instants(const TzifZone& zone, std::int64_t reading,
                      const std::vector<std::int64_t>& expected, Disagreements& out) {
    const LocalDateTime local = local_reading(reading);
    REQUIRE(slash::domain::local_seconds(local) == reading);
    const auto got = zone.instants_of(local);
    if (got != expected) {
        out.add("instants_of(" + iso(reading).substr(0, 19) + ") = " + show(got) + ", expected " +
                show(expected));
    }
}

// Zones with odd histories: half- and quarter-hour offsets, negative DST, DST of 30 minutes
// or two hours, a skipped day, changes at -1:00 or 24:00 or 50:00, southern summers.
// clang-format off
const char* const kOracleZones[] = {
    "UTC", "Etc/GMT+5", "Etc/GMT-14",
    "Europe/Paris", "Europe/London", "Europe/Dublin", "Europe/Moscow", "Europe/Lisbon",
    "Europe/Kyiv", "Europe/Istanbul",
    "America/New_York", "America/Chicago", "America/Phoenix", "America/Los_Angeles",
    "America/St_Johns", "America/Sao_Paulo", "America/Santiago", "America/Caracas",
    "America/Havana", "America/Nuuk", "America/Scoresbysund", "America/Asuncion",
    "America/Mexico_City",
    "Africa/Casablanca", "Africa/Cairo",
    "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tehran", "Asia/Gaza", "Asia/Jerusalem",
    "Asia/Pyongyang", "Asia/Dhaka",
    "Australia/Lord_Howe", "Australia/Adelaide", "Australia/Eucla",
    "Pacific/Chatham", "Pacific/Apia", "Pacific/Kiritimati", "Pacific/Norfolk", "Pacific/Easter",
    "Antarctica/Troll", "Atlantic/Azores",
};
// clang-format on

}  // namespace

TEST_SUITE("services/tzif_zone") {
    TEST_CASE("services/tzif_zone: agrees with the date library and the C library, 1800-2100") {
        const std::int64_t from = instant("1800-01-01T00:00:00Z");
        const std::int64_t until = instant("2100-01-01T00:00:00Z");
        for (const char* name : kOracleZones) {
            const fs::path path = kZoneinfo / name;
            if (!fs::exists(path)) {
                MESSAGE("skipped " << name << ": not in " << kZoneinfo.string());
                continue;
            }
            const date::time_zone* oracle = nullptr;
            try {
                oracle = date::locate_zone(name);
            } catch (const std::exception& error) {
                MESSAGE("skipped " << name << ": the date library says " << error.what());
                continue;
            }
            const auto zone = TzifZone::parse(file_bytes(path), name);
            REQUIRE_MESSAGE(zone != nullptr, name);
            CHECK(zone->name() == name);
            Disagreements disagreements;

            // Every transition the date library sees, and the readings around it.
            std::int64_t at = from;
            std::int64_t last_listed = from;
            while (true) {
                const date::sys_info info =
                    oracle->get_info(date::sys_seconds{std::chrono::seconds{at}});
                const std::int64_t end = info.end.time_since_epoch().count();
                // The last period the date library knows has no end: the footer's rules
                // follow, which the C library checks below.
                if (end >= until) break;
                // A grid inside the period, at varied times of day.
                for (std::int64_t t = at; t < end; t += 11 * 86400 + 3607) {
                    compare_offset(*zone, t, info.offset.count(), disagreements);
                }
                const std::int64_t before = info.offset.count();
                const std::int64_t after =
                    oracle->get_info(date::sys_seconds{std::chrono::seconds{end}}).offset.count();
                compare_offset(*zone, end - 1, before, disagreements);
                compare_offset(*zone, end, after, disagreements);
                compare_offset(*zone, end + 1, after, disagreements);
                for (const std::int64_t offset : {before, after}) {
                    for (const std::int64_t delta : {-1, 0, 1}) {
                        const std::int64_t reading = end + offset + delta;
                        compare_instants(*zone, reading, date_instants(*oracle, reading),
                                         disagreements);
                    }
                }
                last_listed = end;
                at = end;
            }

            // After the file's last transition the footer rules: the C library reads it too.
            {
                const ProcessTz libc(":" + path.string());
                const std::int64_t step = 86400;
                std::int64_t previous = libc.offset_at(last_listed);
                for (std::int64_t t = last_listed + step; t < until; t += step) {
                    const std::int64_t offset = libc.offset_at(t);
                    compare_offset(*zone, t, offset, disagreements);
                    if (offset == previous) continue;
                    // A change within the last day: find its first second.
                    std::int64_t lo = t - step, hi = t;
                    while (hi - lo > 1) {
                        const std::int64_t mid = lo + (hi - lo) / 2;
                        (libc.offset_at(mid) == previous ? lo : hi) = mid;
                    }
                    compare_offset(*zone, hi - 1, previous, disagreements);
                    compare_offset(*zone, hi, offset, disagreements);
                    for (const std::int64_t reading_offset : {previous, offset}) {
                        for (const std::int64_t delta : {-1, 0, 1}) {
                            const std::int64_t reading = hi + reading_offset + delta;
                            std::vector<std::int64_t> expected;
                            for (const std::int64_t candidate :
                                 {std::max(previous, offset), std::min(previous, offset)}) {
                                if (libc.offset_at(reading - candidate) == candidate) {
                                    expected.push_back(reading - candidate);
                                }
                            }
                            compare_instants(*zone, reading, expected, disagreements);
                        }
                    }
                    previous = offset;
                }
            }
            CHECK_MESSAGE(
                disagreements.count == 0, std::string(name)
                                              << ": " << disagreements.count
                                              << " disagreements, first: " << [&] {
                                                     std::string text;
                                                     for (const auto& line : disagreements.found) {
                                                         text += "\n  " + line;
                                                     }
                                                     return text;
                                                 }());
        }
    }

    TEST_CASE("services/tzif_zone: footer rules of the northern and southern hemispheres") {
        const auto paris = rule("CET-1CEST,M3.5.0,M10.5.0/3");
        CHECK(paris->offsets() == std::vector<std::int64_t>{3600, 7200});
        CHECK(paris->offset_at(instant("2026-03-29T00:59:59Z")) == 3600);
        CHECK(paris->offset_at(instant("2026-03-29T01:00:00Z")) == 7200);
        CHECK(paris->offset_at(instant("2026-10-25T00:59:59Z")) == 7200);
        CHECK(paris->offset_at(instant("2026-10-25T01:00:00Z")) == 3600);
        // Far from 1970 the same rule holds: 2400-03-26 and 1600-10-29 are last Sundays.
        CHECK(paris->offset_at(instant("2400-03-26T00:59:59Z")) == 3600);
        CHECK(paris->offset_at(instant("2400-03-26T01:00:00Z")) == 7200);
        CHECK(paris->offset_at(instant("1600-10-29T00:59:59Z")) == 7200);
        CHECK(paris->offset_at(instant("1600-10-29T01:00:00Z")) == 3600);
        for (const std::int64_t extreme :
             {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
            const std::int64_t offset = paris->offset_at(extreme);
            CHECK((offset == 3600 || offset == 7200));
        }

        const auto new_york = rule("EST5EDT,M3.2.0,M11.1.0");
        CHECK(new_york->offset_at(instant("2026-03-08T06:59:59Z")) == -5 * 3600);
        CHECK(new_york->offset_at(instant("2026-03-08T07:00:00Z")) == -4 * 3600);
        CHECK(new_york->offset_at(instant("2026-11-01T05:59:59Z")) == -4 * 3600);
        CHECK(new_york->offset_at(instant("2026-11-01T06:00:00Z")) == -5 * 3600);

        // Lord Howe: half an hour of DST, from October to April.
        const auto lord_howe = rule("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
        CHECK(lord_howe->offsets() == std::vector<std::int64_t>{37800, 39600});
        CHECK(lord_howe->offset_at(instant("2026-01-15T00:00:00Z")) == 39600);
        CHECK(lord_howe->offset_at(instant("2026-04-04T14:59:59Z")) == 39600);
        CHECK(lord_howe->offset_at(instant("2026-04-04T15:00:00Z")) == 37800);
        CHECK(lord_howe->offset_at(instant("2026-07-15T00:00:00Z")) == 37800);
        CHECK(lord_howe->offset_at(instant("2026-10-03T15:29:59Z")) == 37800);
        CHECK(lord_howe->offset_at(instant("2026-10-03T15:30:00Z")) == 39600);

        // Dublin: winter time is the "daylight" one, an hour behind standard time.
        const auto dublin = rule("IST-1GMT0,M10.5.0,M3.5.0/1");
        CHECK(dublin->offset_at(instant("2026-01-15T12:00:00Z")) == 0);
        CHECK(dublin->offset_at(instant("2026-03-29T00:59:59Z")) == 0);
        CHECK(dublin->offset_at(instant("2026-03-29T01:00:00Z")) == 3600);
        CHECK(dublin->offset_at(instant("2026-10-25T00:59:59Z")) == 3600);
        CHECK(dublin->offset_at(instant("2026-10-25T01:00:00Z")) == 0);

        const auto sao_paulo = rule("<-03>3");
        CHECK(sao_paulo->offsets() == std::vector<std::int64_t>{-3 * 3600});
        CHECK(sao_paulo->offset_at(instant("2026-01-15T12:00:00Z")) == -3 * 3600);
        CHECK(rule("<+0545>-5:45")->offset_at(0) == 5 * 3600 + 45 * 60);
        CHECK(rule("<-0330>3:30")->offset_at(0) == -(3 * 3600 + 30 * 60));
        CHECK(rule("ABC+1:02:03")->offset_at(0) == -3723);
        CHECK(rule("ABC-24")->offset_at(0) == 24 * 3600);
        // No daylight offset: an hour ahead of standard time.
        CHECK(rule("AAA3BBB,M3.2.0,M11.1.0")->offsets() ==
              std::vector<std::int64_t>{-3 * 3600, -2 * 3600});
    }

    TEST_CASE("services/tzif_zone: footer dates as Jn and n, times before 0:00 and after 24:00") {
        // J60 is March 1 even in a leap year; J300 is October 27.
        const auto julian = rule("AAA0BBB,J60/0,J300/0");
        CHECK(julian->offset_at(instant("2024-02-29T23:59:59Z")) == 0);
        CHECK(julian->offset_at(instant("2024-03-01T00:00:00Z")) == 3600);
        CHECK(julian->offset_at(instant("2024-10-26T22:59:59Z")) == 3600);
        CHECK(julian->offset_at(instant("2024-10-26T23:00:00Z")) == 0);
        CHECK(julian->offset_at(instant("2023-02-28T23:59:59Z")) == 0);
        CHECK(julian->offset_at(instant("2023-03-01T00:00:00Z")) == 3600);
        // Day 59 counts February 29: it is that day in 2024 and March 1 in 2023.
        const auto zero_based = rule("AAA0BBB,59/0,299/0");
        CHECK(zero_based->offset_at(instant("2024-02-28T23:59:59Z")) == 0);
        CHECK(zero_based->offset_at(instant("2024-02-29T00:00:00Z")) == 3600);
        CHECK(zero_based->offset_at(instant("2024-10-25T22:59:59Z")) == 3600);
        CHECK(zero_based->offset_at(instant("2024-10-25T23:00:00Z")) == 0);
        CHECK(zero_based->offset_at(instant("2023-02-28T23:59:59Z")) == 0);
        CHECK(zero_based->offset_at(instant("2023-03-01T00:00:00Z")) == 3600);

        // Greenland changes at -1:00 local, Saturday 23:00 before the last Sunday of March.
        const auto nuuk = rule("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
        CHECK(nuuk->offset_at(instant("2026-03-29T00:59:59Z")) == -2 * 3600);
        CHECK(nuuk->offset_at(instant("2026-03-29T01:00:00Z")) == -3600);
        CHECK(nuuk->offset_at(instant("2026-10-25T00:59:59Z")) == -3600);
        CHECK(nuuk->offset_at(instant("2026-10-25T01:00:00Z")) == -2 * 3600);
        // Gaza at 50:00 of the fourth Thursday (March 26, 2026): Saturday 02:00.
        const auto gaza = rule("EET-2EEST,M3.4.4/50,M10.4.4/50");
        CHECK(gaza->offset_at(instant("2026-03-27T23:59:59Z")) == 7200);
        CHECK(gaza->offset_at(instant("2026-03-28T00:00:00Z")) == 3 * 3600);
        // Week 5 is the last such weekday, here the fourth: February 2026 has four Thursdays.
        const auto last_thursday = rule("AAA0BBB,M2.5.4/0,M10.1.0/0");
        CHECK(last_thursday->offset_at(instant("2026-02-25T23:59:59Z")) == 0);
        CHECK(last_thursday->offset_at(instant("2026-02-26T00:00:00Z")) == 3600);
        CHECK(PosixTzRule::parse("AAA0BBB,M3.5.0/-167,M10.5.0/167:00:00").has_value());

        // DST all year (RFC 8536 §3.3.1): from January 1 00:00 to December 31 24:00 + 1 h.
        const auto all_year = rule("EST5EDT,0/0,J365/25");
        for (const char* at :
             {"2025-12-31T23:59:59Z", "2026-01-01T04:59:59Z", "2026-01-01T05:00:00Z",
              "2026-01-01T05:00:01Z", "2026-07-01T00:00:00Z", "2028-12-31T12:00:00Z"}) {
            INFO(at);
            CHECK(all_year->offset_at(instant(at)) == -4 * 3600);
        }
    }

    TEST_CASE("services/tzif_zone: a footer's table gives the offsets of its rule") {
        const std::int64_t from = instant("1960-01-01T00:00:00Z");
        const std::int64_t until = instant("2110-01-01T00:00:00Z");
        for (const char* text :
             {"CET-1CEST,M3.5.0,M10.5.0/3", "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",
              "IST-1GMT0,M10.5.0,M3.5.0/1", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
              "EET-2EEST,M3.4.4/50,M10.4.4/50", "<-04>4<-03>,M9.1.6/24,M4.1.6/24",
              "AAA0BBB,J60/0,J300/0", "AAA0BBB,59/0,299/0", "EST5EDT,0/0,J365/25",
              "AAA0BBB,M3.5.0/-167,M3.5.0/167"}) {
            INFO(text);
            const auto footer = rule(text);
            const std::vector<slash::services::OffsetChange> table = footer->table(from, until);
            REQUIRE(!table.empty());
            CHECK(table.front().at == from);
            for (std::size_t i = 0; i < table.size(); ++i) {
                const std::int64_t end = i + 1 < table.size() ? table[i + 1].at : until;
                REQUIRE(table[i].at < end);
                for (const std::int64_t at : {table[i].at, (table[i].at + end) / 2, end - 1}) {
                    INFO(iso(at));
                    CHECK(footer->offset_at(at) == table[i].offset);
                }
            }
            // A file without transitions: the table until 2100, the rule itself around it.
            const auto zone = TzifZone::parse(tzif('2', {}, {0}, text), "X/Y");
            REQUIRE(zone != nullptr);
            for (std::int64_t at = from; at < until; at += 5 * 86400 + 3607) {
                INFO(iso(at));
                CHECK(zone->offset_at(at) == footer->offset_at(at));
            }
        }
        CHECK(rule("<-03>3")->table(from, until).empty());
    }

    TEST_CASE("services/tzif_zone: invalid footer strings are refused") {
        for (const char* text : {
                 "",
                 "CET",                              // no offset
                 "CE-1",                             // name too short
                 "1CET",                             // no name
                 "<+1>-1",                           // quoted name too short
                 "<+01-1",                           // unclosed
                 "<+0 1>-1",                         // not a name character
                 "CET-25",                           // more than 24 hours
                 "CET-1:60",                         // minutes
                 "CET-1:00:60",                      // seconds
                 "CET-1 ",                           // trailing text
                 "CET-1CEST",                        // daylight without a rule
                 "CET-1CEST,M3.5.0",                 // no end
                 "CET-1CEST,M3.5.0,",                // empty end
                 "CET-1CEST,M13.5.0,M10.5.0/3",      // month
                 "CET-1CEST,M0.5.0,M10.5.0/3",       // month
                 "CET-1CEST,M3.6.0,M10.5.0/3",       // week
                 "CET-1CEST,M3.0.0,M10.5.0/3",       // week
                 "CET-1CEST,M3.5.7,M10.5.0/3",       // weekday
                 "CET-1CEST,M3.5,M10.5.0/3",         // no weekday
                 "CET-1CEST,J0,J365",                // Jn starts at 1
                 "CET-1CEST,J1,J366",                // and ends at 365
                 "CET-1CEST,0,366",                  // n ends at 365
                 "CET-1CEST,M3.5.0/168,M10.5.0/3",   // beyond 167 hours
                 "CET-1CEST,M3.5.0/-168,M10.5.0/3",  // beyond -167 hours
                 "CET-1CEST,M3.5.0/,M10.5.0/3",      // no time
                 "CET-1CEST,M3.5.0,M10.5.0/3x",      // trailing text
                 "CET-1CEST-25,M3.5.0,M10.5.0/3",    // daylight offset
                 "CET-1CEST,M3.5.0;M10.5.0/3",       // separator
             }) {
            INFO("\"" << text << "\"");
            CHECK(!PosixTzRule::parse(text).has_value());
        }
    }

    TEST_CASE("services/tzif_zone: small files of each version, before and after transitions") {
        const std::int64_t t1 = instant("2000-01-01T00:00:00Z");
        const std::int64_t t2 = instant("2000-06-01T00:00:00Z");
        // Type 0 rules before the first transition, though no transition uses it.
        for (const char version : {'\0', '2', '3', '4'}) {
            INFO("version " << static_cast<int>(version));
            const auto zone =
                TzifZone::parse(tzif(version, {{t1, 1}, {t2, 2}}, {100, 3600, 7200}), "Test/Zone");
            REQUIRE(zone != nullptr);
            CHECK(zone->name() == "Test/Zone");
            CHECK(zone->offset_at(t1 - 1) == 100);
            CHECK(zone->offset_at(t1) == 3600);
            CHECK(zone->offset_at(t2 - 1) == 3600);
            CHECK(zone->offset_at(t2) == 7200);
            // No footer: the last type stays.
            CHECK(zone->offset_at(instant("2090-01-01T00:00:00Z")) == 7200);
        }
        // Version 1 keeps only 32-bit times; the 64-bit data of later versions reaches before
        // 1901.
        const std::int64_t early = instant("1800-01-01T00:00:00Z");
        const auto v2 = TzifZone::parse(tzif('2', {{early, 1}}, {0, 3600}), "Test/Zone");
        REQUIRE(v2 != nullptr);
        CHECK(v2->offset_at(early - 1) == 0);
        CHECK(v2->offset_at(early) == 3600);

        // After the last transition, the footer.
        const auto with_footer =
            TzifZone::parse(tzif('2', {{t1, 1}}, {0, 3600}, "CET-1CEST,M3.5.0,M10.5.0/3"), "X/Y");
        REQUIRE(with_footer != nullptr);
        CHECK(with_footer->offset_at(t1 - 1) == 0);
        CHECK(with_footer->offset_at(instant("2026-07-01T00:00:00Z")) == 7200);
        CHECK(with_footer->offset_at(instant("2026-12-01T00:00:00Z")) == 3600);
        CHECK(with_footer->instants_of({{2026, 3, 29}, 2, 30, 0}).empty());
        CHECK(with_footer->instants_of({{2026, 10, 25}, 2, 30, 0}) ==
              std::vector<std::int64_t>{instant("2026-10-25T00:30:00Z"),
                                        instant("2026-10-25T01:30:00Z")});
        // RFC 8536 §3.2: the footer rules from the last transition itself on.
        const auto inconsistent =
            TzifZone::parse(tzif('2', {{t1, 1}}, {0, 3600}, "<+02>-2"), "X/Y");
        REQUIRE(inconsistent != nullptr);
        CHECK(inconsistent->offset_at(t1 - 1) == 0);
        CHECK(inconsistent->offset_at(t1) == 7200);
        // A slim file: no transition at all, the footer for every instant.
        const auto slim =
            TzifZone::parse(tzif('2', {}, {3600}, "CET-1CEST,M3.5.0,M10.5.0/3"), "X/Y");
        REQUIRE(slim != nullptr);
        CHECK(slim->offset_at(instant("1990-07-01T00:00:00Z")) == 7200);
        CHECK(slim->offset_at(instant("2150-01-01T00:00:00Z")) == 3600);
        CHECK(slim->instants_of({{2150, 7, 1}, 12, 0, 0}) ==
              std::vector<std::int64_t>{instant("2150-07-01T10:00:00Z")});
        // No transition, no footer: type 0.
        const auto fixed = TzifZone::parse(tzif('2', {}, {-3600}), "X/Y");
        REQUIRE(fixed != nullptr);
        CHECK(fixed->offset_at(0) == -3600);
        CHECK(fixed->instants_of({{2026, 1, 1}, 0, 0, 0}) ==
              std::vector<std::int64_t>{instant("2026-01-01T01:00:00Z")});
    }

    TEST_CASE("services/tzif_zone: a gap and a fold from explicit transitions") {
        // Samoa skipped 2011-12-30: from -10:00 to +14:00 at 2011-12-30T10:00Z.
        const std::int64_t skip = instant("2011-12-30T10:00:00Z");
        const auto apia = TzifZone::parse(tzif('2', {{skip, 1}}, {-10 * 3600, 14 * 3600}), "X/Y");
        REQUIRE(apia != nullptr);
        CHECK(apia->instants_of({{2011, 12, 29}, 23, 59, 59}) ==
              std::vector<std::int64_t>{skip - 1});
        CHECK(apia->instants_of({{2011, 12, 30}, 12, 0, 0}).empty());
        CHECK(apia->instants_of({{2011, 12, 31}, 0, 0, 0}) == std::vector<std::int64_t>{skip});
        // Back by two hours: readings in those two hours happen twice.
        const auto back = TzifZone::parse(tzif('2', {{skip, 1}}, {7200, 0}), "X/Y");
        REQUIRE(back != nullptr);
        CHECK(back->instants_of(local_reading(skip + 7200 - 1)) ==
              std::vector<std::int64_t>{skip - 1, skip + 7199});
        CHECK(back->instants_of(local_reading(skip)) ==
              std::vector<std::int64_t>{skip - 7200, skip});
        CHECK(back->instants_of(local_reading(skip + 7200)) ==
              std::vector<std::int64_t>{skip + 7200});
        // An offset that lasts ten hours, the same on both sides: looking only at the ends of
        // the window would miss it.
        const auto brief =
            TzifZone::parse(tzif('2', {{skip, 1}, {skip + 36000, 0}}, {0, 3600}), "X/Y");
        REQUIRE(brief != nullptr);
        CHECK(brief->instants_of(local_reading(skip + 6 * 3600)) ==
              std::vector<std::int64_t>{skip + 5 * 3600});
        CHECK(brief->instants_of(local_reading(skip + 30 * 60)).empty());
        CHECK(brief->instants_of(local_reading(skip + 36000 + 1800)) ==
              std::vector<std::int64_t>{skip + 36000 - 1800, skip + 36000 + 1800});
    }

    TEST_CASE("services/tzif_zone: malformed files are refused") {
        const std::string good = tzif('2', {{0, 1}, {1000, 0}}, {0, 3600}, "<+01>-1");
        REQUIRE(TzifZone::parse(good, "X/Y") != nullptr);
        // Every truncation of a real file, and of a built one.
        const std::string paris = file_bytes(kZoneinfo / "Europe/Paris");
        REQUIRE(TzifZone::parse(paris, "Europe/Paris") != nullptr);
        for (const std::string* whole : {&good, &paris}) {
            int accepted = 0;
            for (std::size_t size = 0; size < whole->size(); ++size) {
                if (TzifZone::parse(std::string_view(*whole).substr(0, size), "X/Y")) ++accepted;
            }
            CHECK(accepted == 0);
        }

        auto with = [&](std::size_t at, std::string_view bytes) {
            std::string changed = good;
            changed.replace(at, bytes.size(), bytes);
            return TzifZone::parse(changed, "X/Y");
        };
        // The second header starts after the minimal version 1 data block (4+2+4 bytes).
        const std::size_t second = 44 + 10;
        const std::size_t counts = second + 20;
        CHECK(with(0, "TZiF") == nullptr);
        CHECK(with(second, "TZIF") == nullptr);
        CHECK(with(4, "1") == nullptr);  // no version 1 spelled '1'
        CHECK(with(4, "5") == nullptr);  // an unknown version
        CHECK(with(second + 4, std::string_view("\0", 1)) == nullptr);
        CHECK(with(counts + 12, big_endian(0xffffffff, 4)) == nullptr);  // timecnt
        CHECK(with(counts + 8, big_endian(0xffffffff, 4)) == nullptr);   // leapcnt
        CHECK(with(counts + 16, big_endian(0xffffffff, 4)) == nullptr);  // typecnt
        CHECK(with(counts + 20, big_endian(0xffffffff, 4)) == nullptr);  // charcnt
        CHECK(with(counts + 16, big_endian(0, 4)) == nullptr);           // no type
        CHECK(with(counts + 20, big_endian(0, 4)) == nullptr);           // no designation
        CHECK(with(counts, big_endian(1, 4)) == nullptr);                // isutcnt != typecnt
        CHECK(with(20 + 12, big_endian(0xfffffff0, 4)) == nullptr);      // version 1 timecnt

        const std::int64_t t = instant("2000-01-01T00:00:00Z");
        CHECK(TzifZone::parse(tzif('2', {{t, 2}}, {0, 3600}), "X/Y") == nullptr);  // type index
        CHECK(TzifZone::parse(tzif('2', {{t, 1}, {t, 0}}, {0, 3600}), "X/Y") == nullptr);
        CHECK(TzifZone::parse(tzif('2', {{t, 1}, {t - 1, 0}}, {0, 3600}), "X/Y") == nullptr);
        CHECK(TzifZone::parse(tzif('2', {}, {27 * 3600}), "X/Y") == nullptr);  // offset
        CHECK(TzifZone::parse(tzif('2', {}, {std::numeric_limits<std::int32_t>::min()}), "X/Y") ==
              nullptr);
        CHECK(TzifZone::parse(tzif('2', {}, {0}, "CET-1CEST"), "X/Y") == nullptr);  // footer
        // The footer is a line of its own.
        std::string unterminated = tzif('2', {}, {0}, "CET-1");
        unterminated.pop_back();
        CHECK(TzifZone::parse(unterminated, "X/Y") == nullptr);
        CHECK(TzifZone::parse(unterminated + "\n", "X/Y") != nullptr);
        CHECK(TzifZone::parse("", "X/Y") == nullptr);
        CHECK(TzifZone::parse("root:x:0:0:root:/root:/bin/bash\n", "X/Y") == nullptr);
    }

    TEST_CASE("services/tzif_zone: load_time_zone reads names, paths and TZDIR") {
        const auto paris = load_time_zone(":" + (kZoneinfo / "Europe/Paris").string());
        CHECK(paris->name() == "Europe/Paris");
        CHECK(paris->offset_at(instant("2026-07-01T00:00:00Z")) == 7200);
        CHECK(load_time_zone(":Europe/Paris")->offset_at(instant("2026-01-01T00:00:00Z")) == 3600);

        for (const char* tz :
             {"../../etc/passwd", "/etc/passwd", ":/etc/passwd", "Europe/../Europe/Paris",
              "./Europe/Paris", "Europe//Paris", "Europe/Paris/", "Europe", "zone.tab"}) {
            INFO("TZ=\"" << tz << "\"");
            std::string message;
            try {
                (void)load_time_zone(std::string(tz));
            } catch (const slash::Error& error) {
                CHECK(error.kind() == slash::ErrorKind::Usage);
                message = error.what();
            }
            CHECK(message == "unknown time zone \"" + std::string(tz) +
                                 "\" in TZ; use a name such as Europe/Paris, or a POSIX rule such as CET-1CEST,M3.5.0,M10.5.0/3");
        }

        // TZDIR names another zoneinfo tree, as for the C library.
        const fs::path dir = slash::testing::make_temp_dir("slash-tzdir");
        fs::create_directories(dir / "Mars");
        fs::copy_file(kZoneinfo / "Europe/Paris", dir / "Mars/Olympus_Mons");
        {
            std::ofstream broken(dir / "Mars/Broken", std::ios::binary);
            broken << "TZif2" << std::string(100, '\xff');
        }
        {
            // A valid zone padded past the 1 MiB limit: refused unread.
            std::ofstream huge(dir / "Mars/Huge", std::ios::binary);
            huge << file_bytes(kZoneinfo / "Europe/Paris")
                 << std::string(std::size_t{1} << 20, '\n');
        }
        {
            const std::string tzdir = dir.string();
            const auto mars = load_time_zone("Mars/Olympus_Mons", tzdir);
            CHECK(mars->name() == "Mars/Olympus_Mons");
            CHECK(mars->offset_at(instant("2026-07-01T00:00:00Z")) == 7200);
            CHECK(mars->instants_of({{2026, 3, 29}, 2, 30, 0}).empty());
            for (const char* tz : {"Mars/Broken", "Mars/Huge", "Europe/Paris"}) {
                INFO("TZ=\"" << tz << "\"");
                CHECK_THROWS_AS((void)load_time_zone(std::string(tz), tzdir), slash::Error);
            }
        }
        // An empty TZDIR is not set.
        CHECK(load_time_zone("Europe/Paris", std::string())->name() == "Europe/Paris");
        fs::remove_all(dir);
    }

    TEST_CASE("services/tzif_zone: the system zone has the name and rules the date library gave") {
        const date::time_zone* oracle = nullptr;
        try {
            oracle = date::current_zone();
        } catch (const std::exception& error) {
            MESSAGE("skipped: the date library finds no system zone: " << error.what());
            return;
        }
        const auto zone = load_time_zone(std::nullopt);
        CHECK(zone->name() == oracle->name());
        for (const char* at :
             {"1990-01-01T00:00:00Z", "2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"}) {
            INFO(at);
            CHECK(zone->offset_at(instant(at)) ==
                  oracle->get_info(date::sys_seconds{std::chrono::seconds{instant(at)}})
                      .offset.count());
        }
    }
}
