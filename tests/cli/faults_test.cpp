// Faults from outside the program (issue 8): a database nobody may write, a full disk, a
// file size limit, a lock held beyond the timeout. Each gives one clear error with exit 6
// (storage), and the data stays exactly as it was.

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/commands.hpp"
#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::testing::run_ok;
using slash::testing::Workspace;

namespace {

void small_history(Workspace& ws) {
    ws.env.variables["SLASH_NOW"] = "2026-11-20T10:00:00Z";
    run_ok(ws, {"client", "add", "acme", "--name", "ACME", "--hourly", "65"});
    run_ok(ws, {"mission", "add", "acme/dev"});
    run_ok(ws, {"log", "acme/dev", "9:00-12:00", "--on", "2026-11-05"});
}

/// A tmpfs mounted inside the workspace for the test's lifetime, when this process may
/// mount (root with CAP_SYS_ADMIN); `ok` says whether it could.
struct TmpfsMount {
    fs::path dir;
    bool ok = false;
    TmpfsMount(const fs::path& where, const std::string& size) : dir(where) {
        fs::create_directories(dir);
        ok = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
    }
    void remount_read_only() const {
        REQUIRE(::mount("tmpfs", dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, nullptr) == 0);
    }
    ~TmpfsMount() {
        if (ok) ::umount2(dir.c_str(), MNT_DETACH);
    }
    TmpfsMount(const TmpfsMount&) = delete;
    TmpfsMount& operator=(const TmpfsMount&) = delete;
};

std::string dump_of(const fs::path& db) {
    SQLite::Database raw("file:" + db.string() + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI);
    std::string text;
    SQLite::Statement rows(raw, "SELECT group_concat(id || ',' || start_at || ',' || end_at || ',' || note, ';') "
                                "FROM entries");
    rows.executeStep();
    text += rows.getColumn(0).getString();
    SQLite::Statement clients(raw, "SELECT group_concat(handle || ',' || name, ';') FROM clients");
    clients.executeStep();
    SQLite::Statement kept(raw, "SELECT step || ' ' || mode || ' ' || (SELECT count(*) FROM unbilled_work) "
                                "FROM unbilled_rule");
    kept.executeStep();
    return text + "|" + clients.getColumn(0).getString() + "|" + kept.getColumn(0).getString();
}

void expect_read_only_behaviour(Workspace& ws, const fs::path& db) {
    ws.env.variables["SLASH_DB"] = db.string();
    const std::string before = dump_of(db);
    // Reading still works: nothing needs to be written for it.
    auto list = ws.run({"client", "list", "-q"});
    CHECK(list.code == 0);
    CHECK(list.out == "acme\n");
    CHECK(list.err == "");
    CHECK(ws.run({"entry", "list", "2026-11", "-q"}).out == "1\n");
    CHECK(ws.run({"db", "check"}).out == "ok\n");
    // The sums of unbilled work were made under another rounding rule and cannot be
    // recomputed here: the entries are valued instead (3 h rounded up to 4 h at 65).
    REQUIRE(ws.run({"config", "set", "time.rounding", "2h"}).code == 0);
    auto missions = ws.run({"missions", "--template", "{mission} {unbilled}"});
    CHECK(missions.code == 0);
    CHECK(missions.out == "acme/dev 260.00 EUR\n");
    // Writing is refused in one line, exit 6.
    auto log = ws.run({"log", "acme/dev", "1h", "--on", "2026-11-06"});
    CHECK(log.code == 6);
    CHECK(log.err == "slash: error: database \"" + db.string() +
                         "\" is read-only (its permissions or a read-only filesystem) and this command writes; "
                         "nothing was changed\n");
    CHECK(dump_of(db) == before);
}

}  // namespace

TEST_CASE("faults: a read-only database is still read, and every write is refused with exit 6") {
    Workspace ws;
    small_history(ws);
    if (::geteuid() != 0) {
        // File and directory modes bind an ordinary user.
        const fs::path dir = ws.dir() / "ro";
        fs::create_directories(dir);
        fs::copy_file(ws.db_path(), dir / "slash.db");
        ::chmod((dir / "slash.db").c_str(), 0400);
        ::chmod(dir.c_str(), 0500);
        expect_read_only_behaviour(ws, dir / "slash.db");
        ::chmod(dir.c_str(), 0700);
        return;
    }
    // Root ignores modes: a read-only mount binds it.
    TmpfsMount mount(ws.dir() / "ro", "4m");
    if (!mount.ok) {
        MESSAGE("skipped: running as root without the right to mount a read-only tmpfs");
        return;
    }
    fs::copy_file(ws.db_path(), mount.dir / "slash.db");
    mount.remount_read_only();
    expect_read_only_behaviour(ws, mount.dir / "slash.db");
}

