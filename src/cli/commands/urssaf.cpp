#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/urssaf_view.hpp"
#include "commands.hpp"
#include "slash/services/urssaf_service.hpp"

namespace slash::cli {

void add_urssaf_command(CLI::App& app, Context& ctx) {
    auto period = std::make_shared<std::optional<std::string>>();
    CLI::App* verb = app.add_subcommand(
        "urssaf", "Turnover collected in a month or quarter by activity, contributions to declare, thresholds");
    optional_option(*verb, "period", *period,
                    "A month (YYYY-MM, month, lastmonth) or a quarter (YYYY-Qn); default: the last complete one "
                    "per [urssaf] periodicity")
        ->type_name("PERIOD");
    ctx.on_run(verb, [&ctx, period] {
        services::UrssafService service(ctx.database(), ctx.config(), ctx.time_context());
        auto declaration = service.declaration(*period);
        write_urssaf(ctx.out, declaration, ctx.output());
        for (const auto& line : urssaf_warnings(declaration)) ctx.warn(line);
    });
}

}  // namespace slash::cli
