#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/plan_view.hpp"
#include "chart_output.hpp"
#include "commands.hpp"
#include "slash/domain/error.hpp"
#include "slash/services/plan_service.hpp"

namespace slash::cli {

namespace {

struct PlanOptions {
    services::PlanQuery query;
    bool chart = false;
    bool ascii = false;
};

void run_plan(Context& ctx, const PlanOptions& o) {
    const bool chart = o.chart || o.ascii;
    if (chart) {
        refuse_chart_with_machine_output(ctx.globals, o.chart ? "--chart" : "--ascii");
    }
    // Every value is checked before the database is opened: a refused plan touches nothing.
    const services::PlanRequest request = services::check_plan_query(o.query);
    const config::Config& config = ctx.config();
    const bool from_config = ctx.config_sets("time.capacity");
    auto options = ctx.output();
    auto plan = services::PlanService(ctx.database(), config, ctx.time_context(), from_config).plan(request);
    if (!from_config) {
        ctx.warn(fmt::format("no [time] capacity in the config file, so the default {} a week is used; set "
                             "yours with: slash config set time.capacity 28h",
                             config.time.capacity));
    }
    const bool for_people = options.format == render::Format::Auto && options.terminal;
    if (chart) {
        ctx.out << plan_chart(plan, o.ascii, ctx.output().durations);
    } else if (options.format == render::Format::Json) {
        write_plan_json(ctx.out, plan);
        return;
    } else {
        render::write_list(ctx.out, plan_weeks_view(plan, options), options);
    }
    if (for_people) {
        if (auto notes = plan_notes(plan, ctx.output().durations); !notes.empty()) ctx.out << '\n' << notes;
    }
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<PlanOptions>();
    CLI::App* verb = app.add_subcommand(
        "plan", "Workload of the coming weeks: capacity against remaining estimates, missions at risk");
    optional_option(*verb, "--weeks", o->query.weeks, "Weeks to plan, from 1 to 52 (default 6)")->type_name("N");
    verb->add_option("--off", o->query.off, "A day off, or days off: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD (repeat)")
        ->allow_extra_args(false)
        ->type_name("DATE|DATE..DATE");
    verb->add_flag("--chart", o->chart, "Horizontal bars of the committed hours of each week, capacity marked");
    verb->add_flag("--ascii", o->ascii, "Draw the chart with ASCII characters (implies --chart)");
    ctx.on_run(verb, [&ctx, o] { run_plan(ctx, *o); });
}

}  // namespace slash::cli
