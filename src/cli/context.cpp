#include "context.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/services/time_zone_loader.hpp"

namespace slash::cli {

namespace fs = std::filesystem;

namespace {

fs::path home_relative(const Environment& env, const char* xdg_variable, const char* fallback,
                       const char* file) {
    // The XDG Base Directory spec: a relative value is invalid and ignored, so that
    // XDG_DATA_HOME=reldata never puts the database in whatever directory slash runs from.
    if (auto xdg = env.get(xdg_variable); xdg && fs::path(*xdg).is_absolute()) {
        return fs::path(*xdg) / "slash" / file;
    }
    if (auto home = env.get("HOME")) return fs::path(*home) / fallback / "slash" / file;
    throw Error(ErrorKind::Config,
                fmt::format("cannot find a place for {}: neither ${} nor $HOME is set", file, xdg_variable));
}

// An explicitly empty --db or --config is a mistake (an unset variable in a script), never
// a request for the default file: `slash --db "$TEST_DB" client rm acme` must not touch
// the real database.
fs::path given_path(const std::optional<std::string>& value, const char* flag) {
    if (value->empty()) {
        throw Error(ErrorKind::Usage, fmt::format("empty {}: give a file path, or leave the flag out", flag));
    }
    return *value;
}

}  // namespace

fs::path Context::config_path() const {
    if (globals.config) return given_path(globals.config, "--config");
    if (auto path = env.get("SLASH_CONFIG")) return *path;
    return home_relative(env, "XDG_CONFIG_HOME", ".config", "config.toml");
}

fs::path Context::db_path() const {
    if (globals.db) return given_path(globals.db, "--db");
    if (auto path = env.get("SLASH_DB")) return *path;
    return home_relative(env, "XDG_DATA_HOME", ".local/share", "slash.db");
}

bool Context::db_path_is_default() const { return !globals.db && !env.get("SLASH_DB"); }

const config::Config& Context::config() {
    if (!config_) {
        auto loaded = config::load_config_file(config_path());
        for (const auto& warning : loaded.warnings) warn(warning);
        config_ = std::move(loaded.config);
        config_keys_set_ = std::move(loaded.keys_set);
    }
    return *config_;
}

bool Context::config_sets(std::string_view key) {
    (void)config();
    return std::find(config_keys_set_.begin(), config_keys_set_.end(), key) != config_keys_set_.end();
}

storage::Database& Context::database() {
    if (!database_) {
        // Every command that touches data reads the config first, used or not: a broken file
        // is exit 5 the day it breaks, not weeks later in the one command that reads the key
        // (docs/contract.md §7; the commands that work without it are listed in slash-config(5)).
        (void)config();
        storage::OpenOptions options;
        options.create_parent_directories = db_path_is_default();
        database_ = storage::Database::open(db_path(), options);
    }
    return *database_;
}

std::int64_t Context::now() {
    auto text = env.get("SLASH_NOW");
    if (!text) return env.system_now;
    if (auto parsed = domain::parse_iso_instant(*text)) return *parsed;
    // A local date and time ("2026-11-28T10:00") is read in the local zone, like any TIME.
    bool dated = text->size() >= 10 && (*text)[4] == '-' && (*text)[7] == '-';
    if (dated) {
        // The zone first, outside the try: a bad TZ is reported as itself, not as SLASH_NOW.
        const domain::TimeZone& zone = time_zone();
        try {
            return domain::parse_time(*text, domain::TimeContext{env.system_now, zone, 0});
        } catch (const Error&) {
            // Reported below with the SLASH_NOW hint.
        }
    }
    throw Error(ErrorKind::Usage,
                fmt::format("invalid SLASH_NOW \"{}\": use ISO 8601, e.g. 2026-11-28T10:00:00+01:00 or "
                            "2026-11-28T10:00 (local time)",
                            *text));
}

const domain::TimeZone& Context::time_zone() {
    if (!time_zone_) time_zone_ = services::load_time_zone(env.get("TZ"), env.get("TZDIR"));
    return *time_zone_;
}

const domain::TimeContext& Context::time_context() {
    if (!time_context_) {
        static constexpr const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
        int week_start = 0;
        for (int i = 0; i < 7; ++i) {
            if (config().time.week_start == kDays[i]) week_start = i;
        }
        time_context_.emplace(domain::TimeContext{now(), time_zone(), week_start});
    }
    return *time_context_;
}

namespace {

render::DurationStyle duration_style(const config::Config& config) {
    return config.display.durations == "decimal" ? render::DurationStyle::Decimal
                                                 : render::DurationStyle::HoursMinutes;
}

}  // namespace

std::string Context::duration_text(std::int64_t seconds) {
    return render::spoken_duration(seconds, duration_style(config()));
}

render::OutputOptions Context::output() {
    render::OutputOptions options;
    options.terminal = env.stdout_is_tty;
    if (globals.json) options.format = render::Format::Json;
    if (globals.csv) options.format = render::Format::Csv;
    if (globals.tsv) options.format = render::Format::Tsv;
    if (globals.quiet) options.format = render::Format::Quiet;
    if (globals.template_text) {
        if (globals.template_text->empty()) {
            throw Error(ErrorKind::Usage, "empty --template: give fields such as '{id}\\t{mission}'");
        }
        options.format = render::Format::Template;
        options.template_text = *globals.template_text;
    }
    // Colour: --no-color and NO_COLOR always win; then [display] color. "auto" colours
    // terminals only; "always" also gives a pipe the coloured table (for `| less -R`),
    // as git's color.ui=always does.
    // TERM=dumb: a terminal that understands no escape sequence (Emacs' shell, a serial line).
    if (globals.no_color || env.get("NO_COLOR") || env.get("TERM") == "dumb") {
        options.color = false;
    } else {
        const std::string& mode = config().display.color;
        if (mode == "always") options.terminal = true;
        options.color = mode != "never" && options.terminal;
    }
    // Only a real terminal is narrow: a pipe, or colour forced by "always", is never cut.
    if (!globals.wide) options.width = terminal_width();
    options.durations = duration_style(config());
    return options;
}

std::size_t Context::terminal_width() const {
    if (!env.stdout_is_tty) return 0;
    if (env.terminal_columns > 0) return static_cast<std::size_t>(env.terminal_columns);
    const auto columns = env.get("COLUMNS");
    if (!columns || columns->size() > 4 || columns->find_first_not_of("0123456789") != std::string::npos) return 0;
    return static_cast<std::size_t>(std::stoi(*columns));
}

void Context::warn(const std::string& message) const { err << "slash: warning: " << message << '\n'; }

void Context::info(const std::string& message) const {
    if (!globals.quiet) err << "slash: " << message << '\n';
}

const std::function<void()>* Context::action_for(const CLI::App* verb) const {
    auto found = actions_.find(verb);
    return found == actions_.end() ? nullptr : &found->second;
}

}  // namespace slash::cli
