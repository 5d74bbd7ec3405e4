#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "slash/cli/run.hpp"

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) a write should fail with EFBIG, which SQLite rolls
    // back and slash reports, instead of the default action: killing the process mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    const std::vector<std::string> args(argv + 1, argv + argc);
    return slash::cli::run(args, std::cin, std::cout, std::cerr, slash::cli::Environment::from_process());
}
