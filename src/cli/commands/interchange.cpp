#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <ostream>

#include "../context.hpp"
#include "../options.hpp"
#include "../progress.hpp"
#include "commands.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/render/output.hpp"
#include "slash/services/export_service.hpp"
#include "slash/services/import_service.hpp"

namespace slash::cli {

namespace {

struct ImportOptions {
    std::string format;
    std::string file;
    services::ImportRequest request;
};

struct ExportOptions {
    services::ExportRequest request;
    std::string format = "jsonl";
};

render::Schema import_schema() {
    render::Schema schema;
    schema.fields = {"read", "added", "seconds", "duplicates", "refused", "created", "dry_run", "written"};
    return schema;
}

// Up to this many creations are named in the summary; more are counted.
constexpr std::size_t kNamedCreations = 8;

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The human summary: what went in, what was there already, what was made.
std::string import_sentence(const services::ImportResult& result, const std::string& source, bool dry_run) {
    std::string text = fmt::format("{} {} ({}) from {}", dry_run ? "would import" : "imported",
                                   plural(result.added, "entry", "entries"),
                                   domain::format_duration(result.added_seconds), source);
    if (result.duplicates > 0) text += fmt::format("; {} already there", plural(result.duplicates, "entry", "entries"));
    if (result.refused > 0) text += fmt::format("; {} refused", result.refused);
    if (!result.created.empty()) {
        text += dry_run ? "; would create " : "; created ";
        if (result.created.size() <= kNamedCreations) {
            for (std::size_t i = 0; i < result.created.size(); ++i) text += (i ? ", " : "") + result.created[i];
        } else {
            // A whole history from another tool can make hundreds: count them instead.
            auto clients = std::count_if(result.created.begin(), result.created.end(),
                                         [](const std::string& made) { return made.rfind("client ", 0) == 0; });
            auto missions = static_cast<std::int64_t>(result.created.size()) - clients;
            text += fmt::format("{} and {} (see slash missions)", plural(clients, "client", "clients"),
                                plural(missions, "mission", "missions"));
        }
    }
    if (dry_run) text += " (dry run: nothing written)";
    return text;
}

void print_import(Context& ctx, const services::ImportResult& result, const ImportOptions& o) {
    for (const auto& refusal : result.refusals) ctx.warn(fmt::format("refused {}: {}", refusal.where, refusal.reason));
    if (result.refused > static_cast<std::int64_t>(result.refusals.size())) {
        ctx.warn(fmt::format("and {} more refused", result.refused - static_cast<std::int64_t>(result.refusals.size())));
    }
    if (result.refused > 0 && !o.request.skip_refused) {
        throw Error(ErrorKind::Failure,
                    fmt::format("{} of {} refused, nothing imported; fix them in {}, or pass --skip-refused to import "
                                "the other {}",
                                result.refused, plural(result.read, "entry", "entries"), o.request.source_name,
                                result.read - result.refused - result.duplicates));
    }
    auto options = ctx.output();
    if (options.format == render::Format::Quiet) return;
    if (options.format == render::Format::Auto) {
        ctx.out << import_sentence(result, o.request.source_name, o.request.dry_run) << '\n';
        return;
    }
    render::Value::Array created;
    for (const auto& made : result.created) created.emplace_back(made);
    render::Record record = {{"read", result.read},
                             {"added", result.added},
                             {"seconds", result.added_seconds},
                             {"duplicates", result.duplicates},
                             {"refused", result.refused},
                             {"created", render::Value::array(std::move(created))},
                             {"dry_run", o.request.dry_run},
                             {"written", result.written}};
    render::write_record(ctx.out, import_schema(), record, options);
}

void add_import_command(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ImportOptions>();
    CLI::App* verb = app.add_subcommand(
        "import", "Add entries from Timewarrior, Watson, Toggl, Clockify or slash's CSV/JSONL (all or nothing)");
    verb->add_option("format", o->format, "timewarrior, watson, toggl, clockify, csv or jsonl")
        ->required()
        ->type_name("FORMAT");
    verb->add_option("file", o->file, "The export to read, or - for stdin")->required()->type_name("FILE");
    optional_option(*verb, "--mission", o->request.mission, "Put every entry on this mission")
        ->type_name("CLIENT/MISSION");
    verb->add_option("--map", o->request.maps, "Entries named NAME (tag, project, Client/Project) go to this mission")
        ->allow_extra_args(false)
        ->type_name("NAME=CLIENT/MISSION");
    verb->add_flag("--create", o->request.create, "Create the clients and missions the file names");
    verb->add_flag("--dry-run,-n", o->request.dry_run, "Check and count everything, write nothing");
    verb->add_flag("--skip-refused", o->request.skip_refused,
                   "Import the acceptable entries even when others are refused");
    verb->add_flag("--day-first", o->request.day_first, "Clockify dates are DD/MM/YYYY (default MM/DD/YYYY)");
    verb->add_flag("--allow-future", o->request.allow_future, "Accept entries that end after now");
    ctx.on_run(verb, [&ctx, o] {
        auto format = interchange::parse_source_format(o->format);
        if (!format) {
            throw Error(ErrorKind::Usage,
                        fmt::format("unknown import format {}: use timewarrior, watson, toggl, clockify, csv or jsonl",
                                    domain::quoted(o->format)));
        }
        o->request.format = *format;
        std::ifstream file;
        if (o->file == "-") {
            o->request.input = &ctx.in;
            o->request.source_name = "stdin";
        } else {
            std::error_code ec;
            if (!std::filesystem::exists(o->file, ec)) {
                throw Error(ErrorKind::NotFound, fmt::format("no file {} to import", domain::quoted(o->file)));
            }
            if (std::filesystem::is_directory(o->file, ec)) {
                throw Error(ErrorKind::Usage,
                            fmt::format("{} is a directory: give the export file", domain::quoted(o->file)));
            }
            file.open(o->file, std::ios::binary);
            if (!file) {
                throw Error(ErrorKind::Usage,
                            fmt::format("cannot read {}: check its permissions", domain::quoted(o->file)));
            }
            o->request.input = &file;
            o->request.source_name = o->file;
        }
        // Progress on a terminal, and Ctrl-C as a clean stop: the transaction rolls back.
        std::int64_t size = 0;
        if (file.is_open()) {
            std::error_code ec;
            const auto bytes = std::filesystem::file_size(o->file, ec);
            if (!ec) size = static_cast<std::int64_t>(bytes);
        }
        Progress progress(
            ctx.env, ctx.err, "importing", "nothing was imported",
            [&file] { return file.is_open() ? static_cast<std::int64_t>(file.tellg()) : std::int64_t{-1}; }, size);
        o->request.on_progress = [&progress](std::int64_t read) { progress.update(read); };
        auto import = [&] {
            try {
                return services::ImportService(ctx.database(), ctx.time_context()).import(o->request);
            } catch (const Error& e) {
                // A read cut short by the Ctrl-C (stdin) is the Ctrl-C, not a broken file.
                if (e.kind() != ErrorKind::Interrupted && progress.interrupted()) progress.stop();
                throw;
            }
        };
        auto result = import();
        o->request.on_progress = nullptr;
        print_import(ctx, result, *o);
    });
}

void add_export_command(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ExportOptions>();
    CLI::App* verb = app.add_subcommand(
        "export", "Write entries as JSONL, CSV, a timeclock file (hledger, ledger) or iCalendar, streamed");
    optional_option(*verb, "period", o->request.period, "PERIOD (default: the whole history)")->type_name("PERIOD");
    verb->add_option("--format", o->format, "jsonl (the default), csv, timeclock or ical")->type_name("FORMAT");
    optional_option(*verb, "--client", o->request.client, "Only this client's entries")->type_name("CLIENT");
    optional_option(*verb, "--mission", o->request.mission, "Only this mission's entries")
        ->type_name("CLIENT/MISSION");
    ctx.on_run(verb, [&ctx, o] {
        auto format = interchange::parse_export_format(o->format);
        if (!format) {
            throw Error(ErrorKind::Usage, fmt::format("unknown export format {}: use jsonl, csv, timeclock or ical",
                                                      domain::quoted(o->format)));
        }
        if (ctx.globals.json || ctx.globals.csv || ctx.globals.tsv || ctx.globals.template_text ||
            ctx.globals.quiet) {
            throw Error(ErrorKind::Usage,
                        "export writes its own format: use --format jsonl|csv|timeclock|ical instead of --json, --csv, "
                        "--tsv, --template or -q");
        }
        services::ExportService service(ctx.database(), ctx.time_context());
        auto selection = service.select(o->request);
        // `slash export > backup.jsonl` on a terminal: a progress line, and Ctrl-C as a stop
        // that says so (from the first byte written). Rows going to the terminal itself are
        // their own progress.
        Progress progress(ctx.env, ctx.err, "exporting", "the export is incomplete");
        if (ctx.env.stdout_is_tty) progress.keep_line_off();
        auto writer = interchange::open_writer(*format, ctx.out, ctx.time_zone(), SLASH_VERSION);
        service.write(selection, *writer, [&progress](std::int64_t written) { progress.update(written); });
    });
}

}  // namespace

void add_interchange_commands(CLI::App& app, Context& ctx) {
    add_import_command(app, ctx);
    add_export_command(app, ctx);
}

}  // namespace slash::cli
