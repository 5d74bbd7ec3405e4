#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::have_program;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::read_file;
using slash::testing::run_ok;
using slash::testing::run_process;
using slash::testing::source_dir;
using slash::testing::Workspace;

// `invoice show --format html|cii|pdf [-o FILE]` and `invoice export`, end to end: from
// logged hours to the files a client receives. The documents themselves are tested in
// tests/render and tests/pdf; here, what the commands do with them.

namespace {

// An issued franchise invoice 2026-0001 for October's work, and a draft 2 for November.
void book(Workspace& ws) {
    init_seller(ws);
    ok(ws, {"config", "set", "seller.iban", "FR7630006000011234567890189"});
    ok(ws, {"config", "set", "seller.bic", "AGRIFRPP"});
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue de la Paix", "--address",
            "75002 Paris", "--siren", "552100554", "--email", "ap@acme.example", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
    run_ok(ws, {"log", "acme/web", "9:00-11:30", "--on", "2026-10-05"});
    run_ok(ws, {"log", "acme/web", "14:00-15:00", "--on", "2026-11-03"});
    REQUIRE(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "1\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
    REQUIRE(run_ok(ws, {"invoice", "new", "acme", "2026-11"}) == "2\n");
}

}  // namespace

TEST_CASE("cli/invoice documents: -o writes the file atomically and refuses to replace one") {
    Workspace ws;
    book(ws);
    auto path = (ws.dir() / "2026-0001.xml").string();
    CHECK(ok(ws, {"invoice", "show", "2026-0001", "--format", "cii", "-o", path}) == path + "\n");
    auto xml = read_file(path);
    CHECK(xml == ok(ws, {"invoice", "show", "2026-0001", "--format", "cii"}));
    CHECK(xml.find("<ram:ID>2026-0001</ram:ID>") != std::string::npos);
    CHECK(xml.find("<ram:TypeCode>380</ram:TypeCode>") != std::string::npos);
    expect_refusal(ws, {"invoice", "show", "2026-0001", "--format", "html", "-o", path}, 4,
                   "\"" + path + "\" already exists; use --force to replace it");
    CHECK(read_file(path) == xml);
    CHECK(ok(ws, {"invoice", "show", "2026-0001", "--format", "html", "-o", path, "--force"}) == path + "\n");
    CHECK(read_file(path).rfind("<!DOCTYPE html>", 0) == 0);
    auto missing = (ws.dir() / "no" / "such" / "x.pdf").string();
    expect_refusal(ws, {"invoice", "show", "2026-0001", "--format", "pdf", "-o", missing}, 2,
                   "cannot write \"" + missing + "\": directory \"" + (ws.dir() / "no" / "such").string() +
                       "\" does not exist; create it first");
    CHECK(!std::filesystem::exists(missing));
    expect_refusal(ws, {"invoice", "show", "2026-0001", "--format", "docx"}, 2,
                   "invalid --format \"docx\": use text, md, json, html, cii or pdf");
}

TEST_CASE("cli/invoice documents: a PDF never goes to a terminal, a draft renders marked as such") {
    Workspace ws;
    book(ws);
    ws.env.stdout_is_tty = true;
    expect_refusal(ws, {"invoice", "show", "2026-0001", "--format", "pdf"}, 2,
                   "a PDF is not for a terminal: write it with -o FILE, or redirect stdout");
    ws.env.stdout_is_tty = false;
    auto draft = ok(ws, {"invoice", "show", "2", "--format", "html"});
    CHECK(draft.find("BROUILLON") != std::string::npos);
    auto xml = ok(ws, {"invoice", "show", "2", "--format", "cii"});
    CHECK(xml.find("2026-0001") == std::string::npos);
}

TEST_CASE("cli/invoice documents: export writes every issued invoice of a period, all or nothing") {
    Workspace ws;
    book(ws);
    REQUIRE(run_ok(ws, {"invoice", "issue", "2"}) == "2026-0002\n");
    REQUIRE(run_ok(ws, {"invoice", "credit", "2026-0001", "--reason", "wrong rate"}) == "AV2026-0001\n");
    auto dir = ws.dir() / "out";
    std::filesystem::create_directory(dir);
    auto in = [&](const char* name) { return (dir / name).string(); };
    CHECK(ok(ws, {"invoice", "export", "--dir", dir.string(), "--format", "cii"}) ==
          in("2026-0001.xml") + "\n" + in("2026-0002.xml") + "\n" + in("AV2026-0001.xml") + "\n");
    CHECK(read_file(in("AV2026-0001.xml")).find("<ram:TypeCode>381</ram:TypeCode>") != std::string::npos);
    // A second export refuses before writing anything; --force replaces.
    std::filesystem::remove(in("2026-0002.xml"));
    expect_refusal(ws, {"invoice", "export", "--dir", dir.string(), "--format", "cii"}, 4,
                   "\"" + in("2026-0001.xml") + "\" already exists; use --force to replace it");
    CHECK(!std::filesystem::exists(in("2026-0002.xml")));
    CHECK(ok(ws, {"invoice", "export", "2026-11", "--dir", dir.string(), "--format", "html", "--force"}) ==
          in("2026-0001.html") + "\n" + in("2026-0002.html") + "\n" + in("AV2026-0001.html") + "\n");
    expect_refusal(ws, {"invoice", "export", "2026-10", "--dir", dir.string()}, 1,
                   "no invoice issued in \"2026-10\"");
    expect_refusal(ws, {"invoice", "export", "--dir", in("nope")}, 2,
                   "invalid --dir \"" + in("nope") + "\": no such directory; create it first");
    expect_refusal(ws, {"invoice", "export", "--dir", dir.string(), "--format", "md"}, 2,
                   "invalid --format \"md\": use pdf, cii or html");
}

TEST_CASE("cli/invoice documents: the PDF embeds the very CII of the invoice as factur-x.xml") {
    if (!have_program("pdfdetach") || !have_program("qpdf")) {
        MESSAGE("skipped: pdfdetach and qpdf (Debian poppler-utils, qpdf) are not installed");
        return;
    }
    Workspace ws;
    book(ws);
    auto pdf = (ws.dir() / "2026-0001.pdf").string();
    auto probe = ws.run({"invoice", "show", "2026-0001", "--format", "pdf", "-o", pdf});
    if (probe.code == 1 && probe.err.find("without PDF support") != std::string::npos) {
        MESSAGE("skipped: this slash was built without PDF support");
        return;
    }
    REQUIRE(probe.code == 0);
    auto check = run_process({"qpdf", "--check", pdf});
    CHECK(check.code == 0);
    auto xml_path = (ws.dir() / "factur-x.xml").string();
    auto detach = run_process({"pdfdetach", "-savefile", "factur-x.xml", "-o", xml_path, pdf});
    REQUIRE(detach.code == 0);
    CHECK(read_file(xml_path) == ok(ws, {"invoice", "show", "2026-0001", "--format", "cii"}));
}

TEST_CASE("cli/invoice documents: the CII of logged hours passes the French e-invoicing validators") {
    auto validate = source_dir() + "/tests/conformance/validate";
    if (!have_program("java") || !have_program("xmllint")) {
        MESSAGE("skipped: java and xmllint (Debian default-jre-headless, libxml2-utils) are not installed");
        return;
    }
    REQUIRE(std::filesystem::exists(validate));
    Workspace ws;
    book(ws);
    auto xml = (ws.dir() / "2026-0001.xml").string();
    run_ok(ws, {"invoice", "show", "2026-0001", "--format", "cii", "-o", xml});
    auto result = run_process({validate, xml});
    INFO(result.out << result.err);
    CHECK(result.code == 0);
    REQUIRE(run_ok(ws, {"invoice", "credit", "2026-0001", "--reason", "wrong rate"}) == "AV2026-0001\n");
    auto credit = (ws.dir() / "AV2026-0001.xml").string();
    run_ok(ws, {"invoice", "show", "AV2026-0001", "--format", "cii", "-o", credit});
    auto credited = run_process({validate, credit});
    INFO(credited.out << credited.err);
    CHECK(credited.code == 0);
}

TEST_CASE("cli/invoice documents: export writes nothing when a target is a directory or two numbers meet") {
    Workspace ws;
    book(ws);
    REQUIRE(run_ok(ws, {"invoice", "issue", "2"}) == "2026-0002\n");
    auto dir = ws.dir() / "out";
    std::filesystem::create_directories(dir / "2026-0002.xml");
    expect_refusal(ws, {"invoice", "export", "--dir", dir.string(), "--format", "cii", "--force"}, 2,
                   "cannot write \"" + (dir / "2026-0002.xml").string() + "\": it is a directory");
    CHECK(!std::filesystem::exists(dir / "2026-0001.xml"));
    std::filesystem::remove(dir / "2026-0002.xml");
    // "2026/0001" is a valid number too, and would land on 2026-0001.xml.
    ok(ws, {"config", "set", "invoice.number_format", "{year}/{seq:04}"});
    run_ok(ws, {"log", "acme/web", "9:00-10:00", "--on", "2026-11-27"});
    REQUIRE(run_ok(ws, {"invoice", "new", "acme", "2026-11-27"}) == "3\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "3"}) == "2026/0001\n");
    expect_refusal(ws, {"invoice", "export", "--dir", dir.string(), "--format", "cii"}, 4,
                   "invoices 2026-0001 and 2026/0001 would both be written to \"" + (dir / "2026-0001.xml").string() +
                       "\"; export them one at a time with slash invoice show -o");
    CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("cli/invoice documents: a new file gets the mode the umask leaves") {
    Workspace ws;
    book(ws);
    auto path = ws.dir() / "private.xml";
    auto script = "umask 077 && \"$SLASH\" invoice show 2026-0001 --format cii -o " + path.string() + " >/dev/null";
    auto r = ws.shell(script);
    INFO(r.err);
    REQUIRE(r.code == 0);
    auto perms = std::filesystem::status(path).permissions();
    CHECK((perms & std::filesystem::perms::all) == (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}
