#include "slash/services/time_service.hpp"

#include <algorithm>
#include <map>
#include <random>

#include <fmt/format.h>

#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/entry_store.hpp"
#include "slash/storage/invoice_store.hpp"
#include "slash/storage/mission_store.hpp"
#include "entry_description.hpp"
#include "text_checks.hpp"

namespace slash::services {

namespace {

constexpr std::int64_t kMaxEntrySeconds = 24 * 3600;
constexpr std::string_view kStopEarlier = "stop it earlier with \"slash stop --at TIME\" and log the rest";

[[noreturn]] void usage(const std::string& message) { throw Error(ErrorKind::Usage, message); }

std::vector<std::string> checked_tags(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    for (const auto& tag : tags) {
        domain::require_handle(tag, "tag");
        if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(tag);
    }
    return out;
}

// A billion units is far beyond any real count and keeps every sum of units far from
// int64 overflow.
constexpr std::int64_t kMaxUnitsMilli = 1'000'000'000'000;

std::int64_t parse_units(const std::string& text) {
    std::int64_t milli = domain::parse_amount(text, 3);
    if (milli <= 0 || milli > kMaxUnitsMilli) {
        usage(fmt::format("invalid --units {}: give a quantity above zero and at most 1000000000, e.g. 12 or 2.5",
                          domain::quoted(text)));
    }
    return milli;
}

class Rules {
public:
    Rules(storage::Database& db, const domain::TimeContext& context) : entries_(db), context_(context) {}

    // Every closed entry: positive, at most 24 h, not in the future unless asked.
    void check_span(std::int64_t start, std::int64_t end, bool allow_future,
                    std::string_view fix = "split it into several entries") const {
        if (end <= start) usage("the end must be after the start");
        if (end - start > kMaxEntrySeconds) {
            usage(fmt::format("an entry lasts at most 24 h, this one {}; {}", domain::format_duration(end - start),
                              fix));
        }
        check_not_future(end, allow_future);
    }

    // A timer is an entry too: it cannot start more than 24 h before now.
    void check_timer_start(std::int64_t start) const {
        if (context_.now - start > kMaxEntrySeconds) {
            usage(fmt::format("a timer cannot start more than 24 h ago ({}); record past work with \"slash log\"",
                              domain::format_local_iso(start, context_.zone)));
        }
    }

    void check_not_future(std::int64_t instant, bool allow_future) const {
        if (!allow_future && instant > context_.now) {
            usage(fmt::format("{} is in the future; pass --allow-future to record it anyway",
                              domain::format_local_iso(instant, context_.zone)));
        }
    }

    // A running entry counts as ending at domain::occupied_until, as the store's others do.
    void check_free(std::int64_t start, std::optional<std::int64_t> end, std::optional<std::int64_t> except) {
        std::int64_t until = domain::occupied_until(start, end, context_.now);
        if (auto other = entries_.overlapping(start, until, except, context_.now)) {
            throw Error(ErrorKind::Conflict,
                        fmt::format("this would overlap {}; change the times, or edit that entry first",
                                    describe_entry(*other, context_.zone)));
        }
    }

private:
    storage::EntryStore entries_;
    const domain::TimeContext& context_;
};

void require_units_rule(const domain::Mission& mission, const std::optional<std::string>& units) {
    if (mission.billing == domain::BillingMode::Unit && !units) {
        usage(fmt::format("mission \"{}\" is billed per {}: give the quantity with --units N", mission.address(),
                          mission.unit_name.empty() ? "unit" : mission.unit_name));
    }
    if (mission.billing != domain::BillingMode::Unit && units) {
        usage(fmt::format("--units is only for missions billed per unit; \"{}\" is billed {}", mission.address(),
                          domain::to_text(mission.billing)));
    }
}

// New work (start, log) goes on an open mission: on a done one it would be billed after
// the mission was closed, so it is refused with the way to reopen it. Paused is allowed
// (the caller warns).
void require_open_for_work(const domain::Mission& mission) {
    if (mission.status == domain::MissionStatus::Done) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("mission \"{}\" is done: resume it first with \"slash mission resume {}\"",
                                mission.address(), mission.address()));
    }
}

domain::Entry new_entry(const domain::Mission& mission, std::int64_t start, std::optional<std::int64_t> end,
                        std::string note, std::vector<std::string> tags, std::int64_t now) {
    domain::Entry entry;
    entry.uid = new_uid();
    entry.mission_id = mission.id;
    entry.mission_address = mission.address();
    entry.start = start;
    entry.end = end;
    entry.note = std::move(note);
    entry.tags = std::move(tags);
    entry.created_at = entry.updated_at = now;
    return entry;
}

