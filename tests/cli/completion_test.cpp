#include <doctest/doctest.h>

#include <fstream>

#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::testing::Workspace;

TEST_CASE("cli/completion protocol: verbs, flags once each, handles, archived, directives") {
    Workspace ws;
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME SAS"}).code == 0);
    REQUIRE(ws.run({"client", "add", "acme-labs", "--name", "Labs"}).code == 0);
    REQUIRE(ws.run({"client", "add", "old", "--name", "Old"}).code == 0);
    REQUIRE(ws.run({"client", "archive", "old"}).code == 0);

    CHECK(ws.run({"__complete", "cl"}).out == "client\tManage clients: who pays\n:4\n");
    CHECK(ws.run({"__complete", "client", "show", "a"}).out == "acme\tACME SAS\nacme-labs\tLabs\n:4\n");
    CHECK(ws.run({"__complete", "client", "unarchive", ""}).out == "old\tOld\n:4\n");
    CHECK(ws.run({"__complete", "client", "show", "acme", ""}).out == ":4\n");
    CHECK(ws.run({"__complete", "client", "add", "--lang"}).out == "--language\tInvoice language: fr or en\n:4\n");
    CHECK(ws.run({"__complete", "client", "add", "--language", ""}).out == "fr\tFrench\nen\tEnglish\n:4\n");
    CHECK(ws.run({"__complete", "client", "add", "--language=e"}).out == "--language=en\tEnglish\n:4\n");
    CHECK(ws.run({"__complete", "--db", ""}).out == ":0\n");
    CHECK(ws.run({"__complete", "db", "backup", ""}).out == ":0\n");
    CHECK(ws.run({"__complete", "bogus", ""}).out == ":4\n");
    CHECK(ws.run({"__complete", "completion", ""}).out == "bash\nzsh\nfish\n:4\n");
    CHECK(ws.run({"__complete", "config", "get", "seller.si"}).out == "seller.siren\nseller.siret\n:4\n");
    auto flags = ws.run({"__complete", "client", "add", "--"}).out;
    CHECK(flags.find("--help\t") == flags.rfind("--help\t"));
    CHECK(flags.find("--db\tDatabase file (env SLASH_DB)\n") != std::string::npos);
}

TEST_CASE("cli/completion reads the database named among the words, and never creates one") {
    Workspace ws;
    fs::path other = ws.dir() / "other.db";
    REQUIRE(ws.run({"--db", other.string(), "client", "add", "zeta", "--name", "Zeta"}).code == 0);
    CHECK(ws.run({"__complete", "--db", other.string(), "client", "show", ""}).out == "zeta\tZeta\n:4\n");
    CHECK(ws.run({"__complete", "--db=" + other.string(), "client", "show", ""}).out == "zeta\tZeta\n:4\n");
    CHECK(ws.run({"__complete", "client", "show", ""}).out == ":4\n");
    CHECK_FALSE(fs::exists(ws.db_path()));
    CHECK_FALSE(fs::exists(ws.dir() / "other.db-wal"));
}

TEST_CASE("cli/completion stays silent on a broken config or database") {
    Workspace ws;
    std::ofstream(ws.config_path()) << "[broken\n";
    std::ofstream(ws.db_path()) << "not a database";
    auto r = ws.run({"__complete", "client", "show", ""});
    CHECK(r.code == 0);
    CHECK(r.out == ":4\n");
    CHECK(r.err == "");
    CHECK(slash::testing::read_file(ws.db_path()) == "not a database");
}

TEST_CASE("cli/completion time commands: missions, entry ids, --mission and --client values") {
    Workspace ws;
    ws.env.variables["SLASH_NOW"] = "2026-11-27T18:00:00Z";
    for (auto args : std::vector<std::vector<std::string>>{{"client", "add", "acme", "--name", "ACME", "--hourly", "65"},
                                                           {"mission", "add", "acme/website", "--title", "Site"},
                                                           {"mission", "add", "acme/old", "--title", "Old"},
                                                           {"mission", "done", "acme/old"},
                                                           {"log", "acme/website", "9:00-10:00", "kickoff"},
                                                           {"log", "acme/website", "10:00-11:00"}}) {
        REQUIRE(ws.run(args).code == 0);
    }
    CHECK(ws.run({"__complete", "start", "acme/"}).out == "acme/website\tSite\n:4\n");
    CHECK(ws.run({"__complete", "log", ""}).out == "acme/website\tSite\n:4\n");
    CHECK(ws.run({"__complete", "log", "acme/website", ""}).out == ":4\n");
    CHECK(ws.run({"__complete", "entry", "show", ""}).out ==
          "2\t2026-11-27 10:00 acme/website\n1\t2026-11-27 09:00 acme/website kickoff\n:4\n");
    CHECK(ws.run({"__complete", "entry", "rm", "2", ""}).out ==
          "2\t2026-11-27 10:00 acme/website\n1\t2026-11-27 09:00 acme/website kickoff\n:4\n");
    CHECK(ws.run({"__complete", "entry", "move", "2", "acme/"}).out == "acme/website\tSite\n:4\n");
    CHECK(ws.run({"__complete", "entry", "list", "--mission", ""}).out == "acme/website\tSite\n:4\n");
    CHECK(ws.run({"__complete", "entry", "list", "--client", ""}).out == "acme\tACME\n:4\n");
}
