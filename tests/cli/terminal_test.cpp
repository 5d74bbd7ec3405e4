#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "slash/cli/run.hpp"
#include "slash/domain/utf8.hpp"
#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/pty.hpp"
#include "support/test_env.hpp"

using slash::testing::ok;
using slash::testing::PtyProcess;
using slash::testing::run_ok;
using slash::testing::run_on_pty;
using slash::testing::slash_binary;
using slash::testing::Workspace;

namespace fs = std::filesystem;

// Terminal manners (issue 14, docs/contract.md §6), on a real pseudo-terminal: tables cut
// to the width, the pager, TERM=dumb, progress and Ctrl-C. Piped output never changes.

namespace {

const std::string kLongNote =
    "Refonte complète de la page d'accueil avec l'équipe produit, suivie d'un atelier";

// The workspace's variables for a program on the pty, with `extra` on top.
std::map<std::string, std::string> pty_env(const Workspace& ws, const std::map<std::string, std::string>& extra = {}) {
    std::map<std::string, std::string> env(ws.env.variables.begin(), ws.env.variables.end());
    env["TERM"] = "xterm";
    for (const auto& [name, value] : extra) env[name] = value;
    return env;
}

std::vector<std::string> command_line(std::vector<std::string> args) {
    args.insert(args.begin(), slash_binary());
    return args;
}

void entries(Workspace& ws, int count) {
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    for (int i = 0; i < count; ++i) {
        run_ok(ws, {"log", "acme/web", "9:00-10:00", "--on", "2026-10-" + std::to_string(10 + i), kLongNote});
    }
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string iso(std::int64_t t) {
    std::time_t time = static_cast<std::time_t>(t);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&time));
    return buffer;
}

// An import long enough to take more than a second, even on a fast machine: half-hour
// entries back to back from `first` (Unix seconds), uids starting with `prefix`.
fs::path big_csv(const Workspace& ws, const std::string& prefix, std::int64_t first, int rows) {
    const fs::path file = ws.dir() / (prefix + ".csv");
    std::ofstream out(file);
    out << "uid,start,end,client,mission,note\n";
    for (int i = 0; i < rows; ++i) {
        const std::int64_t start = first + std::int64_t{i} * 1800;
        out << prefix << i << ',' << iso(start) << ',' << iso(start + 1800) << ",acme,web,entry " << i << '\n';
    }
    return file;
}

constexpr std::int64_t k2000 = 946684800;
constexpr std::int64_t k2010 = 1262304000;
constexpr int kRows = 120000;  // 6.8 years of half hours

}  // namespace

TEST_CASE("cli/terminal: COLUMNS=40 or 60 cuts the note on a terminal, never in a pipe") {
    Workspace ws;
    entries(ws, 2);
    // A terminal that does not say its width: COLUMNS decides. The note, the one free-text
    // column, is narrowed to fit; identifiers, dates and durations stay whole.
    const std::map<std::string, std::string> plain{{"COLUMNS", "60"}, {"NO_COLOR", "1"}};
    auto r = run_on_pty(command_line({"entry", "list", "2026-10", "--no-pager"}), pty_env(ws, plain), 0, 0);
    CHECK(r.code == 0);
    auto lines = lines_of(r.output);
    REQUIRE(lines.size() == 3);
    for (const auto& line : lines) {
        INFO(line);
        CHECK(slash::domain::display_width(line) <= 60);
    }
    CHECK(lines[1] == " 1  2026-10-10  09:00  10:00  1:00  acme/web  Refonte compl\u2026");
    // COLUMNS=40: narrower than the other columns: the note keeps its header's width.
    r = run_on_pty(command_line({"entry", "list", "2026-10", "--no-pager"}),
                   pty_env(ws, {{"COLUMNS", "40"}, {"NO_COLOR", "1"}}), 0, 0);
    lines = lines_of(r.output);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "ID  DATE        START  END    TIME  MISSION   NOTE");
    CHECK(lines[1] == " 1  2026-10-10  09:00  10:00  1:00  acme/web  Ref\u2026");
    // The terminal's own width (TIOCGWINSZ) wins over COLUMNS.
    r = run_on_pty(command_line({"entry", "list", "2026-10", "--no-pager"}),
                   pty_env(ws, {{"COLUMNS", "200"}, {"NO_COLOR", "1"}}), 70, 0);
    lines = lines_of(r.output);
    REQUIRE(lines.size() == 3);
    for (const auto& line : lines) CHECK(slash::domain::display_width(line) <= 70);
    CHECK(lines[1].find("\u2026") != std::string::npos);
    // --wide keeps everything.
    r = run_on_pty(command_line({"entry", "list", "2026-10", "--no-pager", "--wide"}), pty_env(ws, {{"COLUMNS", "40"}}), 0, 0);
    CHECK(r.output.find(kLongNote) != std::string::npos);
    CHECK(r.output.find("\u2026") == std::string::npos);
    // A pipe is never cut.
    ws.env.variables["COLUMNS"] = "40";
    auto piped = ws.shell("\"$SLASH\" entry list 2026-10");
    CHECK(piped.code == 0);
    CHECK(piped.out.find(kLongNote) != std::string::npos);
    CHECK(piped.out.find("\u2026") == std::string::npos);
}

