// slash-einvoicing(1) end to end, in-process, against the mock platform of
// tests/support/mock_platform (127.0.0.1, an ephemeral port): every case of issue 20.

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "einvoicing/openapi_check.hpp"
#include "support/commands.hpp"
#include "support/mock_platform.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace {

namespace fs = std::filesystem;
using slash::testing::MockPlatform;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::Workspace;

const fs::path kKit = fs::path(slash::testing::source_dir()) / "tests/einvoicing/kit";
constexpr const char* kToken = "tok-5ecret-9f3a";

std::size_t count_of(const std::vector<std::string>& list, const std::string& item) {
    return static_cast<std::size_t>(std::count(list.begin(), list.end(), item));
}

// A seller, client acme (a French business) and invoice 2026-0001 for 2 hours of October,
// with the platform configured (CII by default: quicker than the PDF).
struct Book {
    Workspace ws;
    MockPlatform platform{kKit, kToken};

    explicit Book(bool vat = false) {
        platform.start();
        slash::testing::init_seller(ws);
        if (vat) {
            ok(ws, {"config", "set", "tax.regime", "standard"});
            ok(ws, {"config", "set", "seller.vat_id", "FR11123456782"});
        }
        ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris",
                "--siren", "552100554", "--hourly", "65"});
        ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
        run_ok(ws, {"log", "acme/web", "2h", "--on", "2026-10-05"});
        run_ok(ws, {"invoice", "new", "acme"});
        REQUIRE(run_ok(ws, {"invoice", "issue", "1", "--date", "2026-11-02"}) == "2026-0001\n");
        ok(ws, {"config", "set", "einvoicing.platform_url", platform.flow_url()});
        ok(ws, {"config", "set", "einvoicing.directory_url", platform.directory_url()});
        ok(ws, {"config", "set", "einvoicing.send_format", "cii"});
        ok(ws, {"config", "set", "einvoicing.timeout", "2"});
        ws.env.variables["SLASH_EINVOICING_TOKEN"] = kToken;
    }

    slash::testing::Result run(const std::vector<std::string>& args) { return ws.run(args); }
};

void no_token_anywhere(Book& b) {
    CHECK(b.ws.dump().find(kToken) == std::string::npos);
}

}  // namespace

