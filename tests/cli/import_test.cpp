#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

// `slash import` (issue 7) with slash's own CSV and JSONL: mapping to missions, --create,
// idempotence, refusals, dry runs, all or nothing. Now is 2026-11-28T10:00Z, TZ=UTC.
// The other formats' readers are tested in tests/interchange; the real Timewarrior and
// hledger in tests/cli/peer_tools_test.cpp.

namespace {

std::string write(Workspace& ws, const std::string& name, const std::string& content) {
    auto path = ws.dir() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
}

void two_clients(Workspace& ws) {
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    ok(ws, {"mission", "add", "acme/docs", "--unit", "0.12", "--unit-name", "word"});
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--daily", "450"});
    ok(ws, {"mission", "add", "beta/audit"});
}

const std::string kHeader = "uid,start,end,client,mission,units,billable,tags,note\n";

}  // namespace

TEST_CASE("import csv adds entries to existing missions and says what it did") {
    Workspace ws;
    two_clients(ws);
    auto file = write(ws, "in.csv",
                      kHeader +
                          "u1,2026-11-02T09:00:00Z,2026-11-02T11:30:00Z,acme,web,,true,dev;ops,Home page\n"
                          "u2,2026-11-03T09:00:00+01:00,2026-11-03T10:00:00+01:00,,acme/docs,2500,,,\"Translation, part 1\"\n"
                          "u3,2026-11-04T14:00:00Z,2026-11-04T15:00:00Z,beta,audit,,false,,\n");
    CHECK(ok(ws, {"import", "csv", file}) == "imported 3 entries (4h30m) from " + file + "\n");
    CHECK(run_ok(ws, {"export", "--format", "jsonl"}) ==
          "{\"uid\":\"u1\",\"start\":\"2026-11-02T09:00:00+00:00\",\"end\":\"2026-11-02T11:30:00+00:00\","
          "\"client\":\"acme\",\"mission\":\"web\",\"units\":null,\"billable\":true,\"tags\":[\"dev\",\"ops\"],"
          "\"note\":\"Home page\"}\n"
          "{\"uid\":\"u2\",\"start\":\"2026-11-03T08:00:00+00:00\",\"end\":\"2026-11-03T09:00:00+00:00\","
          "\"client\":\"acme\",\"mission\":\"docs\",\"units\":\"2500\",\"billable\":true,\"tags\":[],"
          "\"note\":\"Translation, part 1\"}\n"
          "{\"uid\":\"u3\",\"start\":\"2026-11-04T14:00:00+00:00\",\"end\":\"2026-11-04T15:00:00+00:00\","
          "\"client\":\"beta\",\"mission\":\"audit\",\"units\":null,\"billable\":false,\"tags\":[],\"note\":\"\"}\n");

    SUBCASE("the same file again adds nothing") {
        std::string before = ws.dump();
        CHECK(ok(ws, {"import", "csv", file}) ==
              "imported 0 entries (0m) from " + file + "; 3 entries already there\n");
        CHECK(ws.dump() == before);
    }
    SUBCASE("--json gives the counts") {
        auto more = write(ws, "more.csv", kHeader + "u4,2026-11-05T09:00:00Z,2026-11-05T09:45:00Z,acme,web,,,,\n");
        CHECK(ok(ws, {"import", "csv", more, "--json"}) ==
              "{\"read\":1,\"added\":1,\"seconds\":2700,\"duplicates\":0,\"refused\":0,\"created\":[],"
              "\"dry_run\":false,\"written\":true}\n");
    }
    SUBCASE("-q prints nothing") {
        auto more = write(ws, "more.csv", kHeader + "u4,2026-11-05T09:00:00Z,2026-11-05T09:45:00Z,acme,web,,,,\n");
        CHECK(ok(ws, {"import", "csv", more, "-q"}) == "");
        CHECK(run_ok(ws, {"entry", "list", "2026-11-05", "-q"}) == "4\n");
    }
}

TEST_CASE("import reads stdin with -") {
    Workspace ws;
    two_clients(ws);
    auto r = ws.run({"import", "jsonl", "-"},
                    "{\"uid\":\"j1\",\"start\":\"2026-11-02T09:00:00Z\",\"end\":\"2026-11-02T10:00:00Z\","
                    "\"client\":\"acme\",\"mission\":\"web\",\"units\":null,\"billable\":true,\"tags\":[],\"note\":\"\"}\n");
    CHECK(r.code == 0);
    CHECK(r.err == "");
    CHECK(r.out == "imported 1 entry (1h) from stdin\n");
}

