#pragma once

#include <iosfwd>
#include <span>
#include <string>

#include "slash/cli/environment.hpp"

namespace slash::cli {

/// Runs one slash command line (`args` without the program name) and returns its exit
/// status. Reads only `in`, writes only `out` and `err`, learns about the world only
/// from `env`; never exits the process.
int run(std::span<const std::string> args, std::istream& in, std::ostream& out,
        std::ostream& err, const Environment& env);

}  // namespace slash::cli