TEST_CASE("cli/einvoicing: send, Déposée, Approuvée, pay, Encaissée sent") {
    Book b(true);
    b.platform.on_invoice({"200"});
    auto sent = b.run({"invoice", "send", "2026-0001"});
    REQUIRE_MESSAGE(sent.code == 0, sent.err);
    CHECK(sent.out == "flow-1\n");
    CHECK(sent.err == "slash: sent invoice 2026-0001 as 2026-0001.xml (CII): flow flow-1; slash einvoicing sync "
                      "fetches its statuses\n");
    auto received = b.platform.received();
    REQUIRE(received.size() == 1);
    CHECK(received[0].syntax == "CII");
    CHECK(received[0].processing_rule == "B2B");
    CHECK(received[0].name == "2026-0001.xml");
    CHECK(received[0].file == run_ok(b.ws, {"invoice", "show", "2026-0001", "--format", "cii"}));
    CHECK(b.platform.problems().empty());
    // Every flowInfo and search body, against the OpenAPI schemas.
    const std::string api = (kKit / "openapi/flow-service-1.1.0.openapi.json").string();
    CHECK(slash::testing::openapi_problems(api, "FlowInfo", received[0].flow_info_json).empty());

    auto synced = b.run({"einvoicing", "sync"});
    REQUIRE_MESSAGE(synced.code == 0, synced.err);
    CHECK(synced.out == "2026-0001\t2026-11-28T09:00:02+00:00\t200\tDéposée\tplatform\t\t\n");
    CHECK(synced.err == "slash: synced: 1 life-cycle message read, 1 new status, 0 status messages sent\n");
    b.platform.emit("2026-0001", "205");
    synced = b.run({"einvoicing", "sync"});
    CHECK(synced.out == "2026-0001\t2026-11-28T09:00:03+00:00\t205\tApprouvée\tplatform\t\t\n");
    CHECK(run_ok(b.ws, {"invoice", "list", "--json"}).find(R"("einvoicing":"205 Approuvée")") != std::string::npos);

    auto paid = b.run({"invoice", "pay", "2026-0001", "--on", "2026-11-20"});
    REQUIRE_MESSAGE(paid.code == 0, paid.err);
    CHECK(paid.out == "1\n");
    CHECK(paid.err == "slash: sent the 212 Encaissée status to the platform: flow flow-4\n");
    received = b.platform.received();
    REQUIRE(received.size() == 2);
    CHECK(received[1].syntax == "CDAR");
    CHECK(received[1].processing_rule == "NotApplicable");
    CHECK(received[1].file.find("<ram:ProcessConditionCode>212</ram:ProcessConditionCode>") != std::string::npos);
    CHECK(received[1].file.find("<ram:ValueAmount currencyID=\"EUR\">156.00</ram:ValueAmount>") != std::string::npos);
    CHECK(received[1].file.find("<ram:ValuePercent>20.00</ram:ValuePercent>") != std::string::npos);
    CHECK(slash::testing::openapi_problems(api, "FlowInfo", received[1].flow_info_json).empty());
    for (const auto& body : b.platform.search_bodies()) {
        INFO(body);
        CHECK(slash::testing::openapi_problems(api, "SearchFlowParams", body).empty());
    }
    // The CDAR slash sent validates against the schema.
    if (slash::testing::have_program("xmllint")) {
        auto dir = slash::testing::make_temp_dir("slash-212");
        std::ofstream(dir / "212.xml", std::ios::binary) << received[1].file;
        auto check = slash::testing::run_process(
            {"xmllint", "--noout", "--schema",
             (kKit / "cdar-xsd/CrossDomainAcknowledgementAndResponse_100pD22B.xsd").string(), (dir / "212.xml").string()});
        CHECK_MESSAGE(check.code == 0, check.err);
        fs::remove_all(dir);
    }
    auto status = b.run({"invoice", "status", "2026-0001"});
    CHECK(status.code == 0);
    CHECK(status.out == "2026-0001\t2026-11-28T09:00:02+00:00\t200\tDéposée\tplatform\t\t\n"
                        "2026-0001\t2026-11-28T09:00:03+00:00\t205\tApprouvée\tplatform\t\t\n"
                        "2026-0001\t2026-11-28T10:00:00+00:00\t212\tEncaissée\tslash\t156.00 EUR\t\n");
    CHECK(run_ok(b.ws, {"invoice", "list", "--json"}).find(R"("einvoicing":"212 Encaissée")") != std::string::npos);
    auto json = run_ok(b.ws, {"invoice", "status", "2026-0001", "--json"});
    CHECK(json.find(R"({"invoice":"2026-0001","code":"212","status":"Encaissée","at":"2026-11-28T10:00:00+00:00",)"
                    R"("reason":null,"amount":{"amount":"156.00","currency":"EUR"},"by":"slash","flow":")") !=
          std::string::npos);
    CHECK(b.platform.problems().empty());
    no_token_anywhere(b);
}

TEST_CASE("cli/einvoicing: a rejected invoice says what to do") {
    Book b;
    b.platform.on_invoice({"200", "213"});
    REQUIRE(b.run({"invoice", "send", "2026-0001"}).code == 0);
    auto synced = b.run({"einvoicing", "sync"});
    CHECK(synced.code == 0);
    CHECK(synced.out.find("\t213\tRejetée\tplatform\t\tDOUBLON - Facture en doublon") != std::string::npos);
    CHECK(synced.err.find("slash: warning: invoice 2026-0001 is Rejetée: cancel it with a credit note (slash invoice "
                          "credit) and issue a new invoice\n") != std::string::npos);
    auto shown = run_ok(b.ws, {"invoice", "show", "2026-0001"});
    CHECK(shown.find("e-invoicing: 213 Rejetée") != std::string::npos);
}