// An entry an issued invoice bills is part of a legal document: it changes only through a
// credit note that frees it. An entry a draft reserves waits for that draft: changing it
// would leave the draft's line wrong, so the draft goes first.
void require_unbilled(storage::Database& db, const domain::Entry& entry) {
    if (!entry.invoice_id) return;
    auto invoice = storage::InvoiceStore(db).find(*entry.invoice_id);
    if (invoice && invoice->draft()) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("entry {} is reserved by draft invoice {}: remove that line (slash invoice line rm "
                                "{} LINE) or the draft (slash invoice rm {}) to change it",
                                entry.id, invoice->id, invoice->id, invoice->id));
    }
    throw Error(ErrorKind::Conflict,
                fmt::format("entry {} is billed on invoice {}: it cannot change; credit that invoice to free it",
                            entry.id, invoice ? invoice->label() : std::to_string(*entry.invoice_id)));
}

// "2026-12-10 09:30": a local instant as TIME reads it back, for the fixes messages suggest.
std::string local_date_hm(std::int64_t utc, const domain::TimeZone& zone) {
    return domain::format_date(domain::local_date(utc, zone)) + " " + domain::format_local_hm(utc, zone);
}

// `entry edit --end` at or before the start. A bare time was read on the start's day (an end
// "9:30" typed the next morning is not silently an overnight entry): the fix names the next
// day for a real overnight entry.
[[noreturn]] void refuse_end_before_start(const domain::Entry& entry, const std::string& text,
                                          const domain::CivilDate& day, const domain::TimeContext& context) {
    if (domain::is_time_of_day(text)) {
        std::int64_t overnight = domain::parse_time_near(text, domain::add_days(day, 1), context);
        usage(fmt::format("--end {} is at or before the start of entry {} ({}); a time alone is on the entry's own "
                          "day: for an entry that ends the next day, give the date: --end \"{}\"",
                          domain::quoted(text), entry.id, local_date_hm(entry.start, context.zone),
                          local_date_hm(overnight, context.zone)));
    }
    usage(fmt::format("--end {} is at or before the start of entry {} ({}); give a later end",
                      domain::quoted(text), entry.id, local_date_hm(entry.start, context.zone)));
}

// Seconds of [start, end) inside [from, to).
std::int64_t clipped(std::int64_t start, std::int64_t end, std::int64_t from, std::int64_t to) {
    return std::max<std::int64_t>(0, std::min(end, to) - std::max(start, from));
}

}  // namespace

bool EntryChanges::empty() const {
    return !start && !end && !duration && !note && !tags && !units && !billable;
}

std::string new_uid() {
    std::random_device device;
    std::uniform_int_distribution<unsigned> byte(0, 255);
    unsigned char bytes[16];
    for (auto& b : bytes) b = static_cast<unsigned char>(byte(device));
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
    std::string uid;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) uid += '-';
        uid += fmt::format("{:02x}", bytes[i]);
    }
    return uid;
}

StartResult TimeService::start(const StartRequest& request) {
    require_single_line(request.note, "note");
    auto tags = checked_tags(request.tags);
    storage::WriteTransaction tx(db_);
    storage::EntryStore entries(db_);
    domain::Mission mission = storage::MissionStore(db_).get(request.mission);
    require_open_for_work(mission);
    std::int64_t start = request.at ? domain::parse_time(*request.at, context_) : context_.now;
    Rules rules(db_, context_);
    rules.check_not_future(start, request.allow_future);
    rules.check_timer_start(start);

    StartResult result;
    result.mission_paused = mission.status == domain::MissionStatus::Paused;
    if (auto running = entries.running()) {
        if (running->mission_id == mission.id && !request.at) {
            result.entry = *running;
            result.already_running = true;
            return result;
        }
        if (start <= running->start) {
            throw Error(ErrorKind::Conflict,
                        fmt::format("the running timer ({}) started after {}; give a later --at",
                                    describe_entry(*running, context_.zone),
                                    domain::format_local_hm(start, context_.zone)));
        }
        rules.check_span(running->start, start, true, kStopEarlier);
        rules.check_free(running->start, start, running->id);
        running->end = start;
        running->updated_at = context_.now;
        entries.update(*running);
        result.stopped = running;
    }
    rules.check_free(start, std::nullopt, result.stopped ? std::optional(result.stopped->id) : std::nullopt);
    result.entry = new_entry(mission, start, std::nullopt, request.note, tags, context_.now);
    result.entry.billable = mission.billing != domain::BillingMode::None;
    result.entry.id = entries.insert(result.entry);
    tx.commit();
    return result;
}

