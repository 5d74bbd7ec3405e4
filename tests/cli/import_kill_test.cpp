// SIGKILL during an import (issue 8): an import is one transaction, so a kill at any moment
// leaves the database as it was (no client, no mission, no entry of the file) or with the
// whole file in it, never part of it; `slash db check` is clean either way, and importing
// again finishes the job.

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>

#include "support/process.hpp"
#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::testing::Workspace;

namespace {

constexpr int kEntries = 20000;

// 20,000 hour-long entries of 20 missions of 4 clients, every other hour from 2020 on,
// all in the past of SLASH_NOW.
void write_csv(const fs::path& file) {
    std::ofstream out(file);
    out << "uid,start,end,client,mission,note\n";
    const std::int64_t first = 1577836800;  // 2020-01-01T00:00:00Z
    for (int i = 0; i < kEntries; ++i) {
        std::int64_t start = first + std::int64_t{i} * 7200;
        auto iso = [](std::int64_t t) {
            std::time_t time = static_cast<std::time_t>(t);
            char buffer[32];
            std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&time));
            return std::string(buffer);
        };
        out << "k" << i << ',' << iso(start) << ',' << iso(start + 3600) << ",client" << i % 4 << ",mission"
            << i % 20 << ",entry " << i << '\n';
    }
}

// Entries, missions and clients, with a digest of the entries.
std::string state_of(const fs::path& db) {
    SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT (SELECT count(*) FROM clients) || ':' || (SELECT count(*) FROM missions) || ':' || "
                          "count(*) || ':' || coalesce(sum(end_at - start_at), 0) FROM entries")
        .getString();
}

}  // namespace

TEST_CASE("cli/import a SIGKILL mid-import leaves nothing of the file or all of it") {
    const int rounds = slash::testing::stress_rounds(10, 50);
    Workspace ws;
    const fs::path csv = ws.dir() / "history.csv";
    write_csv(csv);
    const auto binary = slash::testing::slash_binary();
    auto env_for = [&](const fs::path& db) {
        return std::map<std::string, std::string>{{"SLASH_DB", db.string()},
                                                  {"SLASH_CONFIG", ws.config_path().string()},
                                                  {"SLASH_NOW", "2026-11-28T10:00:00Z"},
                                                  {"TZ", "UTC"}};
    };
    const std::vector<std::string> import = {binary, "import", "csv", csv.string(), "--create", "-q"};

    // An empty database to start each round from, and one whole import, timed: the kills
    // land from before the start to after the end.
    const fs::path empty = ws.dir() / "empty.db";
    REQUIRE(slash::testing::run_process({binary, "client", "list"}, env_for(empty)).code == 0);
    const std::string nothing = state_of(empty);
    REQUIRE(nothing == "0:0:0:0");
    const fs::path timed = ws.dir() / "timed.db";
    fs::copy_file(empty, timed);
    const auto started = std::chrono::steady_clock::now();
    auto whole = slash::testing::run_process(import, env_for(timed));
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    REQUIRE_MESSAGE(whole.code == 0, whole.err);
    const std::string everything = state_of(timed);
    REQUIRE(everything == "4:20:20000:72000000");

    std::mt19937 random(7);
    // A quarter more than a whole run, so that some kills come after the commit too.
    std::uniform_int_distribution<long> delay_us(0, std::max<long>(20'000, static_cast<long>(took.count()) * 5 / 4));
    int none = 0, all = 0;
    for (int round = 0; round < rounds; ++round) {
        CAPTURE(round);
        const fs::path db = ws.dir() / ("round-" + std::to_string(round) + ".db");
        fs::copy_file(empty, db);
        const pid_t pid = slash::testing::spawn_process(import, env_for(db));
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        ::kill(pid, SIGKILL);
        const int code = slash::testing::wait_process(pid);
        CHECK((code == 0 || code == 128 + SIGKILL));

        auto check = slash::testing::run_process({binary, "db", "check"}, env_for(db));
        CHECK_MESSAGE(check.code == 0, check.out << check.err);
        const std::string after = state_of(db);
        CHECK((after == nothing || after == everything));
        (after == nothing ? none : all) += 1;
        // Importing again finishes the job, or adds nothing.
        auto again = slash::testing::run_process(import, env_for(db));
        CHECK_MESSAGE(again.code == 0, again.err);
        CHECK(state_of(db) == everything);
        fs::remove(db);
        fs::remove(fs::path(db.string() + "-wal"));
        fs::remove(fs::path(db.string() + "-shm"));
    }
    MESSAGE("import kills: " << none << " left nothing, " << all << " left the whole file (a whole import took "
                             << took.count() << " us)");
}
