// SIGKILL during a schema migration (issue 8): each migration is one transaction with its
// user_version bump, so a kill leaves the file at the old version with the old data, or
// at a later version with the same data, never in between; the next run finishes the job.

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>

#include "slash/storage/database.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::testing::Workspace;

namespace {

constexpr int kEntries = 20000;

// A version-2 file (missions and entries, no invoicing yet) with enough entries that the
// later migrations (indexes over entries, new tables and triggers) take a while.
void write_version_2(const fs::path& file) {
    slash::storage::OpenOptions options;
    options.migrations = slash::storage::builtin_migrations().first(2);
    { (void)slash::storage::Database::open(file, options); }
    SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
    raw.exec("BEGIN");
    raw.exec("INSERT INTO clients (id, handle, name, created_at, updated_at) VALUES (1, 'acme', 'ACME', 0, 0)");
    raw.exec("INSERT INTO missions (id, client_id, handle, billing, rate_minor, currency, created_at, updated_at) "
             "VALUES (1, 1, 'dev', 'hourly', 6500, 'EUR', 0, 0)");
    raw.exec("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " +
             std::to_string(kEntries - 1) +
             ") INSERT INTO entries (uid, mission_id, start_at, end_at, note, created_at, updated_at) "
             "SELECT 'uid-' || i, 1, 1700000000 + i * 7200, 1700000000 + i * 7200 + 3600, 'entry ' || i, 0, 0 "
             "FROM n");
    raw.exec("COMMIT");
    raw.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

struct State {
    int version = 0;
    std::string entries;  ///< count, sum of durations and a hash-like digest of the notes
};

State state_of(const fs::path& file) {
    SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
    State state;
    state.version = raw.execAndGet("PRAGMA user_version").getInt();
    state.entries = raw.execAndGet("SELECT count(*) || ':' || sum(end_at - start_at) || ':' || "
                                   "sum(length(uid) * id) || ':' || group_concat(substr(note, -3), '') "
                                   "FROM entries")
                        .getString();
    return state;
}

}  // namespace

TEST_CASE("cli/migration a SIGKILL mid-migration leaves the old or the new schema, never half, with every entry") {
    const int rounds = slash::testing::stress_rounds(10, 50);
    Workspace ws;
    const fs::path original = ws.dir() / "v2.db";
    write_version_2(original);
    const State before = state_of(original);
    REQUIRE(before.version == 2);
    const auto binary = slash::testing::slash_binary();
    auto env_for = [&](const fs::path& db) {
        return std::map<std::string, std::string>{{"SLASH_DB", db.string()},
                                                  {"SLASH_CONFIG", ws.config_path().string()}};
    };

    // One whole run, timed: the kills land from before the start to after the end.
    const fs::path timed = ws.dir() / "timed.db";
    fs::copy_file(original, timed);
    const auto started = std::chrono::steady_clock::now();
    auto whole = slash::testing::run_process({binary, "entry", "list", "2023-11-14", "-q"}, env_for(timed));
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    REQUIRE_MESSAGE(whole.code == 0, whole.err);
    REQUIRE(state_of(timed).version == slash::storage::latest_schema_version());
    CHECK(state_of(timed).entries == before.entries);

    std::mt19937 random(8);
    std::uniform_int_distribution<long> delay_us(0, std::max<long>(20'000, static_cast<long>(took.count())));
    int old_schema = 0, new_schema = 0;
    for (int round = 0; round < rounds; ++round) {
        CAPTURE(round);
        const fs::path db = ws.dir() / ("round-" + std::to_string(round) + ".db");
        fs::copy_file(original, db);
        const pid_t pid = slash::testing::spawn_process({binary, "client", "list", "-q"}, env_for(db));
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        ::kill(pid, SIGKILL);
        const int code = slash::testing::wait_process(pid);
        CHECK((code == 0 || code == 128 + SIGKILL));

        const State after = state_of(db);
        CHECK(after.entries == before.entries);
        CHECK((after.version >= 2 && after.version <= slash::storage::latest_schema_version()));
        (after.version == 2 ? old_schema : new_schema) += 1;
        // The next run migrates what is left, and the file is sound.
        auto check = slash::testing::run_process({binary, "db", "check"}, env_for(db));
        CHECK_MESSAGE(check.code == 0, check.out << check.err);
        CHECK(check.out == "ok\n");
        CHECK(state_of(db).version == slash::storage::latest_schema_version());
        CHECK(state_of(db).entries == before.entries);
        fs::remove(db);
    }
    MESSAGE("migration kills: " << old_schema << " left version 2, " << new_schema
                                << " a later version (a whole run took " << took.count() << " us)");
}
