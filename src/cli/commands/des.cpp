#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/des_view.hpp"
#include "commands.hpp"
#include "slash/services/des_service.hpp"

namespace slash::cli {

void add_des_command(CLI::App& app, Context& ctx) {
    auto month = std::make_shared<std::optional<std::string>>();
    CLI::App* verb = app.add_subcommand(
        "des", "Déclaration européenne de services: EU reverse-charge services of a month, by client VAT id");
    optional_option(*verb, "month", *month, "MONTH: YYYY-MM, month or lastmonth (default: lastmonth)")
        ->type_name("MONTH");
    ctx.on_run(verb, [&ctx, month] {
        auto statement = services::DesService(ctx.database(), ctx.time_context()).statement(*month);
        auto options = ctx.output();
        render::write_list(ctx.out, des_view(statement, options), options);
        if (statement.rows.empty() && statement.foreign.empty()) {
            ctx.info(fmt::format("nothing to declare for {}: no reverse-charge service performed that month",
                                 statement.month));
        }
        if (!statement.foreign.empty()) {
            ctx.warn(fmt::format("{} {} in another currency left out of the total: declare {} in EUR yourself",
                                 statement.foreign.size(), statement.foreign.size() == 1 ? "invoice" : "invoices",
                                 statement.foreign.size() == 1 ? "it" : "them"));
        }
    });
}

}  // namespace slash::cli