TEST_CASE("faults: a full disk refuses the write with exit 6 and keeps the data") {
    Workspace ws;
    small_history(ws);
    TmpfsMount mount(ws.dir() / "small", "512k");
    if (!mount.ok) {
        MESSAGE("skipped: cannot mount a small tmpfs here; the file size limit test covers the same path");
        return;
    }
    const fs::path db = mount.dir / "slash.db";
    fs::copy_file(ws.db_path(), db);
    ws.env.variables["SLASH_DB"] = db.string();
    REQUIRE(ws.run({"status"}).code == 0);
    {
        // Fill every remaining block.
        std::ofstream filler(mount.dir / "filler", std::ios::binary);
        const std::string block(4096, '\0');
        while (filler.write(block.data(), block.size())) {
        }
    }
    const std::string before = dump_of(db);
    auto r = ws.run({"log", "acme/dev", "1h", "--on", "2026-11-06", std::string(20000, 'x')});
    CHECK(r.code == 6);
    CHECK(r.err == "slash: error: cannot write database \"" + db.string() +
                       "\": the disk is full; free some space and try again; nothing was changed\n");
    CHECK(dump_of(db) == before);
    fs::remove(mount.dir / "filler");
    CHECK(ws.run({"db", "check"}).out == "ok\n");
    run_ok(ws, {"log", "acme/dev", "1h", "--on", "2026-11-06"});
    CHECK(ws.run({"entry", "list", "2026-11", "-q"}).out == "1\n2\n");
}

TEST_CASE("faults: past the file size limit (ulimit -f) the write is refused, the process is not killed") {
    Workspace ws;
    small_history(ws);
    const std::string before = ws.dump();
    // The WAL starts empty: an 80-block limit (40 or 80 KiB: sh counts 512- or 1024-byte
    // blocks) stops an import of 200 entries with 1,000-character notes (200 KB, in one
    // transaction), whatever the database size. (A note is at most 1,000 characters.)
    const std::string entries = (ws.dir() / "entries.jsonl").string();
    auto r = ws.shell(
        "awk 'BEGIN { n = sprintf(\"%1000s\", \"\"); gsub(/ /, \"x\", n); for (i = 0; i < 200; i++) "
        "printf \"{\\\"uid\\\":\\\"f%d\\\",\\\"start\\\":\\\"2026-10-%02dT%02d:00:00Z\\\",\\\"end\\\":\\\"2026-10-%02dT%02d:30:00Z\\\","
        "\\\"client\\\":\\\"acme\\\",\\\"mission\\\":\\\"dev\\\",\\\"units\\\":null,\\\"billable\\\":true,\\\"tags\\\":[],"
        "\\\"note\\\":\\\"%s\\\"}\\n\", i, i % 25 + 1, 8 + int(i / 25), i % 25 + 1, 8 + int(i / 25), n }' > '" + entries + "' && ulimit -f 80 && \"$SLASH\" import jsonl '" + entries + "'");
    CHECK(r.code == 6);
    const std::string prefix = "slash: error: cannot write database \"" + ws.db_path().string() +
                               "\": the file size limit of this process (";
    CHECK(r.err.rfind(prefix, 0) == 0);
    CHECK(r.err.ends_with("0 bytes, ulimit -f) is reached; nothing was changed\n"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(ws.dump() == before);
    CHECK(ws.run({"db", "check"}).out == "ok\n");
}

TEST_CASE("faults: a lock held beyond the timeout gives up after 5 s with exit 6, nothing written") {
    Workspace ws;
    small_history(ws);
    const std::string before = ws.dump();
    SQLite::Database holder(ws.db_path().string(), SQLite::OPEN_READWRITE);
    holder.exec("BEGIN IMMEDIATE");
    auto r = ws.run({"log", "acme/dev", "1h", "--on", "2026-11-06"});
    CHECK(r.code == 6);
    CHECK(r.err == "slash: error: database \"" + ws.db_path().string() +
                       "\" is locked by another process (waited 5 s); try again\n");
    holder.exec("ROLLBACK");
    CHECK(ws.dump() == before);
}