TEST_CASE("import refuses unmapped names, listing them with counts, and writes nothing") {
    Workspace ws;
    two_clients(ws);
    auto file = write(ws, "in.csv",
                      kHeader +
                          "a,2026-11-02T09:00:00Z,2026-11-02T10:00:00Z,acme,web,,,,\n"
                          "b,2026-11-02T10:00:00Z,2026-11-02T11:00:00Z,gamma,site,,,,\n"
                          "c,2026-11-02T11:00:00Z,2026-11-02T12:00:00Z,gamma,site,,,,\n"
                          "d,2026-11-02T13:00:00Z,2026-11-02T14:00:00Z,,delta/app,,,,\n");
    expect_refusal(ws, {"import", "csv", file}, 2,
                   "2 names map to no mission: \"gamma/site\" (2 entries), \"delta/app\" (1 entry); map them with "
                   "--map NAME=CLIENT/MISSION, send everything to one with --mission CLIENT/MISSION, or pass --create "
                   "to create the clients and missions they name");

    SUBCASE("--map sends a name to a mission") {
        CHECK(ok(ws, {"import", "csv", file, "--map", "gamma/site=beta/audit", "--map", "delta/app=acme/web"}) ==
              "imported 4 entries (4h) from " + file + "\n");
        CHECK(run_ok(ws, {"entry", "list", "2026-11-02", "--template", "{mission}"}) ==
              "acme/web\nbeta/audit\nbeta/audit\nacme/web\n");
    }
    SUBCASE("--mission sends everything to one mission") {
        CHECK(ok(ws, {"import", "csv", file, "--mission", "beta/audit"}) ==
              "imported 4 entries (4h) from " + file + "\n");
        CHECK(run_ok(ws, {"entry", "list", "2026-11-02", "--template", "{mission}"}) ==
              "beta/audit\nbeta/audit\nbeta/audit\nbeta/audit\n");
    }
    SUBCASE("--create makes the clients and missions the file names") {
        CHECK(ok(ws, {"import", "csv", file, "--create"}) ==
              "imported 4 entries (4h) from " + file +
                  "; created client gamma, mission gamma/site, client delta, mission delta/app\n");
        CHECK(run_ok(ws, {"mission", "list", "--template", "{mission}\t{billing}"}) ==
              "acme/docs\tunit\nacme/web\thourly\nbeta/audit\tdaily\ndelta/app\tnone\ngamma/site\tnone\n");
    }
    SUBCASE("a --map to an unknown mission is refused before anything") {
        expect_refusal(ws, {"import", "csv", file, "--map", "gamma/site=beta/audti"}, 3,
                       "unknown mission \"beta/audti\" (did you mean \"beta/audit\"?)");
    }
    SUBCASE("a --map without '='") {
        expect_refusal(ws, {"import", "csv", file, "--map", "gamma"}, 2,
                       "invalid --map \"gamma\": use NAME=CLIENT/MISSION, e.g. --map \"Website=acme/website\"");
    }
}

TEST_CASE("--create names clients and missions after the source, as handles") {
    Workspace ws;
    auto file = write(ws, "in.csv",
                      "start,end,client,mission,note\n"
                      "2026-11-02T09:00:00Z,2026-11-02T10:00:00Z,acme,site-web,\n");
    CHECK(ok(ws, {"import", "csv", file, "--create"}) ==
          "imported 1 entry (1h) from " + file + "; created client acme, mission acme/site-web\n");
    CHECK(run_ok(ws, {"client", "show", "acme", "--template", "{name}"}) == "acme\n");
}

