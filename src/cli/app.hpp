#pragma once

#include <CLI/CLI.hpp>

namespace slash::cli {

class Context;

/// The option group of the flags every command accepts; listed once, under the root.
inline constexpr const char* kGlobalGroup = "Global options";
/// The output flags, global too: one group, whose title says they exclude each other.
inline constexpr const char* kOutputGroup = "Output (one of)";

/// The whole command tree with the global flags, every verb's action registered on `ctx`.
void build_app(CLI::App& app, Context& ctx);

}  // namespace slash::cli
