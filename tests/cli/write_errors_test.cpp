#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "slash/cli/checked_output.hpp"
#include "slash/cli/run.hpp"
#include "support/commands.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::ok;
using slash::testing::read_file;
using slash::testing::run_ok;
using slash::testing::slash_binary;
using slash::testing::Workspace;

// Every write checked (docs/contract.md §6, issue 14): a full disk is exit 6 naming the
// stream or the file and the system's reason; `-o FILE` leaves a whole file or none; a
// closed pipe stays a quiet SIGPIPE exit.

namespace {

constexpr const char* kFull = "slash: error: writing standard output: No space left on device\n";

void history(Workspace& ws) {
    slash::testing::init_seller(ws);
    ok(ws, {"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue de la Paix", "--address",
            "75002 Paris", "--siren", "552100554", "--email", "ap@acme.example", "--hourly", "65"});
    ok(ws, {"mission", "add", "acme/web", "--title", "Website"});
    run_ok(ws, {"log", "acme/web", "9:00-11:30", "--on", "2026-10-05", "Home page"});
    REQUIRE(run_ok(ws, {"invoice", "new", "acme", "2026-10"}) == "1\n");
    REQUIRE(run_ok(ws, {"invoice", "issue", "1"}) == "2026-0001\n");
}

// Runs slash in-process with stdout on /dev/full through the buffer main() uses.
slash::testing::Result run_to_full_device(Workspace& ws, const std::vector<std::string>& args) {
    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    slash::testing::Result result;
    {
        slash::cli::FdOutputBuffer buffer(fd);
        std::ostream out(&buffer);
        std::istringstream in;
        std::ostringstream err;
        result.code = slash::cli::run(args, in, out, err, ws.env);
        result.err = err.str();
    }
    ::close(fd);
    return result;
}

// The status of `slash ARGS` whose stdout is a pipe already closed at its reading end, and
// what it wrote on stderr. `ignore_sigpipe`: as started by a parent that ignores SIGPIPE.
std::pair<int, std::string> run_into_closed_pipe(Workspace& ws, const std::vector<std::string>& args,
                                                 bool ignore_sigpipe) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    ::close(fds[0]);
    const auto err_path = ws.dir() / "stderr.txt";
    std::vector<std::string> argv{slash_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> c_argv;
    for (auto& arg : argv) c_argv.push_back(arg.data());
    c_argv.push_back(nullptr);
    std::vector<std::string> environment;
    for (const auto& [name, value] : ws.env.variables) environment.push_back(name + "=" + value);
    std::vector<char*> c_env;
    for (auto& entry : environment) c_env.push_back(entry.data());
    c_env.push_back(nullptr);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::signal(SIGPIPE, ignore_sigpipe ? SIG_IGN : SIG_DFL);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fds[1], STDOUT_FILENO);
        ::dup2(err, STDERR_FILENO);
        ::execve(c_argv[0], c_argv.data(), c_env.data());
        ::_exit(127);
    }
    ::close(fds[1]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const int code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
    return {code, read_file(err_path)};
}

}  // namespace

TEST_CASE("cli/write errors: a listing, a report and an export to a full device are exit 6") {
    Workspace ws;
    history(ws);
    const std::vector<std::vector<std::string>> commands{
        {"client", "list"}, {"report", "2026"}, {"export", "--format", "csv"}, {"entry", "list", "--json"}};
    for (const auto& args : commands) {
        INFO(slash::testing::joined(args));
        const auto before = ws.dump();
        auto r = run_to_full_device(ws, args);
        CHECK(r.code == 6);
        CHECK(r.err == kFull);
        CHECK(ws.dump() == before);
    }
}

TEST_CASE("cli/write errors: the real binary says so for stdout on /dev/full") {
    Workspace ws;
    history(ws);
    for (const std::string& command : std::vector<std::string>{"client list", "report 2026", "export --format csv"}) {
        INFO(command);
        auto r = ws.shell("\"$SLASH\" " + command + " > /dev/full");
        CHECK(r.code == 6);
        CHECK(r.err == kFull);
        CHECK(r.out == "");
    }
}

TEST_CASE("cli/write errors: a closed pipe is a quiet SIGPIPE exit") {
    Workspace ws;
    history(ws);
    for (bool ignored : {false, true}) {
        INFO("SIGPIPE ignored by the parent: " << ignored);
        auto [code, err] = run_into_closed_pipe(ws, {"export", "--format", "csv"}, ignored);
        CHECK(code == 128 + SIGPIPE);
        CHECK(err == "");
    }
}

TEST_CASE("cli/write errors: -o FILE is whole or absent, -o - is stdout") {
    Workspace ws;
    history(ws);
    const auto expected = ok(ws, {"invoice", "show", "2026-0001", "--format", "md"});
    REQUIRE(!expected.empty());

    // -o - prints, and creates no file named "-".
    auto r = ws.shell("cd \"" + ws.dir().string() + "\" && \"$SLASH\" invoice show 2026-0001 --format md -o -");
    CHECK(r.code == 0);
    CHECK(r.out == expected);
    CHECK(!std::filesystem::exists(ws.dir() / "-"));
    CHECK(ok(ws, {"invoice", "show", "2026-0001", "--format", "md", "-o", "-"}) == expected);

    // A file size limit of 0 blocks: the first write fails (EFBIG), nothing is left behind.
    // A connection held open here keeps the database's shared-memory file at its size, so
    // that slash's reading of the invoice writes no byte and only the document meets the limit.
    SQLite::Database held(ws.db_path().string(), SQLite::OPEN_READONLY);
    (void)held.execAndGet("SELECT count(*) FROM invoices").getInt();
    const auto path = ws.dir() / "out" / "2026-0001.md";
    std::filesystem::create_directory(ws.dir() / "out");
    r = ws.shell("ulimit -f 0; \"$SLASH\" invoice show 2026-0001 --format md -o \"" + path.string() + "\"");
    CHECK(r.code == 6);
    CHECK(r.err == "slash: error: writing \"" + path.string() + "\": File too large\n");
    CHECK(r.out == "");
    CHECK(std::filesystem::is_empty(ws.dir() / "out"));
}