TEST_CASE("import refuses entries slash's rules refuse: all or nothing unless --skip-refused") {
    Workspace ws;
    two_clients(ws);
    ok(ws, {"log", "acme/web", "9:00-12:00", "--on", "2026-11-02"});
    auto file = write(ws, "in.csv",
                      kHeader +
                          "a,2026-11-02T11:00:00Z,2026-11-02T13:00:00Z,acme,web,,,,overlaps the logged entry\n"
                          "b,2026-11-03T09:00:00Z,2026-11-03T10:00:00Z,acme,web,,,,fine\n"
                          "c,2026-11-03T09:30:00Z,2026-11-03T10:30:00Z,beta,audit,,,,overlaps b\n"
                          "d,2026-11-04T08:00:00Z,2026-11-05T09:00:00Z,acme,web,,,,too long\n"
                          "e,2026-11-30T09:00:00Z,2026-11-30T10:00:00Z,acme,web,,,,future\n"
                          "f,2026-11-06T09:00:00Z,2026-11-06T10:00:00Z,acme,docs,,,,no units\n"
                          "g,2026-11-07T09:00:00Z,2026-11-07T10:00:00Z,acme,web,3,,,units on hourly\n");
    std::string before = ws.dump();
    auto r = ws.run({"import", "csv", file});
    CHECK(r.code == 1);
    CHECK(r.out == "");
    CHECK(r.err ==
          "slash: warning: refused " + file + " line 2: overlaps entry 1 (acme/web 2026-11-02 09:00-12:00)\n"
          "slash: warning: refused " + file + " line 4: overlaps acme/web 2026-11-03 09:00-10:00, earlier in this file\n"
          "slash: warning: refused " + file + " line 5: lasts 25h, more than 24 h; split it in the source\n"
          "slash: warning: refused " + file +
              " line 6: ends in the future (2026-11-30T10:00:00+00:00); pass --allow-future to import it anyway\n"
          "slash: warning: refused " + file + " line 7: mission acme/docs is billed per word: give the entry its units\n"
          "slash: warning: refused " + file + " line 8: has units but mission acme/web is not billed per unit\n"
          "slash: error: 6 of 7 entries refused, nothing imported; fix them in " + file +
          ", or pass --skip-refused to import the other 1\n");
    CHECK(ws.dump() == before);

    SUBCASE("--skip-refused imports the rest") {
        auto skipped = ws.run({"import", "csv", file, "--skip-refused"});
        CHECK(skipped.code == 0);
        CHECK(skipped.out == "imported 1 entry (1h) from " + file + "; 6 refused\n");
        CHECK(run_ok(ws, {"entry", "list", "2026-11-03", "--template", "{note}"}) == "fine\n");
    }
}

TEST_CASE("import --dry-run counts everything and writes nothing") {
    Workspace ws;
    auto file = write(ws, "in.csv",
                      "start,end,client,mission\n"
                      "2026-11-02T09:00:00Z,2026-11-02T10:00:00Z,acme,web\n"
                      "2026-11-02T10:00:00Z,2026-11-02T10:30:00Z,acme,web\n");
    ok(ws, {"client", "list"});  // the database exists, as it would after any command
    std::string before = ws.dump();
    CHECK(ok(ws, {"import", "csv", file, "--create", "--dry-run"}) ==
          "would import 2 entries (1h30m) from " + file +
              "; would create client acme, mission acme/web (dry run: nothing written)\n");
    CHECK(ws.dump() == before);
}

TEST_CASE("import refuses a uid twice in one file, naming the line") {
    Workspace ws;
    two_clients(ws);
    auto file = write(ws, "in.csv",
                      kHeader +
                          "x,2026-11-02T09:00:00Z,2026-11-02T10:00:00Z,acme,web,,,,\n"
                          "x,2026-11-03T09:00:00Z,2026-11-03T10:00:00Z,acme,web,,,,\n");
    expect_refusal(ws, {"import", "csv", file}, 2,
                   file + " line 3: uid \"x\" appears earlier in this file; each entry needs its own uid");
}

TEST_CASE("import refuses a uid twice in one file even when its first copy was refused") {
    Workspace ws;
    two_clients(ws);
    // The first copy ends in the future (refused), the second is fine: --skip-refused must
    // not let the second in as if the uid were new.
    auto file = write(ws, "in.csv",
                      kHeader +
                          "x,2026-11-28T09:00:00Z,2026-11-28T23:00:00Z,acme,web,,,,\n"
                          "y,2026-11-02T09:00:00Z,2026-11-02T10:00:00Z,acme,web,,,,\n"
                          "x,2026-11-03T09:00:00Z,2026-11-03T10:00:00Z,acme,web,,,,\n");
    expect_refusal(ws, {"import", "csv", file, "--skip-refused"}, 2,
                   file + " line 4: uid \"x\" appears earlier in this file; each entry needs its own uid");
    expect_refusal(ws, {"import", "csv", file}, 2,
                   file + " line 4: uid \"x\" appears earlier in this file; each entry needs its own uid");
}

