#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/books_view.hpp"
#include "commands.hpp"
#include "slash/domain/error.hpp"
#include "slash/services/books_service.hpp"

namespace slash::cli {

namespace {

services::BooksService service(Context& ctx) {
    return services::BooksService(ctx.database(), ctx.config(), ctx.time_context());
}

// Figures in euros leave out what has no EUR amount: say how much, even with -q.
void warn_missing_eur(Context& ctx, std::int64_t count) {
    if (count == 0) return;
    ctx.warn(fmt::format("{} {} in another currency {} no EUR amount: see slash payment list", count,
                         count == 1 ? "payment" : "payments", count == 1 ? "has" : "have"));
}

void add_receipts_command(CLI::App& app, Context& ctx) {
    auto year = std::make_shared<std::optional<std::string>>();
    CLI::App* verb = app.add_subcommand("receipts", "Livre des recettes: every payment of a year, in date order");
    optional_option(*verb, "year", *year, "YEAR, four digits (default: this year)")->type_name("YEAR");
    ctx.on_run(verb, [&ctx, year] {
        auto journal = service(ctx).receipts(*year);
        auto options = ctx.output();
        render::write_list(ctx.out, receipts_view(journal, options), options);
        warn_missing_eur(ctx, journal.missing_eur);
    });
}

void add_revenue_command(CLI::App& app, Context& ctx) {
    auto query = std::make_shared<services::RevenueQuery>();
    CLI::App* verb =
        app.add_subcommand("revenue", "Invoiced, collected, outstanding and overdue in EUR, by month or client");
    optional_option(*verb, "year", query->year, "YEAR, four digits (default: this year)")->type_name("YEAR");
    // A vector, so that a repeated --by gets slash's own message rather than CLI11's.
    auto by = std::make_shared<std::vector<std::string>>();
    verb->add_option("--by", *by, "month (the default) or client")->type_name("GROUP");
    ctx.on_run(verb, [&ctx, query, by] {
        if (by->size() > 1) {
            throw Error(ErrorKind::Usage, "--by given " + std::to_string(by->size()) +
                                              " times: revenue groups one way, give month or client once");
        }
        if (!by->empty()) query->by = by->front();
        auto revenue = service(ctx).revenue(*query);
        auto options = ctx.output();
        render::write_list(ctx.out, revenue_view(revenue, options), options);
        if (revenue.foreign_invoices > 0) {
            ctx.warn(fmt::format("{} {} left out of the EUR columns", revenue.foreign_invoices,
                                 revenue.foreign_invoices == 1 ? "invoice in another currency is"
                                                               : "invoices in other currencies are"));
        }
        warn_missing_eur(ctx, revenue.missing_eur);
    });
}

}  // namespace

void add_books_commands(CLI::App& app, Context& ctx) {
    add_receipts_command(app, ctx);
    add_revenue_command(app, ctx);
}

}  // namespace slash::cli
