#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <ostream>

#include "../app.hpp"
#include "../completion_scripts.hpp"
#include "../context.hpp"
#include "commands.hpp"
#include "slash/config/config.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/invoice.hpp"
#include "slash/services/database_service.hpp"
#include "slash/services/entry_completion.hpp"
#include "slash/services/invoice_completion.hpp"
#include "slash/services/quote_service.hpp"
#include "slash/services/mission_completion.hpp"

namespace slash::cli {

namespace {

// Cobra's wire format: "value<TAB>description" lines, then ":DIRECTIVE".
constexpr int kDirectiveDefault = 0;      // let the shell complete file names
constexpr int kDirectiveNoFileComp = 4;   // offer only the candidates given

struct Candidate {
    std::string value;
    std::string description;
};

bool visible(const CLI::App* app) { return !app->get_group().empty(); }

std::vector<CLI::App*> visible_subcommands(CLI::App* app) {
    return app->get_subcommands([](CLI::App* sub) { return visible(sub); });
}

const CLI::Option* find_long_option(CLI::App* cmd, const std::string& name) {
    for (CLI::App* app = cmd; app != nullptr; app = app->get_parent()) {
        for (const CLI::Option* option : app->get_options()) {
            for (const auto& lname : option->get_lnames()) {
                if (lname == name) return option;
            }
        }
    }
    return nullptr;
}

bool takes_value(const CLI::Option* option) { return option->get_type_size_max() > 0; }

std::string path_of(const CLI::App* cmd) {
    std::string path;
    for (const CLI::App* app = cmd; app != nullptr && app->get_parent() != nullptr; app = app->get_parent()) {
        path = path.empty() ? app->get_name() : app->get_name() + " " + path;
    }
    return path;
}

void add_clients(std::vector<Candidate>& out, Context& ctx, bool archived) {
    for (auto& [handle, name] : services::completion_clients(ctx.db_path(), archived)) {
        out.push_back({handle, name});
    }
}

void add_missions(std::vector<Candidate>& out, Context& ctx) {
    for (auto& [address, title] : services::completion_missions(ctx.db_path(), services::MissionChoice::Open)) {
        out.push_back({address, title});
    }
}

void add_entries(std::vector<Candidate>& out, Context& ctx) {
    // Local times; completion never fails, so a zone that cannot load falls back to UTC.
    const domain::FixedOffsetZone utc(0, "UTC");
    const domain::TimeZone* zone = &utc;
    try {
        zone = &ctx.time_zone();
    } catch (const Error&) {
    }
    for (auto& [id, description] : services::completion_entries(ctx.db_path(), *zone)) {
        out.push_back({id, description});
    }
}

void add_invoices(std::vector<Candidate>& out, Context& ctx, services::InvoiceChoice choice) {
    for (auto& [ref, description] : services::completion_invoices(ctx.db_path(), choice)) {
        out.push_back({ref, description});
    }
}

// The values come from the domain lists that the services check against, so that a new
// status or method is offered as soon as it is accepted; the descriptions only help.
std::vector<Candidate> invoice_statuses() {
    auto describe = [](const std::string& status) -> std::string {
        if (status == "draft") return "not issued yet";
        if (status == "issued") return "issued, nothing paid, not due yet";
        if (status == "paid") return "paid in full";
        if (status == "partially_paid") return "partly paid, not due yet";
        if (status == "overdue") return "past its due date and not paid in full";
        if (status == "cancelled") return "cancelled by a credit note";
        return "";
    };
    std::vector<Candidate> out;
    for (const auto& status : domain::invoice_statuses()) out.push_back({status, describe(status)});
    return out;
}

std::vector<Candidate> payment_methods() {
    auto describe = [](domain::PaymentMethod method) -> std::string {
        switch (method) {
            case domain::PaymentMethod::Transfer: return "bank transfer";
            case domain::PaymentMethod::Card: return "payment card";
            case domain::PaymentMethod::Cash: return "cash";
            case domain::PaymentMethod::Check: return "cheque";
            case domain::PaymentMethod::Platform: return "payout from a platform";
        }
        return "";
    };
    std::vector<Candidate> out;
    for (auto method : domain::payment_methods()) out.push_back({std::string(domain::to_text(method)), describe(method)});
    return out;
}

// Values of an option that takes one; nullopt lets the shell complete file names.
// `path` is the command the option belongs to: the same name means different values on
// different verbs (`mission add --status` is not `invoice list --status`).
std::optional<std::vector<Candidate>> option_values(Context& ctx, const std::string& path,
                                                    const CLI::Option* option) {
    const std::string& name = option->get_lnames().front();
    // A path (--db, --config, -o FILE, --dir DIR): the shell completes file names.
    const std::string type = option->get_type_name();
    if (type == "PATH" || type == "FILE" || type == "DIR") return std::nullopt;
    if (name == "status" && path == "invoice list") return invoice_statuses();
    if (name == "method" && (path == "invoice pay" || path == "payment add")) return payment_methods();
    if (name == "format" && path == "invoice show") {
        return std::vector<Candidate>{{"text", "plain text document"},
                                      {"md", "Markdown document"},
                                      {"json", "one JSON object"},
                                      {"html", "self-contained printable HTML"},
                                      {"cii", "Factur-X CII XML (EN 16931)"},
                                      {"pdf", "Factur-X PDF/A-3 with the XML embedded"}};
    }
    if (name == "format" && path == "invoice remind") {
        return std::vector<Candidate>{{"text", "plain text letter, the default"},
                                      {"md", "Markdown letter"},
                                      {"html", "self-contained printable HTML"}};
    }
    if (name == "level" && path == "invoice remind") {
        return std::vector<Candidate>{{"1", "friendly reminder"}, {"2", "firm reminder"}, {"3", "mise en demeure"}};
    }
    if (name == "by" && path == "report") {
        return std::vector<Candidate>{{"client", "one group per client"},  {"mission", "one group per mission"},
                                      {"tag", "one group per tag"},        {"day", "one group per day"},
                                      {"week", "one group per week"},      {"month", "one group per month"}};
    }
    if (name == "activity" && (path == "mission add" || path == "mission edit" || path == "payment add")) {
        std::vector<Candidate> out{{"bnc", "liberal profession (BNC)"},
                                   {"bic-services", "commercial or craft services (BIC)"},
                                   {"bic-sales", "sales of goods (BIC)"}};
        if (path != "mission add") out.push_back({"default", "the [urssaf] activity of the config"});
        return out;
    }
    if (name == "by" && path == "revenue") {
        return std::vector<Candidate>{{"month", "one row per month, the default"}, {"client", "one row per client"}};
    }
    if (name == "format" && path == "invoice export") {
        return std::vector<Candidate>{{"pdf", "Factur-X PDF/A-3, the default"},
                                      {"cii", "Factur-X CII XML (EN 16931)"},
                                      {"html", "self-contained printable HTML"}};
    }
    if (name == "format" && path == "export") {
        return std::vector<Candidate>{{"jsonl", "one JSON object per line, the default"},
                                      {"csv", "slash's CSV, read back by slash import csv"},
                                      {"timeclock", "hledger and ledger timeclock"},
                                      {"ical", "iCalendar (RFC 5545) events"}};
    }
    if (name == "unit" && path == "invoice line add") {
        return std::vector<Candidate>{
            {"hour", "hours (HUR)"}, {"day", "days (DAY)"}, {"unit", "units (C62), the default"}};
    }
    if (name == "unit" && path == "quote line add") {
        return std::vector<Candidate>{
            {"hour", "an hourly mission once accepted"}, {"day", "a daily mission"}, {"unit", "fixed price or per unit"}};
    }
    if (name == "status" && path == "quote list") {
        return std::vector<Candidate>{{"draft", "not issued yet"},
                                      {"issued", "sent, no answer yet"},
                                      {"accepted", "accepted: its missions exist"},
                                      {"declined", "declined by the client"},
                                      {"expired", "issued, validity over"}};
    }
    if (name == "invoice" && path == "payment list") {
        std::vector<Candidate> out;
        add_invoices(out, ctx, services::InvoiceChoice::Invoices);
        return out;
    }
    if (name == "mission") {
        std::vector<Candidate> out;
        add_missions(out, ctx);
        return out;
    }
    if (name == "client") {
        std::vector<Candidate> out;
        add_clients(out, ctx, false);
        return out;
    }
    if (name == "language") return std::vector<Candidate>{{"fr", "French"}, {"en", "English"}};
    if (name == "kind") return std::vector<Candidate>{{"business", "a company"}, {"individual", "a private person"}};
    if (name == "currency") {
        return std::vector<Candidate>{{"EUR", "euro"}, {"USD", "US dollar"}, {"GBP", "pound sterling"},
                                      {"CHF", "Swiss franc"}, {"CAD", "Canadian dollar"}};
    }
    return std::vector<Candidate>{};
}

std::vector<Candidate> positional_values(Context& ctx, const std::string& path, int index, int& directive) {
    std::vector<Candidate> out;
    if (index == 0 && (path == "client show" || path == "client edit" || path == "client archive" ||
                       path == "client rm")) {
        add_clients(out, ctx, false);
    } else if (index == 0 && path == "client unarchive") {
        add_clients(out, ctx, true);
    } else if (index == 0 && (path == "mission show" || path == "mission edit" || path == "mission done" ||
                              path == "mission pause" || path == "mission resume" || path == "mission rm")) {
        auto choice = path == "mission pause"    ? services::MissionChoice::Pausable
                      : path == "mission resume" ? services::MissionChoice::Resumable
                                                 : services::MissionChoice::Open;
        for (auto& [address, title] : services::completion_missions(ctx.db_path(), choice)) {
            out.push_back({address, title});
        }
    } else if (index == 0 && path == "mission add") {
        // A new mission's address starts with its client: "acme/", then the user types on.
        constexpr int kDirectiveNoSpace = 2;
        add_clients(out, ctx, false);
        for (auto& candidate : out) candidate.value += '/';
        directive |= kDirectiveNoSpace;
    } else if (index == 0 && path == "mission list") {
        add_clients(out, ctx, false);
    } else if (index == 0 && path == "invoice new") {
        add_clients(out, ctx, false);
    } else if (index == 0 && (path == "invoice issue" || path == "invoice rm" || path == "invoice line add" ||
                              path == "invoice line rm")) {
        add_invoices(out, ctx, services::InvoiceChoice::Drafts);
    } else if (index == 0 && (path == "invoice show" || path == "invoice pay" || path == "invoice credit" ||
                              path == "invoice send" || path == "invoice status" || path == "invoice remind" ||
                              path == "invoice mail")) {
        // A reminder is of an invoice with something still due; any issued document is mailed.
        auto choice = path == "invoice pay" || path == "invoice remind"        ? services::InvoiceChoice::Payable
                      : path == "invoice credit"                              ? services::InvoiceChoice::Creditable
                      : path == "invoice send" || path == "invoice status" ||
                              path == "invoice mail"                          ? services::InvoiceChoice::Issued
                                                                              : services::InvoiceChoice::Any;
        add_invoices(out, ctx, choice);
    } else if (index == 0 && path == "quote new") {
        add_clients(out, ctx, false);
    } else if (index == 0 && (path == "quote issue" || path == "quote line add" || path == "quote line rm" ||
                              path == "quote show" || path == "quote accept" || path == "quote decline")) {
        auto choice = path == "quote show"                                ? services::QuoteChoice::Any
                      : path == "quote accept" || path == "quote decline" ? services::QuoteChoice::Issued
                                                                          : services::QuoteChoice::Drafts;
        for (auto& [ref, description] : services::completion_quotes(ctx.db_path(), choice)) {
            out.push_back({ref, description});
        }
    } else if (index == 0 && path == "payment rm") {
        for (auto& [id, description] : services::completion_payments(ctx.db_path())) out.push_back({id, description});
    } else if (index == 0 && (path == "start" || path == "log" || path == "invoice deposit")) {
        add_missions(out, ctx);
    } else if (path == "entry show" || path == "entry edit" || (path == "continue" && index == 0) ||
               path == "entry rm") {
        if (index == 0 || path == "entry rm") add_entries(out, ctx);
    } else if (path == "entry move") {
        // ID... then the mission: offer both until the user has chosen.
        add_entries(out, ctx);
        if (index > 0) add_missions(out, ctx);
    } else if (index == 0 && (path == "config get" || path == "config set")) {
        for (const auto& key : config::config_keys()) out.push_back({key, ""});
    } else if (path == "des" && index == 0) {
        // A DES is filed for the month before; YYYY-MM is typed.
        out = {{"lastmonth", "the month before (the default)"}, {"month", "this month so far"}};
    } else if (path == "completion" && index == 0) {
        out = {{"bash", ""}, {"zsh", ""}, {"fish", ""}};
    } else if (path == "db backup") {
        directive = kDirectiveDefault;
    } else if (path == "import" && index == 0) {
        out = {{"timewarrior", "the JSON of timew export"},
               {"watson", "Watson's frames file or watson log --json"},
               {"toggl", "Toggl Track detailed report (CSV)"},
               {"clockify", "Clockify detailed report (CSV)"},
               {"csv", "slash's CSV (slash export --format csv)"},
               {"jsonl", "slash's JSON lines (slash export)"}};
    } else if (path == "import" && index == 1) {
        directive = kDirectiveDefault;
    }
    return out;
}

// The user's own --db/--config words decide which database completes handles.
void remember_location(Context& ctx, const CLI::Option* option, const std::string& value) {
    const std::string& name = option->get_lnames().front();
    if (value.empty()) return;  // completion never fails: an empty path just falls back
    if (name == "db") ctx.globals.db = value;
    if (name == "config") ctx.globals.config = value;
}

}  // namespace

void complete_words(CLI::App& root, Context& ctx, std::vector<std::string> words) {
    std::string current = words.empty() ? std::string() : words.back();
    if (!words.empty()) words.pop_back();
    CLI::App* cmd = &root;
    int positional = 0;
    const CLI::Option* pending = nullptr;
    for (const auto& word : words) {
        if (pending != nullptr) {
            remember_location(ctx, pending, word);
            pending = nullptr;
        } else if (word.rfind("--", 0) == 0 && word.size() > 2) {
            auto equals = word.find('=');
            const CLI::Option* option = find_long_option(cmd, word.substr(2, equals - 2));
            if (option && takes_value(option)) {
                if (equals == std::string::npos) {
                    pending = option;
                } else {
                    remember_location(ctx, option, word.substr(equals + 1));
                }
            }
        } else if (word.size() == 2 && word[0] == '-' && word[1] != '-') {
            // A short option (`-o FILE`): its value comes next, as for a long one.
            for (CLI::App* app = cmd; app != nullptr && pending == nullptr; app = app->get_parent()) {
                for (const CLI::Option* option : app->get_options()) {
                    const auto& snames = option->get_snames();
                    bool named = std::find(snames.begin(), snames.end(), word.substr(1)) != snames.end();
                    if (named && takes_value(option)) pending = option;
                }
            }
        } else if (word.size() > 1 && word[0] == '-') {
            continue;
        } else {
            CLI::App* sub = nullptr;
            for (CLI::App* candidate : visible_subcommands(cmd)) {
                if (candidate->get_name() == word) sub = candidate;
            }
            if (sub != nullptr && positional == 0) {
                cmd = sub;
            } else {
                ++positional;
            }
        }
    }

    std::vector<Candidate> candidates;
    int directive = kDirectiveNoFileComp;
    // `--language=f`: complete the value, and answer with whole words as typed.
    std::string value_prefix;
    if (pending == nullptr && current.rfind("--", 0) == 0 && current.find('=') != std::string::npos) {
        auto equals = current.find('=');
        const CLI::Option* option = find_long_option(cmd, current.substr(2, equals - 2));
        if (option != nullptr && takes_value(option)) {
            pending = option;
            value_prefix = current.substr(0, equals + 1);
            current = current.substr(equals + 1);
        }
    }
    if (pending != nullptr) {
        auto values = option_values(ctx, path_of(cmd), pending);
        if (values) {
            candidates = *values;
        } else {
            directive = kDirectiveDefault;
        }
    } else if (!current.empty() && current[0] == '-') {
        for (CLI::App* app = cmd; app != nullptr; app = app->get_parent()) {
            for (const CLI::Option* option : app->get_options()) {
                for (const auto& lname : option->get_lnames()) {
                    candidates.push_back({"--" + lname, option->get_description()});
                }
            }
        }
    } else if (!visible_subcommands(cmd).empty()) {
        // After a word that is not a verb (`slash bogus `), no verb can follow.
        if (positional == 0) {
            for (CLI::App* sub : visible_subcommands(cmd)) {
                candidates.push_back({sub->get_name(), sub->get_description()});
            }
        }
    } else {
        candidates = positional_values(ctx, path_of(cmd), positional, directive);
    }
    std::vector<std::string> offered;
    for (const auto& candidate : candidates) {
        if (candidate.value.rfind(current, 0) != 0) continue;
        // --help is inherited by every level: offer each name once.
        if (std::find(offered.begin(), offered.end(), candidate.value) != offered.end()) continue;
        offered.push_back(candidate.value);
        ctx.out << value_prefix << candidate.value;
        if (!candidate.description.empty()) ctx.out << '\t' << candidate.description;
        ctx.out << '\n';
    }
    ctx.out << ':' << directive << '\n';
}

namespace {

// One line per command: its path, a tab, its long flags; for the docs-consistency test.
void list_commands(CLI::App* cmd, std::ostream& out) {
    if (!visible(cmd) && cmd->get_parent() != nullptr) return;
    out << path_of(cmd) << '\t';
    bool first = true;
    for (const CLI::Option* option : cmd->get_options()) {
        // The global flags belong to the root's line; every command repeats them.
        if (cmd->get_parent() != nullptr && (option->get_group() == kGlobalGroup || option->get_group() == kOutputGroup)) {
            continue;
        }
        for (const auto& lname : option->get_lnames()) {
            if (lname == "help" || lname == "help-all") continue;
            out << (first ? "" : " ") << "--" << lname;
            first = false;
        }
    }
    out << '\n';
    for (CLI::App* sub : visible_subcommands(cmd)) list_commands(sub, out);
}

}  // namespace

void add_completion_commands(CLI::App& app, Context& ctx) {
    auto shell = std::make_shared<std::string>();
    CLI::App* completion = app.add_subcommand("completion", "Print the shell completion script");
    completion->add_option("shell", *shell, "bash, zsh or fish")->required();
    ctx.on_run(completion, [&ctx, shell] {
        if (*shell == "bash") {
            ctx.out << bash_completion_script();
        } else if (*shell == "zsh") {
            ctx.out << zsh_completion_script();
        } else if (*shell == "fish") {
            ctx.out << fish_completion_script();
        } else {
            throw Error(ErrorKind::Usage, "unknown shell \"" + *shell + "\": use bash, zsh or fish");
        }
    });

    // Listed for the docs test only: `run` hands `__complete` lines to complete_words
    // before CLI11 parses, since the words are a partial command line, not options.
    CLI::App* protocol = app.add_subcommand("__complete", "Completion protocol for the shell scripts");
    protocol->group("");

    CLI::App* commands = app.add_subcommand("__commands", "Every command and its long flags");
    commands->group("");
    ctx.on_run(commands, [&ctx, &app] { list_commands(&app, ctx.out); });
}

}  // namespace slash::cli
