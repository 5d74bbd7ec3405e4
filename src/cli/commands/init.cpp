#include <CLI/CLI.hpp>

#include <istream>
#include <memory>
#include <ostream>

#include "../context.hpp"
#include "commands.hpp"
#include "slash/domain/error.hpp"
#include "slash/services/settings_service.hpp"

namespace slash::cli {

namespace {

struct InitOptions {
    config::SellerConfig seller;
    bool no_input = false;
    bool force = false;
};

// Asks on stderr (stdout stays for results) and reads one line; keeps `value` when the
// answer is empty. An answer the config would refuse is refused here, at once, and the
// question asked again: failing after the last question lost every answer.
void ask(Context& ctx, const char* question, const std::string& key, std::string& value) {
    if (!value.empty()) return;
    for (;;) {
        ctx.err << question << ": " << std::flush;
        std::string answer;
        if (!std::getline(ctx.in, answer)) return;
        try {
            value = services::checked_seller_value(key, answer);
            return;
        } catch (const Error& e) {
            ctx.err << "slash: " << e.what() << '\n';
        }
    }
}

void ask_interactively(Context& ctx, config::SellerConfig& seller) {
    ask(ctx, "Your legal name (printed with \"EI\" on invoices)", "seller.name", seller.name);
    if (seller.address.empty()) {
        std::string street, city;
        ask(ctx, "Street address", "seller.address", street);
        ask(ctx, "Postcode and city", "seller.address", city);
        for (auto* line : {&street, &city}) {
            if (!line->empty()) seller.address.push_back(*line);
        }
    }
    if (seller.siret.empty()) ask(ctx, "SIREN or SIRET", "seller.company_id", seller.siren);
    ask(ctx, "Email (also your e-invoicing address)", "seller.email", seller.email);
    ask(ctx, "IBAN (empty to skip)", "seller.iban", seller.iban);
}

}  // namespace

void add_init_command(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<InitOptions>();
    CLI::App* verb = app.add_subcommand("init", "Write a commented config and create the database");
    config::SellerConfig& s = o->seller;
    verb->add_option("--name", s.name, "Your legal name (invoices add \"EI\")");
    verb->add_option("--trade-name", s.trade_name, "Trade name, optional");
    verb->add_option("--address", s.address, "Address line (repeat for each line)")->allow_extra_args(false);
    verb->add_option("--country", s.country, "ISO 3166 country code (default FR)");
    verb->add_option("--siren", s.siren, "Your SIREN (or SIRET)");
    verb->add_option("--siret", s.siret, "Your SIRET");
    verb->add_option("--vat-id", s.vat_id, "Your VAT number (empty under the franchise)");
    verb->add_option("--email", s.email, "Your email, also the e-invoicing address");
    verb->add_option("--iban", s.iban, "IBAN printed on invoices");
    verb->add_option("--bic", s.bic, "BIC printed on invoices");
    verb->add_flag("--no-input", o->no_input, "Never prompt, even on a terminal");
    verb->add_flag("--force", o->force, "Replace an existing config file");
    ctx.on_run(verb, [&ctx, o] {
        if (ctx.env.stdin_is_tty && !o->no_input) ask_interactively(ctx, o->seller);
        auto config_path = ctx.config_path();
        std::string text = services::prepare_initial_config(config_path, o->seller, o->force);
        auto& db = ctx.database();
        services::write_config(config_path, text);
        ctx.out << config_path.string() << '\n' << db.path().string() << '\n';
    });
}

}  // namespace slash::cli
