#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace slash::cli {

// Stub until the time commands land.
void add_time_commands(CLI::App&, Context&) {}

}  // namespace slash::cli
