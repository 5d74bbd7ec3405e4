#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "../context.hpp"
#include "commands.hpp"
#include "slash/domain/error.hpp"
#include "slash/services/database_service.hpp"

namespace slash::cli {

void add_db_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("db", "Inspect and back up the database");

    CLI::App* path = noun->add_subcommand("path", "Print the database file path");
    ctx.on_run(path, [&ctx] { ctx.out << ctx.db_path().string() << '\n'; });

    CLI::App* check = noun->add_subcommand("check", "Check integrity and references; exit 1 on a problem");
    ctx.on_run(check, [&ctx] {
        auto problems = services::check_database(ctx.database());
        if (problems.empty()) {
            ctx.out << "ok\n";
            return;
        }
        for (const auto& problem : problems) ctx.out << problem << '\n';
        throw Error(ErrorKind::Failure, fmt::format("database \"{}\" has {} problem(s)", ctx.db_path().string(),
                                                    problems.size()));
    });

    auto target = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    CLI::App* backup = noun->add_subcommand("backup", "Write a consistent copy of the database, even while in use");
    backup->add_option("file", *target, "Backup file to create")->required();
    backup->add_flag("--force", *force, "Replace an existing file");
    ctx.on_run(backup, [&ctx, target, force] {
        services::backup_database(ctx.database(), *target, *force);
        ctx.out << *target << '\n';
    });
}

}  // namespace slash::cli
