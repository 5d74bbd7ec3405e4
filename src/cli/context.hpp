#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/cli/environment.hpp"
#include "slash/config/config.hpp"
#include "slash/domain/time_grammar.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/render/output.hpp"
#include "slash/storage/database.hpp"

namespace CLI {
class App;
}

namespace slash::cli {

/// Flags every command accepts (docs/contract.md §2).
struct GlobalOptions {
    std::optional<std::string> db;      ///< nullopt: not given
    std::optional<std::string> config;  ///< nullopt: not given
    std::optional<std::string> template_text;
    bool json = false;
    bool csv = false;
    bool tsv = false;
    bool quiet = false;
    bool no_color = false;
    bool wide = false;      ///< --wide: never cut a table to the terminal's width
    bool no_pager = false;  ///< --no-pager
};

/// What a command needs from the world, resolved lazily so that `--help`, `config path` or
/// completion never open the database: streams, paths, config, database and clock.
class Context {
public:
    Context(const Environment& environment, std::istream& input, std::ostream& output_stream,
            std::ostream& error_stream)
        : env(environment), in(input), out(output_stream), err(error_stream) {}

    const Environment& env;
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    GlobalOptions globals;

    /// --config, else $SLASH_CONFIG, else $XDG_CONFIG_HOME/slash/config.toml, else
    /// ~/.config/slash/config.toml.
    [[nodiscard]] std::filesystem::path config_path() const;
    /// --db, else $SLASH_DB, else $XDG_DATA_HOME/slash/slash.db, else
    /// ~/.local/share/slash/slash.db.
    [[nodiscard]] std::filesystem::path db_path() const;
    [[nodiscard]] bool db_path_is_default() const;

    /// The config file, loaded once; its warnings go to stderr.
    const config::Config& config();
    /// True when the config file sets `key` ("time.capacity"), false when it has its default.
    bool config_sets(std::string_view key);
    /// The database, opened (created, migrated) once.
    storage::Database& database();
    /// UTC seconds: $SLASH_NOW when set, else the system clock.
    [[nodiscard]] std::int64_t now();
    /// The local time zone: $TZ, else the system's; loaded once.
    const domain::TimeZone& time_zone();
    /// Now, the zone and the week start ([time] week_start), for the time grammar.
    const domain::TimeContext& time_context();
    /// The output format chosen by the global flags and the terminal.
    [[nodiscard]] render::OutputOptions output();
    /// A duration in a message for a person ("1h45m", or "1.75 h" with [display]
    /// durations = "decimal").
    [[nodiscard]] std::string duration_text(std::int64_t seconds);
    /// Columns of the terminal on stdout: TIOCGWINSZ, else $COLUMNS; 0 when stdout is not
    /// a terminal or its width is unknown.
    [[nodiscard]] std::size_t terminal_width() const;

    void warn(const std::string& message) const;
    /// A side note on stderr ("stopped acme/website at 10:30"); silent with -q.
    void info(const std::string& message) const;

    /// Parse first, then act: a verb registers its action here and `run` calls the action
    /// of the verb the command line selected, after CLI11 has parsed every argument.
    void on_run(CLI::App* verb, std::function<void()> action) { actions_[verb] = std::move(action); }
    [[nodiscard]] const std::function<void()>* action_for(const CLI::App* verb) const;

private:
    std::optional<config::Config> config_;
    std::vector<std::string> config_keys_set_;
    std::optional<storage::Database> database_;
    std::unique_ptr<domain::TimeZone> time_zone_;
    std::optional<domain::TimeContext> time_context_;
    std::map<const CLI::App*, std::function<void()>> actions_;
};

}  // namespace slash::cli
