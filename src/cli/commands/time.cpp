#include <CLI/CLI.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/entry_view.hpp"
#include "../views/timesheet_view.hpp"
#include "commands.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/local_words.hpp"
#include "slash/domain/quote.hpp"
#include "slash/services/mission_service.hpp"
#include "slash/services/time_service.hpp"

namespace slash::cli {

namespace {

std::string join_words(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
    return text;
}

services::TimeService time_service(Context& ctx) {
    return services::TimeService(ctx.database(), ctx.time_context());
}

void print_id(Context& ctx, const domain::Entry& entry) { ctx.out << entry.id << '\n'; }

// A closed entry longer than [time] long_entry is most often a timer forgotten overnight:
// recorded all the same (up to 24 h is legal), but said on stderr with the way to fix it.
void warn_if_long(Context& ctx, const domain::Entry& entry, bool stopped_now) {
    if (!entry.end) return;
    std::int64_t seconds = *entry.end - entry.start;
    std::int64_t limit = domain::parse_duration(ctx.config().time.long_entry);
    if (seconds <= limit) return;
    std::string since = domain::format_local_when(entry.start, ctx.time_zone(), ctx.now());
    std::string fix = fmt::format("slash entry edit {} --end TIME", entry.id);
    if (stopped_now) {
        ctx.warn(fmt::format("{} since {}: forgot to stop? {}", ctx.duration_text(seconds), since, fix));
    } else {
        ctx.warn(fmt::format("entry {} lasts {} since {}, over time.long_entry ({}); if that is wrong: {}", entry.id,
                             ctx.duration_text(seconds), since, ctx.config().time.long_entry, fix));
    }
}

// What every open mission has not billed yet, summed per currency: never converted.
std::vector<UnbilledTotal> unbilled_totals(Context& ctx) {
    services::MissionService missions(ctx.database(), ctx.time_context(), services::billing_rules(ctx.config()));
    std::map<std::string, std::int64_t> sums;
    for (const auto& report : missions.list(std::nullopt, false)) {
        if (!report.unbilled_minor) continue;
        auto& sum = sums[report.mission.currency];
        if (__builtin_add_overflow(sum, *report.unbilled_minor, &sum)) {
            throw Error(ErrorKind::Failure, fmt::format("the unbilled total in {} is too large to add up; check the "
                                                        "rates and units of its missions (slash missions)",
                                                        report.mission.currency));
        }
    }
    std::vector<UnbilledTotal> totals;
    for (const auto& [currency, minor] : sums) {
        if (minor != 0) totals.push_back({currency, minor});
    }
    return totals;
}

void warn_paused(Context& ctx, const std::string& mission) {
    ctx.warn(fmt::format("mission \"{}\" is paused; resume it with \"slash mission resume {}\"", mission, mission));
}

void report_start(Context& ctx, const services::StartResult& result) {
    const auto& zone = ctx.time_zone();
    if (result.mission_paused && !result.already_running) warn_paused(ctx, result.entry.mission_address);
    if (result.already_running) {
        ctx.info(fmt::format("{} is already running since {} (entry {}); nothing to do", result.entry.mission_address,
                             domain::format_local_hm(result.entry.start, zone), result.entry.id));
    } else if (result.stopped) {
        const auto& s = *result.stopped;
        ctx.info(fmt::format("stopped {} at {} ({})", s.mission_address, domain::format_local_hm(*s.end, zone),
                             ctx.duration_text(*s.end - s.start)));
        warn_if_long(ctx, s, true);
    }
    print_id(ctx, result.entry);
}

void add_timer_commands(CLI::App& app, Context& ctx) {
    {
        auto request = std::make_shared<services::StartRequest>();
        auto note = std::make_shared<std::vector<std::string>>();
        CLI::App* verb = app.add_subcommand("start", "Start a timer on a mission; stops the running one first");
        verb->add_option("mission", request->mission, "CLIENT/MISSION")->required();
        verb->add_option("note", *note, "What you are doing (the rest of the line)");
        optional_option(*verb, "--at", request->at, "Start time instead of now (TIME)")->type_name("TIME");
        verb->add_option("--tag", request->tags, "Tag (repeatable)")->allow_extra_args(false);
        verb->add_flag("--allow-future", request->allow_future, "Accept a start time after now");
        ctx.on_run(verb, [&ctx, request, note] {
            request->note = join_words(*note);
            report_start(ctx, time_service(ctx).start(*request));
        });
    }
    {
        auto at = std::make_shared<std::optional<std::string>>();
        auto units = std::make_shared<std::optional<std::string>>();
        auto note = std::make_shared<std::vector<std::string>>();
        auto allow_future = std::make_shared<bool>(false);
        CLI::App* verb = app.add_subcommand("stop", "Stop the running timer");
        verb->add_option("note", *note, "Note to add to the entry");
        optional_option(*verb, "--at", *at, "End time instead of now (TIME)")->type_name("TIME");
        optional_option(*verb, "--units", *units, "Quantity done, for missions billed per unit")->type_name("N");
        verb->add_flag("--allow-future", *allow_future, "Accept an end time after now");
        ctx.on_run(verb, [&ctx, at, units, note, allow_future] {
            std::optional<std::string> text;
            if (!note->empty()) text = join_words(*note);
            auto entry = time_service(ctx).stop(*at, text, *units, *allow_future);
            ctx.info(fmt::format("stopped {} ({})", entry.mission_address,
                                 ctx.duration_text(*entry.end - entry.start)));
            warn_if_long(ctx, entry, true);
            print_id(ctx, entry);
        });
    }
    {
        CLI::App* verb = app.add_subcommand("cancel", "Discard the running timer");
        ctx.on_run(verb, [&ctx] { print_id(ctx, time_service(ctx).cancel()); });
    }
    {
        auto entry = std::make_shared<std::optional<std::int64_t>>();
        auto at = std::make_shared<std::optional<std::string>>();
        auto allow_future = std::make_shared<bool>(false);
        CLI::App* verb = app.add_subcommand("continue", "Start a timer like the last (or the given) entry");
        optional_option(*verb, "entry", *entry, "Entry id to continue");
        optional_option(*verb, "--at", *at, "Start time instead of now (TIME)")->type_name("TIME");
        verb->add_flag("--allow-future", *allow_future, "Accept a start time after now");
        ctx.on_run(verb, [&ctx, entry, at, allow_future] {
            report_start(ctx, time_service(ctx).resume(*entry, *at, *allow_future));
        });
    }
    {
        auto request = std::make_shared<services::LogRequest>();
        auto note = std::make_shared<std::vector<std::string>>();
        CLI::App* verb = app.add_subcommand("log", "Record time after the fact: a duration or a range");
        verb->add_option("mission", request->mission, "CLIENT/MISSION")->required();
        verb->add_option("when", request->when, "DURATION (2h30, 1.5h, 90m) or range (9:00-12:30)")->required();
        verb->add_option("note", *note, "What you did (the rest of the line)");
        optional_option(*verb, "--on", request->on, "Day of the work (DATE; default today)")->type_name("DATE");
        optional_option(*verb, "--units", request->units, "Quantity, for missions billed per unit")->type_name("N");
        verb->add_option("--tag", request->tags, "Tag (repeatable)")->allow_extra_args(false);
        verb->add_flag("--non-billable", request->non_billable, "Do not bill this time");
        verb->add_flag("--allow-future", request->allow_future, "Accept time after now");
        ctx.on_run(verb, [&ctx, request, note] {
            request->note = join_words(*note);
            auto result = time_service(ctx).log(*request);
            if (result.mission_paused) warn_paused(ctx, result.entry.mission_address);
            // Where the time went, for the person at the terminal; scripts read the id.
            if (ctx.env.stderr_is_tty) {
                const auto& e = result.entry;
                const auto& zone = ctx.time_zone();
                ctx.info(fmt::format("logged {} on {}, {} {}\u2013{}", ctx.duration_text(*e.end - e.start),
                                     e.mission_address,
                                     domain::format_day_short(domain::local_date(e.start, zone),
                                                              domain::local_date(ctx.now(), zone)),
                                     domain::format_local_hm(e.start, zone), domain::format_local_hm(*e.end, zone)));
            }
            print_id(ctx, result.entry);
        });
    }
    {
        CLI::App* verb = app.add_subcommand("status", "Running timer, today's and this week's totals");
        ctx.on_run(verb, [&ctx] {
            // Before `init` there is nothing to show, and a read must not create the
            // database as a side effect: say how to begin instead of printing zeros.
            std::error_code ec;
            if (!std::filesystem::exists(ctx.db_path(), ec) && !ec) {
                ctx.info("no data yet: start with \"slash init\"");
                return;
            }
            auto status = time_service(ctx).status();
            const auto options = ctx.output();
            // The timer's text is a field of the piped record too: styled on a terminal only.
            const auto durations = options.terminal ? options.durations : render::DurationStyle::HoursMinutes;
            render::write_record(ctx.out, status_schema(),
                                 status_record(status, unbilled_totals(ctx), ctx.time_zone(), ctx.now(), durations),
                                 options);
        });
    }
}

std::vector<std::int64_t> parse_ids(const std::vector<std::string>& words) {
    std::vector<std::int64_t> ids;
    for (const auto& word : words) {
        std::int64_t id = 0;
        bool ok = !word.empty() && word.size() < 19;
        for (char ch : word) {
            ok = ok && ch >= '0' && ch <= '9';
            if (ok) id = id * 10 + (ch - '0');
        }
        if (!ok) {
            throw Error(ErrorKind::Usage, fmt::format("invalid entry id {}: use the number shown by \"slash entry list\"",
                                                      domain::quoted(word)));
        }
        ids.push_back(id);
    }
    return ids;
}

void add_entry_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("entry", "List and correct time entries");
    {
        auto query = std::make_shared<services::EntryQuery>();
        CLI::App* verb = noun->add_subcommand("list", "List entries of a period (default: this week)");
        verb->add_option("period", query->period, "PERIOD (today, week, lastmonth, 2026-11, ...)");
        optional_option(*verb, "--client", query->client, "Only this client")->type_name("CLIENT");
        optional_option(*verb, "--mission", query->mission, "Only this mission")->type_name("CLIENT/MISSION");
        optional_option(*verb, "--tag", query->tag, "Only entries with this tag")->type_name("TAG");
        verb->add_flag("--unbilled", query->unbilled, "Only billable entries not yet invoiced");
        ctx.on_run(verb, [&ctx, query] {
            // Streamed: a year of a large history is listed in constant memory.
            auto output = ctx.output();
            bool table = output.format == render::Format::Auto;
            render::ListWriter writer(ctx.out, entry_schema(), output);
            time_service(ctx).each(*query, [&](const domain::Entry& entry) {
                writer.add(entry_list_row(entry, ctx.time_zone(), ctx.now(), table));
            });
            writer.finish();
        });
    }
    {
        auto id = std::make_shared<std::int64_t>(0);
        CLI::App* verb = noun->add_subcommand("show", "Show every field of an entry");
        verb->add_option("id", *id, "Entry id")->required();
        ctx.on_run(verb, [&ctx, id] {
            auto entry = time_service(ctx).show(*id);
            render::write_record(ctx.out, entry_schema(), entry_record(entry, ctx.time_zone(), ctx.now()),
                                 ctx.output());
        });
    }
    {
        auto id = std::make_shared<std::int64_t>(0);
        auto changes = std::make_shared<services::EntryChanges>();
        auto billable = std::make_shared<bool>(false);
        auto non_billable = std::make_shared<bool>(false);
        CLI::App* verb = noun->add_subcommand("edit", "Change the times, note, tags, units or billing of an entry");
        verb->add_option("id", *id, "Entry id")->required();
        optional_option(*verb, "--start", changes->start, "New start (TIME)")->type_name("TIME");
        optional_option(*verb, "--end", changes->end, "New end (TIME)")->type_name("TIME");
        optional_option(*verb, "--duration", changes->duration, "New duration from the start")->type_name("DURATION");
        optional_option(*verb, "--note", changes->note, "New note");
        optional_list_option(*verb, "--tag", changes->tags, "Replace the tags (repeatable; \"\" for none)");
        optional_option(*verb, "--units", changes->units, "New quantity (unit missions)")->type_name("N");
        auto* yes = verb->add_flag("--billable", *billable, "Bill this entry");
        auto* no = verb->add_flag("--non-billable", *non_billable, "Do not bill this entry");
        yes->excludes(no);
        verb->add_flag("--allow-future", changes->allow_future, "Accept times after now");
        ctx.on_run(verb, [&ctx, id, changes, billable, non_billable] {
            if (*billable) changes->billable = true;
            if (*non_billable) changes->billable = false;
            if (changes->tags) {
                auto& tags = *changes->tags;
                tags.erase(std::remove(tags.begin(), tags.end(), std::string()), tags.end());
            }
            auto entry = time_service(ctx).edit(*id, *changes);
            if (changes->start || changes->end || changes->duration) warn_if_long(ctx, entry, false);
            print_id(ctx, entry);
        });
    }
    {
        auto words = std::make_shared<std::vector<std::string>>();
        CLI::App* verb = noun->add_subcommand("rm", "Delete entries (all or none)");
        // Not required() for CLI11: its "ids is required" says neither what nor where to look.
        verb->add_option("ids", *words, "Entry ids");
        ctx.on_run(verb, [&ctx, words] {
            if (words->empty()) {
                throw Error(ErrorKind::Usage, "give the ids of the entries to delete, e.g. \"slash entry rm 12 13\"; "
                                              "\"slash entry list -q\" prints them");
            }
            auto ids = parse_ids(*words);
            time_service(ctx).remove(ids);
            for (auto id : ids) ctx.out << id << '\n';
        });
    }
    {
        auto words = std::make_shared<std::vector<std::string>>();
        CLI::App* verb = noun->add_subcommand("move", "Move entries to another mission: ID... CLIENT/MISSION");
        verb->add_option("args", *words, "Entry ids, then the mission")->required()->expected(2, -1);
        ctx.on_run(verb, [&ctx, words] {
            std::string mission = words->back();
            auto ids = parse_ids(std::vector<std::string>(words->begin(), words->end() - 1));
            for (const auto& entry : time_service(ctx).move(ids, mission)) print_id(ctx, entry);
        });
    }
}

void add_timesheet_commands(CLI::App& app, Context& ctx) {
    {
        auto date = std::make_shared<std::optional<std::string>>();
        CLI::App* verb = app.add_subcommand("today", "Today's entries by mission, with totals");
        optional_option(*verb, "--on", *date, "Another day (DATE)")->type_name("DATE");
        ctx.on_run(verb, [&ctx, date] {
            write_day(ctx.out, time_service(ctx).day(*date), ctx.time_zone(), ctx.now(), ctx.output());
        });
    }
    {
        auto date = std::make_shared<std::optional<std::string>>();
        CLI::App* verb = app.add_subcommand("week", "Week grid: missions by days, with totals");
        optional_option(*verb, "date", *date, "A day of the week to show (DATE; default today)");
        ctx.on_run(verb, [&ctx, date] { write_week(ctx.out, time_service(ctx).week(*date), ctx.output()); });
    }
}

}  // namespace

void add_time_commands(CLI::App& app, Context& ctx) {
    add_timer_commands(app, ctx);
    add_entry_commands(app, ctx);
    add_timesheet_commands(app, ctx);
}

}  // namespace slash::cli