TEST_CASE("cli/einvoicing: the platform's refusals end in one line naming its reason, and nothing is recorded") {
    Book b;
    struct Case {
        int status;
        const char* code;
        const char* message;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {401, "INVALID_TOKEN", "The access token is not valid",
         "sending invoice 2026-0001: the platform answered 401 INVALID_TOKEN: The access token is not valid; check the "
         "token ([einvoicing] token_file or SLASH_EINVOICING_TOKEN)"},
        {413, "FILE_SIZE_EXCEEDED", "Provided file is too big",
         "sending invoice 2026-0001: the platform answered 413 FILE_SIZE_EXCEEDED: Provided file is too big; the file "
         "is too large for the platform (send_format = \"cii\" sends the smaller XML)"},
        {422, "UNPROCESSABLE_ENTITY", "BR-FR-12: the buyer's electronic address is missing",
         "sending invoice 2026-0001: the platform answered 422 UNPROCESSABLE_ENTITY: BR-FR-12: the buyer's electronic "
         "address is missing"},
        {400, "MISSING_REQUIRED_FIELD", "Invalid request format",
         "sending invoice 2026-0001: the platform answered 400 MISSING_REQUIRED_FIELD: Invalid request format"},
        {403, "FORBIDDEN_ACCESS", "", "sending invoice 2026-0001: the platform answered 403 FORBIDDEN_ACCESS; this "
                                      "token may not do that: ask your platform for the rights"},
    };
    for (const auto& c : cases) {
        INFO(c.status);
        b.platform.fail_next("POST /v1/flows", c.status, c.code, c.message);
        slash::testing::expect_refusal(b.ws, {"invoice", "send", "2026-0001"}, 1, c.expected);
    }
    CHECK(b.platform.received().empty());
    // A wrong token: the real 401 of the mock, and the token in no message.
    b.ws.env.variables["SLASH_EINVOICING_TOKEN"] = "wrong-token";
    slash::testing::expect_refusal(b.ws, {"invoice", "send", "2026-0001"}, 1,
                                   "searching the platform's flows: the platform answered 401 INVALID_TOKEN: The "
                                   "access token is not valid; check the token ([einvoicing] token_file or "
                                   "SLASH_EINVOICING_TOKEN)");
}

TEST_CASE("cli/einvoicing: 429 then success is retried, and a platform always busy is given up within the bound") {
    Book b;
    b.platform.fail_next("POST /v1/flows", 429, "TOO_MANY_REQUESTS", "slow down", 1, "0");
    auto sent = b.run({"invoice", "send", "2026-0001"});
    REQUIRE_MESSAGE(sent.code == 0, sent.err);
    CHECK(sent.err.starts_with("slash: the platform is busy (429), retrying in 0 s (attempt 2 of 4)\n"));
    CHECK(count_of(b.platform.requests(), "POST /v1/flows") == 2);
    CHECK(b.platform.received().size() == 1);

    Book busy;
    busy.platform.fail_next("*", 503, "RESOURCE_ERROR", "maintenance", 10, "0");
    const std::string before = busy.ws.dump();
    auto given_up = busy.run({"invoice", "send", "2026-0001"});
    CHECK(given_up.code == 1);
    CHECK(given_up.out == "");
    CHECK(given_up.err == "slash: the platform is busy (503), retrying in 0 s (attempt 2 of 4)\n"
                          "slash: the platform is busy (503), retrying in 0 s (attempt 3 of 4)\n"
                          "slash: the platform is busy (503), retrying in 0 s (attempt 4 of 4)\n"
                          "slash: error: searching the platform's flows: the platform answered 503 RESOURCE_ERROR: "
                          "maintenance; the platform is busy, try again later\n");
    CHECK(busy.ws.dump() == before);
    CHECK(busy.platform.requests().size() == 4);
    // A Retry-After beyond the bound is not waited for.
    Book slow;
    slow.platform.fail_next("*", 429, "TOO_MANY_REQUESTS", "", 1, "3600");
    slash::testing::expect_refusal(slow.ws, {"invoice", "send", "2026-0001"}, 1,
                                   "searching the platform's flows: the platform answered 429 TOO_MANY_REQUESTS; "
                                   "the platform is busy, try again later");
    CHECK(slow.platform.requests().size() == 1);
}

