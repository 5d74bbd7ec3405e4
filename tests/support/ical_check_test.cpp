#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/ical_check.hpp"

using slash::testing::ical_problems;

namespace {

// A valid calendar, one content line per element, as the writer emits it.
std::vector<std::string> valid_lines() {
    return {"BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//slash//slash 0.1.0//EN",
            "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            "UID:e1",
            "DTSTAMP:20261102T100000Z",
            "DTSTART:20261102T080000Z",
            "DTEND:20261102T093000Z",
            "SUMMARY:acme/website: fix\\, then test\\; done",
            "DESCRIPTION:a\\\\b\\nc\\Nd",
            "CATEGORIES:a,b",
            "END:VEVENT",
            "END:VCALENDAR"};
}

std::string crlf(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += line + "\r\n";
    return text;
}

// The valid calendar with the line starting with `prefix` replaced by `lines` (none: removed).
std::string with(const std::string& prefix, const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    bool replaced = false;
    for (const auto& line : valid_lines()) {
        if (!replaced && line.rfind(prefix, 0) == 0) {
            out.insert(out.end(), lines.begin(), lines.end());
            replaced = true;
        } else {
            out.push_back(line);
        }
    }
    REQUIRE(replaced);
    return crlf(out);
}

std::string joined(const std::vector<std::string>& problems) {
    std::string text;
    for (const auto& problem : problems) text += problem + "\n";
    return text;
}

// True when some problem contains `expected`; shows them all otherwise.
bool flags(const std::string& text, const std::string& expected) {
    std::string problems = joined(ical_problems(text));
    INFO("problems:\n" << problems);
    CHECK(problems.find(expected) != std::string::npos);
    return problems.find(expected) != std::string::npos;
}

}  // namespace