TEST_CASE("cli/terminal: TERM=dumb means no colour") {
    Workspace ws;
    entries(ws, 1);
    auto coloured = run_on_pty(command_line({"entry", "list", "2026-10", "--no-pager"}), pty_env(ws), 200, 50);
    CHECK(coloured.output.find("\033[1m") != std::string::npos);
    auto dumb = run_on_pty(command_line({"entry", "list", "2026-10", "--no-pager"}), pty_env(ws, {{"TERM", "dumb"}}), 200, 50);
    CHECK(dumb.code == 0);
    CHECK(dumb.output.find('\033') == std::string::npos);
    CHECK(dumb.output.find("acme/web") != std::string::npos);
}

TEST_CASE("cli/terminal: output longer than the screen goes through the pager, on a terminal only") {
    Workspace ws;
    entries(ws, 8);  // a header and 8 rows: longer than a 5-row terminal
    const std::map<std::string, std::string> pager{{"PAGER", "sed 's/^/paged: /'"}};
    auto r = run_on_pty(command_line({"entry", "list", "2026-10"}), pty_env(ws, pager), 200, 5);
    CHECK(r.code == 0);
    auto lines = lines_of(r.output);
    REQUIRE(lines.size() == 9);
    for (const auto& line : lines) CHECK(line.rfind("paged: ", 0) == 0);
    // Short output is shown directly; --no-pager, PAGER=cat never page.
    r = run_on_pty(command_line({"client", "list"}), pty_env(ws, pager), 200, 5);
    CHECK(r.output.find("paged:") == std::string::npos);
    CHECK(r.output.find("acme") != std::string::npos);
    r = run_on_pty(command_line({"entry", "list", "2026-10", "--no-pager"}), pty_env(ws, pager), 200, 5);
    CHECK(r.output.find("paged:") == std::string::npos);
    CHECK(lines_of(r.output).size() == 9);
    r = run_on_pty(command_line({"entry", "list", "2026-10"}), pty_env(ws, {{"PAGER", "cat"}}), 200, 5);
    CHECK(lines_of(r.output).size() == 9);
    // [display] pager wins over PAGER.
    ok(ws, {"config", "set", "display.pager", "sed 's/^/configured: /'"});
    r = run_on_pty(command_line({"entry", "list", "2026-10"}), pty_env(ws, pager), 200, 5);
    CHECK(lines_of(r.output).front().rfind("configured: ", 0) == 0);
    // A pipe is never paged.
    ws.env.variables["PAGER"] = "sed 's/^/paged: /'";
    auto piped = ws.shell("\"$SLASH\" entry list 2026-10");
    CHECK(piped.out.find("paged:") == std::string::npos);
    CHECK(lines_of(piped.out).size() == 8);
}

TEST_CASE("cli/terminal: a long import shows progress on a terminal, not in a pipe") {
    Workspace ws;
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    // Piped stderr: not a word until the result, however long it takes.
    const auto first = big_csv(ws, "a", k2000, kRows);
    auto piped = ws.shell("\"$SLASH\" import csv \"" + first.string() + "\" 2>&1");
    CHECK(piped.code == 0);
    CHECK(piped.out == "imported 120000 entries (60000h) from " + first.string() + "\n");
    // A terminal: the line appears (after SLASH_PROGRESS_DELAY, here none: an import of
    // this size can take less than the default second), and is cleared for the result.
    const auto second = big_csv(ws, "b", k2010, kRows);
    PtyProcess import(command_line({"import", "csv", second.string()}),
                      pty_env(ws, {{"SLASH_PROGRESS_DELAY", "0"}}), 100, 30);
    CHECK(import.wait_for("importing: ", std::chrono::seconds(60)));
    CHECK(import.finish() == 0);
    const auto shown = import.output();
    CHECK(shown.find(" entries, ") != std::string::npos);
    CHECK(shown.find("/s, ") != std::string::npos);
    CHECK(shown.find("%") != std::string::npos);
    CHECK(shown.find("imported 120000 entries (60000h) from " + second.string()) != std::string::npos);
}

