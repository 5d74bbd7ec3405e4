#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::testing::Workspace;

TEST_CASE("cli/db check says ok on a sound database") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 0);
    CHECK(r.out == "ok\n");
    CHECK(r.err == "");
}

TEST_CASE("cli/db check reports a broken foreign key and exits 1") {
    Workspace ws;
    REQUIRE(ws.run({"client", "list"}).code == 0);
    {
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READWRITE);
        raw.exec("CREATE TABLE probe (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id))");
        raw.exec("INSERT INTO probe VALUES (1, 42)");
    }
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 1);
    CHECK(r.out == "foreign key: row 1 of probe refers to a missing row of clients\n");
    CHECK(r.err == "slash: error: database \"" + ws.db_path().string() + "\" has 1 problem(s)\n");
}

TEST_CASE("cli/db backup writes a valid copy, refuses to overwrite without --force") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    fs::path copy = ws.dir() / "copy.db";
    auto r = ws.run({"db", "backup", copy.string()});
    CHECK(r.code == 0);
    CHECK(r.out == copy.string() + "\n");
    CHECK(fs::status(copy).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    CHECK(ws.run({"--db", copy.string(), "client", "list", "-q"}).out == "acme\n");

    REQUIRE(ws.run({"client", "add", "beta", "--name", "Beta"}).code == 0);
    std::string before = slash::testing::read_file(copy);
    r = ws.run({"db", "backup", copy.string()});
    CHECK(r.code == 4);
    CHECK(r.err == "slash: error: \"" + copy.string() + "\" already exists; choose another file or pass --force\n");
    CHECK(slash::testing::read_file(copy) == before);
    CHECK(ws.run({"db", "backup", copy.string(), "--force"}).code == 0);
    CHECK(ws.run({"--db", copy.string(), "client", "list", "-q"}).out == "acme\nbeta\n");

    r = ws.run({"db", "backup", (ws.dir() / "missing" / "x.db").string()});
    CHECK(r.code == 1);
    CHECK(r.err.find("does not exist") != std::string::npos);
}

TEST_CASE("cli/db backup while another connection holds an open write transaction") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    SQLite::Database writer(ws.db_path().string(), SQLite::OPEN_READWRITE);
    writer.exec("BEGIN IMMEDIATE");
    writer.exec("UPDATE clients SET name = 'uncommitted' WHERE handle = 'acme'");
    fs::path copy = ws.dir() / "live.db";
    auto r = ws.run({"db", "backup", copy.string()});
    CHECK(r.code == 0);
    writer.exec("ROLLBACK");
    CHECK(ws.run({"--db", copy.string(), "client", "show", "acme", "--template", "{name}"}).out == "ACME\n");
    CHECK(ws.run({"--db", copy.string(), "db", "check"}).out == "ok\n");
}

TEST_CASE("cli/db mission totals follow every entry change, and db check catches stale ones") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00Z";
    for (auto args : std::vector<std::vector<std::string>>{{"client", "add", "acme", "--name", "ACME", "--hourly", "65"},
                                                           {"mission", "add", "acme/a"},
                                                           {"mission", "add", "acme/b"},
                                                           {"log", "acme/a", "9:00-10:00"},
                                                           {"log", "acme/a", "10:00-10:30"},
                                                           {"start", "acme/b", "--at", "11:00"},
                                                           {"stop", "--at", "11:45"},
                                                           {"entry", "edit", "1", "--end", "9:30"},
                                                           {"entry", "move", "2", "acme/b"},
                                                           {"entry", "rm", "3"}}) {
        auto r = ws.run(args);
        INFO(args[0] << " " << args[1] << ": " << r.err);
        REQUIRE(r.code == 0);
    }
    auto totals = [&] {
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(raw, "SELECT group_concat(mission_id || ':' || entries || ':' || logged_seconds, ' ') "
                                 "FROM (SELECT * FROM mission_totals ORDER BY mission_id)");
        q.executeStep();
        return q.getColumn(0).getString();
    };
    CHECK(totals() == "1:1:1800 2:1:1800");
    CHECK(ws.run({"db", "check"}).out == "ok\n");
    {
        SQLite::Database raw(ws.db_path().string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE mission_totals SET logged_seconds = 1 WHERE mission_id = 2");
    }
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 1);
    CHECK(r.out == "totals: mission acme/b has stale totals (entries or logged seconds)\n");
}

TEST_CASE("cli/db backup refuses the database itself, non-files and an empty name") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    std::string before = slash::testing::read_file(ws.db_path());
    auto r = ws.run({"db", "backup", "--force", ws.db_path().string()});
    CHECK(r.code == 4);
    CHECK(r.err == "slash: error: \"" + ws.db_path().string() +
                       "\" is the database itself; write the backup to another file\n");
    CHECK(slash::testing::read_file(ws.db_path()) == before);
    fs::create_directory(ws.dir() / "folder");
    r = ws.run({"db", "backup", "--force", (ws.dir() / "folder").string()});
    CHECK(r.code == 4);
    CHECK(r.err.find("is not a regular file") != std::string::npos);
    CHECK(fs::is_directory(ws.dir() / "folder"));
    r = ws.run({"db", "backup", ""});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: empty backup file name: give the path of the copy to write\n");
}