TEST_CASE("ical check: accepts a valid calendar, folded lines and parameters") {
    CHECK(joined(ical_problems(crlf(valid_lines()))).empty());
    // A fold anywhere, even inside the name, with a space or a tab.
    CHECK(joined(ical_problems(with("DESCRIPTION", {"DESCR", " IPTION:long", "\ttext"}))).empty());
    CHECK(joined(ical_problems(with("DTSTART", {"DTSTART;TZID=Europe/Paris:20261102T090000"})))
              .empty());
    CHECK(
        joined(ical_problems(with("SUMMARY", {"SUMMARY;LANGUAGE=fr;X-A=\"q;:,\",b:été"}))).empty());
    CHECK(
        joined(ical_problems(crlf({"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "END:VCALENDAR"})))
            .empty());
}

TEST_CASE("ical check: CRLF line ends only") {
    std::string text = crlf(valid_lines());
    std::string lf;
    for (char ch : text) {
        if (ch != '\r') lf += ch;
    }
    CHECK(flags(lf, "line 1: ends with a bare LF instead of CRLF"));
    CHECK(flags(text.substr(0, text.size() - 2), "line 14: the last line does not end with CRLF"));
    CHECK(flags(with("SUMMARY", {"SUMMARY:a\rb"}), "line 10: holds a bare CR"));
}

TEST_CASE("ical check: no line longer than 75 octets") {
    CHECK(joined(ical_problems(with("DESCRIPTION", {"DESCRIPTION:" + std::string(63, 'x')})))
              .empty());
    CHECK(flags(with("DESCRIPTION", {"DESCRIPTION:" + std::string(64, 'x')}),
                "line 11: 76 octets long, more than 75"));
    // Octets, not characters: 32 two-octet letters after "DESCRIPTION:" are 76 octets.
    std::string accents;
    for (int i = 0; i < 32; ++i) accents += "é";
    CHECK(flags(with("DESCRIPTION", {"DESCRIPTION:" + accents}), "76 octets long"));
}

TEST_CASE("ical check: valid UTF-8, and no fold inside a UTF-8 sequence") {
    CHECK(flags(with("DESCRIPTION", {"DESCRIPTION:caf\xff"}), "line 11: not valid UTF-8"));
    CHECK(flags(with("DESCRIPTION", {"DESCRIPTION:caf\xc3", " \xa9 ok"}),
                "line 11: folded inside a UTF-8 sequence"));
}

TEST_CASE("ical check: unfolding needs a line to continue, and no empty lines") {
    CHECK(flags(" BEGIN:VCALENDAR\r\n" + crlf(valid_lines()),
                "line 1: a continuation line with no line before it"));
    CHECK(flags(with("UID", {"UID:e1", ""}), "line 7: empty line"));
}

TEST_CASE("ical check: content-line grammar") {
    CHECK(
        flags(with("SUMMARY", {"SUMMARY acme"}), "line 10: SUMMARY: expected ':' after the name"));
    CHECK(flags(with("SUMMARY", {"SUM_MARY:acme"}), "SUM: expected ':'"));
    CHECK(flags(with("SUMMARY", {":acme"}), "line 10: no property name"));
    CHECK(flags(with("DTSTART", {"DTSTART;TZID:20261102T080000"}), "line 8: malformed parameter"));
    CHECK(flags(with("SUMMARY", {"SUMMARY;X-A=\"open:acme"}), "unterminated quoted value"));
}

TEST_CASE("ical check: no control characters") {
    CHECK(
        flags(with("DESCRIPTION", {"DESCRIPTION:bell\x07"}), "line 11: holds a control character"));
    CHECK(flags(with("DESCRIPTION", {"DESCRIPTION:del\x7f"}), "holds a control character"));
    CHECK(joined(ical_problems(with("DESCRIPTION", {"DESCRIPTION:tab\there"}))).empty());
}

TEST_CASE("ical check: BEGIN and END balanced and matching") {
    CHECK(flags(with("END:VEVENT", {}),
                "line 13: END:VCALENDAR does not match BEGIN:VEVENT of line 5"));
    CHECK(flags(with("END:VEVENT", {}), "line 1: BEGIN:VCALENDAR is never ended"));
    CHECK(flags(with("END:VEVENT", {"END:VTODO"}), "END:VTODO does not match BEGIN:VEVENT"));
    CHECK(
        flags(crlf(valid_lines()) + "END:VCALENDAR\r\n", "line 15: END:VCALENDAR without a BEGIN"));
    CHECK(flags(crlf(valid_lines()) + "UID:x\r\n", "line 15: UID outside any component"));
    CHECK(flags("BEGIN:VEVENT\r\nEND:VEVENT\r\n", "BEGIN:VEVENT outside VCALENDAR"));
    CHECK(flags(with("BEGIN:VEVENT", {"BEGIN:VTODO", "BEGIN:VEVENT"}), "VEVENT inside VTODO"));
    CHECK(flags(with("BEGIN:VEVENT", {"BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VEVENT"}),
                "VCALENDAR inside VCALENDAR"));
    CHECK(flags("", "empty document"));
}

TEST_CASE("ical check: VCALENDAR has VERSION 2.0 and PRODID, exactly once") {
    CHECK(flags(with("VERSION", {}), "line 1: VCALENDAR of line 1 has no VERSION"));
    CHECK(flags(with("VERSION", {"VERSION:2.1"}), "line 2: VERSION is \"2.1\", not \"2.0\""));
    CHECK(flags(with("VERSION", {"VERSION:2.0", "VERSION:2.0"}), "has more than one VERSION"));
    CHECK(flags(with("PRODID", {}), "has no PRODID"));
    CHECK(flags(with("PRODID", {"PRODID:a", "PRODID:b"}),
                "line 4: VCALENDAR of line 1 has more than one PRODID"));
    CHECK(flags(with("CALSCALE", {"CALSCALE:JULIAN"}), "CALSCALE JULIAN is not GREGORIAN"));
}

TEST_CASE("ical check: a VEVENT has one UID, DTSTAMP and DTSTART, at most one DTEND") {
    CHECK(flags(with("UID", {}), "line 5: VEVENT of line 5 has no UID"));
    CHECK(flags(with("UID", {"UID:a", "UID:b"}), "line 7: VEVENT of line 5 has more than one UID"));
    CHECK(flags(with("DTSTAMP", {}), "has no DTSTAMP"));
    CHECK(flags(with("DTSTART", {}), "has no DTSTART"));
    CHECK(flags(with("DTEND", {"DTEND:20261102T093000Z", "DTEND:20261102T100000Z"}),
                "has more than one DTEND"));
    CHECK(flags(with("DTEND", {"DTEND:20261102T093000Z", "DURATION:PT1H"}),
                "has both DTEND and DURATION"));
    CHECK(flags(with("SUMMARY", {"SUMMARY:a", "SUMMARY:b"}), "has more than one SUMMARY"));
    CHECK(joined(ical_problems(with("DTEND", {}))).empty());
    CHECK(joined(ical_problems(with("DTEND", {"DURATION:PT1H30M"}))).empty());
}

TEST_CASE("ical check: DATE-TIME values are YYYYMMDDTHHMMSS with an optional Z, real dates") {
    CHECK(flags(with("DTSTART", {"DTSTART:2026-11-02T08:00:00Z"}),
                "line 8: DTSTART 2026-11-02T08:00:00Z is not a DATE-TIME"));
    CHECK(flags(with("DTSTART", {"DTSTART:20261102 080000Z"}), "is not a DATE-TIME"));
    CHECK(flags(with("DTSTART", {"DTSTART:20261102T0800Z"}), "is not a DATE-TIME"));
    CHECK(flags(with("DTSTAMP", {"DTSTAMP:20261131T100000Z"}),
                "DTSTAMP 20261131T100000Z is not a real date"));
    CHECK(flags(with("DTSTAMP", {"DTSTAMP:20270229T100000Z"}), "is not a real date"));
    CHECK(flags(with("DTEND", {"DTEND:20261102T240000Z"}),
                "DTEND 20261102T240000Z is not a real time of day"));
    CHECK(flags(with("DTSTAMP", {"DTSTAMP:20261102T100000"}),
                "DTSTAMP 20261102T100000 must be in UTC"));
    CHECK(flags(with("DTSTART", {"DTSTART;VALUE=DATE:20261102T080000Z"}),
                "is not a DATE (YYYYMMDD)"));
    CHECK(flags(with("DTSTART", {"DTSTART;TZID=Europe/Paris:20261102T080000Z"}),
                "has both TZID and Z"));
    CHECK(flags(with("DTSTART", {"DTSTART;VALUE=DATE:20261102"}),
                "DTEND is a DATE-TIME but DTSTART a DATE: not the same value type"));
    CHECK(joined(ical_problems(with("DTSTAMP", {"DTSTAMP:20280229T235960Z"}))).empty());
}

TEST_CASE("ical check: DTEND after DTSTART") {
    CHECK(flags(with("DTEND", {"DTEND:20261102T075959Z"}),
                "line 9: DTEND 20261102T075959Z is not after DTSTART 20261102T080000Z"));
    CHECK(flags(with("DTEND", {"DTEND:20261102T080000Z"}), "is not after DTSTART"));
    CHECK(flags(with("DTEND", {"DTEND:20251231T235959Z"}), "is not after DTSTART"));
}

TEST_CASE("ical check: TEXT escapes and unescaped separators") {
    CHECK(flags(with("DESCRIPTION", {"DESCRIPTION:a\\tb"}),
                "line 11: DESCRIPTION: invalid escape \"\\t\""));
    CHECK(flags(with("DESCRIPTION", {"DESCRIPTION:ends\\"}), "DESCRIPTION: invalid escape \"\\\""));
    CHECK(flags(with("SUMMARY", {"SUMMARY:a;b"}), "line 10: SUMMARY: unescaped ';' in TEXT"));
    CHECK(flags(with("SUMMARY", {"SUMMARY:a,b"}), "SUMMARY: unescaped ',' in TEXT"));
    CHECK(flags(with("DESCRIPTION", {"DESCRIPTION:a,b"}), "DESCRIPTION: unescaped ','"));
    CHECK(flags(with("CATEGORIES", {"CATEGORIES:a;b"}), "CATEGORIES: unescaped ';'"));
    CHECK(joined(ical_problems(with("CATEGORIES", {"CATEGORIES:a,b\\,c,d\\;e"}))).empty());
}
