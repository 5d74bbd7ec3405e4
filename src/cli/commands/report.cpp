#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/report_view.hpp"
#include "chart_output.hpp"
#include "commands.hpp"
#include "slash/domain/error.hpp"
#include "slash/services/report_service.hpp"

namespace slash::cli {

namespace {

struct ReportRequest {
    services::ReportQuery query;
    bool chart = false;
    bool ascii = false;
};

}  // namespace

void add_report_command(CLI::App& app, Context& ctx) {
    auto request = std::make_shared<ReportRequest>();
    CLI::App* verb = app.add_subcommand(
        "report", "Hours, billable amount, billed and unbilled, effective hourly rate of a period, grouped");
    optional_option(*verb, "period", request->query.period, "PERIOD (default: this month)")->type_name("PERIOD");
    verb->add_option("--by", request->query.by, "client (the default), mission, tag, day, week or month; repeat to nest")
        ->allow_extra_args(false)
        ->type_name("GROUP");
    optional_option(*verb, "--client", request->query.client, "Only this client's work")->type_name("CLIENT");
    verb->add_flag("--chart", request->chart, "Horizontal bars of the amount of each row instead of the table");
    verb->add_flag("--ascii", request->ascii, "Draw the chart with ASCII characters (implies --chart)");
    ctx.on_run(verb, [&ctx, request] {
        const bool chart = request->chart || request->ascii;
        if (chart) {
            refuse_chart_with_machine_output(ctx.globals, request->chart ? "--chart" : "--ascii");
        }
        auto report = services::ReportService(ctx.database(), ctx.config(), ctx.time_context()).report(request->query);
        if (chart) {
            ctx.out << report_chart(report, request->ascii, ctx.output().durations);
            return;
        }
        auto options = ctx.output();
        render::write_list(ctx.out, report_view(report, options), options);
    });
}

}  // namespace slash::cli
