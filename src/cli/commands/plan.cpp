#include <CLI/CLI.hpp>

#include "../context.hpp"
#include "commands.hpp"

namespace slash::cli {

// Stub: filled in by issue 6.
void add_plan_command(CLI::App&, Context&) {}

}  // namespace slash::cli
