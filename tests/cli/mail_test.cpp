#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/commands.hpp"
#include "support/test_env.hpp"

using slash::testing::expect_refusal;
using slash::testing::init_seller;
using slash::testing::ok;
using slash::testing::read_file;
using slash::testing::run_ok;
using slash::testing::Workspace;

// `slash invoice mail` (slash-invoice(1)): the message is checked by a real MIME parser
// (python3's email package), and sent through fake sendmail scripts.

namespace {

// ACME SAS (ap@acme.example), invoice 2026-0001 of 2026-10-31 for 2.5 h at 65.00: 162.50 EUR,
// due 2026-11-30. Now is 2026-11-28.
void book(Workspace& ws, const std::string& language = "fr") {
    init_seller(ws);
    ok(ws, {"config", "set", "seller.iban", "FR7630006000011234567890189"});
    ok(ws, {"config", "set", "seller.bic", "AGRIFRPP"});
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue de la Paix", "--address",
            "75002 Paris", "--siren", "552100554", "--email", "ap@acme.example", "--hourly", "65", "--language",
            language});
    ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
    run_ok(ws, {"log", "acme/web", "9:00-11:30", "--on", "2026-10-05"});
    REQUIRE(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "1\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "1", "--date", "2026-10-31"}) == "2026-0001\n");
}

// A sendmail stand-in that stores its arguments and the message it reads.
std::string fake_sendmail(Workspace& ws, const std::string& body) {
    auto path = ws.dir() / "sendmail";
    std::ofstream(path) << "#!/bin/sh\n" << body;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path.string();
}

std::string mails_table(Workspace& ws) {
    return ws.shell("sqlite3 -separator ' ' \"$SLASH_DB\" 'SELECT invoice_id, coalesce(reminder_id, \"-\"), "
                    "recipient, subject FROM mails_sent ORDER BY id'")
        .out;
}

