#include "app.hpp"

#include "commands/commands.hpp"
#include "context.hpp"
#include "options.hpp"

#ifndef SLASH_VERSION
#define SLASH_VERSION "0.0.0"
#endif

namespace slash::cli {

namespace {

// The flags every command accepts (docs/contract.md §2), declared once on the root: CLI11's
// fallthrough lets a verb pass them up (`slash client list --json`).
void add_global_options(CLI::App& app, GlobalOptions& g) {
    optional_option(app, "--db", g.db, "Database file (env SLASH_DB)")->type_name("PATH")->group(kGlobalGroup);
    optional_option(app, "--config", g.config, "Config file (env SLASH_CONFIG)")->type_name("PATH")->group(kGlobalGroup);
    auto* json = app.add_flag("--json", g.json, "JSON output")->group(kGlobalGroup);
    auto* csv = app.add_flag("--csv", g.csv, "CSV output (RFC 4180, with a header row)")->group(kGlobalGroup);
    auto* tsv = app.add_flag("--tsv", g.tsv, "Tab-separated output with a header row")->group(kGlobalGroup);
    auto* templ = optional_option(app, "--template", g.template_text, "Render each row with {field} placeholders")
                      ->type_name("TEMPLATE")
                      ->group(kGlobalGroup);
    auto* quiet = app.add_flag("-q,--quiet", g.quiet, "Print only identifiers, one per line")->group(kGlobalGroup);
    app.add_flag("--no-color", g.no_color, "Never colour the output (also NO_COLOR)")->group(kGlobalGroup);
    for (auto* a : {json, csv, tsv, templ, quiet}) {
        for (auto* b : {json, csv, tsv, templ, quiet}) {
            if (a != b) a->excludes(b);
        }
    }
}

// One verb per command line: once a command has its verb, no later word can be taken for
// another command. CLI11 otherwise matches each word against every ancestor's verbs, and a
// note such as "slash log acme/x 1h client call" would switch to `client`.
void one_verb_per_command(CLI::App& app) {
    auto subs = app.get_subcommands([](CLI::App*) { return true; });
    if (!subs.empty()) app.require_subcommand(0, 1);
    for (CLI::App* sub : subs) one_verb_per_command(*sub);
}

}  // namespace

void build_app(CLI::App& app, Context& ctx) {
    app.description("slash: time, missions and invoices for people with several clients");
    app.name("slash");
    app.set_version_flag("--version", "slash " SLASH_VERSION);
    app.set_help_all_flag("--help-all", "Print help for every command");
    app.fallthrough();  // inherited by every verb added below
    add_global_options(app, ctx.globals);

    add_init_command(app, ctx);
    add_time_commands(app, ctx);
    add_client_commands(app, ctx);
    add_mission_commands(app, ctx);
    add_invoice_commands(app, ctx);
    add_payment_commands(app, ctx);
    add_report_command(app, ctx);
    add_plan_command(app, ctx);
    add_books_commands(app, ctx);
    add_urssaf_command(app, ctx);
    add_des_command(app, ctx);
    add_einvoicing_commands(app, ctx);
    add_interchange_commands(app, ctx);
    add_config_commands(app, ctx);
    add_db_commands(app, ctx);
    add_completion_commands(app, ctx);
    one_verb_per_command(app);
}

}  // namespace slash::cli
