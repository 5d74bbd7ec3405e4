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
    auto* json = app.add_flag("--json", g.json, "JSON output")->group(kOutputGroup);
    auto* csv = app.add_flag("--csv", g.csv, "CSV output (RFC 4180, with a header row)")->group(kOutputGroup);
    auto* tsv = app.add_flag("--tsv", g.tsv, "Tab-separated output with a header row")->group(kOutputGroup);
    auto* templ = optional_option(app, "--template", g.template_text, "Render each row with {field} placeholders")
                      ->type_name("TEMPLATE")
                      ->group(kOutputGroup);
    auto* quiet = app.add_flag("-q,--quiet", g.quiet, "Print only identifiers, one per line")->group(kOutputGroup);
    app.add_flag("--no-color", g.no_color, "Never colour the output (also NO_COLOR, TERM=dumb)")->group(kGlobalGroup);
    app.add_flag("--wide", g.wide, "Never cut a table to the terminal's width")->group(kGlobalGroup);
    app.add_flag("--no-pager", g.no_pager, "Never send long output through a pager")->group(kGlobalGroup);
    for (auto* a : {json, csv, tsv, templ, quiet}) {
        for (auto* b : {json, csv, tsv, templ, quiet}) {
            if (a != b) a->excludes(b);
        }
        // The group's title says they exclude each other, once, instead of an "Excludes:"
        // list after each (CLI11 prints the option text in its place).
        a->option_text(a == templ ? "TEMPLATE" : " ");
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

std::span<const CommandAdder> command_adders() {
    static const std::vector<CommandAdder> adders = {
        {{"init"}, add_init_command},
        {{"start", "stop", "cancel", "continue", "log", "status", "entry", "today", "week"}, add_time_commands},
        {{"client"}, add_client_commands},
        {{"mission", "missions"}, add_mission_commands},
        {{"invoice"}, add_invoice_commands},
        {{"quote"}, add_quote_commands},
        {{"payment"}, add_payment_commands},
        {{"report"}, add_report_command},
        {{"plan"}, add_plan_command},
        {{"receipts", "revenue"}, add_books_commands},
        {{"urssaf"}, add_urssaf_command},
        {{"des"}, add_des_command},
        {{"einvoicing"}, add_einvoicing_commands},
        {{"import", "export"}, add_interchange_commands},
        {{"config"}, add_config_commands},
        {{"db"}, add_db_commands},
        {{"completion", "__complete", "__commands"}, add_completion_commands},
    };
    return adders;
}

namespace {

// The global flags that take a value in the next word (`--db PATH`): that word is no command.
bool takes_value(std::string_view word) { return word == "--db" || word == "--config" || word == "--template"; }

// What `args` asks of the tree: start-up builds only that, since declaring all ~100 verbs
// with their options is most of what a command like `slash status` costs before it runs.
enum class Reach { Everything, Nothing, TimeCommands, OneAdder };

struct Needed {
    Reach reach = Reach::Everything;
    const CommandAdder* adder = nullptr;
};

Needed needed_for(std::span<const std::string> args) {
    bool help = false;
    bool version = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        if (word == "--") break;
        if (word == "-h" || word == "--help" || word == "--help-all") help = true;
        if (word == "--version") version = true;
        if (takes_value(word)) {
            ++i;
            continue;
        }
        if (word.empty() || word[0] == '-') continue;
        for (const CommandAdder& adder : command_adders()) {
            for (std::string_view name : adder.names) {
                if (name != word) continue;
                // Completion lists and completes every command.
                if (adder.add == add_completion_commands) return {};
                return {Reach::OneAdder, &adder};
            }
        }
        return {};  // an unknown word: the whole tree, for "did you mean"
    }
    if (help) return {};
    if (version) return {Reach::Nothing, nullptr};
    return {Reach::TimeCommands, nullptr};  // bare `slash` is `slash status`
}

}  // namespace

void build_app(CLI::App& app, Context& ctx, std::span<const std::string> args) {
    app.description("slash: time, missions and invoices for people with several clients");
    app.name("slash");
    app.set_version_flag("--version", "slash " SLASH_VERSION);
    app.set_help_all_flag("--help-all", "Print help for every command");
    app.fallthrough();  // inherited by every verb added below
    add_global_options(app, ctx.globals);

    const Needed needed = needed_for(args);
    switch (needed.reach) {
    case Reach::Everything:
        for (const CommandAdder& adder : command_adders()) adder.add(app, ctx);
        break;
    case Reach::Nothing:
        break;
    case Reach::TimeCommands:
        add_time_commands(app, ctx);
        break;
    case Reach::OneAdder:
        needed.adder->add(app, ctx);
        break;
    }
    one_verb_per_command(app);
}

}  // namespace slash::cli