TEST_CASE("cli/einvoicing: a platform that is down or silent: exit 1 with its URL, nothing recorded as sent") {
    Book b;
    std::string url;
    {
        MockPlatform gone(kKit, kToken);  // a port that was open and is closed again
        url = gone.flow_url();
    }
    ok(b.ws, {"config", "set", "einvoicing.platform_url", url});
    auto r = b.run({"invoice", "send", "2026-0001"});
    CHECK(r.code == 1);
    CHECK(r.out == "");
    CHECK(r.err.starts_with("slash: error: searching the platform's flows: cannot reach the platform at " + url +
                            "/v1/flows/search ("));
    CHECK(run_ok(b.ws, {"invoice", "list", "--json"}).find(R"("einvoicing":null)") != std::string::npos);

    Book silent;
    // Answered after 3 s, when slash gave up at 2 s; the next request is served after it.
    silent.platform.delay_next("POST /v1/flows", 3000);
    auto timed = silent.run({"invoice", "send", "2026-0001"});
    CHECK(timed.code == 1);
    CHECK(timed.err.starts_with("slash: error: sending invoice 2026-0001: no answer from the platform at " +
                                silent.platform.flow_url() + "/v1/flows within 2 s ("));
    auto status = silent.run({"invoice", "status", "2026-0001"});
    CHECK(status.code == 1);
    CHECK(status.err == "slash: error: invoice 2026-0001 was not sent through the platform; send it with slash "
                        "invoice send 2026-0001\n");
    // The platform took it before the time-out: the next send finds it by its tracking id.
    REQUIRE(silent.platform.received().size() == 1);
    auto again = silent.run({"invoice", "send", "2026-0001"});
    CHECK(again.code == 0);
    CHECK(again.out == "flow-1\n");
    CHECK(again.err == "slash: invoice 2026-0001 was already on the platform (flow flow-1, found by its tracking "
                       "id); recorded, nothing sent again\n");
    CHECK(silent.platform.received().size() == 1);
}

TEST_CASE("cli/einvoicing: a second send of the same invoice sends nothing") {
    Book b;
    REQUIRE(b.run({"invoice", "send", "2026-0001"}).code == 0);
    auto again = b.run({"invoice", "send", "2026-0001"});
    CHECK(again.code == 0);
    CHECK(again.out == "flow-1\n");
    CHECK(again.err == "slash: invoice 2026-0001 was already sent: flow flow-1 of 2026-11-28T09:00:01+00:00; "
                       "nothing sent again\n");
    CHECK(b.platform.received().size() == 1);
}

TEST_CASE("cli/einvoicing: sync twice stores each status once") {
    Book b;
    b.platform.on_invoice({"200", "202", "203"});
    REQUIRE(b.run({"invoice", "send", "2026-0001"}).code == 0);
    REQUIRE(b.run({"einvoicing", "sync"}).code == 0);
    auto second = b.run({"einvoicing", "sync"});
    CHECK(second.code == 0);
    CHECK(second.out == "");
    CHECK(second.err == "slash: synced: 0 life-cycle messages read, 0 new statuses, 0 status messages sent\n");
    // Even when the platform serves them all again (a cursor lost): stored once.
    {
        SQLite::Database db(b.ws.db_path().string(), SQLite::OPEN_READWRITE);
        CHECK(db.exec("DELETE FROM einvoicing_sync") == 1);
    }
    auto again = b.run({"einvoicing", "sync"});
    CHECK(again.out == "");
    CHECK(again.err == "slash: synced: 3 life-cycle messages read, 0 new statuses, 0 status messages sent\n");
    auto status = run_ok(b.ws, {"invoice", "status", "2026-0001", "-q"});
    CHECK(status == "200\n202\n203\n");
}

