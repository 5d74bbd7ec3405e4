#include <doctest/doctest.h>

#include <string>

#include "support/process.hpp"

using slash::testing::run_process;

// The helper that runs the real peers (timew, hledger) and slash's binary.

TEST_CASE("run process: a child that exits without reading its input gives its exit code") {
    // Far more than a pipe holds, so the write meets the closed pipe (EPIPE, not SIGPIPE).
    auto result = run_process({"sh", "-c", "exit 3"}, {}, std::string(4 << 20, 'x'));
    CHECK(result.code == 3);
    CHECK(result.out.empty());
}

TEST_CASE("run process: input, output and error are passed through") {
    auto result = run_process({"sh", "-c", "cat; echo oops >&2"}, {}, "hello\n");
    CHECK(result.code == 0);
    CHECK(result.out == "hello\n");
    CHECK(result.err == "oops\n");
}
