#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::have_program;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::run_ok;
using slash::testing::run_process;
using slash::testing::Workspace;

// Countries on invoice addresses (docs/contract.md §5): the country's name in the document's
// language on both parties when they are in different countries, from iso-codes. Drafts
// render the live identities, which is enough here: issuing freezes the same ones.

namespace {

// A client in `country` writing in `language`, with a draft of 1 h of October work: its id.
std::string draft_for(Workspace& ws, const std::string& handle, const std::string& country,
                      const std::string& language, std::vector<std::string> address) {
    static int day = 0;  // one day per client: entries never overlap
    day = day % 28 + 1;
    std::vector<std::string> args{"client", "add", handle, "--name", "Client " + handle, "--country", country,
                                  "--language", language, "--hourly", "65", "--email", "ap@" + handle + ".example"};
    for (const auto& line : address) {
        args.push_back("--address");
        args.push_back(line);
    }
    ok(ws, args);
    ok(ws, {"mission", "add", handle + "/work"});
    run_ok(ws, {"log", handle + "/work", "9:00-10:00", "--on", "2026-10-" + std::string(day < 10 ? "0" : "") + std::to_string(day)});
    auto id = run_ok(ws, {"invoice", "new", handle});
    return id.substr(0, id.size() - 1);
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("cli/invoice countries: named in the document's language when the parties' countries differ") {
    Workspace ws;
    init_seller(ws);
    auto be = draft_for(ws, "be", "BE", "fr", {"Rue Neuve 1", "1000 Bruxelles"});
    auto gb_en = draft_for(ws, "gb", "GB", "en", {"1 Fleet St", "London EC4Y 1AA"});
    auto gb_fr = draft_for(ws, "gbfr", "GB", "fr", {"2 Fleet St", "London EC4Y 1AB"});
    auto us_en = draft_for(ws, "us", "US", "en", {"1 Market St", "San Francisco CA 94105"});
    auto us_fr = draft_for(ws, "usfr", "US", "fr", {"2 Market St", "San Francisco CA 94105"});
    auto be_en = draft_for(ws, "been", "BE", "en", {"Rue Neuve 2", "1000 Bruxelles"});
    auto fr = draft_for(ws, "acme", "FR", "fr", {"1 rue X", "75002 Paris"});

    auto text = [&](const std::string& id) { return ok(ws, {"invoice", "show", id}); };
    // The buyer's country, and the seller's, in text.
    CHECK(has(text(be), "Rue Neuve 1\n1000 Bruxelles\nBelgique\n"));
    CHECK(has(text(be), "75011 Paris\nFrance\n"));
    CHECK(has(text(be_en), "1000 Bruxelles\nBelgium\n"));
    CHECK(has(text(gb_en), "London EC4Y 1AA\nUnited Kingdom\n"));
    CHECK(has(text(gb_en), "75011 Paris\nFrance\n"));
    CHECK(has(text(gb_fr), "London EC4Y 1AB\nRoyaume-Uni\n"));
    CHECK(has(text(us_en), "San Francisco CA 94105\nUnited States\n"));
    CHECK(has(text(us_fr), "San Francisco CA 94105\nÉtats-Unis\n"));
    // Both in France: no country at all.
    CHECK(has(text(fr), "75011 Paris\n"));
    CHECK(!has(text(fr), "France\n"));

    // In Markdown and HTML too.
    CHECK(has(ok(ws, {"invoice", "show", be, "--format", "md"}), "Belgique"));
    auto html = ok(ws, {"invoice", "show", gb_fr, "--format", "html"});
    CHECK(has(html, ">Royaume-Uni</div>"));
    CHECK(has(html, ">France</div>"));
    CHECK(!has(ok(ws, {"invoice", "show", fr, "--format", "html"}), ">France</div>"));
    html = ok(ws, {"invoice", "show", us_en, "--format", "html"});
    CHECK(has(html, ">United States</div>"));

    // And in the PDF, as pdftotext reads it.
    if (!have_program("pdftotext")) {
        MESSAGE("skipped: pdftotext (Debian poppler-utils) is not installed");
        return;
    }
    auto pdf = (ws.dir() / "us.pdf").string();
    auto made = ws.run({"invoice", "show", us_fr, "--format", "pdf", "-o", pdf});
    if (made.code == 1 && has(made.err, "without PDF support")) {
        MESSAGE("skipped: this slash was built without PDF support");
        return;
    }
    REQUIRE(made.code == 0);
    auto extracted = run_process({"pdftotext", "-enc", "UTF-8", pdf, "-"});
    REQUIRE(extracted.code == 0);
    CHECK(has(extracted.out, "États-Unis"));
    CHECK(has(extracted.out, "France"));
}
