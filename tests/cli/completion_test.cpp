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
    CHECK(ws.run({"__complete", "des", ""}).out ==
          "lastmonth\tthe month before (the default)\nmonth\tthis month so far\n:4\n");
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

namespace {

// A seller and two billable French business clients, with October work for both and
// November work for acme: enough to draft, issue, pay and credit.
void invoice_fixture(Workspace& ws) {
    for (auto args : std::vector<std::vector<std::string>>{
             {"init", "--no-input", "--name", "Camille Martin", "--address", "12 rue des Lilas", "--address",
              "75011 Paris", "--siren", "123456782", "--email", "camille@example.org"},
             {"client", "add", "acme", "--name", "ACME SAS", "--siren", "552100554", "--address", "1 rue X",
              "--hourly", "65"},
             {"client", "add", "beta", "--name", "Beta SARL", "--siren", "552100554", "--address", "2 rue Y",
              "--hourly", "50"},
             {"mission", "add", "acme/website"},
             {"mission", "add", "beta/app"},
             {"log", "acme/website", "2h", "--on", "2026-10-05"},
             {"log", "beta/app", "1h", "--on", "2026-10-06"},
             {"log", "acme/website", "1h", "--on", "2026-11-02"}}) {
        REQUIRE(ws.run(args).code == 0);
    }
}

}  // namespace

TEST_CASE("cli/completion invoice refs: draft ids for draft verbs, numbers for the others") {
    Workspace ws;
    invoice_fixture(ws);
    CHECK(ws.run({"__complete", "invoice", "issue", ""}).out == ":4\n");
    REQUIRE(ws.run({"invoice", "new", "acme"}).out == "1\n");
    REQUIRE(ws.run({"invoice", "new", "beta"}).out == "2\n");
    REQUIRE(ws.run({"invoice", "issue", "1"}).out == "2026-0001\n");
    REQUIRE(ws.run({"invoice", "new", "acme", "2026-11"}).out == "3\n");

    const std::string drafts = "2\tdraft for beta, 50.00 EUR\n3\tdraft for acme, 65.00 EUR\n";
    for (const char* verb : {"issue", "rm"}) {
        CAPTURE(verb);
        CHECK(ws.run({"__complete", "invoice", verb, ""}).out == drafts + ":4\n");
    }
    CHECK(ws.run({"__complete", "invoice", "line", "add", ""}).out == drafts + ":4\n");
    CHECK(ws.run({"__complete", "invoice", "line", "rm", ""}).out == drafts + ":4\n");
    CHECK(ws.run({"__complete", "invoice", "line", "rm", "2", ""}).out == ":4\n");
    CHECK(ws.run({"__complete", "invoice", "issue", "3"}).out == "3\tdraft for acme, 65.00 EUR\n:4\n");

    // show: numbers in issue order, then the drafts.
    CHECK(ws.run({"__complete", "invoice", "show", ""}).out ==
          "2026-0001\tinvoice for acme, 2026-11-28, 130.00 EUR\n" + drafts + ":4\n");
    CHECK(ws.run({"__complete", "invoice", "pay", ""}).out ==
          "2026-0001\tinvoice for acme, 2026-11-28, 130.00 EUR\n:4\n");
    CHECK(ws.run({"__complete", "invoice", "credit", "2026"}).out ==
          "2026-0001\tinvoice for acme, 2026-11-28, 130.00 EUR\n:4\n");
    CHECK(ws.run({"__complete", "invoice", "show", "2026-0001", ""}).out == ":4\n");

    REQUIRE(ws.run({"invoice", "pay", "2026-0001", "--amount", "30"}).code == 0);
    CHECK(ws.run({"__complete", "invoice", "pay", ""}).out ==
          "2026-0001\tinvoice for acme, 2026-11-28, 130.00 EUR, 100.00 EUR due\n:4\n");
    CHECK(ws.run({"__complete", "payment", "list", "--invoice", ""}).out ==
          "2026-0001\tinvoice for acme, 2026-11-28, 130.00 EUR, 100.00 EUR due\n:4\n");
    CHECK(ws.run({"__complete", "payment", "rm", ""}).out == "1\t2026-11-28 acme 30.00 EUR 2026-0001\n:4\n");

    // A cancelled invoice can be neither paid nor credited again; a credit note never is.
    REQUIRE(ws.run({"invoice", "credit", "2026-0001"}).out == "AV2026-0001\n");
    CHECK(ws.run({"__complete", "invoice", "pay", ""}).out == ":4\n");
    CHECK(ws.run({"__complete", "invoice", "credit", ""}).out == ":4\n");
    CHECK(ws.run({"__complete", "invoice", "show", "A"}).out ==
          "AV2026-0001\tcredit note for acme, 2026-11-28, 130.00 EUR\n:4\n");
    // E-invoicing sends and follows every issued number, credit notes included.
    for (const char* verb : {"send", "status"}) {
        CAPTURE(verb);
        CHECK(ws.run({"__complete", "invoice", verb, ""}).out ==
              "2026-0001\tinvoice for acme, 2026-11-28, 130.00 EUR, cancelled\n"
              "AV2026-0001\tcredit note for acme, 2026-11-28, 130.00 EUR\n:4\n");
    }
    CHECK(ws.run({"__complete", "payment", "list", "--invoice=2"}).out ==
          "--invoice=2026-0001\tinvoice for acme, 2026-11-28, 130.00 EUR, cancelled\n:4\n");
}

