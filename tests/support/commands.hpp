#pragma once

// Short hands for CLI tests that run many commands in a row.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/test_env.hpp"

namespace slash::testing {

/// The command line as a user would type it, for failure messages.
inline std::string joined(const std::vector<std::string>& args) {
    std::string text;
    for (const auto& arg : args) text += (text.empty() ? "" : " ") + arg;
    return text;
}

/// Runs a command that must succeed and returns its stdout; stderr is checked where it matters.
inline std::string run_ok(Workspace& ws, const std::vector<std::string>& args) {
    auto r = ws.run(args);
    INFO("slash " << joined(args) << ": " << r.err);
    REQUIRE(r.code == 0);
    return r.out;
}

/// A command that must succeed without a word on stderr.
inline std::string ok(Workspace& ws, const std::vector<std::string>& args) {
    auto r = ws.run(args);
    INFO("slash " << joined(args) << ": " << r.err);
    REQUIRE(r.code == 0);
    REQUIRE(r.err == "");
    return r.out;
}

/// `slash init` with a seller complete enough to issue invoices (Camille Martin, Paris).
inline void init_seller(Workspace& ws) {
    run_ok(ws, {"init", "--no-input", "--name", "Camille Martin", "--siren", "123456782", "--address",
                "12 rue des Lilas", "--address", "75011 Paris", "--email", "camille@example.org"});
}

}  // namespace slash::testing