TEST_CASE("cli/einvoicing: the token file must be the user's alone, and the token is never stored or printed") {
    Book b;
    b.ws.env.variables.erase("SLASH_EINVOICING_TOKEN");
    const fs::path token = b.ws.dir() / "pa-token";
    std::ofstream(token) << kToken << "\n";
    ::chmod(token.c_str(), 0644);
    ok(b.ws, {"config", "set", "einvoicing.token_file", token.string()});
    slash::testing::expect_refusal(b.ws, {"einvoicing", "check"}, 5,
                                   "the token file \"" + token.string() + "\" is readable by others (mode 0644); "
                                   "chmod 600 \"" + token.string() + "\"");
    ::chmod(token.c_str(), 0600);
    auto check = b.run({"einvoicing", "check"});
    CHECK(check.code == 0);
    CHECK(check.out == "platform " + b.platform.flow_url() + ": up\ntoken: accepted\n");
    CHECK(check.out.find(kToken) == std::string::npos);
    no_token_anywhere(b);
    b.ws.env.variables["SLASH_EINVOICING_TOKEN"] = "other";
    auto refused = b.run({"einvoicing", "check"});
    CHECK(refused.code == 1);
    CHECK(refused.err == "slash: platform " + b.platform.flow_url() + ": up\nslash: error: token: refused (searching the "
                         "platform's flows: the platform answered 401 INVALID_TOKEN: The access token is not valid; "
                         "check the token ([einvoicing] token_file or SLASH_EINVOICING_TOKEN))\n");
}

TEST_CASE("cli/einvoicing: invoices that are not e-invoices are refused with the reason") {
    Book b;
    ok(b.ws, {"client", "add", "ann", "--name", "Ann Lee", "--kind", "individual", "--address", "2 rue Y",
              "--address", "75003 Paris", "--hourly", "50", "--email", "ann@example.org"});
    ok(b.ws, {"mission", "add", "ann/help"});
    run_ok(b.ws, {"log", "ann/help", "1h", "--on", "2026-10-06"});
    run_ok(b.ws, {"invoice", "new", "ann"});
    REQUIRE(run_ok(b.ws, {"invoice", "issue", "2", "--date", "2026-11-02"}) == "2026-0002\n");
    slash::testing::expect_refusal(b.ws, {"invoice", "send", "2026-0002"}, 1,
                                   "invoice 2026-0002 is to an individual: that sale is e-reported (B2C), not "
                                   "e-invoiced; slash does not e-report yet");
    run_ok(b.ws, {"log", "acme/web", "1h", "--on", "2026-10-07"});
    run_ok(b.ws, {"invoice", "new", "acme"});
    slash::testing::expect_refusal(b.ws, {"invoice", "send", "3"}, 1,
                                   "draft 3 is not issued yet: issue it first (slash invoice issue 3)");
    CHECK(b.platform.requests().empty());
}

TEST_CASE("cli/einvoicing: paid_status decides the 212: offline it is queued and sync sends it") {
    Book b;  // the VAT franchise: no VAT is due on payment
    REQUIRE(b.run({"invoice", "send", "2026-0001"}).code == 0);
    auto paid = b.run({"invoice", "pay", "2026-0001", "--amount", "50"});
    CHECK(paid.code == 0);
    CHECK(paid.err == "slash: no 212 Encaissée sent: no VAT is due on this payment (einvoicing.paid_status = auto)\n");
    ok(b.ws, {"config", "set", "einvoicing.paid_status", "always"});
    std::string url = b.platform.flow_url();
    {
        MockPlatform gone(kKit, kToken);
        ok(b.ws, {"config", "set", "einvoicing.platform_url", gone.flow_url()});
    }
    paid = b.run({"invoice", "pay", "2026-0001", "--amount", "30"});
    CHECK(paid.code == 0);
    CHECK(paid.out == "2\n");
    CHECK(paid.err.starts_with("slash: warning: the 212 Encaissée status is queued (searching the platform's flows: "
                               "cannot reach the platform at "));
    CHECK(b.platform.received().size() == 1);
    ok(b.ws, {"config", "set", "einvoicing.platform_url", url});
    auto synced = b.run({"einvoicing", "sync"});
    CHECK(synced.code == 0);
    CHECK(synced.err.find("1 status message sent") != std::string::npos);
    REQUIRE(b.platform.received().size() == 2);
    CHECK(b.platform.received()[1].file.find(">30.00</ram:ValueAmount>") != std::string::npos);
    ok(b.ws, {"config", "set", "einvoicing.paid_status", "never"});
    paid = b.run({"invoice", "pay", "2026-0001", "--amount", "20"});
    CHECK(paid.err == "");
    CHECK(b.platform.received().size() == 2);
}