domain::Entry TimeService::stop(const std::optional<std::string>& at, const std::optional<std::string>& note,
                                const std::optional<std::string>& units, bool allow_future) {
    if (note) require_single_line(*note, "note");
    storage::WriteTransaction tx(db_);
    storage::EntryStore entries(db_);
    auto running = entries.running();
    if (!running) {
        throw Error(ErrorKind::Failure, "no timer is running; start one with \"slash start CLIENT/MISSION\"");
    }
    std::int64_t end = at ? domain::parse_time(*at, context_) : context_.now;
    if (end <= running->start) {
        usage(fmt::format("the timer started at {}: stop it after that",
                          domain::format_local_iso(running->start, context_.zone)));
    }
    Rules rules(db_, context_);
    rules.check_span(running->start, end, allow_future, kStopEarlier);
    rules.check_free(running->start, end, running->id);
    // A unit mission's entry needs its quantity by the time it ends.
    domain::Mission mission = storage::MissionStore(db_).get(running->mission_address);
    if (units || !running->units_milli) require_units_rule(mission, units);
    if (units) running->units_milli = parse_units(*units);
    running->end = end;
    if (note && !note->empty()) running->note = running->note.empty() ? *note : running->note + " " + *note;
    running->updated_at = context_.now;
    entries.update(*running);
    tx.commit();
    return *running;
}

domain::Entry TimeService::cancel() {
    storage::WriteTransaction tx(db_);
    storage::EntryStore entries(db_);
    auto running = entries.running();
    if (!running) throw Error(ErrorKind::Failure, "no timer is running: nothing to cancel");
    entries.remove(running->id);
    tx.commit();
    return *running;
}

StartResult TimeService::resume(std::optional<std::int64_t> entry_id, const std::optional<std::string>& at,
                                bool allow_future) {
    domain::Entry source;
    {
        storage::EntryStore entries(db_);
        if (entry_id) {
            source = entries.get(*entry_id);
        } else if (auto latest = entries.latest()) {
            source = *latest;
        } else {
            throw Error(ErrorKind::Failure, "no entry to continue yet; start one with \"slash start CLIENT/MISSION\"");
        }
    }
    StartRequest request;
    request.mission = source.mission_address;
    request.note = source.note;
    request.at = at;
    request.tags = source.tags;
    request.allow_future = allow_future;
    return start(request);
}

LogResult TimeService::log(const LogRequest& request) {
    require_single_line(request.note, "note");
    auto tags = checked_tags(request.tags);
    std::optional<std::int64_t> units;
    if (request.units) units = parse_units(*request.units);

    storage::WriteTransaction tx(db_);
    domain::Mission mission = storage::MissionStore(db_).get(request.mission);
    require_open_for_work(mission);
    require_units_rule(mission, request.units);
    domain::CivilDate today = domain::local_date(context_.now, context_.zone);
    domain::CivilDate day = request.on ? domain::parse_date(*request.on, context_) : today;

    std::int64_t start = 0, end = 0;
    if (domain::looks_like_range(request.when)) {
        auto range = domain::parse_range(request.when, day, context_);
        start = range.start;
        end = range.end;
    } else {
        std::int64_t seconds = domain::parse_duration(request.when);
        if (seconds > kMaxEntrySeconds) {
            usage(fmt::format("an entry lasts at most 24 h, {} is {}; split it into several entries",
                              domain::quoted(request.when), domain::format_duration(seconds)));
        }
        if (day == today) {
            // Logged just now: the work ended now. When that time is taken (an earlier log
            // of today, the running timer), it ends where the entry in the way starts,
            // packed back until it fits: two "slash log X 1h" in a row both land.
            end = context_.now;
            storage::EntryStore store(db_);
            while (auto other = store.overlapping(end - seconds, end, std::nullopt, context_.now)) {
                end = other->start;  // `overlapping` returns an entry starting before `end`
            }
            start = end - seconds;
            if (end != context_.now && start < domain::start_of_day(today, context_.zone)) {
                usage(fmt::format("today has no free {} before now; give a range, e.g. \"slash log {} 9:00-10:00\"",
                                  domain::format_duration(seconds), request.mission));
            }
        } else {
            // A past day: right after that day's last entry, or 09:00 on an empty day.
            std::int64_t day_start = domain::start_of_day(day, context_.zone);
            std::int64_t next_day = domain::start_of_day(
                domain::civil_from_days(domain::days_from_civil(day) + 1), context_.zone);
            auto last_end = storage::EntryStore(db_).last_end_between(day_start, next_day);
            start = last_end ? *last_end : domain::parse_time_on("9:00", day, context_);
            end = start + seconds;
            if (start >= next_day) {
                usage(fmt::format("{} is full: its last entry ends on the next day; give a range with --on, e.g. "
                                  "\"slash log {} 9:00-10:00 --on {}\"",
                                  domain::format_date(day), request.mission, domain::format_date(day)));
            }
        }
    }
    Rules rules(db_, context_);
    rules.check_span(start, end, request.allow_future);
    rules.check_free(start, end, std::nullopt);
    domain::Entry entry = new_entry(mission, start, end, request.note, tags, context_.now);
    entry.units_milli = units;
    entry.billable = !request.non_billable && mission.billing != domain::BillingMode::None;
    entry.id = storage::EntryStore(db_).insert(entry);
    tx.commit();
    return {entry, mission.status == domain::MissionStatus::Paused};
}

