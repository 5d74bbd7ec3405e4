#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace slash::cli {

class Context;

// One function per noun (src/cli/commands/<noun>.cpp) adds its verbs to the tree.
void add_init_command(CLI::App& app, Context& ctx);
void add_client_commands(CLI::App& app, Context& ctx);
void add_mission_commands(CLI::App& app, Context& ctx);
void add_time_commands(CLI::App& app, Context& ctx);
void add_invoice_commands(CLI::App& app, Context& ctx);
void add_payment_commands(CLI::App& app, Context& ctx);
void add_books_commands(CLI::App& app, Context& ctx);
void add_report_command(CLI::App& app, Context& ctx);
void add_plan_command(CLI::App& app, Context& ctx);
void add_urssaf_command(CLI::App& app, Context& ctx);
void add_interchange_commands(CLI::App& app, Context& ctx);
void add_config_commands(CLI::App& app, Context& ctx);
void add_db_commands(CLI::App& app, Context& ctx);
void add_completion_commands(CLI::App& app, Context& ctx);

/// The completion protocol (`slash __complete WORD... CURRENT`): candidate lines
/// "value<TAB>description", then ":directive" (cobra's wire format).
void complete_words(CLI::App& root, Context& ctx, std::vector<std::string> words);

}  // namespace slash::cli
