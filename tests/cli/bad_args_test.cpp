// The bad-input corpus (tests/corpus/bad-args.txt): every line is a command a user could
// mistype, run against one small history. Each must fail with its documented exit code and
// a one-line error, and change nothing: the database dump and the config file stay
// byte-identical. The format of the file is described at its top.

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace {

using slash::testing::run_ok;
using slash::testing::Workspace;

struct BadLine {
    int line_number = 0;
    int code = 0;
    std::string text;
    std::vector<std::string> args;
};

// Shell words: blanks separate, '...' and "..." quote (no escapes inside ''), '' is empty.
std::vector<std::string> shell_words(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else if (c == '\'' || c == '"') {
            const auto end = text.find(c, i + 1);
            REQUIRE_MESSAGE(end != std::string::npos, "unbalanced quote in: " << text);
            word += text.substr(i + 1, end - i - 1);
            in_word = true;
            i = end;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (in_word) words.push_back(word);
    return words;
}

std::vector<BadLine> corpus() {
    std::ifstream in(slash::testing::source_dir() + "/tests/corpus/bad-args.txt");
    REQUIRE(in);
    std::vector<BadLine> lines;
    std::string text;
    int number = 0;
    while (std::getline(in, text)) {
        ++number;
        if (text.empty() || text[0] == '#') continue;
        const auto tab = text.find('\t');
        REQUIRE_MESSAGE(tab != std::string::npos, "line " << number << " has no tab");
        BadLine line;
        line.line_number = number;
        line.code = std::stoi(text.substr(0, tab));
        line.text = text.substr(tab + 1);
        line.args = shell_words(line.text);
        // Files the import lines read live beside the corpus.
        const std::string dir = slash::testing::source_dir() + "/tests/corpus";
        for (auto& arg : line.args) {
            for (auto at = arg.find("@corpus@"); at != std::string::npos; at = arg.find("@corpus@")) {
                arg.replace(at, 8, dir);
            }
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

// Two clients, four missions (hourly, fixed, daily in GBP, per unit), an issued invoice
// partly paid, a draft, a platform payout and a running timer.
void small_history(Workspace& ws) {
    ws.env.variables["SLASH_NOW"] = "2026-11-20T10:00:00Z";
    ws.env.variables["TZ"] = "Europe/Paris";
    slash::testing::init_seller(ws);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"client", "add", "acme", "--name", "ACME SAS", "--siren", "552100554", "--email", "ap@acme.example",
              "--address", "1 rue X", "--address", "75002 Paris", "--hourly", "65"},
             {"client", "add", "globex", "--name", "Globex Ltd", "--country", "GB", "--currency", "GBP", "--email",
              "ap@globex.example", "--address", "1 High St", "--address", "London", "--daily", "500"},
             {"mission", "add", "acme/dev"},
             {"mission", "add", "acme/logo", "--fixed", "800"},
             {"mission", "add", "globex/audit"},
             {"mission", "add", "acme/tasks", "--unit", "2.50", "--unit-name", "task"},
             {"log", "acme/dev", "9:00-12:00", "--on", "2026-10-05"},
             {"log", "acme/logo", "9:00-10:00", "--on", "2026-10-06"},
             {"log", "acme/dev", "9:00-11:00", "--on", "2026-11-05"},
             {"log", "globex/audit", "14:00-18:00", "--on", "2026-11-06"},
             {"log", "acme/tasks", "1h", "--on", "2026-11-09", "--units", "12"},
             {"invoice", "new", "acme", "2026-10"},
             {"invoice", "issue", "#1", "--date", "2026-11-02"},
             {"invoice", "pay", "2026-0001", "--amount", "100", "--on", "2026-11-10"},
             {"invoice", "new", "acme", "2026-11"},
             {"payment", "add", "--client", "globex", "--amount", "300", "--on", "2026-11-12", "--method", "platform",
              "--eur", "345.10"},
             {"start", "acme/dev", "--at", "9:30"}}) {
        run_ok(ws, args);
    }
}

}  // namespace

TEST_CASE("cli/bad args: every line of the corpus fails cleanly and changes nothing") {
    const auto lines = corpus();
    CHECK(lines.size() >= 200);
    Workspace ws;
    small_history(ws);
    const std::string dump = ws.dump();
    const std::string config = slash::testing::read_file(ws.config_path());
    for (const auto& line : lines) {
        INFO("tests/corpus/bad-args.txt:" << line.line_number << ": slash " << line.text);
        const auto r = ws.run(line.args);
        CHECK(r.code == line.code);
        CHECK(r.err.rfind("slash: error: ", 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.back() == '\n');
        CHECK(r.out == "");  // nothing half-printed either: a listing starts after its checks
        // Stop at the first change: every later line would be judged on other data.
        REQUIRE(ws.dump() == dump);
        REQUIRE(slash::testing::read_file(ws.config_path()) == config);
    }
}

TEST_CASE("cli/bad args: the corpus covers every noun") {
    std::set<std::string> nouns;
    for (const auto& line : corpus()) nouns.insert(line.args.empty() ? "" : line.args.front());
    for (const char* noun : {"client", "mission", "missions", "start", "stop", "continue", "cancel", "log", "status",
                             "today", "week", "entry", "invoice", "payment", "report", "plan", "receipts", "revenue", "urssaf", "import", "export", "config", "db",
                             "completion", "init"}) {
        CHECK_MESSAGE(nouns.count(noun) == 1, "no bad command line for " << noun);
    }
}
