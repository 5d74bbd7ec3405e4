#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::Workspace;

TEST_CASE("cli/concurrency 4 processes logging at once lose nothing and never report a lock") {
    Workspace ws;
    ws.env.variables["TZ"] = "Europe/Paris";
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME", "--hourly", "65"}).code == 0);
    REQUIRE(ws.run({"mission", "add", "acme/website"}).code == 0);
    // Each process logs its entries in a month of its own (half-hours from 8:00, ten a
    // day), so that none overlaps another and every one must land.
    const int per_process = slash::testing::stress_rounds(40, 250);
    auto r = ws.shell("for p in 1 2 3 4; do (i=0; while [ $i -lt " + std::to_string(per_process) +
                      " ]; do d=$((1 + i / 10)); h=$((8 + i % 10)); "
                      "\"$SLASH\" log acme/website $h:00-$h:30 --on $(printf '2026-%02d-%02d' $p $d) "
                      ">/dev/null || echo \"failed $p $i\"; i=$((i + 1)); done) & done; wait");
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(r.err == "");
    auto ids = ws.run({"entry", "list", "2026-01-01..2026-04-30", "-q"}).out;
    CHECK(std::count(ids.begin(), ids.end(), '\n') == 4 * per_process);
    CHECK(ws.run({"db", "check"}).out == "ok\n");
}

TEST_CASE("cli/concurrency timers started at once: one runs, none overlap") {
    Workspace ws;
    ws.env.variables["TZ"] = "Europe/Paris";
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00+01:00";
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME", "--hourly", "65"}).code == 0);
    for (int m = 0; m < 4; ++m) REQUIRE(ws.run({"mission", "add", "acme/m" + std::to_string(m)}).code == 0);
    // Four different start times, so that whichever order the processes commit in, each
    // start either stops the running timer or is refused as earlier than it; never two.
    auto r = ws.shell("for p in 0 1 2 3; do \"$SLASH\" start acme/m$p --at 1$p:00 >/dev/null 2>&1 & done; wait");
    CHECK(r.code == 0);
    auto running = ws.run({"entry", "list", "today", "--template", "{running}"}).out;
    std::size_t timers = 0;
    for (auto at = running.find("true"); at != std::string::npos; at = running.find("true", at + 1)) ++timers;
    CHECK(timers == 1);
    // Listed in start order, each entry ends before the next starts (same offset all day,
    // so the ISO strings compare as times; the running one has no end and comes last).
    auto spans = ws.run({"entry", "list", "today", "--template", "{start} {end}"}).out;
    std::vector<std::pair<std::string, std::string>> rows;
    for (std::size_t at = 0; at < spans.size();) {
        auto end = spans.find('\n', at);
        std::string line = spans.substr(at, end - at);
        rows.emplace_back(line.substr(0, line.find(' ')), line.substr(line.find(' ') + 1));
        at = end + 1;
    }
    REQUIRE(rows.size() >= 1);
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        CHECK(!rows[i].second.empty());
        CHECK(rows[i].second <= rows[i + 1].first);
    }
    CHECK(rows.back().second.empty());
    CHECK(ws.run({"db", "check"}).out == "ok\n");
}
