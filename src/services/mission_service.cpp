#include "slash/services/mission_service.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/domain/urssaf_figures.hpp"
#include "slash/services/client_service.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/mission_store.hpp"
#include "text_checks.hpp"

namespace slash::services {

namespace {


[[noreturn]] void usage(const std::string& message) { throw Error(ErrorKind::Usage, message); }
[[noreturn]] void failure(const std::string& message) { throw Error(ErrorKind::Failure, message); }

int minor_digits(const domain::Mission& mission) { return domain::currency_minor_digits(mission.currency); }

// A rate or price in the mission's currency; zero is allowed (a favour is still tracked).
std::int64_t parse_rate(const domain::Mission& mission, const std::string& flag, const std::string& text) {
    std::int64_t minor = domain::parse_amount(text, minor_digits(mission));
    if (minor < 0) {
        const char* what = flag == "--fixed" ? "price" : "rate";
        usage(fmt::format("invalid {} {} {}: a {} cannot be negative", flag, what, domain::quoted(text), what));
    }
    return minor;
}

// The one billing mode the flags give, if any, with its rate.
struct BillingChoice {
    domain::BillingMode mode;
    std::optional<std::int64_t> rate_minor;
};

std::optional<BillingChoice> billing_choice(const domain::Mission& mission, const MissionChanges& changes) {
    struct Flag {
        domain::BillingMode mode;
        const char* flag;
        const std::optional<std::string>& value;
    };
    const Flag flags[] = {{domain::BillingMode::Hourly, "--hourly", changes.hourly},
                          {domain::BillingMode::Daily, "--daily", changes.daily},
                          {domain::BillingMode::Unit, "--unit", changes.unit},
                          {domain::BillingMode::Fixed, "--fixed", changes.fixed}};
    auto given = std::count_if(std::begin(flags), std::end(flags), [](const Flag& f) { return f.value.has_value(); });
    if (given + (changes.none ? 1 : 0) > 1) usage("give only one of --hourly, --daily, --unit, --fixed or --none");
    if (changes.none) return BillingChoice{domain::BillingMode::None, std::nullopt};
    for (const Flag& f : flags) {
        if (f.value) return BillingChoice{f.mode, parse_rate(mission, f.flag, *f.value)};
    }
    return std::nullopt;
}

void set_billing(domain::Mission& mission, const BillingChoice& choice) {
    using domain::BillingMode;
    if (choice.mode != BillingMode::Unit) mission.unit_name.clear();
    if (choice.mode == BillingMode::Unit && mission.billing != BillingMode::Unit) mission.unit_name = "unit";
    mission.billing = choice.mode;
    mission.rate_minor = choice.rate_minor;
}

// A budget with a unit letter or a ':' is time ("40h", "1:30", "PT40H"); a bare number is
// money in the mission's currency ("2000", "1 500,50").
void set_budget(domain::Mission& mission, const std::string& text) {
    mission.budget_seconds.reset();
    mission.budget_minor.reset();
    if (text.empty()) return;
    bool is_time = std::any_of(text.begin(), text.end(), [](char ch) {
        return ch == ':' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    });
    if (is_time) {
        mission.budget_seconds = domain::parse_duration(text);
        return;
    }
    std::int64_t minor = domain::parse_amount(text, minor_digits(mission));
    if (minor <= 0) {
        usage(fmt::format("invalid --budget {}: a budget must be more than zero, such as 40h or 2000",
                          domain::quoted(text)));
    }
    mission.budget_minor = minor;
}

std::string parse_date_flag(const std::string& text, const domain::TimeContext& time) {
    return text.empty() ? std::string() : domain::format_date(domain::parse_date(text, time));
}

// Tags follow the handle rule (as entries' tags do); duplicates and empty values go.
std::vector<std::string> checked_tags(const std::vector<std::string>& tags) {
    std::vector<std::string> out;
    for (const auto& tag : tags) {
        if (tag.empty()) continue;
        domain::require_handle(tag, "tag");
        if (std::find(out.begin(), out.end(), tag) == out.end()) out.push_back(tag);
    }
    return out;
}

// Applies every given change to `mission`, validating each value; nothing is written here.
void apply(domain::Mission& mission, const MissionChanges& changes, const domain::TimeContext& time) {
    if (changes.handle) {
        domain::require_handle(*changes.handle, "mission handle");
        mission.handle = *changes.handle;
    }
    if (changes.title) {
        require_single_line(*changes.title, "--title");
        mission.title = *changes.title;
    }
    if (auto choice = billing_choice(mission, changes)) set_billing(mission, *choice);
    if (changes.unit_name) {
        require_single_line(*changes.unit_name, "--unit-name");
        const bool per_unit = mission.billing == domain::BillingMode::Unit;
        if (!per_unit && !changes.unit_name->empty()) {
            usage(fmt::format("--unit-name is only for missions billed per unit (--unit); {} is billed {}",
                              domain::quoted(mission.address()), domain::to_text(mission.billing)));
        }
        mission.unit_name = changes.unit_name->empty() && per_unit ? "unit" : *changes.unit_name;
    }
    if (changes.budget) set_budget(mission, *changes.budget);
    if (changes.estimate) {
        mission.estimate_seconds =
            changes.estimate->empty() ? std::nullopt : std::optional(domain::parse_duration(*changes.estimate));
    }
    if (changes.start_date) mission.start_date = parse_date_flag(*changes.start_date, time);
    if (changes.due_date) mission.due_date = parse_date_flag(*changes.due_date, time);
    if (changes.tags) mission.tags = checked_tags(*changes.tags);
    if (changes.status) {
        const auto status = domain::mission_status_from_text(*changes.status);
        if (status != domain::MissionStatus::Planned && status != domain::MissionStatus::Active) {
            usage(fmt::format("invalid --status {}: use planned or active (slash mission done, pause and resume "
                              "set the others)",
                              domain::quoted(*changes.status)));
        }
        mission.status = *status;
    }
    if (changes.vat_regime) mission.vat_regime = parse_vat_regime_flag(*changes.vat_regime);
    if (changes.vat_rate) mission.vat_rate_milli = parse_vat_rate_flag(*changes.vat_rate);
    if (changes.activity) {
        if (changes.activity->empty() || *changes.activity == "default") {
            mission.activity.reset();
        } else {
            mission.activity = std::string(domain::activity_name(domain::parse_activity(
                *changes.activity, "--activity")));
        }
    }
    // Rules between fields, checked on the result so that an edit cannot break them either.
    // Dates are YYYY-MM-DD, so text order is date order.
    if (!mission.start_date.empty() && !mission.due_date.empty() && mission.due_date < mission.start_date) {
        usage(fmt::format("the due date {} is before the start date {}", mission.due_date, mission.start_date));
    }
    check_vat_override(mission.vat_regime, mission.vat_rate_milli,
                       fmt::format("mission {}", domain::quoted(mission.address())));
    if (mission.budget_minor && mission.billing == domain::BillingMode::None) {
        usage(fmt::format("{} is not billed (none), so its budget cannot be money; give a time budget such as "
                          "--budget 40h",
                          domain::quoted(mission.address())));
    }
}

domain::MissionStatus target(MissionTransition to) {
    switch (to) {
        case MissionTransition::Done: return domain::MissionStatus::Done;
        case MissionTransition::Pause: return domain::MissionStatus::Paused;
        case MissionTransition::Resume: return domain::MissionStatus::Active;
    }
    return domain::MissionStatus::Active;
}

// Refuses a transition that makes no sense from the current status, naming the way out.
void check_transition(const domain::Mission& mission, MissionTransition to) {
    const std::string address = mission.address();
    const domain::MissionStatus from = mission.status;
    if (from == target(to)) {
        failure(fmt::format("mission {} is already {}", domain::quoted(address), domain::to_text(from)));
    }
    if (to == MissionTransition::Pause && from == domain::MissionStatus::Done) {
        failure(fmt::format("mission {} is done; reopen it with \"slash mission resume {}\"", domain::quoted(address),
                            address));
    }
    if (to == MissionTransition::Resume && from == domain::MissionStatus::Planned) {
        failure(fmt::format("mission {} is planned, not paused; start it with \"slash mission edit {} --status "
                            "active\"",
                            domain::quoted(address), address));
    }
}

// Today's local date as YYYY-MM-DD, the form due dates are stored in, so that text order
// is date order.
std::string today(const domain::TimeContext& time) {
    return domain::format_date(domain::local_date(time.now, time.zone));
}

MissionReport report(const storage::MissionWithActivity& row, const domain::BillingRules& rules,
                     const std::string& date) {
    MissionReport r;
    r.mission = row.mission;
    r.logged_seconds = row.activity.logged_seconds;
    r.unbilled_minor = row.activity.fixed_price_billed
                           ? std::optional<std::int64_t>(0)
                           : domain::billable_amount(row.mission, row.activity.billable, rules);
    if (row.mission.billing == domain::BillingMode::Fixed) r.deposited_minor = row.activity.deposited_minor;
    r.budget_used_percent = domain::budget_used_percent(row.mission, r.logged_seconds, r.unbilled_minor);
    r.overdue = row.mission.open() && !row.mission.due_date.empty() && row.mission.due_date < date;
    return r;
}

}  // namespace

domain::BillingRules billing_rules(const config::Config& config) {
    const auto& time = config.time;
    domain::BillingRules rules;
    try {
        rules.rounding_seconds = time.rounding == "0" ? 0 : domain::parse_duration(time.rounding);
    } catch (const Error& e) {
        throw Error(ErrorKind::Config, fmt::format("time.rounding: {}", e.what()));
    }
    try {
        rules.rounding_mode = domain::parse_rounding_mode(time.rounding_mode);
        rules.hours_per_day = domain::parse_decimal(time.hours_per_day, "time.hours_per_day");
        rules.day_step = domain::parse_decimal(time.day_step, "time.day_step");
        rules.fixed_price = domain::parse_fixed_price_rule(config.invoice.fixed_price);
    } catch (const Error& e) {
        throw Error(ErrorKind::Config, e.what());
    }
    return rules;
}

bool MissionChanges::empty() const {
    return !handle && !title && !hourly && !daily && !unit && !fixed && !none && !unit_name && !budget &&
           !estimate && !start_date && !due_date && !tags && !status && !vat_regime && !vat_rate && !activity;
}

domain::Mission MissionService::add(const std::string& address, const MissionChanges& changes) {
    auto parts = storage::parse_mission_address(address);
    storage::WriteTransaction tx(db_);
    domain::Client client = storage::ClientStore(db_).get(parts.client);
    if (client.archived()) {
        failure(fmt::format("client {} is archived; bring it back first with \"slash client unarchive {}\"",
                            domain::quoted(client.handle), client.handle));
    }
    domain::Mission mission;
    mission.client_id = client.id;
    mission.client_handle = client.handle;
    mission.handle = parts.mission;
    mission.currency = client.currency;
    bool billing_given = changes.hourly || changes.daily || changes.unit || changes.fixed || changes.none;
    if (!billing_given) {
        if (!client.rate_mode || !client.rate_minor) {
            usage(fmt::format("client {} has no default rate: give one of --hourly, --daily, --unit, --fixed or "
                              "--none",
                              domain::quoted(client.handle)));
        }
        mission.billing = *client.rate_mode;
        mission.rate_minor = client.rate_minor;
    }
    apply(mission, changes, time_);
    mission.created_at = mission.updated_at = time_.now;
    storage::MissionStore store(db_);
    mission.id = store.insert(mission);
    tx.commit();
    return mission;
}

domain::Mission MissionService::edit(const std::string& address, const MissionChanges& changes) {
    if (changes.empty()) {
        usage(fmt::format("nothing to change for mission {}: give at least one flag, see \"slash mission edit "
                          "--help\"",
                          domain::quoted(address)));
    }
    storage::WriteTransaction tx(db_);
    storage::MissionStore store(db_);
    domain::Mission mission = store.get(address);
    apply(mission, changes, time_);
    mission.updated_at = time_.now;
    store.update(mission);
    tx.commit();
    return mission;
}

domain::Mission MissionService::transition(const std::string& address, MissionTransition to) {
    storage::WriteTransaction tx(db_);
    storage::MissionStore store(db_);
    domain::Mission mission = store.get(address);
    check_transition(mission, to);
    mission.status = target(to);
    mission.updated_at = time_.now;
    store.update(mission);
    tx.commit();
    return mission;
}

domain::Mission MissionService::remove(const std::string& address) {
    storage::WriteTransaction tx(db_);
    storage::MissionStore store(db_);
    domain::Mission mission = store.get(address);
    if (auto entries = store.entry_count(mission.id); entries > 0) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("mission {} has {} entr{}; mark it done instead: slash mission done {}",
                                domain::quoted(mission.address()), entries, entries == 1 ? "y" : "ies",
                                mission.address()));
    }
    // A line of a draft, an issued invoice or a credit note: removing the mission would
    // take the line's reference with it (and SQLite refuses, by the foreign key).
    if (auto invoices = store.invoice_count(mission.id); invoices > 0) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("mission {} appears on {} invoice{}; mark it done instead: slash mission done {}",
                                domain::quoted(mission.address()), invoices, invoices == 1 ? "" : "s",
                                mission.address()));
    }
    store.remove(mission.id);
    tx.commit();
    return mission;
}

std::vector<MissionReport> MissionService::list(const std::optional<std::string>& client, bool include_done) {
    storage::MissionFilter filter;
    filter.include_done = include_done;
    // A client named on the command line is shown even when archived, as `client show` does.
    if (client) {
        filter.client_id = storage::ClientStore(db_).get(*client).id;
        filter.include_archived_clients = true;
    } else {
        filter.include_archived_clients = include_done;
    }
    std::string date = today(time_);
    std::vector<MissionReport> reports;
    for (const auto& row : storage::MissionStore(db_).list_with_activity(filter, time_.now, rules_)) {
        reports.push_back(report(row, rules_, date));
    }
    return reports;
}

MissionReport MissionService::show(const std::string& address) {
    storage::MissionStore store(db_);
    domain::Mission mission = store.get(address);
    storage::MissionFilter filter;
    filter.mission_id = mission.id;
    filter.include_done = true;
    filter.include_archived_clients = true;
    auto rows = store.list_with_activity(filter, time_.now, rules_);
    if (rows.empty()) throw Error(ErrorKind::NotFound, fmt::format("unknown mission {}", domain::quoted(address)));
    return report(rows.front(), rules_, today(time_));
}

}  // namespace slash::services
