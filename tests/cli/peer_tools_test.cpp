#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "slash/domain/duration.hpp"
#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::have_program;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::run_process;
using slash::testing::Workspace;

// issue 7 against the real tools: a history made with Timewarrior (Debian timewarrior),
// imported from its `timew export`, must give per-tag totals equal to `timew summary`'s;
// and slash's timeclock export must give hledger (Debian hledger) the per-mission totals of
// `slash report --by mission`. Both in UTC, now 2026-11-28T10:00Z.

namespace {

// One interval of the Timewarrior history: day of November 2026, start, minutes, tags.
struct Interval {
    int day;
    int start_minute;  // after midnight, UTC
    int minutes;
    std::vector<std::string> tags;
};

// 40 intervals, each with one tag naming a mission and sometimes other tags, one with a
// space. Durations are multiples of 3 minutes (0.05 h): hledger rounds every session to
// two decimals before adding them up (two sessions of 20 minutes make 0.66h), so only
// such durations let its totals equal the exact ones.
std::vector<Interval> timewarrior_history() {
    const std::vector<std::vector<std::string>> tag_sets = {
        {"acme/web", "dev"}, {"beta/audit", "meeting"}, {"acme/web", "code review"}, {"Internal", "dev"},
        {"meeting", "beta/audit"}};
    std::vector<Interval> history;
    for (int i = 0; i < 40; ++i) {
        int day = 2 + i % 25;
        int slot = i / 25;  // a second interval on some days, in the afternoon
        history.push_back({day, 8 * 60 + slot * 300 + (i * 7) % 45, 3 * (10 + (i * 37) % 57), tag_sets[i % 5]});
    }
    return history;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string timew_instant(int day, int minute) {
    return "2026-11-" + two(day) + "T" + two(minute / 60) + ":" + two(minute % 60) + ":00";
}

// `timew summary`'s last line is the total of its filter: "3:15:00".
std::int64_t summary_seconds(const std::string& summary) {
    std::istringstream lines(summary);
    std::string line, last;
    while (std::getline(lines, line)) {
        if (line.find_first_not_of(' ') != std::string::npos) last = line;
    }
    last = last.substr(last.find_first_not_of(' '));
    int h = 0, m = 0, s = 0;
    char c1 = 0, c2 = 0;
    std::istringstream(last) >> h >> c1 >> m >> c2 >> s;
    return h * 3600 + m * 60 + s;
}

// "KEY<TAB>VALUE" lines into a map.
std::map<std::string, std::string> tab_map(const std::string& text) {
    std::map<std::string, std::string> map;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        auto tab = line.find('\t');
        if (tab != std::string::npos) map[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return map;
}

void missions(Workspace& ws) {
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    ok(ws, {"mission", "add", "acme/admin", "--none"});
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--daily", "450"});
    ok(ws, {"mission", "add", "beta/audit"});
}

}  // namespace

TEST_CASE("import timewarrior: per-tag totals equal timew summary's, and a second import adds nothing") {
    if (!have_program("timew")) {
        MESSAGE("skipped: timew (Debian timewarrior) is not installed; .ci/run installs it");
        return;
    }
    Workspace ws;
    missions(ws);
    auto tw = ws.dir() / "timewarrior";
    std::filesystem::create_directories(tw);
    std::ofstream(tw / "timewarrior.cfg") << "";
    const std::map<std::string, std::string> env = {{"TIMEWARRIORDB", tw.string()}, {"TZ", "UTC"}};
    for (const auto& interval : timewarrior_history()) {
        std::vector<std::string> argv = {"timew", "track", timew_instant(interval.day, interval.start_minute), "-",
                                         timew_instant(interval.day, interval.start_minute + interval.minutes)};
        argv.insert(argv.end(), interval.tags.begin(), interval.tags.end());
        argv.push_back(":quiet");
        auto tracked = run_process(argv, env, "yes\n");
        INFO(tracked.err);
        REQUIRE(tracked.code == 0);
    }
    run_process({"timew", "annotate", "@1", "last one, with a comma"}, env);
    auto exported = run_process({"timew", "export"}, env);
    REQUIRE(exported.code == 0);
    auto file = (ws.dir() / "timew.json").string();
    std::ofstream(file) << exported.out;

    CHECK(ok(ws, {"import", "timewarrior", file, "--map", "Internal=acme/admin"}).rfind("imported 40 entries (", 0) ==
          0);
    CHECK(run_ok(ws, {"entry", "list", "2026-11", "--template", "{note}"}).find("last one, with a comma\n") !=
          std::string::npos);

    auto by_mission = tab_map(run_ok(ws, {"report", "2026-11", "--by", "mission", "--template",
                                          "{mission}\t{raw_seconds}"}));
    auto by_tag = tab_map(run_ok(ws, {"report", "2026-11", "--by", "tag", "--template", "{tag}\t{raw_seconds}"}));
    const std::map<std::string, std::string> mission_of_tag = {
        {"acme/web", "acme/web"}, {"beta/audit", "beta/audit"}, {"Internal", "acme/admin"}};
    const std::map<std::string, std::string> slash_tag_of = {
        {"dev", "dev"}, {"meeting", "meeting"}, {"code review", "code-review"}};
    auto timew_total = [&](const std::string& tag) {
        auto summary = run_process({"timew", "summary", "2026-11-01", "-", "2026-12-01", tag}, env);
        REQUIRE(summary.code == 0);
        return summary_seconds(summary.out);
    };
    for (const auto& [tag, mission] : mission_of_tag) {
        CAPTURE(tag);
        CHECK(timew_total(tag) > 0);
        CHECK(std::to_string(timew_total(tag)) == by_mission[mission]);
    }
    for (const auto& [tag, slash_tag] : slash_tag_of) {
        CAPTURE(tag);
        CHECK(timew_total(tag) > 0);
        CHECK(std::to_string(timew_total(tag)) == by_tag[slash_tag]);
    }

    std::string before = ws.dump();
    CHECK(ok(ws, {"import", "timewarrior", file, "--map", "Internal=acme/admin"}) ==
          "imported 0 entries (0m) from " + file + "; 40 entries already there\n");
    CHECK(ws.dump() == before);
}

TEST_CASE("export timeclock: hledger's balance per account equals slash report --by mission") {
    if (!have_program("hledger")) {
        MESSAGE("skipped: hledger (Debian hledger) is not installed; .ci/run installs it");
        return;
    }
    Workspace ws;
    missions(ws);
    for (const auto& interval : timewarrior_history()) {
        const std::string& first = interval.tags.front();
        std::string mission = first == "Internal" ? "acme/admin" : first == "meeting" ? "beta/audit" : first;
        int end = interval.start_minute + interval.minutes;
        ok(ws, {"log", mission,
                two(interval.start_minute / 60) + ":" + two(interval.start_minute % 60) + "-" + two(end / 60) + ":" +
                    two(end % 60),
                "--on", "2026-11-" + two(interval.day), "note; with # and  two spaces"});
    }
    // One entry across midnight, which hledger splits between the two days (60 + 69 min).
    ok(ws, {"log", "acme/web", "2h", "--on", "2026-11-27", "late"});
    ok(ws, {"entry", "edit", "41", "--start", "2026-11-27 23:00", "--end", "2026-11-28 01:09"});

    auto file = (ws.dir() / "november.timeclock").string();
    std::ofstream(file) << run_ok(ws, {"export", "2026-11", "--format", "timeclock"});
    auto balance = run_process({"hledger", "-f", file, "bal", "--flat", "-N", "-O", "csv"});
    INFO(balance.err);
    REQUIRE(balance.code == 0);
    std::map<std::string, std::string> hledger;
    std::istringstream rows(balance.out);
    std::string row;
    std::getline(rows, row);  // "account","balance"
    while (std::getline(rows, row)) {
        auto comma = row.find("\",\"");
        if (comma == std::string::npos) continue;
        hledger[row.substr(1, comma - 1)] = row.substr(comma + 3, row.size() - comma - 4);
    }
    auto by_mission = tab_map(run_ok(ws, {"report", "2026-11", "--by", "mission", "--template",
                                          "{mission}\t{raw_seconds}"}));
    REQUIRE(by_mission.size() == 3);
    for (const auto& [mission, seconds] : by_mission) {
        CAPTURE(mission);
        std::string account = mission;
        account[account.find('/')] = ':';
        CHECK(hledger[account] == slash::domain::format_hours(std::stoll(seconds)) + "h");
    }
}
