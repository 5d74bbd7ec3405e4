#include <doctest/doctest.h>

#include <CLI/CLI.hpp>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/context.hpp"
#include "support/test_env.hpp"

// Start-up builds only the part of the command tree a command line can reach (issue 16):
// these tests keep the table of adders true to what each adder declares, and check that a
// command line still finds its command, its help and its did-you-mean.

namespace {

using slash::cli::CommandAdder;
using slash::testing::Workspace;

std::set<std::string> top_level_names(const CLI::App& app) {
    std::set<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.insert(sub->get_name());
    return names;
}

struct Tree {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    slash::cli::Environment env;
    slash::cli::Context ctx{env, in, out, err};
    CLI::App app;

    explicit Tree(std::vector<std::string> args) { slash::cli::build_app(app, ctx, args); }
};

}  // namespace

TEST_CASE("cli/command tree: each adder declares exactly the commands the table names") {
    for (const CommandAdder& adder : slash::cli::command_adders()) {
        std::istringstream in;
        std::ostringstream out;
        std::ostringstream err;
        slash::cli::Environment env;
        slash::cli::Context ctx(env, in, out, err);
        CLI::App app;
        adder.add(app, ctx);
        const std::set<std::string> named(adder.names.begin(), adder.names.end());
        CHECK(top_level_names(app) == named);
    }
}

TEST_CASE("cli/command tree: only the named command is built, the whole tree for help and unknown words") {
    CHECK(top_level_names(Tree({"client", "list"}).app) == std::set<std::string>{"client"});
    CHECK(top_level_names(Tree({"--db", "entry", "missions"}).app) == std::set<std::string>{"mission", "missions"});
    CHECK(top_level_names(Tree({"--json", "log", "acme/site", "1h", "client", "call"}).app).count("client") == 0);
    CHECK(top_level_names(Tree({"--version"}).app).empty());
    const auto bare = top_level_names(Tree({}).app);
    CHECK(bare.count("status") == 1);
    CHECK(bare.count("client") == 0);
    std::set<std::string> every;
    for (const CommandAdder& adder : slash::cli::command_adders()) every.insert(adder.names.begin(), adder.names.end());
    CHECK(top_level_names(Tree({"--help"}).app) == every);
    CHECK(top_level_names(Tree({"clinet"}).app) == every);
    CHECK(top_level_names(Tree({"__complete", "cl"}).app) == every);
}

TEST_CASE("cli/command tree: help, suggestions and bare slash work on the partial tree") {
    Workspace ws;
    auto r = ws.run({"--help"});
    CHECK(r.code == 0);
    for (const char* noun : {"client", "mission", "invoice", "report", "einvoicing", "import", "db"}) {
        CHECK_MESSAGE(r.out.find(std::string("  ") + noun + " ") != std::string::npos, noun);
    }
    r = ws.run({"lg"});
    CHECK(r.code == 2);
    CHECK(r.err == "slash: error: unknown command \"lg\" for \"slash\" (did you mean \"log\"?)\n");
    REQUIRE(ws.run({"client", "add", "acme", "--name", "ACME"}).code == 0);
    r = ws.run({"--no-color"});
    CHECK(r.code == 0);
    CHECK(r.err == "");
    CHECK(r.out.find("no timer running") != std::string::npos);
    r = ws.run({"--db", ws.db_path().string(), "client", "list", "-q"});
    CHECK(r.code == 0);
    CHECK(r.out == "acme\n");
}
