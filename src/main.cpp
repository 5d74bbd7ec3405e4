#include <unistd.h>

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "slash/cli/checked_output.hpp"
#include "slash/cli/run.hpp"

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) a write should fail with EFBIG, which SQLite rolls
    // back and slash reports, instead of the default action: killing the process mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    const std::vector<std::string> args(argv + 1, argv + argc);
    // stdout through a buffer that keeps the reason a write failed (a full disk), which
    // std::cout forgets; run() reports it as exit 6.
    slash::cli::FdOutputBuffer stdout_buffer(STDOUT_FILENO, true);
    std::ostream out(&stdout_buffer);
    return slash::cli::run(args, std::cin, out, std::cerr, slash::cli::Environment::from_process());
}
