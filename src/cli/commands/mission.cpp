#include <CLI/CLI.hpp>

#include "commands.hpp"

namespace slash::cli {

// Stub until the mission commands land.
void add_mission_commands(CLI::App&, Context&) {}

}  // namespace slash::cli