// Parses the message in `eml` with python3's email package and prints what a mail client
// sees: the headers, each part's type, charset, file name, and whether the attachment is
// byte for byte the file `pdf`.
std::string parsed(Workspace& ws, const std::string& eml, const std::string& pdf) {
    auto script = R"PY(
import email, email.policy, sys
message = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
for name in ('From', 'To', 'Subject', 'MIME-Version'):
    print(name + ': ' + str(message[name]))
print('Date: ' + str(message['Date'].datetime))
print('Message-ID ok: ' + str(message['Message-ID'].startswith('<') and message['Message-ID'].endswith('>')))
print('type: ' + message.get_content_type())
parts = list(message.iter_parts())
body = parts[0]
print('body: ' + body.get_content_type() + ' ' + str(body.get_content_charset()))
print(body.get_content(), end='')
attachment = parts[1]
print('attachment: ' + attachment.get_content_type() + ' ' + str(attachment.get_filename()))
print('same bytes: ' + str(attachment.get_payload(decode=True) == open(sys.argv[2], 'rb').read()))
)PY";
    std::ofstream(ws.dir() / "parse.py") << script;
    auto r = ws.shell("python3 \"" + (ws.dir() / "parse.py").string() + "\" \"" + eml + "\" \"" + pdf + "\"");
    INFO(r.err);
    CHECK(r.code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("cli/mail --dry-run writes a MIME message a real parser reads: headers, body, the PDF of invoice show") {
    Workspace ws;
    book(ws);
    auto pdf = (ws.dir() / "2026-0001.pdf").string();
    run_ok(ws, {"invoice", "show", "2026-0001", "--format", "pdf", "-o", pdf});
    auto r = ws.run({"invoice", "mail", "2026-0001", "--dry-run"});
    CHECK(r.code == 0);
    CHECK(r.err == "slash: dry run: nothing was sent or recorded\n");
    auto eml = (ws.dir() / "dry.eml").string();
    std::ofstream(eml) << r.out;
    CHECK(parsed(ws, eml, pdf) == 
        "From: Camille Martin <camille@example.org>\n"
        "To: ap@acme.example\n"
        "Subject: Facture 2026-0001 – Camille Martin\n"
        "MIME-Version: 1.0\n"
        "Date: 2026-11-28 10:00:00+00:00\n"
        "Message-ID ok: True\n"
        "type: multipart/mixed\n"
        "body: text/plain utf-8\n"
        "Madame, Monsieur,\n"
        "\n"
        "Veuillez trouver ci-joint la facture 2026-0001 du 31/10/2026, d'un montant de 162,50\u00a0€, à régler au plus tard le 30/11/2026.\n"
        "\n"
        "Cordialement,\n"
        "Camille Martin\n"
        "attachment: application/pdf 2026-0001.pdf\n"
        "same bytes: True\n");
    CHECK(mails_table(ws) == "");
}

TEST_CASE("cli/mail through a sendmail that keeps what it reads: sent, printed, recorded") {
    Workspace ws;
    book(ws);
    auto keep = (ws.dir() / "received.eml").string();
    auto args = (ws.dir() / "args").string();
    auto sendmail = fake_sendmail(ws, "echo \"$@\" > '" + args + "'\ncat > '" + keep + "'\n");
    ok(ws, {"config", "set", "mail.sendmail", sendmail + " -t"});
    auto r = ws.run({"invoice", "mail", "2026-0001"});
    CHECK(r.code == 0);
    CHECK(r.err == "slash: mailed 2026-0001 to ap@acme.example\n");
    CHECK(r.out.rfind("<1795860000.", 0) == 0);
    CHECK(r.out.find("@example.org>\n") != std::string::npos);
    CHECK(read_file(args) == "-t\n");
    auto pdf = (ws.dir() / "2026-0001.pdf").string();
    run_ok(ws, {"invoice", "show", "2026-0001", "--format", "pdf", "-o", pdf});
    CHECK(parsed(ws, keep, pdf) == 
        "From: Camille Martin <camille@example.org>\n"
        "To: ap@acme.example\n"
        "Subject: Facture 2026-0001 – Camille Martin\n"
        "MIME-Version: 1.0\n"
        "Date: 2026-11-28 10:00:00+00:00\n"
        "Message-ID ok: True\n"
        "type: multipart/mixed\n"
        "body: text/plain utf-8\n"
        "Madame, Monsieur,\n"
        "\n"
        "Veuillez trouver ci-joint la facture 2026-0001 du 31/10/2026, d'un montant de 162,50\u00a0€, à régler au plus tard le 30/11/2026.\n"
        "\n"
        "Cordialement,\n"
        "Camille Martin\n"
        "attachment: application/pdf 2026-0001.pdf\n"
        "same bytes: True\n");
    CHECK(read_file(keep).find("Message-ID: " + r.out.substr(0, r.out.size() - 1) + "\n") != std::string::npos);
    CHECK(mails_table(ws) == "1 - ap@acme.example Facture 2026-0001 \u2013 Camille Martin\n");

    // --to another address; --reminder sends the reminder and records it with the mail.
    ws.env.variables["SLASH_NOW"] = "2027-01-05T10:00:00Z";
    ok(ws, {"config", "set", "invoice.late_rate", "12"});
    auto reminded = ws.run({"invoice", "mail", "2026-0001", "--reminder", "--to", "boss@acme.example"});
    CHECK(reminded.code == 0);
    CHECK(reminded.err == "slash: mailed reminder 1 (level 1) of 2026-0001 to boss@acme.example\n");
    auto body = parsed(ws, keep, pdf);
    CHECK(body.find("Subject: Relance de paiement : facture 2026-0001\n") != std::string::npos);
    CHECK(body.find("To: boss@acme.example\n") != std::string::npos);
    CHECK(body.find("Jours de retard : 36\n") != std::string::npos);
    CHECK(body.find("same bytes: True\n") != std::string::npos);
    CHECK(mails_table(ws) == "1 - ap@acme.example Facture 2026-0001 \u2013 Camille Martin\n"
                             "1 1 boss@acme.example Relance de paiement : facture 2026-0001\n");
}

TEST_CASE("cli/mail a failing or missing sendmail: one line with the command and what it said, nothing recorded") {
    Workspace ws;
    book(ws);
    auto sendmail = fake_sendmail(ws, "cat > /dev/null\necho 'msmtp: cannot connect to smtp.example.org' >&2\nexit 75\n");
    ok(ws, {"config", "set", "mail.sendmail", sendmail + " -t"});
    expect_refusal(ws, {"invoice", "mail", "2026-0001"}, 1,
                   "the mail command \"" + sendmail + " -t\" failed (exit 75): msmtp: cannot connect to "
                   "smtp.example.org; nothing was recorded (set it with slash config set mail.sendmail ...)");
    ws.env.variables["SLASH_NOW"] = "2027-01-05T10:00:00Z";
    ok(ws, {"config", "set", "invoice.late_rate", "12"});
    expect_refusal(ws, {"invoice", "mail", "2026-0001", "--reminder"}, 1,
                   "the mail command \"" + sendmail + " -t\" failed (exit 75): msmtp: cannot connect to "
                   "smtp.example.org; nothing was recorded (set it with slash config set mail.sendmail ...)");
    auto missing = (ws.dir() / "no-such-sendmail").string();
    ok(ws, {"config", "set", "mail.sendmail", missing + " -t"});
    auto r = ws.run({"invoice", "mail", "2026-0001"});
    CHECK(r.code == 1);
    CHECK(r.out == "");
    CHECK(r.err.rfind("slash: error: the mail command \"" + missing + " -t\" failed (exit 127): ", 0) == 0);
    CHECK(r.err.find("not found") != std::string::npos);
    CHECK(mails_table(ws) == "");
}

TEST_CASE("cli/mail refusals: no address, a bad --to, a draft, a reminder not due") {
    Workspace ws;
    book(ws);
    ok(ws, {"client", "add", "beta", "--name", "Beta SARL", "--address", "2 rue B", "--address", "69001 Lyon",
            "--siren", "443061841", "--hourly", "100"});
    ok(ws, {"mission", "add", "beta/app", "--title", "App"});
    run_ok(ws, {"log", "beta/app", "8:00-10:00", "--on", "2026-10-02"});
    run_ok(ws, {"log", "beta/app", "8:00-10:00", "--on", "2026-10-03"});
    REQUIRE(run_ok(ws, {"invoice", "new", "beta", "2026-10-02"}) == "2\n");
    REQUIRE(run_ok(ws, {"invoice", "new", "beta", "2026-10-03"}) == "3\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "2"}) == "2026-0002\n");
    expect_refusal(ws, {"invoice", "mail", "2026-0002"}, 1,
                   "client beta has no e-mail address: give one with --to ADDR, or record it with slash client edit "
                   "beta --email ADDR");
    expect_refusal(ws, {"invoice", "mail", "2026-0001", "--to", "Boss <boss@acme.example>"}, 2,
                   "invalid --to \"Boss <boss@acme.example>\": give one e-mail address, such as name@example.org");
    expect_refusal(ws, {"invoice", "mail", "2026-0001", "--to", "a@b.example,c@d.example"}, 2,
                   "invalid --to \"a@b.example,c@d.example\": give one e-mail address, such as name@example.org");
    ok(ws, {"config", "set", "mail.from", "camille at example.org"});
    expect_refusal(ws, {"invoice", "mail", "2026-0001"}, 1,
                   "the sender address \"camille at example.org\" is not one plain e-mail address; set one with "
                   "slash config set mail.from ADDR (or \"NAME <ADDR>\")");
    ok(ws, {"config", "set", "mail.from", "billing@example.org"});
    expect_refusal(ws, {"invoice", "mail", "3", "--to", "x@beta.example"}, 1,
                   "draft 3 is not issued: issue it before mailing it, with slash invoice issue 3");
    expect_refusal(ws, {"invoice", "mail", "2026-0001", "--reminder"}, 1,
                   "invoice 2026-0001 is not late on 2026-11-28: it is due 2026-11-30; a reminder can be sent from "
                   "the day after");
}

TEST_CASE("cli/mail [mail] templates per language and a From with a display name") {
    Workspace ws;
    book(ws);
    ok(ws, {"config", "set", "mail.from", "Compta Martin <billing@example.org>"});
    ok(ws, {"config", "set", "mail.subject_fr", "Facture {number} de {seller}"});
    ok(ws, {"config", "set", "mail.body_fr",
            "Bonjour {client},\n\nvoici la facture {number} du {issue_date} : {total}, dont {due} dus le "
            "{due_date}.\n"});
    ok(ws, {"config", "set", "mail.subject_en", "ignored: the invoice is in French"});
    auto pdf = (ws.dir() / "2026-0001.pdf").string();
    run_ok(ws, {"invoice", "show", "2026-0001", "--format", "pdf", "-o", pdf});
    auto eml = (ws.dir() / "dry.eml").string();
    std::ofstream(eml) << run_ok(ws, {"invoice", "mail", "2026-0001", "--dry-run"});
    auto seen = parsed(ws, eml, pdf);
    CHECK(seen.find("From: Compta Martin <billing@example.org>\n") != std::string::npos);
    CHECK(seen.find("Subject: Facture 2026-0001 de Camille Martin\n") != std::string::npos);
    CHECK(seen.find("Bonjour ACME SAS,\n\nvoici la facture 2026-0001 du 31/10/2026 : 162,50\u00a0€, dont "
                    "162,50\u00a0€ dus le 30/11/2026.\n") != std::string::npos);
    ok(ws, {"config", "set", "mail.body_fr", "Bonjour {name}"});
    expect_refusal(ws, {"invoice", "mail", "2026-0001", "--dry-run"}, 5,
                   "mail.body_fr: unknown placeholder \"{name}\"; use {number}, {issue_date}, {due_date}, {total}, "
                   "{due}, {seller} or {client}");
}