TEST_CASE("cli/einvoicing: client lookup and client edit --lookup use the directory") {
    Book b;
    b.platform.add_company("552100554", "ACME SAS", {"552100554", "552100554_00012_FACT"});
    auto found = b.run({"client", "lookup", "552100554"});
    CHECK(found.code == 0);
    CHECK(found.out == "552100554\t\t\t\tWK\tEnabled\n552100554_00012_FACT\t\t\t\tWK\tEnabled\n");
    CHECK(found.err == "slash: 552100554 ACME SAS: 2 addresses\n");
    slash::testing::expect_refusal(b.ws, {"client", "lookup", "732829320"}, 3, "SIREN \"732829320\" is not in the directory");
    slash::testing::expect_refusal(b.ws, {"client", "lookup", "123456789"}, 2,
                                   "invalid SIREN \"123456789\": the check digit is wrong (Luhn); check the number on "
                                   "the client's invoices or on annuaire-entreprises.data.gouv.fr");
    auto edited = b.run({"client", "edit", "acme", "--lookup"});
    CHECK(edited.code == 0);
    CHECK(edited.out == "acme\n");
    CHECK(edited.err == "slash: electronic address of acme: 552100554 (from the directory)\n");
    b.ws.env.stdout_is_tty = true;
    b.ws.env.variables["NO_COLOR"] = "1";
    CHECK(run_ok(b.ws, {"client", "show", "acme"}).find("\nE-invoicing:    552100554\n") != std::string::npos);
}

TEST_CASE("cli/einvoicing: e-invoicing not set up is a config error naming the key") {
    Book b;
    b.ws.env.variables.erase("SLASH_EINVOICING_TOKEN");
    slash::testing::expect_refusal(b.ws, {"einvoicing", "sync"}, 5,
                                   "no e-invoicing token: set SLASH_EINVOICING_TOKEN, or put the token in a file "
                                   "(chmod 600) and set einvoicing.token_file");
    ok(b.ws, {"config", "set", "einvoicing.platform_url", ""});
    slash::testing::expect_refusal(b.ws, {"invoice", "send", "2026-0001"}, 5,
                                   "no e-invoicing platform: set einvoicing.platform_url to your platform's Flow "
                                   "Service URL (slash config set einvoicing.platform_url https://...)");
    auto refused = b.run({"config", "set", "einvoicing.platform_url", "http://pa.example/flow-service"});
    CHECK(refused.code == 2);
    CHECK(refused.err == "slash: error: einvoicing.platform_url must be an https:// URL (http:// only to 127.0.0.1 "
                         "or localhost), or \"\", got \"http://pa.example/flow-service\"\n");
    CHECK(b.platform.requests().empty());
}

TEST_CASE("cli/einvoicing: requests go through the environment's proxy, except for NO_PROXY hosts") {
    Book b;
    std::string dead;
    {
        MockPlatform gone(kKit, kToken);
        dead = "http://127.0.0.1:" + std::to_string(gone.port());
    }
    b.ws.env.variables["http_proxy"] = dead;
    auto through = b.run({"einvoicing", "check"});
    CHECK(through.code == 1);
    CHECK(through.err.find("cannot reach the platform at " + b.platform.flow_url() + "/v1/healthcheck") !=
          std::string::npos);
    CHECK(b.platform.requests().empty());
    b.ws.env.variables["NO_PROXY"] = "127.0.0.1";
    auto direct = b.run({"einvoicing", "check"});
    CHECK(direct.code == 0);
    CHECK(b.platform.requests().size() == 2);
}
