#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "support/test_env.hpp"

using slash::testing::Workspace;

// --help for people (issue 14): every verb ends with examples and its man page, and the
// output flags are one group whose exclusion is said once.

namespace {

// The command paths of `slash __commands`, root first ("" for the root).
std::vector<std::string> command_paths(Workspace& ws) {
    auto r = ws.run({"__commands"});
    REQUIRE(r.code == 0);
    std::vector<std::string> paths;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) paths.push_back(line.substr(0, line.find('\t')));
    return paths;
}

std::vector<std::string> words(const std::string& path) {
    std::vector<std::string> result;
    std::istringstream in(path);
    for (std::string word; in >> word;) result.push_back(word);
    return result;
}

}  // namespace

TEST_CASE("cli/help: every verb's --help ends with one to three examples and See slash-NOUN(N)") {
    Workspace ws;
    const auto paths = command_paths(ws);
    int verbs = 0;
    for (const auto& path : paths) {
        if (path.empty()) continue;
        bool noun = false;
        for (const auto& other : paths) noun = noun || other.rfind(path + " ", 0) == 0;
        if (noun) continue;
        ++verbs;
        INFO("slash " << path << " --help");
        auto args = words(path);
        args.push_back("--help");
        auto r = ws.run(args);
        CHECK(r.code == 0);
        const auto examples = r.out.find("\nExamples:\n");
        REQUIRE(examples != std::string::npos);
        std::istringstream rest(r.out.substr(examples + 11));
        int count = 0;
        std::string line;
        while (std::getline(rest, line) && !line.empty()) {
            CHECK(line.rfind("  ", 0) == 0);
            CHECK(line.find("slash ") != std::string::npos);
            ++count;
        }
        CHECK(count >= 1);
        CHECK(count <= 3);
        std::getline(rest, line);
        CHECK(line.rfind("See slash", 0) == 0);
        CHECK((line.ends_with("(1).") || line.ends_with("(5).")));
        CHECK(!std::getline(rest, line));
    }
    CHECK(verbs > 50);
}

TEST_CASE("cli/help: the output flags are one group, their exclusion said once") {
    Workspace ws;
    auto r = ws.run({"--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find("Excludes") == std::string::npos);
    const auto group = r.out.find("Output (one of):\n");
    REQUIRE(group != std::string::npos);
    CHECK(r.out.find("Output (one of):", group + 1) == std::string::npos);
    const auto rest = r.out.substr(group);
    for (const char* flag : {"--json", "--csv", "--tsv", "--template TEMPLATE", "-q,--quiet"}) {
        INFO(flag);
        CHECK(rest.find(std::string("  ") + flag) != std::string::npos);
    }
    // Still exclusive.
    auto both = ws.run({"client", "list", "--json", "--csv"});
    CHECK(both.code == 2);
}