domain::Entry TimeService::edit(std::int64_t id, const EntryChanges& changes) {
    if (changes.empty()) {
        usage(fmt::format("nothing to change for entry {}: give at least one flag, see \"slash entry edit --help\"",
                          id));
    }
    if (changes.note) require_single_line(*changes.note, "--note");
    if (changes.duration && changes.end) usage("give either --end or --duration, not both");
    storage::WriteTransaction tx(db_);
    storage::EntryStore entries(db_);
    domain::Entry entry = entries.get(id);
    require_unbilled(db_, entry);
    // A bare time of day is on the entry's own day, not on the day of the edit: the start
    // on the day the entry started, the end on the day of its (new) start.
    if (changes.start) {
        entry.start = domain::parse_time_near(*changes.start, domain::local_date(entry.start, context_.zone), context_);
    }
    Rules rules(db_, context_);
    if (changes.start && entry.running()) rules.check_timer_start(entry.start);
    if (changes.end) {
        const domain::CivilDate day = domain::local_date(entry.start, context_.zone);
        entry.end = domain::parse_time_near(*changes.end, day, context_);
        if (*entry.end <= entry.start) refuse_end_before_start(entry, *changes.end, day, context_);
    } else if (changes.start && !changes.duration && entry.end && *entry.end <= entry.start) {
        usage(fmt::format("--start {} is at or after the end of entry {} ({}); give an earlier start, or a later "
                          "--end with it",
                          domain::quoted(*changes.start), id, local_date_hm(*entry.end, context_.zone)));
    }
    if (changes.duration) {
        if (entry.running()) usage(fmt::format("entry {} is running: stop it before giving it a duration", id));
        entry.end = entry.start + domain::parse_duration(*changes.duration);
    }
    if (changes.note) entry.note = *changes.note;
    if (changes.tags) entry.tags = checked_tags(*changes.tags);
    if (changes.billable) entry.billable = *changes.billable;
    if (changes.units) {
        domain::Mission mission = storage::MissionStore(db_).get(entry.mission_address);
        if (changes.units->empty()) {
            usage(fmt::format("entry {} is on \"{}\", billed per unit: its --units cannot be empty", id,
                              mission.address()));
        }
        require_units_rule(mission, changes.units);
        entry.units_milli = parse_units(*changes.units);
    }
    if (entry.end && *entry.end - entry.start > kMaxEntrySeconds && (changes.start || changes.end)) {
        // Say what the edit would make, not only that it is too long.
        usage(fmt::format("entry {} would run from {} to {} ({}); an entry lasts at most 24 h: check the days "
                          "given to --start and --end",
                          id, local_date_hm(entry.start, context_.zone), local_date_hm(*entry.end, context_.zone),
                          domain::format_duration(*entry.end - entry.start)));
    }
    if (entry.end) {
        rules.check_span(entry.start, *entry.end, changes.allow_future);
    } else {
        rules.check_not_future(entry.start, changes.allow_future);
    }
    rules.check_free(entry.start, entry.end, entry.id);
    entry.updated_at = context_.now;
    entries.update(entry);
    tx.commit();
    return entry;
}

void TimeService::remove(const std::vector<std::int64_t>& ids) {
    storage::WriteTransaction tx(db_);
    storage::EntryStore entries(db_);
    for (auto id : ids) require_unbilled(db_, entries.get(id));
    for (auto id : ids) entries.remove(id);
    tx.commit();
}

