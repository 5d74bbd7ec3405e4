#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::testing::read_file;
using slash::testing::Workspace;

namespace {

std::vector<std::string> init_args() {
    return {"init",    "--no-input", "--name",    "Camille Martin", "--address", "12 rue des Lilas",
            "--address", "75011 Paris", "--siren", "732 829 320",   "--email",   "camille@example.org",
            "--iban",  "fr76 3000 6000 0112 3456 7890 189", "--bic", "agrifrpp"};
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("cli/init writes a commented config with the seller, creates the database, prints both paths") {
    Workspace ws;
    auto r = ws.run(init_args());
    CHECK(r.err == "");
    CHECK(r.code == 0);
    CHECK(r.out == ws.config_path().string() + "\n" + ws.db_path().string() + "\n");
    CHECK(fs::exists(ws.db_path()));
    std::string text = read_file(ws.config_path());
    CHECK(text.find("# Your legal name; invoices print it followed by \"EI\".\nname = \"Camille Martin\"\n") !=
          std::string::npos);
    CHECK(text.find("address = [\"12 rue des Lilas\", \"75011 Paris\"]\n") != std::string::npos);
    CHECK(text.find("siren = \"732829320\"\n") != std::string::npos);
    CHECK(text.find("iban = \"FR7630006000011234567890189\"\n") != std::string::npos);
    CHECK(text.find("bic = \"AGRIFRPP\"\n") != std::string::npos);
    struct stat st {};
    REQUIRE(::stat(ws.config_path().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(ws.run({"config", "get", "seller.address"}).out == "12 rue des Lilas; 75011 Paris\n");
}

TEST_CASE("cli/init refuses to overwrite, and validates the seller before writing") {
    Workspace ws;
    REQUIRE(ws.run(init_args()).code == 0);
    std::string before = read_file(ws.config_path());
    auto r = ws.run({"init", "--no-input", "--name", "Other"});
    CHECK(r.code == 4);
    CHECK(r.err == "slash: error: config \"" + ws.config_path().string() +
                       "\" already exists; change it with \"slash config set\", or pass --force to replace it\n");
    CHECK(read_file(ws.config_path()) == before);
    r = ws.run({"init", "--no-input", "--force", "--name", "Other", "--iban", "FR7630006000011234567890188"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: invalid IBAN \"FR7630006000011234567890188\": the check digits are wrong; copy it "
                   "again from your bank\n");
    CHECK(read_file(ws.config_path()) == before);
    r = ws.run({"init", "--no-input", "--force", "--name", "Other"});
    CHECK(r.code == 0);
    CHECK(ws.run({"config", "get", "seller.name"}).out == "Other\n");
}

TEST_CASE("cli/init prompts only on a terminal and never with --no-input") {
    Workspace ws;
    ws.env.stdin_is_tty = true;
    auto r = ws.run({"init", "--email", "c@example.org"}, "Camille Martin\n1 rue X\n75002 Paris\n732829320\n\n");
    CHECK(r.code == 0);
    CHECK(r.err ==
          "Your legal name (printed with \"EI\" on invoices): Street address: Postcode and city: SIREN or SIRET: "
          "IBAN (empty to skip): ");
    CHECK(ws.run({"config", "get", "seller.name"}).out == "Camille Martin\n");
    CHECK(ws.run({"config", "get", "seller.address"}).out == "1 rue X; 75002 Paris\n");
    CHECK(ws.run({"config", "get", "seller.siren"}).out == "732829320\n");

    Workspace quiet;
    quiet.env.stdin_is_tty = true;
    r = quiet.run({"init", "--no-input"}, "ignored\n");
    CHECK(r.code == 0);
    CHECK(r.err == "");
    CHECK(quiet.run({"config", "get", "seller.name"}).out == "\n");
}

TEST_CASE("cli/config set keeps every other line and comment byte for byte") {
    Workspace ws;
    write(ws.config_path(),
          "# my notes\n[seller]\nname = \"Camille\"   # trailing comment\n\n[invoice]\ndue_days = 30 # days\n");
    auto r = ws.run({"config", "set", "invoice.due_days", "45"});
    CHECK(r.code == 0);
    CHECK(r.out == "");
    CHECK(read_file(ws.config_path()) ==
          "# my notes\n[seller]\nname = \"Camille\"   # trailing comment\n\n[invoice]\ndue_days = 45 # days\n");
    CHECK(ws.run({"config", "set", "seller.siren", "732 829 320"}).code == 0);
    CHECK(ws.run({"config", "get", "seller.siren"}).out == "732829320\n");
    CHECK(ws.run({"config", "set", "seller.address", "1 rue X", "75002 Paris"}).code == 0);
    CHECK(ws.run({"config", "get", "seller.address"}).out == "1 rue X; 75002 Paris\n");
    CHECK(read_file(ws.config_path()).rfind("# my notes\n[seller]\nname = \"Camille\"   # trailing comment\n", 0) ==
          0);
}

TEST_CASE("cli/config set creates the file when missing") {
    Workspace ws;
    ws.env.variables["SLASH_CONFIG"] = (ws.dir() / "sub" / "config.toml").string();
    CHECK(ws.run({"config", "set", "display.color", "never"}).code == 0);
    CHECK(ws.run({"config", "get", "display.color"}).out == "never\n");
    CHECK(fs::status(ws.dir() / "sub").permissions() == fs::perms::owner_all);
}

TEST_CASE("cli/config set refusals leave the file unchanged") {
    Workspace ws;
    write(ws.config_path(), "[tax]\nregime = \"franchise\"\n");
    std::string before = read_file(ws.config_path());
    struct Case {
        std::vector<std::string> args;
        int code;
        std::string err;
    };
    for (const auto& c : std::vector<Case>{
             {{"config", "set", "seller.nmae", "x"}, 2,
              "unknown config key \"seller.nmae\" (did you mean \"seller.name\"?)"},
             {{"config", "set", "tax.regime", "flat"}, 2,
              "tax.regime must be one of franchise, standard, reverse-charge, export, got \"flat\""},
             {{"config", "set", "seller.siren", "123456789"}, 2,
              "invalid SIREN \"123456789\": the check digit is wrong (Luhn); check the number on your INSEE "
              "certificate"},
             {{"config", "set", "seller.email", "nobody"}, 2, ""},
             {{"config", "set", "seller.bic", "AGRI"}, 2,
              "invalid BIC \"AGRI\": use 8 or 11 characters, e.g. AGRIFRPP or AGRIFRPP882"},
             {{"config", "set", "time.days_off", "2026-12-24", "2026-02-30"}, 2,
              "time.days_off must be a list of dates \"YYYY-MM-DD\" or ranges \"YYYY-MM-DD..YYYY-MM-DD\", got "
              "\"2026-02-30\""},
         }) {
        CAPTURE(c.args[2]);
        auto r = ws.run(c.args);
        CHECK(r.code == c.code);
        if (!c.err.empty()) CHECK(r.err == "slash: error: " + c.err + "\n");
        CHECK(r.err.rfind("slash: error: ", 0) == 0);
        CHECK(read_file(ws.config_path()) == before);
    }
}

TEST_CASE("cli/config errors: a malformed or mistyped file is exit 5 with file:line:col") {
    Workspace ws;
    SUBCASE("type error") {
        write(ws.config_path(), "[invoice]\ndue_days = \"30\"\n");
        auto r = ws.run({"client", "list"});
        CHECK(r.code == 5);
        CHECK(r.err == "slash: error: " + ws.config_path().string() +
                           ":2:12: invoice.due_days must be an integer, got string \"30\"\n");
    }
    SUBCASE("syntax error") {
        write(ws.config_path(), "[seller\nname = 1\n");
        auto r = ws.run({"config", "list"});
        CHECK(r.code == 5);
        CHECK(r.err.rfind("slash: error: " + ws.config_path().string() + ":1:", 0) == 0);
        CHECK(r.err.find('\n') == r.err.size() - 1);
    }
    SUBCASE("unreadable: a directory") {
        fs::create_directory(ws.config_path());
        auto r = ws.run({"config", "list"});
        CHECK(r.code == 5);
        CHECK(r.err.find(ws.config_path().string()) != std::string::npos);
    }
}

TEST_CASE("cli/config unknown keys are warnings naming file and line, the command still runs") {
    Workspace ws;
    write(ws.config_path(), "[seller]\nnmae = \"x\"\n[extra]\nk = 1\n");
    auto r = ws.run({"config", "get", "seller.name"});
    CHECK(r.code == 0);
    CHECK(r.out == "\n");
    CHECK(r.err == "slash: warning: " + ws.config_path().string() +
                       ":2:1: unknown key \"seller.nmae\" (did you mean \"seller.name\"?)\n"
                       "slash: warning: " +
                       ws.config_path().string() + ":3:2: unknown table \"extra\"\n");
}

TEST_CASE("cli/config list prints every key with its effective value") {
    Workspace ws;
    auto r = ws.run({"config", "list", "--json"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("[\n{\"key\":\"seller.name\",\"value\":\"\"},\n", 0) == 0);
    CHECK(r.out.find("{\"key\":\"invoice.due_days\",\"value\":\"30\"}") != std::string::npos);
    CHECK(r.out.find("{\"key\":\"quote.valid_days\",\"value\":\"30\"}\n]\n") != std::string::npos);
    CHECK(ws.run({"config", "list", "-q"}).out.rfind("seller.name\nseller.trade_name\n", 0) == 0);
    auto get = ws.run({"config", "get", "nope"});
    CHECK(get.code == 2);
    CHECK(get.err.rfind("slash: error: unknown config key \"nope\"", 0) == 0);
}

TEST_CASE("cli/init writes nothing when the database cannot be created") {
    Workspace ws;
    ws.env.variables["SLASH_DB"] = (ws.dir() / "missing" / "slash.db").string();
    auto r = ws.run(init_args());
    CHECK(r.code == 6);
    CHECK(r.out == "");
    CHECK_FALSE(fs::exists(ws.config_path()));
}

TEST_CASE("cli/config set keeps SIREN and SIRET in their own keys") {
    Workspace ws;
    auto r = ws.run({"config", "set", "seller.siren", "73282932000074"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: \"73282932000074\" is a SIRET: set it with \"slash config set seller.siret "
                   "73282932000074\" (seller.siren takes the 9-digit SIREN)\n");
    r = ws.run({"config", "set", "seller.siret", "732829320"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: \"732829320\" is a SIREN: set it with \"slash config set seller.siren 732829320\" "
                   "(seller.siret takes the 14-digit SIRET)\n");
    CHECK_FALSE(fs::exists(ws.config_path()));
    CHECK(ws.run({"config", "set", "seller.siret", "732 829 320 00074"}).code == 0);
    CHECK(ws.run({"config", "get", "seller.siret"}).out == "73282932000074\n");
}

TEST_CASE("cli/config get honours --json") {
    Workspace ws;
    CHECK(ws.run({"config", "get", "invoice.due_days", "--json"}).out ==
          "{\"key\":\"invoice.due_days\",\"value\":\"30\"}\n");
}

TEST_CASE("cli/config set writes through a symlinked config") {
    Workspace ws;
    fs::path real = ws.dir() / "dotfiles.toml";
    write(real, "[seller]\nname = \"Me\"\n");
    fs::create_symlink(real, ws.config_path());
    REQUIRE(ws.run({"config", "set", "seller.email", "me@example.org"}).code == 0);
    CHECK(fs::is_symlink(ws.config_path()));
    CHECK(read_file(real) == "[seller]\nname = \"Me\"\nemail = \"me@example.org\"\n");
}

TEST_CASE("cli/config set leaves a read-only config alone") {
    Workspace ws;
    write(ws.config_path(), "[seller]\nname = \"Me\"\n");
    fs::permissions(ws.config_path(), fs::perms::owner_read);
    auto r = ws.run({"config", "set", "seller.name", "Other"});
    CHECK(r.code == 5);
    CHECK(r.err == "slash: error: config \"" + ws.config_path().string() +
                       "\" is read-only; make it writable (chmod u+w) to change it\n");
    CHECK(read_file(ws.config_path()) == "[seller]\nname = \"Me\"\n");
}
