#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <fstream>

#include "support/process.hpp"
#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::testing::Workspace;

TEST_CASE("cli/app --version and --help print to stdout and exit 0") {
    Workspace ws;
    auto r = ws.run({"--version"});
    CHECK(r.code == 0);
    CHECK(r.out == "slash 0.1.0\n");
    CHECK(r.err == "");
    r = ws.run({"--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find("Usage: slash") != std::string::npos);
    CHECK(r.out.find("client") != std::string::npos);
    r = ws.run({"client", "add", "--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find("--siren") != std::string::npos);
    CHECK_FALSE(fs::exists(ws.db_path()));
}

TEST_CASE("cli/app a noun without a verb shows its help") {
    Workspace ws;
    auto r = ws.run({"client"});
    CHECK(r.code == 0);
    CHECK(r.out.find("archive") != std::string::npos);
    CHECK(r.err == "");
}

TEST_CASE("cli/app unknown commands and flags: exit 2 with a did-you-mean hint") {
    Workspace ws;
    auto r = ws.run({"clinet", "list"});
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "slash: error: unknown command \"clinet\" for \"slash\" (did you mean \"client\"?)\n");
    r = ws.run({"client", "lst"});
    CHECK(r.err == "slash: error: unknown command \"lst\" for \"slash client\" (did you mean \"list\"?)\n");
    r = ws.run({"client", "list", "--jsn"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: unknown flag \"--jsn\" for \"slash client list\" (did you mean \"--json\"?)\n");
    r = ws.run({"xyzzy"});
    CHECK(r.err == "slash: error: unknown command \"xyzzy\" for \"slash\"; see \"slash --help\"\n");
    r = ws.run({"client", "add"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: handle is required; see \"slash client add --help\"\n");
    CHECK_FALSE(fs::exists(ws.db_path()));
    r = ws.run({"client", "add", "x", "--name", "X", "--terms", "soon"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: invalid --terms \"soon\": use a number of days from 0 to 365\n");
}

TEST_CASE("cli/app the real binary maps parse errors to 2, not CLI11's own codes") {
    auto r = slash::testing::run_process({slash::testing::slash_binary(), "--no-such-flag"});
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "slash: error: unknown flag \"--no-such-flag\" for \"slash\"; see \"slash --help\"\n");
    r = slash::testing::run_process({slash::testing::slash_binary(), "--version"});
    CHECK(r.code == 0);
    CHECK(r.out == "slash 0.1.0\n");
}

TEST_CASE("cli/app path precedence: flag > environment > XDG > HOME") {
    Workspace ws;
    ws.env.variables.erase("SLASH_DB");
    ws.env.variables.erase("SLASH_CONFIG");
    std::string home = ws.env.variables["HOME"];
    CHECK(ws.run({"db", "path"}).out == home + "/.local/share/slash/slash.db\n");
    CHECK(ws.run({"config", "path"}).out == home + "/.config/slash/config.toml\n");
    ws.env.variables["XDG_DATA_HOME"] = "/xdg/data";
    ws.env.variables["XDG_CONFIG_HOME"] = "/xdg/config";
    CHECK(ws.run({"db", "path"}).out == "/xdg/data/slash/slash.db\n");
    CHECK(ws.run({"config", "path"}).out == "/xdg/config/slash/config.toml\n");
    ws.env.variables["SLASH_DB"] = "/env/s.db";
    ws.env.variables["SLASH_CONFIG"] = "/env/c.toml";
    CHECK(ws.run({"db", "path"}).out == "/env/s.db\n");
    CHECK(ws.run({"config", "path"}).out == "/env/c.toml\n");
    CHECK(ws.run({"db", "path", "--db", "/flag/s.db"}).out == "/flag/s.db\n");
    CHECK(ws.run({"--config", "/flag/c.toml", "config", "path"}).out == "/flag/c.toml\n");
}

TEST_CASE("cli/app the default data directory is created 0700 on first use") {
    Workspace ws;
    ws.env.variables.erase("SLASH_DB");
    ws.env.variables["XDG_DATA_HOME"] = (ws.dir() / "data").string();
    REQUIRE(ws.run({"client", "list"}).code == 0);
    CHECK(fs::status(ws.dir() / "data" / "slash").permissions() == fs::perms::owner_all);
    CHECK(fs::exists(ws.dir() / "data" / "slash" / "slash.db"));
}

TEST_CASE("cli/app storage refusals: exit 6, one line, file untouched") {
    Workspace ws;
    SUBCASE("a database path in a missing directory") {
        ws.env.variables["SLASH_DB"] = (ws.dir() / "nope" / "s.db").string();
        auto r = ws.run({"client", "list"});
        CHECK(r.code == 6);
        CHECK(r.err == "slash: error: cannot create database \"" + (ws.dir() / "nope" / "s.db").string() +
                           "\": directory \"" + (ws.dir() / "nope").string() + "\" does not exist (create it first)\n");
    }
    SUBCASE("a database path under a file (an unwritable directory, even for root)") {
        std::ofstream(ws.dir() / "file") << "x";
        ws.env.variables["SLASH_DB"] = (ws.dir() / "file" / "s.db").string();
        auto r = ws.run({"client", "add", "acme", "--name", "A"});
        CHECK(r.code == 6);
        CHECK(r.err.find("is not a directory") != std::string::npos);
    }
    SUBCASE("a file that is not a SQLite database") {
        std::ofstream(ws.db_path()) << "hello, this is text\n";
        auto r = ws.run({"client", "list"});
        CHECK(r.code == 6);
        CHECK(r.err == "slash: error: \"" + ws.db_path().string() +
                           "\" is not a slash database (not a SQLite file); choose another --db path\n");
        CHECK(slash::testing::read_file(ws.db_path()) == "hello, this is text\n");
    }
    SUBCASE("a database from a newer version") {
        REQUIRE(ws.run({"client", "list"}).code == 0);
        { SQLite::Database(ws.db_path().string(), SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 42"); }
        std::string before = slash::testing::read_file(ws.db_path());
        auto r = ws.run({"client", "add", "acme", "--name", "A"});
        CHECK(r.code == 6);
        CHECK(r.err.find("has schema version 42, newer than this slash understands") != std::string::npos);
        CHECK(slash::testing::read_file(ws.db_path()) == before);
    }
}

TEST_CASE("cli/app an invalid SLASH_NOW is a usage error") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "yesterday-ish";
    auto r = ws.run({"client", "add", "acme", "--name", "A"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "slash: error: invalid SLASH_NOW \"yesterday-ish\": use ISO 8601, e.g. 2026-11-28T10:00:00+01:00 or "
          "2026-11-28T10:00 (local time)\n");
    ws.env.variables["TZ"] = "Europe/Paris";
    ws.env.variables["SLASH_NOW"] = "2026-11-28T10:00";
    REQUIRE(ws.run({"client", "add", "acme", "--name", "A"}).code == 0);
    CHECK(ws.run({"client", "show", "acme", "--template", "{created_at}"}).out == "2026-11-28T10:00:00+01:00\n");
}

TEST_CASE("cli/app an explicitly empty --db, --config or --template is a usage error") {
    Workspace ws;
    auto r = ws.run({"client", "list", "--db", ""});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: empty --db: give a file path, or leave the flag out\n");
    r = ws.run({"--config", "", "config", "path"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: empty --config: give a file path, or leave the flag out\n");
    r = ws.run({"client", "list", "--template", ""});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: empty --template: give fields such as '{id}\\t{mission}'\n");
    CHECK(ws.run({"__complete", "--db", "", "client", "show", ""}).out == ":4\n");
}

TEST_CASE("cli/app TZ names a zone of the system's zoneinfo, or of TZDIR's when set") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "2026-07-01T10:00";
    ws.env.variables["TZ"] = "Mars/Olympus_Mons";
    auto r = ws.run({"client", "add", "acme", "--name", "A"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: unknown time zone \"Mars/Olympus_Mons\" in TZ; use a name such as Europe/Paris, or a POSIX rule such as CET-1CEST,M3.5.0,M10.5.0/3\n");
    CHECK(ws.dump() == "<no database>");

    // The same name in another zoneinfo tree, as the C library reads TZDIR.
    auto dir = slash::testing::make_temp_dir("slash-tzdir");
    std::filesystem::create_directories(dir / "Mars");
    std::filesystem::copy_file("/usr/share/zoneinfo/America/Sao_Paulo", dir / "Mars/Olympus_Mons");
    ws.env.variables["TZDIR"] = dir.string();
    REQUIRE(ws.run({"client", "add", "acme", "--name", "A"}).code == 0);
    CHECK(ws.run({"client", "show", "acme", "--template", "{created_at}"}).out == "2026-07-01T10:00:00-03:00\n");
    std::filesystem::remove_all(dir);
}
