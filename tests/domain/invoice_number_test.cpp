#include "slash/domain/invoice_number.hpp"

#include <doctest/doctest.h>

#include "support/errors.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"

using slash::domain::NumberFormat;

using slash::testing::error_from;

namespace {

// A refused format is a usage error; returns its message.
std::string refusal(const std::string& text) {
    const auto error = error_from([&] { (void)NumberFormat::parse(text); });
    REQUIRE_MESSAGE(error.has_value(), "accepted: \"" << text << "\"");
    CHECK(error->kind() == slash::ErrorKind::Usage);
    return error->what();
}

struct RenderCase {
    std::string format;
    int year;
    int month;
    std::int64_t seq;
    std::string number;
};

struct SeriesCase {
    std::string format;
    int year;
    int month;
    std::string series;
};

struct RefusalCase {
    std::string format;
    std::string message;
};

}  // namespace

TEST_SUITE("domain/invoice_number") {
    TEST_CASE("domain/invoice_number: render: placeholders, padding as a minimum") {
        const std::vector<RenderCase> cases{
            {"{year}-{seq:04}", 2026, 1, 1, "2026-0001"},
            {"{year}-{seq:04}", 2026, 1, 9999, "2026-9999"},
            {"{year}-{seq:04}", 2026, 1, 12345, "2026-12345"},
            {"{year}-{seq:04}", 2026, 1, std::numeric_limits<std::int64_t>::max(),
             "2026-9223372036854775807"},
            {"F{year}{month}-{seq}", 2026, 3, 7, "F202603-7"},
            {"F{year}{month}-{seq}", 2026, 12, 10, "F202612-10"},
            {"AV{year}-{seq:03}", 2026, 12, 42, "AV2026-042"},
            {"INV/{year}/{month}/{seq:2}", 2025, 11, 3, "INV/2025/11/03"},
            {"{seq}", 2026, 1, 5, "5"},
            {"{seq:9}", 2026, 1, 1, "000000001"},
            {"{seq:1}+X_y", 2026, 1, 9, "9+X_y"},
            {"{seq}-{year}", 2026, 1, 8, "8-2026"},
            {"{year}-{seq:04}", 999, 1, 1, "0999-0001"},
            {"{year}-{seq:4}", 2026, 1, 1, "2026-0001"},  // "{seq:04}" and "{seq:4}" are one format
            {"{year}-{seq:07}", 2026, 1, 1234, "2026-0001234"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.format);
            CAPTURE(c.seq);
            const auto format = NumberFormat::parse(c.format);
            CHECK(format.text() == c.format);
            CHECK(format.render(c.year, c.month, c.seq) == c.number);
        }
    }

    TEST_CASE(
        "domain/invoice_number: series: the number without its sequence, so numbering restarts per "
        "year or month") {
        const std::vector<SeriesCase> cases{
            {"{year}-{seq:04}", 2026, 1, "2026-"},
            {"{year}-{seq:04}", 2026, 12, "2026-"},  // no {month}: one series all year
            {"{year}-{seq:04}", 2027, 1, "2027-"},
            {"F{year}{month}-{seq}", 2026, 3, "F202603-"},
            {"F{year}{month}-{seq}", 2026, 4, "F202604-"},
            {"AV{year}-{seq:03}", 2026, 5, "AV2026-"},
            {"{seq}", 2026, 5, ""},
            {"FAC-{seq:5}", 2030, 7, "FAC-"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.format);
            CHECK(NumberFormat::parse(c.format).series(c.year, c.month) == c.series);
        }
    }

    TEST_CASE("domain/invoice_number: parse: refusals name the format") {
        const std::string use = "; use {year}, {month}, {seq} or {seq:N} with N from 1 to 9";
        const std::string needs =
            ": it needs {seq} or {seq:N} for the sequence number, as in \"{year}-{seq:04}\"";
        const std::string chars =
            " is not allowed in an invoice number; use A-Z, a-z, 0-9, -, +, _ and / (BR-FR-02)";
        const std::vector<RefusalCase> cases{
            {"{year}-{sequence}",
             "invalid number format \"{year}-{sequence}\": unknown placeholder \"{sequence}\"" +
                 use},
            {"{year}-{seq:0}",
             "invalid number format \"{year}-{seq:0}\": unknown placeholder \"{seq:0}\"" + use},
            {"{seq:00}",
             "invalid number format \"{seq:00}\": unknown placeholder \"{seq:00}\"" + use},
            {"{seq:010}",
             "invalid number format \"{seq:010}\": unknown placeholder \"{seq:010}\"" + use},
            {"{seq:-4}",
             "invalid number format \"{seq:-4}\": unknown placeholder \"{seq:-4}\"" + use},
            {"{seq:10}",
             "invalid number format \"{seq:10}\": unknown placeholder \"{seq:10}\"" + use},
            {"{seq:}", "invalid number format \"{seq:}\": unknown placeholder \"{seq:}\"" + use},
            {"{Year}-{seq}",
             "invalid number format \"{Year}-{seq}\": unknown placeholder \"{Year}\"" + use},
            {"{}{seq}", "invalid number format \"{}{seq}\": unknown placeholder \"{}\"" + use},
            {"{seq}-{seq}",
             "invalid number format \"{seq}-{seq}\": it has {seq} more than once; use exactly one"},
            {"{seq:3}{year}{seq}",
             "invalid number format \"{seq:3}{year}{seq}\": it has {seq} more than once; use "
             "exactly one"},
            {"{year}-", "invalid number format \"{year}-\"" + needs},
            {"", "invalid number format \"\"" + needs},
            {"F {seq}", "invalid number format \"F {seq}\": character \" \"" + chars},
            {"F.{seq}", "invalid number format \"F.{seq}\": character \".\"" + chars},
            {"F#{seq}", "invalid number format \"F#{seq}\": character \"#\"" + chars},
            {"Fé{seq}", "invalid number format \"Fé{seq}\": character \"é\"" + chars},
            {"}{seq}", "invalid number format \"}{seq}\": character \"}\"" + chars},
            {"{year-{seq}",
             "invalid number format \"{year-{seq}\": \"{year-\" is not closed by \"}\""},
            {"{seq", "invalid number format \"{seq\": \"{seq\" is not closed by \"}\""},
            // 26 + 1 + 4 + 1 + 4 = 36 characters at the shortest.
            {"ABCDEFGHIJKLMNOPQRSTUVWXYZ-{year}-{seq:4}",
             "invalid number format \"ABCDEFGHIJKLMNOPQRSTUVWXYZ-{year}-{seq:4}\": its numbers "
             "would be longer "
             "than 35 characters (BR-FR-01)"},
        };
        for (const auto& c : cases) {
            CAPTURE(c.format);
            CHECK(refusal(c.format) == c.message);
        }
    }

    TEST_CASE("domain/invoice_number: render: a number over 35 characters is refused (BR-FR-01)") {
        // 26 + 1 + 4 + 1 + 3 = 35 characters at the shortest: accepted.
        const auto format = NumberFormat::parse("ABCDEFGHIJKLMNOPQRSTUVWXYZ-{year}-{seq:3}");
        CHECK(format.render(2026, 1, 999) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ-2026-999");
        const auto error = error_from([&] { (void)format.render(2026, 1, 1000); });
        REQUIRE(error.has_value());
        CHECK(error->kind() == slash::ErrorKind::Usage);
        CHECK(std::string(error->what()) ==
              "invoice number \"ABCDEFGHIJKLMNOPQRSTUVWXYZ-2026-1000\" is longer than 35 "
              "characters (BR-FR-01); "
              "shorten number format \"ABCDEFGHIJKLMNOPQRSTUVWXYZ-{year}-{seq:3}\"");
    }

    TEST_CASE("domain/invoice_number: render: out-of-range arguments are the caller's bug") {
        const auto format = NumberFormat::parse("{year}{month}-{seq}");
        CHECK_THROWS_AS((void)format.render(2026, 1, 0), std::invalid_argument);
        CHECK_THROWS_AS((void)format.render(2026, 1, -1), std::invalid_argument);
        CHECK_THROWS_AS((void)format.render(2026, 0, 1), std::invalid_argument);
        CHECK_THROWS_AS((void)format.render(2026, 13, 1), std::invalid_argument);
        CHECK_THROWS_AS((void)format.render(0, 1, 1), std::invalid_argument);
        CHECK_THROWS_AS((void)format.render(10000, 1, 1), std::invalid_argument);
        CHECK_THROWS_AS((void)format.series(2026, 13), std::invalid_argument);
    }
}
