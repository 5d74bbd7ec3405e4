#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include "../context.hpp"
#include "commands.hpp"
#include "slash/services/settings_service.hpp"

namespace slash::cli {

namespace {

const render::Schema& config_entry_schema() {
    static const render::Schema schema{
        {"key", "value"}, {{"key", "KEY"}, {"value", "VALUE"}}, {{"key", "Key"}, {"value", "Value"}}, "key"};
    return schema;
}

}  // namespace

void add_config_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("config", "Read and change the config file");

    CLI::App* path = noun->add_subcommand("path", "Print the config file path");
    ctx.on_run(path, [&ctx] { ctx.out << ctx.config_path().string() << '\n'; });

    CLI::App* list = noun->add_subcommand("list", "Print every key with its effective value");
    ctx.on_run(list, [&ctx] {
        render::ListView view{config_entry_schema(), {}};
        const auto& config = ctx.config();
        for (const auto& key : config::config_keys()) {
            view.rows.push_back({{"key", key}, {"value", config::config_value(config, key)}});
        }
        render::write_list(ctx.out, view, ctx.output());
    });

    auto key = std::make_shared<std::string>();
    CLI::App* get = noun->add_subcommand("get", "Print the effective value of one key");
    get->add_option("key", *key, "Dotted key, e.g. seller.siren")->required();
    ctx.on_run(get, [&ctx, key] {
        auto value = config::config_value(ctx.config(), *key);
        auto output = ctx.output();
        if (output.format == render::Format::Auto) {
            ctx.out << value << '\n';
        } else {
            render::write_record(ctx.out, config_entry_schema(), {{"key", *key}, {"value", value}}, output);
        }
    });

    auto set_key = std::make_shared<std::string>();
    auto values = std::make_shared<std::vector<std::string>>();
    CLI::App* set = noun->add_subcommand("set", "Set one key in the config file, keeping the rest of it");
    set->add_option("key", *set_key, "Dotted key, e.g. seller.siren")->required();
    set->add_option("value", *values, "Value (several for a list such as seller.address)")->required();
    ctx.on_run(set, [&ctx, set_key, values] { services::set_config_key(ctx.config_path(), *set_key, *values); });
}

}  // namespace slash::cli
