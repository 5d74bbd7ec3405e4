#include "app.hpp"

#include "commands/commands.hpp"
#include "context.hpp"

#ifndef SLASH_VERSION
#define SLASH_VERSION "0.0.0"
#endif

namespace slash::cli {

void build_app(CLI::App& app, Context& ctx) {
    app.description("slash: time, missions and invoices for people with several clients");
    app.name("slash");
    // Subcommands inherit fallthrough, so the global flags work after any verb:
    // `slash client list --json`.
    app.fallthrough();
    app.set_version_flag("--version", "slash " SLASH_VERSION);
    app.set_help_all_flag("--help-all", "Print help for every command");

    GlobalOptions& g = ctx.globals;
    app.add_option("--db", g.db, "Database file (env SLASH_DB)")->type_name("PATH");
    app.add_option("--config", g.config, "Config file (env SLASH_CONFIG)")->type_name("PATH");
    auto* json = app.add_flag("--json", g.json, "JSON output");
    auto* csv = app.add_flag("--csv", g.csv, "CSV output (RFC 4180, with a header row)");
    auto* tsv = app.add_flag("--tsv", g.tsv, "Tab-separated output with a header row");
    auto* templ = app.add_option("--template", g.template_text, "Render each row with {field} placeholders")
                      ->type_name("TEMPLATE");
    auto* quiet = app.add_flag("-q,--quiet", g.quiet, "Print only identifiers, one per line");
    app.add_flag("--no-color", g.no_color, "Never colour the output (also NO_COLOR)");
    for (auto* a : {json, csv, tsv, templ, quiet}) {
        for (auto* b : {json, csv, tsv, templ, quiet}) {
            if (a != b) a->excludes(b);
        }
    }

    add_init_command(app, ctx);
    add_time_commands(app, ctx);
    add_client_commands(app, ctx);
    add_mission_commands(app, ctx);
    add_config_commands(app, ctx);
    add_db_commands(app, ctx);
    add_completion_commands(app, ctx);
}

}  // namespace slash::cli
