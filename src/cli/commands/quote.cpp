// Quotes (devis), slash-quote(1): draft, price, issue, show, list, and the client's answer;
// accepting a quote creates the missions it priced.

#include <CLI/CLI.hpp>

#include <memory>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/quote_view.hpp"
#include "commands.hpp"
#include "slash/services/quote_service.hpp"

namespace slash::cli {

namespace {

services::QuoteService service(Context& ctx) {
    return services::QuoteService(ctx.database(), ctx.config(), ctx.time_context());
}

void add_line_commands(CLI::App& noun, Context& ctx) {
    CLI::App* line = noun.add_subcommand("line", "Add or remove lines of a draft quote");
    {
        struct AddOptions {
            std::string quote;
            services::QuoteLineRequest request;
        };
        auto o = std::make_shared<AddOptions>();
        CLI::App* verb = line->add_subcommand("add", "Add a line to a draft quote; prints its position");
        verb->add_option("quote", o->quote, "Draft quote id")->required();
        verb->add_option("description", o->request.description, "What the line offers")->required();
        verb->add_option("--price", o->request.price, "Unit price")->required()->type_name("AMOUNT");
        optional_option(*verb, "--quantity", o->request.quantity, "Quantity (default 1)")->type_name("NUMBER");
        optional_option(*verb, "--unit", o->request.unit, "hour, day or unit (default unit)")->type_name("UNIT");
        ctx.on_run(verb, [&ctx, o] {
            auto quote = service(ctx).add_line(o->quote, o->request);
            ctx.out << quote.lines.size() << '\n';
        });
    }
    {
        struct RmOptions {
            std::string quote;
            std::int64_t position = 0;
        };
        auto o = std::make_shared<RmOptions>();
        CLI::App* verb = line->add_subcommand("rm", "Remove a line of a draft quote");
        verb->add_option("quote", o->quote, "Draft quote id")->required();
        verb->add_option("line", o->position, "Line number, as quote show numbers them")->required();
        ctx.on_run(verb, [&ctx, o] {
            auto quote = service(ctx).remove_line(o->quote, o->position);
            ctx.out << quote.id << '\n';
        });
    }
}

}  // namespace

void add_quote_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("quote", "Quotes (devis): draft, issue, and turn an accepted one into missions");
    {
        struct NewOptions {
            std::string client;
            std::string title;
            std::optional<std::string> valid_until;
        };
        auto o = std::make_shared<NewOptions>();
        CLI::App* verb = noun->add_subcommand("new", "Start a draft quote for a client; prints its id");
        verb->add_option("client", o->client, "Client handle")->required();
        verb->add_option("--title", o->title, "What the quote is for")->type_name("TEXT");
        optional_option(*verb, "--valid-until", o->valid_until, "Last day of validity (default: issue date + "
                                                                "[quote] valid_days)")
            ->type_name("DATE");
        ctx.on_run(verb, [&ctx, o] { ctx.out << service(ctx).create(o->client, o->title, o->valid_until).id << '\n'; });
    }
    add_line_commands(*noun, ctx);
    {
        struct IssueOptions {
            std::string quote;
            std::optional<std::string> date;
        };
        auto o = std::make_shared<IssueOptions>();
        CLI::App* verb = noun->add_subcommand("issue", "Number and freeze a draft quote; prints its number");
        verb->add_option("quote", o->quote, "Draft quote id")->required();
        optional_option(*verb, "--date", o->date, "Issue date (default today)")->type_name("DATE");
        ctx.on_run(verb, [&ctx, o] { ctx.out << *service(ctx).issue(o->quote, o->date).number << '\n'; });
    }
    {
        auto ref = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand("show", "Show a quote as the client reads it");
        verb->add_option("quote", *ref, "Quote number or draft id")->required();
        ctx.on_run(verb, [&ctx, ref] { ctx.out << quote_text(service(ctx).details(*ref)); });
    }
    {
        auto status = std::make_shared<std::optional<std::string>>();
        CLI::App* verb = noun->add_subcommand("list", "List quotes, oldest first");
        optional_option(*verb, "--status", *status, "draft, issued, accepted, declined or expired")
            ->type_name("STATUS");
        ctx.on_run(verb, [&ctx, status] {
            auto svc = service(ctx);
            auto output = ctx.output();
            render::ListWriter writer(ctx.out, quote_schema(), output);
            auto today = svc.today();
            for (const auto& quote : svc.list(*status)) writer.add(quote_record(quote, today));
            writer.finish();
        });
    }
    {
        auto ref = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand("accept", "Record the client's acceptance; creates one mission per line");
        verb->add_option("quote", *ref, "Quote number")->required();
        ctx.on_run(verb, [&ctx, ref] {
            for (const auto& address : service(ctx).accept(*ref)) ctx.out << address << '\n';
        });
    }
    {
        auto ref = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand("decline", "Record that the client declined the quote");
        verb->add_option("quote", *ref, "Quote number")->required();
        ctx.on_run(verb, [&ctx, ref] { ctx.out << *service(ctx).decline(*ref).number << '\n'; });
    }
}

}  // namespace slash::cli