TEST_CASE("cli/terminal: Ctrl-C during an import says nothing was imported and exits 130") {
    Workspace ws;
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    const auto file = big_csv(ws, "a", k2000, kRows);
    const auto before = ws.dump();
    // The line at once (SLASH_PROGRESS_DELAY=0): the Ctrl-C then lands with most of the
    // file still to read, however quick the import.
    PtyProcess import(command_line({"import", "csv", file.string()}), pty_env(ws, {{"SLASH_PROGRESS_DELAY", "0"}}),
                      100, 30);
    REQUIRE(import.wait_for("importing: ", std::chrono::seconds(60)));
    import.type("\x03");
    CHECK(import.finish() == 130);
    CHECK(import.output().find("slash: error: interrupted: nothing was imported\n") != std::string::npos);
    CHECK(ws.dump() == before);
}

namespace {

// A stream whose first write raises SIGINT: a Ctrl-C that lands while the export runs,
// whatever the speed of the machine.
class InterruptingBuffer : public std::stringbuf {
  protected:
    std::streamsize xsputn(const char* text, std::streamsize count) override {
        if (!raised_) {
            raised_ = true;
            std::raise(SIGINT);
        }
        return std::stringbuf::xsputn(text, count);
    }
    int_type overflow(int_type c) override {
        if (!raised_) {
            raised_ = true;
            std::raise(SIGINT);
        }
        return std::stringbuf::overflow(c);
    }

  private:
    bool raised_ = false;
};

// An export of more than a thousand rows: one progress step, and more.
void three_thousand_entries(Workspace& ws) {
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web"});
    const auto history = big_csv(ws, "a", k2000, 3000);
    ok(ws, {"import", "csv", history.string()});
}

}  // namespace

TEST_CASE("cli/terminal: an export to a file shows progress on a terminal, not on the terminal's own rows nor in a pipe") {
    Workspace ws;
    three_thousand_entries(ws);
    const std::map<std::string, std::string> at_once{{"SLASH_PROGRESS_DELAY", "0"}};
    // `slash export > FILE` at a terminal: the line, then the whole file.
    const fs::path backup = ws.dir() / "backup.csv";
    auto r = run_on_pty({"/bin/sh", "-c", "exec \"$0\" export --format csv > \"$1\"", slash_binary(), backup.string()},
                        pty_env(ws, at_once), 100, 30);
    CHECK(r.code == 0);
    CHECK(r.output.find("exporting: 1024 entries, ") != std::string::npos);
    std::ifstream in(backup);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(lines_of(text).size() == 3001);
    // The rows on the terminal are the progress; a pipe gets nothing but the rows.
    r = run_on_pty(command_line({"export", "--format", "csv", "--no-pager"}), pty_env(ws, at_once), 100, 30);
    CHECK(r.code == 0);
    CHECK(r.output.find("exporting:") == std::string::npos);
    ws.env.variables["SLASH_PROGRESS_DELAY"] = "0";
    auto piped = ws.shell("\"$SLASH\" export --format csv 2>&1 >/dev/null");
    CHECK(piped.code == 0);
    CHECK(piped.out == "");
    // Without SLASH_PROGRESS_DELAY, a second passes before any line: this export is quicker.
    ws.env.variables.erase("SLASH_PROGRESS_DELAY");
    r = run_on_pty({"/bin/sh", "-c", "exec \"$0\" export --format csv > \"$1\"", slash_binary(), backup.string()},
                   pty_env(ws), 100, 30);
    CHECK(r.code == 0);
    CHECK(r.output.find("exporting:") == std::string::npos);
}

TEST_CASE("cli/terminal: Ctrl-C during an export says it is incomplete and exits 130") {
    Workspace ws;
    three_thousand_entries(ws);
    InterruptingBuffer buffer;
    std::ostream out(&buffer);
    std::ostringstream err;
    std::istringstream in;
    const std::vector<std::string> args{"export", "--format", "csv"};
    CHECK(slash::cli::run(args, in, out, err, ws.env) == 130);
    CHECK(err.str() == "slash: error: interrupted: the export is incomplete\n");
    // Stopped at the first check, after 1024 rows: not the 3000 (nor the header alone).
    const auto rows = lines_of(buffer.str()).size();
    CHECK(rows > 1);
    CHECK(rows < 3001);
}