TEST_CASE("cli/completion invoice and payment values: statuses, methods, formats, units, clients") {
    Workspace ws;
    invoice_fixture(ws);
    CHECK(ws.run({"__complete", "invoice", "list", "--status", ""}).out ==
          "draft\tnot issued yet\n"
          "issued\tissued, nothing paid, not due yet\n"
          "paid\tpaid in full\n"
          "partially_paid\tpartly paid, not due yet\n"
          "overdue\tpast its due date and not paid in full\n"
          "cancelled\tcancelled by a credit note\n:4\n");
    CHECK(ws.run({"__complete", "invoice", "list", "--status=p"}).out ==
          "--status=paid\tpaid in full\n--status=partially_paid\tpartly paid, not due yet\n:4\n");
    const std::string methods =
        "transfer\tbank transfer\ncard\tpayment card\ncash\tcash\ncheck\tcheque\n"
        "platform\tpayout from a platform\n:4\n";
    CHECK(ws.run({"__complete", "invoice", "pay", "2026-0001", "--method", ""}).out == methods);
    CHECK(ws.run({"__complete", "payment", "add", "--method", ""}).out == methods);
    CHECK(ws.run({"__complete", "invoice", "show", "1", "--format", ""}).out ==
          "text\tplain text document\nmd\tMarkdown document\njson\tone JSON object\n"
          "html\tself-contained printable HTML\ncii\tFactur-X CII XML (EN 16931)\n"
          "pdf\tFactur-X PDF/A-3 with the XML embedded\n:4\n");
    CHECK(ws.run({"__complete", "invoice", "line", "add", "1", "Train", "--unit", "d"}).out == "day\tdays (DAY)\n:4\n");
    const std::string clients = "acme\tACME SAS\nbeta\tBeta SARL\n:4\n";
    CHECK(ws.run({"__complete", "invoice", "new", ""}).out == clients);
    CHECK(ws.run({"__complete", "invoice", "new", "acme", ""}).out == ":4\n");
    CHECK(ws.run({"__complete", "invoice", "list", "--client", ""}).out == clients);
    CHECK(ws.run({"__complete", "payment", "add", "--client", ""}).out == clients);
    CHECK(ws.run({"__complete", "payment", "list", "--client", ""}).out == clients);
    // The same flag name elsewhere keeps its own values: a mission's status is not an
    // invoice's.
    CHECK(ws.run({"__complete", "mission", "add", "acme/x", "--status", ""}).out.find("overdue") == std::string::npos);
}

TEST_CASE("cli/completion report groupings and URSSAF activities") {
    Workspace ws;
    invoice_fixture(ws);
    CHECK(ws.run({"__complete", "report", "--by", ""}).out ==
          "client\tone group per client\nmission\tone group per mission\ntag\tone group per tag\n"
          "day\tone group per day\nweek\tone group per week\nmonth\tone group per month\n:4\n");
    CHECK(ws.run({"__complete", "report", "--by", "client", "--by", "m"}).out ==
          "mission\tone group per mission\nmonth\tone group per month\n:4\n");
    const std::string activities = "bnc\tliberal profession (BNC)\nbic-services\tcommercial or craft services (BIC)\n"
                                   "bic-sales\tsales of goods (BIC)\n";
    CHECK(ws.run({"__complete", "mission", "add", "acme/x", "--activity", ""}).out == activities + ":4\n");
    CHECK(ws.run({"__complete", "mission", "edit", "acme/website", "--activity", ""}).out ==
          activities + "default\tthe [urssaf] activity of the config\n:4\n");
    CHECK(ws.run({"__complete", "payment", "add", "--activity", "bic"}).out ==
          "bic-services\tcommercial or craft services (BIC)\nbic-sales\tsales of goods (BIC)\n:4\n");
}
