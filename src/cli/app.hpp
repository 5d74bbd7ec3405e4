#pragma once

#include <CLI/CLI.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slash::cli {

class Context;

/// The option group of the flags every command accepts; listed once, under the root.
inline constexpr const char* kGlobalGroup = "Global options";

/// One function that adds top-level commands, with the names of the commands it adds.
struct CommandAdder {
    std::vector<std::string_view> names;
    void (*add)(CLI::App&, Context&);
};

/// Every adder of the command tree, in the order `slash --help` lists them.
std::span<const CommandAdder> command_adders();

/// The command tree with the global flags, each verb's action registered on `ctx`: only
/// the part `args` can reach (the named top-level command; the time commands for bare
/// `slash`; nothing more for `--version`), or the whole tree for `--help`, completion and a
/// word that names no command, whose messages list or suggest the others.
void build_app(CLI::App& app, Context& ctx, std::span<const std::string> args);

}  // namespace slash::cli