TEST_CASE("import of a running entry starts the timer, once") {
    Workspace ws;
    two_clients(ws);
    auto file = write(ws, "in.csv", kHeader + "t,2026-11-28T09:00:00Z,,acme,web,,,,still going\n");
    CHECK(ok(ws, {"import", "csv", file}) == "imported 1 entry (1h) from " + file + "\n");
    CHECK(run_ok(ws, {"status", "--template", "{running.mission}"}) == "acme/web\n");

    auto second = write(ws, "second.csv", kHeader + "t2,2026-11-28T09:30:00Z,,beta,audit,,,,\n");
    auto r = ws.run({"import", "csv", second});
    CHECK(r.code == 1);
    CHECK(r.err == "slash: warning: refused " + second +
                       " line 2: still running, and a timer already runs; stop one of them first\n"
                       "slash: error: 1 of 1 entry refused, nothing imported; fix them in " + second +
                       ", or pass --skip-refused to import the other 0\n");
}

TEST_CASE("import refuses unknown formats, missing files and directories") {
    Workspace ws;
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    expect_refusal(ws, {"import", "harvest", "x.csv"}, 2,
                   "unknown import format \"harvest\": use timewarrior, watson, toggl, clockify, csv or jsonl");
    expect_refusal(ws, {"import", "csv", (ws.dir() / "nope.csv").string()}, 3,
                   "no file \"" + (ws.dir() / "nope.csv").string() + "\" to import");
    expect_refusal(ws, {"import", "csv", ws.dir().string()}, 2,
                   "\"" + ws.dir().string() + "\" is a directory: give the export file");
}

TEST_CASE("--create names up to eight creations, and counts more") {
    Workspace ws;
    std::string csv = "start,end,mission\n";
    for (int i = 0; i < 5; ++i) {
        csv += "2026-11-0" + std::to_string(i + 2) + "T09:00:00Z,2026-11-0" + std::to_string(i + 2) +
               "T10:00:00Z,client" + std::to_string(i) + "/work\n";
    }
    auto file = write(ws, "in.csv", csv);
    CHECK(ok(ws, {"import", "csv", file, "--create"}) ==
          "imported 5 entries (5h) from " + file + "; created 5 clients and 5 missions (see slash missions)\n");
    CHECK(run_ok(ws, {"missions", "-q"}) == "client0/work\nclient1/work\nclient2/work\nclient3/work\nclient4/work\n");
}

TEST_CASE("--map takes the project alone as well as client/project") {
    Workspace ws;
    two_clients(ws);
    auto file = write(ws, "in.csv",
                      "start,end,client,mission\n"
                      "2026-11-02T09:00:00Z,2026-11-02T10:00:00Z,Initech,TPS reports\n"
                      "2026-11-03T09:00:00Z,2026-11-03T10:00:00Z,Umbrella,TPS reports\n"
                      "2026-11-04T09:00:00Z,2026-11-04T10:00:00Z,Umbrella,Lab\n");
    CHECK(ok(ws, {"import", "csv", file, "--map", "TPS reports=acme/web", "--map", "Umbrella/Lab=beta/audit"}) ==
          "imported 3 entries (3h) from " + file + "\n");
    CHECK(run_ok(ws, {"entry", "list", "2026-11", "--template", "{mission}"}) == "acme/web\nacme/web\nbeta/audit\n");
}

TEST_CASE("import --allow-future accepts entries after now") {
    Workspace ws;
    two_clients(ws);
    auto file = write(ws, "in.csv", kHeader + "f,2026-12-01T09:00:00Z,2026-12-01T10:00:00Z,acme,web,,,,planned\n");
    CHECK(ws.run({"import", "csv", file}).code == 1);
    CHECK(ok(ws, {"import", "csv", file, "--allow-future"}) == "imported 1 entry (1h) from " + file + "\n");
}
