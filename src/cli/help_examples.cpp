#include "help_examples.hpp"

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace slash::cli {

namespace {

struct Examples {
    std::string_view page;  // the man page of the verb
    std::vector<std::string_view> lines;
};

// Command path (without "slash") -> examples. Every verb has an entry: the docs test
// checks that every --help ends with examples and a man page.
const std::map<std::string_view, Examples>& examples() {
    static const std::map<std::string_view, Examples> table{
        {"init", {"slash(1)", {"slash init", "slash init --no-input --name \"Camille Martin\" --siren 123456782"}}},
        {"start", {"slash-time(1)", {"slash start acme/website", "slash start acme/website --at 9:15 Home page"}}},
        {"stop", {"slash-time(1)", {"slash stop", "slash stop --at 12:30 \"Home page, first draft\""}}},
        {"cancel", {"slash-time(1)", {"slash cancel"}}},
        {"continue", {"slash-time(1)", {"slash continue", "slash continue 42 --at 14:00"}}},
        {"log", {"slash-time(1)", {"slash log acme/website 2h30m Review", "slash log acme/website 9:00-11:30 --on yesterday"}}},
        {"status", {"slash-time(1)", {"slash status", "slash status --json"}}},
        {"today", {"slash-time(1)", {"slash today", "slash today --on yesterday"}}},
        {"week", {"slash-time(1)", {"slash week", "slash week 2026-11-02"}}},
        {"missions", {"slash-mission(1)", {"slash missions", "slash missions --csv"}}},
        {"report", {"slash-report(1)", {"slash report", "slash report 2026 --by client", "slash report 2026-10 --chart"}}},
        {"plan", {"slash-report(1)", {"slash plan", "slash plan --weeks 8 --chart"}}},
        {"receipts", {"slash-report(1)", {"slash receipts", "slash receipts 2026 --csv > recettes-2026.csv"}}},
        {"revenue", {"slash-report(1)", {"slash revenue", "slash revenue 2026 --by client"}}},
        {"urssaf", {"slash-report(1)", {"slash urssaf", "slash urssaf 2026-Q4"}}},
        {"des", {"slash-report(1)", {"slash des", "slash des 2026-11 --csv"}}},
        {"import", {"slash-import(1)", {"timew export | slash import timewarrior - --create",
                                        "slash import toggl toggl.csv --map Website=acme/website --dry-run"}}},
        {"export", {"slash-import(1)", {"slash export > backup.jsonl", "slash export 2026 --format timeclock > 2026.timeclock",
                                        "slash export --format ical --client acme > acme.ics"}}},
        {"completion", {"slash(1)", {"slash completion bash > ~/.local/share/bash-completion/completions/slash"}}},
        {"entry list", {"slash-time(1)", {"slash entry list", "slash entry list 2026-10 --client acme",
                                          "slash entry list -q --unbilled"}}},
        {"entry show", {"slash-time(1)", {"slash entry show 42"}}},
        {"entry edit", {"slash-time(1)", {"slash entry edit 42 --end 16:45", "slash entry edit 42 --note \"Call with Anna\""}}},
        {"entry rm", {"slash-time(1)", {"slash entry rm 42", "slash entry list -q today | xargs slash entry rm"}}},
        {"entry move", {"slash-time(1)", {"slash entry move 41 42 acme/support"}}},
        {"client add", {"slash-client(1)", {"slash client add acme --name \"ACME SAS\" --hourly 65",
                                            "slash client add acme --name \"ACME SAS\" --siren 552100554 --lookup"}}},
        {"client list", {"slash-client(1)", {"slash client list", "slash client list --all --json"}}},
        {"client show", {"slash-client(1)", {"slash client show acme"}}},
        {"client edit", {"slash-client(1)", {"slash client edit acme --terms 45", "slash client edit acme --rename acme-corp"}}},
        {"client lookup", {"slash-client(1)", {"slash client lookup 552100554"}}},
        {"client archive", {"slash-client(1)", {"slash client archive oldco"}}},
        {"client unarchive", {"slash-client(1)", {"slash client unarchive oldco"}}},
        {"client rm", {"slash-client(1)", {"slash client rm oldco"}}},
        {"mission add", {"slash-mission(1)", {"slash mission add acme/website --title \"Website redesign\" --estimate 30h",
                                              "slash mission add acme/labels --unit 0.12 --unit-name task"}}},
        {"mission list", {"slash-mission(1)", {"slash mission list", "slash mission list acme --all"}}},
        {"mission show", {"slash-mission(1)", {"slash mission show acme/website"}}},
        {"mission edit", {"slash-mission(1)", {"slash mission edit acme/website --due 2026-12-18", "slash mission edit acme/website --daily 520"}}},
        {"mission done", {"slash-mission(1)", {"slash mission done acme/website"}}},
        {"mission pause", {"slash-mission(1)", {"slash mission pause acme/website"}}},
        {"mission resume", {"slash-mission(1)", {"slash mission resume acme/website"}}},
        {"mission rm", {"slash-mission(1)", {"slash mission rm acme/website"}}},
        {"invoice new", {"slash-invoice(1)", {"slash invoice new acme", "slash invoice new acme 2026-10 --detail"}}},
        {"invoice monthly", {"slash-invoice(1)", {"slash invoice monthly --dry-run", "slash invoice monthly 2026-10"}}},
        {"invoice deposit",
         {"slash-invoice(1)", {"slash invoice deposit acme/site --percent 30", "slash invoice deposit acme/site --amount 500"}}},
        {"invoice line", {"slash-invoice(1)", {"slash invoice line add 3 \"Hosting, one year\" --price 120"}}},
        {"invoice line add", {"slash-invoice(1)", {"slash invoice line add 3 \"Hosting, one year\" --price 120"}}},
        {"invoice line rm", {"slash-invoice(1)", {"slash invoice line rm 3 2"}}},
        {"invoice issue", {"slash-invoice(1)", {"slash invoice issue 3", "slash invoice issue 3 --date 2026-10-31"}}},
        {"invoice show", {"slash-invoice(1)", {"slash invoice show 2026-0001", "slash invoice show 2026-0001 --format pdf -o 2026-0001.pdf"}}},
        {"invoice export", {"slash-invoice(1)", {"slash invoice export 2026 --dir invoices/"}}},
        {"invoice list", {"slash-invoice(1)", {"slash invoice list", "slash invoice list --overdue", "slash invoice list --client acme --year 2026"}}},
        {"invoice send", {"slash-einvoicing(1)", {"slash invoice send 2026-0001"}}},
        {"invoice status", {"slash-einvoicing(1)", {"slash invoice status 2026-0001"}}},
        {"invoice remind", {"slash-invoice(1)", {"slash invoice remind 2026-0001", "slash invoice remind 2026-0001 --level 3 --format html -o relance.html"}}},
        {"invoice mail", {"slash-invoice(1)", {"slash invoice mail 2026-0001", "slash invoice mail 2026-0001 --reminder --dry-run"}}},
        {"invoice pay", {"slash-invoice(1)", {"slash invoice pay 2026-0001", "slash invoice pay 2026-0001 --amount 500 --on 2026-11-20"}}},
        {"invoice credit", {"slash-invoice(1)", {"slash invoice credit 2026-0001 --reason \"Wrong rate\""}}},
        {"invoice rm", {"slash-invoice(1)", {"slash invoice rm 3"}}},
        {"quote new", {"slash-quote(1)", {"slash quote new acme --title \"Refonte du site\""}}},
        {"quote line", {"slash-quote(1)", {"slash quote line add 1 \"Audit technique\" --price 600 --quantity 2 --unit day"}}},
        {"quote line add", {"slash-quote(1)", {"slash quote line add 1 \"Audit technique\" --price 600 --quantity 2 --unit day"}}},
        {"quote line rm", {"slash-quote(1)", {"slash quote line rm 1 2"}}},
        {"quote issue", {"slash-quote(1)", {"slash quote issue 1", "slash quote issue 1 --date 2026-11-02"}}},
        {"quote show", {"slash-quote(1)", {"slash quote show D2026-0001"}}},
        {"quote list", {"slash-quote(1)", {"slash quote list", "slash quote list --status expired"}}},
        {"quote accept", {"slash-quote(1)", {"slash quote accept D2026-0001"}}},
        {"quote decline", {"slash-quote(1)", {"slash quote decline D2026-0001"}}},
        {"payment add", {"slash-payment(1)", {"slash payment add --client microtask --amount 48.00 --activity bic-services"}}},
        {"payment list", {"slash-payment(1)", {"slash payment list", "slash payment list 2026 --client acme"}}},
        {"payment rm", {"slash-payment(1)", {"slash payment rm 7"}}},
        {"einvoicing check", {"slash-einvoicing(1)", {"slash einvoicing check"}}},
        {"einvoicing sync", {"slash-einvoicing(1)", {"slash einvoicing sync"}}},
        {"config path", {"slash-config(5)", {"slash config path", "$EDITOR \"$(slash config path)\""}}},
        {"config list", {"slash-config(5)", {"slash config list"}}},
        {"config get", {"slash-config(5)", {"slash config get seller.siren"}}},
        {"config set", {"slash-config(5)", {"slash config set seller.iban FR7630006000011234567890189",
                                            "slash config set display.pager \"less -S\""}}},
        {"db path", {"slash(1)", {"slash db path"}}},
        {"db check", {"slash(1)", {"slash db check"}}},
        {"db backup", {"slash(1)", {"slash db backup ~/backups/slash-$(date +%F).db"}}},
    };
    return table;
}

std::string path_of(const CLI::App* app) {
    std::string path;
    for (; app != nullptr && app->get_parent() != nullptr; app = app->get_parent()) {
        path = path.empty() ? app->get_name() : app->get_name() + " " + path;
    }
    return path;
}

void add_footers(CLI::App& app) {
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        const std::string path = path_of(sub);
        if (auto found = examples().find(path); found != examples().end()) {
            std::string footer = "\nExamples:\n";
            for (auto line : found->second.lines) footer += "  " + std::string(line) + "\n";
            footer += "\nSee " + std::string(found->second.page) + ".";
            sub->footer(footer);
        }
        add_footers(*sub);
    }
}

}  // namespace

void add_help_examples(CLI::App& app) { add_footers(app); }

}  // namespace slash::cli
