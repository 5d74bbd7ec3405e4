#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

namespace fs = std::filesystem;

// What slash reads from its surroundings before any command (issue 14): the config file
// by every command that touches data, the TZ forms of the C library, and the XDG rule
// that a relative base directory is ignored.

TEST_CASE("cli/environment: a broken config file is refused by every command that touches data") {
    Workspace ws;
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    std::ofstream(ws.config_path(), std::ios::binary) << "[seller\nname = 1\n";
    auto reference = ws.run({"config", "get", "seller.name"});
    REQUIRE(reference.code == 5);
    REQUIRE(reference.err.rfind("slash: error: " + ws.config_path().string() + ":1:", 0) == 0);
    // NO_COLOR and --json: nothing about the output needs the file, the command reads it anyway.
    ws.env.variables["NO_COLOR"] = "1";
    const auto before = ws.dump();
    const std::vector<std::vector<std::string>> commands{{"client", "list", "--json"},
                                                         {"entry", "list", "-q"},
                                                         {"db", "check"},
                                                         {"export"},
                                                         {"client", "add", "beta", "--name", "Beta"}};
    for (const auto& args : commands) {
        INFO(slash::testing::joined(args));
        auto r = ws.run(args);
        CHECK(r.code == 5);
        CHECK(r.err == reference.err);
        CHECK(r.out == "");
        CHECK(ws.dump() == before);
    }
    // What works without it, as slash-config(5) lists: help, version, completion, config
    // path, and config set, which repairs the file.
    CHECK(ws.run({"--version"}).code == 0);
    CHECK(ws.run({"client", "list", "--help"}).code == 0);
    CHECK(ws.run({"completion", "bash"}).code == 0);
    CHECK(ws.run({"__complete", "client", ""}).code == 0);
    CHECK(ok(ws, {"config", "path"}) == ws.config_path().string() + "\n");
}

TEST_CASE("cli/environment: a relative XDG_DATA_HOME or XDG_CONFIG_HOME is ignored") {
    Workspace ws;
    ws.env.variables.erase("SLASH_DB");
    ws.env.variables.erase("SLASH_CONFIG");
    const std::string home = ws.env.variables["HOME"];
    ws.env.variables["XDG_DATA_HOME"] = "reldata";
    ws.env.variables["XDG_CONFIG_HOME"] = "relconfig";
    CHECK(ok(ws, {"db", "path"}) == home + "/.local/share/slash/slash.db\n");
    CHECK(ok(ws, {"config", "path"}) == home + "/.config/slash/config.toml\n");
    // The real binary, run from a directory of its own: nothing appears there.
    fs::create_directory(ws.dir() / "cwd");
    auto r = ws.shell("cd \"" + (ws.dir() / "cwd").string() + "\" && \"$SLASH\" client list");
    CHECK(r.code == 0);
    CHECK(r.err == "");
    CHECK(fs::is_empty(ws.dir() / "cwd"));
    CHECK(fs::exists(fs::path(home) / ".local/share/slash/slash.db"));
}

TEST_CASE("cli/environment: TZ as a POSIX rule string and as :Area/City") {
    Workspace ws;
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    ws.env.variables["TZ"] = "CET-1CEST,M3.5.0,M10.5.0/3";
    run_ok(ws, {"log", "acme/web", "9:00-10:00", "--on", "2026-07-01"});
    run_ok(ws, {"log", "acme/web", "9:00-10:00", "--on", "2026-11-02"});
    const std::string by_rule = ok(ws, {"entry", "list", "2026", "--csv"});
    CHECK(by_rule.find("2026-07-01T09:00:00+02:00") != std::string::npos);
    CHECK(by_rule.find("2026-11-02T09:00:00+01:00") != std::string::npos);
    ws.env.variables["TZ"] = ":Europe/Paris";
    CHECK(ok(ws, {"entry", "list", "2026", "--csv"}) == by_rule);
    ws.env.variables["TZ"] = "CET-1CEST";
    auto r = ws.run({"entry", "list"});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "slash: error: unknown time zone \"CET-1CEST\" in TZ; use a name such as Europe/Paris, or a POSIX rule "
          "such as CET-1CEST,M3.5.0,M10.5.0/3\n");
}
