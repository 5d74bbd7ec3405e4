#pragma once

namespace CLI {
class App;
}

namespace slash::cli {

class Context;

// One function per noun (src/cli/commands/<noun>.cpp) adds its verbs to the tree.
void add_init_command(CLI::App& app, Context& ctx);
void add_client_commands(CLI::App& app, Context& ctx);
void add_config_commands(CLI::App& app, Context& ctx);
void add_db_commands(CLI::App& app, Context& ctx);
void add_completion_commands(CLI::App& app, Context& ctx);

}  // namespace slash::cli
