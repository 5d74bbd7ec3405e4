#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/client_view.hpp"
#include "commands.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/place_of_supply.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/services/client_service.hpp"

namespace slash::cli {

namespace {

struct ClientOptions {
    std::string handle;
    services::ClientChanges changes;
    bool lookup = false;  ///< record the electronic address the e-invoicing directory gives
};

// The identity and billing flags shared by `add` and `edit`.
void add_field_options(CLI::App& verb, ClientOptions& o) {
    optional_option(verb, "--name", o.changes.name, "Legal name printed on invoices");
    optional_option(verb, "--kind", o.changes.kind, "business (default) or individual");
    optional_list_option(verb, "--address", o.changes.address, "Address line (repeat for each line)");
    optional_option(verb, "--country", o.changes.country, "ISO 3166 country code (default FR)");
    optional_option(verb, "--siren", o.changes.siren, "SIREN (9 digits) or SIRET, Luhn-checked");
    optional_option(verb, "--siret", o.changes.siret, "SIRET (14 digits), Luhn-checked");
    optional_option(verb, "--vat-id", o.changes.vat_id, "Intra-EU VAT number (FR key checked)");
    optional_option(verb, "--email", o.changes.email, "Billing email address");
    optional_option(verb, "--currency", o.changes.currency, "ISO 4217 currency of its invoices (default EUR)");
    optional_option(verb, "--terms", o.changes.terms_days, "Payment terms in days (default: [invoice] due_days)")
        ->type_name("DAYS");
    optional_option(verb, "--language", o.changes.language, "Invoice language: fr or en");
    optional_option(verb, "--hourly", o.changes.hourly, "Default hourly rate of its missions");
    optional_option(verb, "--daily", o.changes.daily, "Default daily rate of its missions");
    optional_option(verb, "--vat-regime", o.changes.vat_regime,
                    "franchise, standard, reverse-charge or export (default: [tax] regime)")
        ->type_name("REGIME");
    optional_option(verb, "--vat-rate", o.changes.vat_rate, "VAT rate in percent, e.g. 5.5 (default: [tax] vat_rate)")
        ->type_name("PERCENT");
    optional_option(verb, "--rounding", o.changes.rounding,
                    "Round billed durations to this step, e.g. 15m; 0: none (default: [time] rounding)")
        ->type_name("DURATION");
    optional_option(verb, "--rounding-mode", o.changes.rounding_mode,
                    "up, nearest or down (default: [time] rounding_mode)")
        ->type_name("MODE");
    optional_option(verb, "--notes", o.changes.notes, "Free-form notes");
    verb.add_flag("--lookup", o.lookup, "Record the e-invoicing address the directory gives for its SIREN");
}

void set_field(render::Record& record, std::string_view key, std::string text) {
    for (auto& [name, value] : record) {
        if (name == key) value = render::Value(std::move(text));
    }
}

// The regime invoices to a client that sets none follow: the place of supply decides
// (slash-client(1)); "(config)" when the seller's own regime applies as it is.
std::string regime_in_force(const config::Config& config, const domain::Client& client) {
    const auto d = domain::place_of_supply(config.tax.regime, config.seller.country, client.kind, client.country);
    switch (d.basis) {
        case domain::VatBasis::EuBusiness: return d.regime + " (place of supply: a business in " + d.country + ")";
        case domain::VatBasis::NonEuBusiness:
            return d.regime + " (place of supply: a business in " + d.country + ", outside the EU)";
        case domain::VatBasis::Individual: return d.regime + " (config: an individual in " + d.country + ")";
        default: return d.regime + " (config)";
    }
}

// On a terminal, a setting the client leaves to the config shows the value in force and
// where it comes from, rather than a blank line: "30 days (config)", "fr (config)".
void show_values_in_force(Context& ctx, const domain::Client& client, render::Record& record) {
    const auto& config = ctx.config();
    auto days = [](std::int64_t n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); };
    set_field(record, "terms_days",
              client.terms_days ? days(*client.terms_days) : days(config.invoice.due_days) + " (config)");
    set_field(record, "language", client.language ? *client.language : config.invoice.language + " (config)");
    if (!client.vat_regime) set_field(record, "vat_regime", regime_in_force(config, client));
    set_field(record, "archived_at",
              client.archived_at ? domain::format_local_iso(*client.archived_at, ctx.time_zone()) : "no");
}

void print_client(Context& ctx, const domain::Client& client) {
    auto output = ctx.output();
    render::Record record = client_record(client, ctx.time_zone());
    // The terminal's "Rounding:" line reads as a duration ("15m"); JSON and the flat
    // formats keep integer seconds (rounding_seconds), as every duration field does.
    if (output.format == render::Format::Auto) {
        std::string rounding;
        if (client.rounding_seconds) {
            rounding = *client.rounding_seconds == 0 ? "none" : domain::format_duration(*client.rounding_seconds);
        }
        record.emplace_back("rounding_text", rounding);
        record.emplace_back("einvoicing_address", client_einvoicing_address(ctx, client.id));
        show_values_in_force(ctx, client, record);
    }
    render::write_record(ctx.out, client_schema(), record, output);
}

}  // namespace

