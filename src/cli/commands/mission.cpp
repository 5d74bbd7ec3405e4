#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/mission_view.hpp"
#include "commands.hpp"
#include "slash/services/quote_service.hpp"
#include "slash/services/mission_service.hpp"

namespace slash::cli {

namespace {

struct MissionOptions {
    std::string address;
    services::MissionChanges changes;
};

services::MissionService service(Context& ctx) {
    return services::MissionService(ctx.database(), ctx.time_context(), services::billing_rules(ctx.config()));
}

// The fields shared by `add` and `edit`.
void add_field_options(CLI::App& verb, MissionOptions& o) {
    auto& c = o.changes;
    optional_option(verb, "--title", c.title, "What the mission is, in one line");
    optional_option(verb, "--hourly", c.hourly, "Billed per hour at this rate")->type_name("AMOUNT");
    optional_option(verb, "--daily", c.daily, "Billed per day ([time] hours_per_day) at this rate")
        ->type_name("AMOUNT");
    optional_option(verb, "--unit", c.unit, "Billed per unit at this price (entries give --units)")
        ->type_name("AMOUNT");
    optional_option(verb, "--unit-name", c.unit_name, "What one unit is: task, word, article");
    optional_option(verb, "--fixed", c.fixed, "One price for the whole mission")->type_name("AMOUNT");
    verb.add_flag("--none", c.none, "Not billed: prospecting, training, admin");
    optional_option(verb, "--budget", c.budget, "Budget in time (40h) or money (2000)")->type_name("BUDGET");
    optional_option(verb, "--estimate", c.estimate, "Estimated work, a duration such as 30h")
        ->type_name("DURATION");
    optional_option(verb, "--start", c.start_date, "Start date (YYYY-MM-DD, today, mon...)")->type_name("DATE");
    optional_option(verb, "--due", c.due_date, "Due date (YYYY-MM-DD, ...)")->type_name("DATE");
    optional_list_option(verb, "--tag", c.tags, "Tag, a lower-case word (repeat for each)");
    optional_option(verb, "--status", c.status, "planned or active (default active)");
    optional_option(verb, "--vat-regime", c.vat_regime,
                    "franchise, standard, reverse-charge or export (default: the client's)")
        ->type_name("REGIME");
    optional_option(verb, "--vat-rate", c.vat_rate, "VAT rate in percent, e.g. 5.5 (default: the client's)")
        ->type_name("PERCENT");
    optional_option(verb, "--activity", c.activity,
                    "URSSAF activity: bnc, bic-services or bic-sales (default: [urssaf] activity)")
        ->type_name("ACTIVITY");
}

void add_list_command(CLI::App& parent, Context& ctx) {
    struct ListOptions {
        std::string client;
        bool all = false;
    };
    auto o = std::make_shared<ListOptions>();
    CLI::App* verb = parent.add_subcommand("list", "List open missions, of one client or all (done too with --all)");
    verb->add_option("client", o->client, "Client handle");
    verb->add_flag("-a,--all", o->all, "Include done missions (and the missions of archived clients)");
    ctx.on_run(verb, [&ctx, o] {
        auto output = ctx.output();
        std::optional<std::string> client;
        if (!o->client.empty()) client = o->client;
        render::write_list(ctx.out, mission_list_view(service(ctx).list(client, o->all), output, ctx.time_zone()), output);
    });
}

void add_status_command(CLI::App& noun, Context& ctx, const char* name, const char* description,
                        services::MissionTransition to) {
    auto address = std::make_shared<std::string>();
    CLI::App* verb = noun.add_subcommand(name, description);
    verb->add_option("mission", *address, "CLIENT/MISSION")->required();
    ctx.on_run(verb, [&ctx, address, to] { ctx.out << service(ctx).transition(*address, to).address() << '\n'; });
}

}  // namespace

void add_mission_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("mission", "Manage missions: work for a client, as client/mission");

    {
        auto o = std::make_shared<MissionOptions>();
        CLI::App* verb = noun->add_subcommand("add", "Add a mission; prints its address");
        verb->add_option("mission", o->address, "CLIENT/MISSION, e.g. acme/website")->required();
        add_field_options(*verb, *o);
        ctx.on_run(verb, [&ctx, o] { ctx.out << service(ctx).add(o->address, o->changes).address() << '\n'; });
    }
    add_list_command(*noun, ctx);
    {
        auto address = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand("show", "Show every field of a mission and its figures");
        verb->add_option("mission", *address, "CLIENT/MISSION")->required();
        ctx.on_run(verb, [&ctx, address] {
            auto output = ctx.output();
            auto report = service(ctx).show(*address);
            auto quote = services::QuoteService(ctx.database(), ctx.config(), ctx.time_context())
                             .quote_of_mission(report.mission.id);
            write_mission(ctx.out, report, output, ctx.time_zone(), quote);
        });
    }
    {
        auto o = std::make_shared<MissionOptions>();
        CLI::App* verb = noun->add_subcommand("edit", "Change fields of a mission; an empty value clears one");
        verb->add_option("mission", o->address, "CLIENT/MISSION")->required();
        optional_option(*verb, "--rename", o->changes.handle, "New mission handle (entries follow)");
        add_field_options(*verb, *o);
        ctx.on_run(verb, [&ctx, o] { ctx.out << service(ctx).edit(o->address, o->changes).address() << '\n'; });
    }
    add_status_command(*noun, ctx, "done", "Mark a mission done", services::MissionTransition::Done);
    add_status_command(*noun, ctx, "pause", "Pause an active or planned mission", services::MissionTransition::Pause);
    add_status_command(*noun, ctx, "resume", "Make a paused or done mission active again",
                       services::MissionTransition::Resume);
    {
        auto address = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand("rm", "Delete a mission that has no entries and is on no invoice");
        verb->add_option("mission", *address, "CLIENT/MISSION")->required();
        ctx.on_run(verb, [&ctx, address] { ctx.out << service(ctx).remove(*address).address() << '\n'; });
    }

    CLI::App* missions = app.add_subcommand("missions", "Every open mission of every client, with its figures");
    ctx.on_run(missions, [&ctx] {
        auto output = ctx.output();
        render::write_list(ctx.out, mission_list_view(service(ctx).list(std::nullopt, false), output, ctx.time_zone()), output);
    });
}

}  // namespace slash::cli