std::vector<domain::Entry> TimeService::move(const std::vector<std::int64_t>& ids, const std::string& mission_address) {
    storage::WriteTransaction tx(db_);
    storage::EntryStore entries(db_);
    domain::Mission mission = storage::MissionStore(db_).get(mission_address);
    std::vector<domain::Entry> moved;
    for (auto id : ids) {
        domain::Entry entry = entries.get(id);
        require_unbilled(db_, entry);
        if (mission.billing == domain::BillingMode::Unit && !entry.units_milli) {
            usage(fmt::format("entry {} has no units and \"{}\" is billed per unit; set them first with "
                              "\"slash entry edit {} --units N\"",
                              id, mission.address(), id));
        }
        if (mission.billing != domain::BillingMode::Unit) entry.units_milli.reset();
        if (mission.billing == domain::BillingMode::None) entry.billable = false;
        entry.mission_id = mission.id;
        entry.mission_address = mission.address();
        entry.updated_at = context_.now;
        entries.update(entry);
        moved.push_back(entry);
    }
    tx.commit();
    return moved;
}

domain::Entry TimeService::show(std::int64_t id) { return storage::EntryStore(db_).get(id); }

void TimeService::each(const EntryQuery& query, const std::function<void(const domain::Entry&)>& visit) {
    domain::Period period = domain::parse_period(query.period, context_);
    storage::EntryFilter filter;
    filter.from = period.from;
    filter.to = period.to;
    if (query.mission) filter.mission_id = storage::MissionStore(db_).get(*query.mission).id;
    if (query.client) filter.client_id = storage::ClientStore(db_).get(*query.client).id;
    if (query.tag) {
        domain::require_handle(*query.tag, "tag");
        filter.tag = *query.tag;
    }
    filter.unbilled_only = query.unbilled;
    storage::EntryStore(db_).each(filter, visit);
}

StatusView TimeService::status() {
    StatusView view;
    storage::EntryStore entries(db_);
    view.running = entries.running();
    Timesheet today = day(std::nullopt);
    view.today_seconds = today.total;
    view.week_seconds = week(std::nullopt).total;
    return view;
}

namespace {

Timesheet build_timesheet(storage::Database& db, const domain::TimeContext& context, domain::CivilDate first,
                          int days) {
    Timesheet sheet;
    std::vector<std::int64_t> bounds;
    for (int i = 0; i <= days; ++i) {
        auto date = domain::civil_from_days(domain::days_from_civil(first) + i);
        if (i < days) sheet.days.push_back(date);
        bounds.push_back(domain::start_of_day(date, context.zone));
    }
    storage::EntryStore store(db);
    sheet.entries = store.touching(bounds.front(), bounds.back());
    // A timer left running for more than a day starts before the window `touching` reads.
    if (auto running = store.running()) {
        bool listed = std::any_of(sheet.entries.begin(), sheet.entries.end(),
                                  [&](const domain::Entry& e) { return e.id == running->id; });
        if (!listed && running->start < bounds.back() && std::max(context.now, running->start) > bounds.front()) {
            sheet.entries.insert(sheet.entries.begin(), *running);
        }
    }
    std::map<std::string, TimesheetRow> rows;
    sheet.day_totals.assign(static_cast<std::size_t>(days), 0);
    for (const auto& entry : sheet.entries) {
        auto& row = rows[entry.mission_address];
        row.mission = entry.mission_address;
        row.seconds.resize(static_cast<std::size_t>(days), 0);
        std::int64_t end = entry.end.value_or(std::max(context.now, entry.start));
        for (std::size_t d = 0; d < static_cast<std::size_t>(days); ++d) {
            std::int64_t part = clipped(entry.start, end, bounds[d], bounds[d + 1]);
            row.seconds[d] += part;
            row.total += part;
            sheet.day_totals[d] += part;
            sheet.total += part;
        }
    }
    for (auto& [address, row] : rows) sheet.rows.push_back(std::move(row));
    sheet.bounds = std::move(bounds);
    return sheet;
}

}  // namespace

Timesheet TimeService::day(const std::optional<std::string>& date) {
    domain::CivilDate day = date ? domain::parse_date(*date, context_) : domain::local_date(context_.now, context_.zone);
    return build_timesheet(db_, context_, day, 1);
}

Timesheet TimeService::week(const std::optional<std::string>& date) {
    domain::CivilDate day = date ? domain::parse_date(*date, context_) : domain::local_date(context_.now, context_.zone);
    int back = (domain::weekday(day) - context_.week_start + 7) % 7;
    return build_timesheet(db_, context_, domain::civil_from_days(domain::days_from_civil(day) - back), 7);
}

}  // namespace slash::services