void add_client_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("client", "Manage clients: who pays");

    {
        auto o = std::make_shared<ClientOptions>();
        CLI::App* verb = noun->add_subcommand("add", "Add a client; prints its handle");
        verb->add_option("handle", o->handle, "Short lower-case handle, e.g. acme")->required();
        add_field_options(*verb, *o);
        ctx.on_run(verb, [&ctx, o] {
            auto client = services::ClientService(ctx.database(), ctx.now()).add(o->handle, o->changes);
            ctx.out << client.handle << '\n';
            if (o->lookup) record_client_address(ctx, client.handle);
        });
    }
    {
        auto all = std::make_shared<bool>(false);
        CLI::App* verb = noun->add_subcommand("list", "List clients (archived ones with --all)");
        verb->add_flag("-a,--all", *all, "Include archived clients");
        ctx.on_run(verb, [&ctx, all] {
            auto output = ctx.output();
            auto view = client_list_view(services::ClientService(ctx.database(), ctx.now()).list(*all), ctx.time_zone());
            render::write_list(ctx.out, view, output);
        });
    }
    {
        auto handle = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand("show", "Show every field of a client");
        verb->add_option("handle", *handle, "Client handle")->required();
        ctx.on_run(verb, [&ctx, handle] {
            print_client(ctx, services::ClientService(ctx.database(), ctx.now()).show(*handle));
        });
    }
    {
        auto o = std::make_shared<ClientOptions>();
        CLI::App* verb = noun->add_subcommand("edit", "Change fields of a client; an empty value clears one");
        verb->add_option("handle", o->handle, "Client handle")->required();
        optional_option(*verb, "--rename", o->changes.handle, "New handle (entries and invoices follow)");
        add_field_options(*verb, *o);
        verb->add_flag("--no-rate", o->changes.clear_rate, "Remove the default rate");
        ctx.on_run(verb, [&ctx, o] {
            if (o->changes.empty() && o->lookup) {
                record_client_address(ctx, o->handle);
                ctx.out << o->handle << '\n';
                return;
            }
            auto client = services::ClientService(ctx.database(), ctx.now()).edit(o->handle, o->changes);
            ctx.out << client.handle << '\n';
            if (o->lookup) record_client_address(ctx, client.handle);
        });
    }
    add_client_lookup_verb(*noun, ctx);
    for (bool archive : {true, false}) {
        auto handle = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand(archive ? "archive" : "unarchive",
                                              archive ? "Hide a client from lists and completion, keeping its history"
                                                      : "Bring an archived client back");
        verb->add_option("handle", *handle, "Client handle")->required();
        ctx.on_run(verb, [&ctx, handle, archive] {
            auto client = services::ClientService(ctx.database(), ctx.now()).set_archived(*handle, archive);
            ctx.out << client.handle << '\n';
        });
    }
    {
        auto handle = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand("rm", "Delete a client that has no missions, invoices or payments");
        verb->add_option("handle", *handle, "Client handle")->required();
        ctx.on_run(verb, [&ctx, handle] {
            services::ClientService(ctx.database(), ctx.now()).remove(*handle);
            ctx.out << *handle << '\n';
        });
    }
}

}  // namespace slash::cli
