// `invoice new` and `invoice monthly`: from unbilled billable entries to draft lines.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>

#include "invoice_internal.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/services/invoice_service.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/entry_store.hpp"
#include "slash/storage/mission_store.hpp"

namespace slash::services {

namespace {

using invoicing::period_text;

/// A draft as computed, before it is written: the invoice and the entries it reserves.
struct DraftPlan {
    domain::Invoice invoice;
    std::vector<std::int64_t> entry_ids;
    /// Fixed-price missions already billed whose new entries the price covers: reserved by
    /// the draft with no line of their own.
    std::vector<std::string> covered;
    /// Fixed-price missions with work in the period, still open: billed on completion.
    std::vector<std::string> on_completion;
};

std::string mission_label(const domain::Mission& mission) {
    return mission.title.empty() ? mission.address() : mission.title;
}

domain::InvoiceLine work_line(const domain::Mission& mission, const invoicing::VatChoice& vat,
                              std::string description) {
    domain::InvoiceLine line;
    line.mission_id = mission.id;
    line.description = std::move(description);
    line.unit_price_minor = *mission.rate_minor;
    line.vat_category = vat.tax.category;
    line.vat_rate_milli = vat.tax.rate_milli;
    return line;
}

// The quantity and unit of a line, as the one valuation gives them; its net is computed
// with the invoice's totals, from the quantity and the unit price.
void set_measure(domain::InvoiceLine& line, const domain::WorkValue& value) {
    line.quantity_milli = value.quantity_milli;
    line.unit_code = std::string(value.unit_code);
    line.unit_name = value.unit_name;
}

// The lines of one mission's entries (all finished, billable, unbilled, in the period).
std::vector<domain::InvoiceLine> mission_lines(const domain::Mission& mission,
                                               const std::vector<domain::Entry>& entries,
                                               const domain::BillingRules& rules, const invoicing::VatChoice& vat,
                                               const std::string& period, const domain::TimeZone& zone,
                                               bool detail) {
    std::vector<domain::InvoiceLine> lines;
    const std::string label = mission_label(mission);
    auto add = [&](std::string description, const std::vector<const domain::Entry*>& group) {
        domain::BillableWork work;
        for (const auto* e : group) {
            ++work.entries;
            work.rounded_seconds +=
                domain::round_duration(*e->end - e->start, rules.rounding_seconds, rules.rounding_mode);
            work.units_milli += e->units_milli.value_or(0);
        }
        const auto value = domain::value_work(mission, work, rules);
        if (!value || value->quantity_milli == 0) return;
        auto line = work_line(mission, vat, std::move(description));
        set_measure(line, *value);
        if (group.size() == 1 && detail) line.entry_id = group.front()->id;
        lines.push_back(std::move(line));
    };
    // Days are counted in day_step steps on the mission's total, never entry by entry (eight
    // 1 h entries are 1.5 days, not 4 half-days): a daily mission keeps one line.
    if (detail && domain::bills_per_entry(mission.billing)) {
        for (const auto& e : entries) {
            std::string text = fmt::format("{} — {}", label, domain::format_date(domain::local_date(e.start, zone)));
            if (!e.note.empty()) text += ": " + e.note;
            add(std::move(text), {&e});
        }
    } else {
        std::vector<const domain::Entry*> all;
        for (const auto& e : entries) all.push_back(&e);
        add(fmt::format("{} — {}", label, period), all);
    }
    return lines;
}

// The draft of one client; no lines when it has nothing to bill.
DraftPlan plan_draft(const config::Config& config, const domain::Client& client,
                                    const std::vector<domain::Mission>& missions,
                                    const std::map<std::int64_t, std::vector<domain::Entry>>& entries_by_mission,
                                    const domain::Period& period, bool detail, storage::InvoiceStore& invoices,
                                    const domain::TimeZone& zone, std::int64_t now) {
    DraftPlan plan;
    auto& invoice = plan.invoice;
    invoice.client_id = client.id;
    invoice.client_handle = client.handle;
    invoice.currency = client.currency;
    invoice.language = invoicing::language_for(config, client);
    invoice.vat_regime = invoicing::vat_for(config, client, nullptr).regime;
    invoice.period_from = domain::format_date(period.first_day);
    invoice.period_to = domain::format_date(period.last_day);
    invoice.created_at = invoice.updated_at = now;
    const auto rules = invoicing::rules_for(config, client);
    const auto period_label = period_text(invoice.period_from, invoice.period_to, invoice.language);
    static const std::vector<domain::Entry> kNone;
    for (const auto& mission : missions) {
        if (mission.billing == domain::BillingMode::None || !mission.rate_minor) continue;
        if (mission.currency != client.currency) {
            throw Error(ErrorKind::Failure,
                        fmt::format("mission {} is billed in {} but client {} in {}: amounts are never converted",
                                    mission.address(), mission.currency, client.handle, client.currency));
        }
        auto found = entries_by_mission.find(mission.id);
        const auto& entries = found == entries_by_mission.end() ? kNone : found->second;
        auto vat = invoicing::vat_for(config, client, &mission);
        if (mission.billing == domain::BillingMode::Fixed) {
            // A fixed price is billed once: with the first invoice that has work of the
            // mission, or once the mission is done.
            const domain::BillableWork work{static_cast<std::int64_t>(entries.size()), 0, 0};
            if (!domain::fixed_price_due(mission, work, rules.fixed_price)) {
                if (!entries.empty()) plan.on_completion.push_back(mission.address());
                continue;
            }
            if (invoices.mission_billed(mission.id)) {
                if (entries.empty()) continue;
                plan.covered.push_back(mission.address());
                for (const auto& e : entries) plan.entry_ids.push_back(e.id);
                continue;
            }
            auto line = work_line(mission, vat, fmt::format("{} — {}", mission_label(mission),
                                                            invoice.language == "fr" ? "forfait" : "fixed price"));
            set_measure(line, *domain::value_work(mission, work, rules));
            invoice.lines.push_back(std::move(line));
            for (auto& deposit : invoicing::deposits_to_deduct(invoices, mission)) {
                invoice.deposits.push_back(std::move(deposit));
            }
        } else {
            if (entries.empty()) continue;
            auto lines = mission_lines(mission, entries, rules, vat, period_label, zone, detail);
            if (lines.empty()) continue;
            for (auto& line : lines) invoice.lines.push_back(std::move(line));
        }
        for (const auto& e : entries) plan.entry_ids.push_back(e.id);
    }
    if (!invoice.lines.empty()) invoicing::recompute_totals(invoice);
    for (const auto& deposit : invoice.deposits) invoice.prepaid_minor += deposit.gross_minor;
    return plan;
}

/// A timer running on work of the period would be left out of the draft and never billed
/// with its month: it is stopped first.
void require_no_timer_in(storage::Database& db, const domain::Period& period, std::optional<std::int64_t> client_id,
                         const domain::TimeZone& zone) {
    auto running = storage::EntryStore(db).running();
    if (!running || running->start < period.from || running->start >= period.to) return;
    if (client_id) {
        auto mission = storage::MissionStore(db).list({client_id, running->mission_id, true, true});
        if (mission.empty()) return;
    }
    throw Error(ErrorKind::Conflict,
                fmt::format("a timer is running on {} since {}, in the period billed: stop it first (slash stop) so "
                            "that its time is billed",
                            running->mission_address, domain::format_local_iso(running->start, zone)));
}

/// Billable, finished entries starting in the period that no invoice holds, by mission
/// (those of a fixed price already billed included: the draft takes them, covered).
std::map<std::int64_t, std::vector<domain::Entry>> unbilled_entries(storage::Database& db,
                                                                     const domain::Period& period,
                                                                     std::optional<std::int64_t> client_id) {
    storage::EntryFilter filter;
    filter.from = period.from;
    filter.to = period.to;
    filter.client_id = client_id;
    filter.unreserved_only = true;
    std::map<std::int64_t, std::vector<domain::Entry>> by_mission;
    for (auto& e : storage::EntryStore(db).list(filter)) {
        if (e.running()) continue;
        by_mission[e.mission_id].push_back(std::move(e));
    }
    return by_mission;
}

domain::Invoice write_draft(storage::InvoiceStore& store, DraftPlan& plan) {
    plan.invoice.id = store.insert_draft(plan.invoice);
    store.reserve_entries(plan.invoice.id, plan.entry_ids);
    return *store.find(plan.invoice.id);
}

domain::Period period_or_last_month(const std::optional<std::string>& text, const domain::TimeContext& time) {
    return domain::parse_period(text ? *text : "lastmonth", time);
}

}  // namespace

domain::Invoice InvoiceService::draft(const DraftRequest& request) {
    auto period = period_or_last_month(request.period, time_);
    storage::WriteTransaction tx(db_);
    auto client = storage::ClientStore(db_).get(request.client);
    require_no_timer_in(db_, period, client.id, time_.zone);
    storage::InvoiceStore store(db_);
    auto missions = invoicing::billable_missions(db_, client.id);
    auto plan = plan_draft(config_, client, missions, unbilled_entries(db_, period, client.id), period, request.detail,
                           store, time_.zone, time_.now);
    if (plan.invoice.lines.empty()) {
        auto from = domain::format_date(period.first_day);
        auto to = domain::format_date(period.last_day);
        if (!plan.covered.empty()) {
            throw Error(ErrorKind::Failure,
                        fmt::format("nothing to bill for {} from {} to {}: its new entries are on fixed-price "
                                    "missions already billed ({}), which their price covers",
                                    client.handle, from, to, fmt::join(plan.covered, ", ")));
        }
        if (!plan.on_completion.empty()) {
            const auto& first = plan.on_completion.front();
            throw Error(ErrorKind::Failure,
                        fmt::format("nothing to bill for {} from {} to {}: its work is on fixed-price missions billed "
                                    "on completion ({}): \"slash mission done {}\" first, or bill a deposit with "
                                    "\"slash invoice deposit {} --percent 30\"",
                                    client.handle, from, to, fmt::join(plan.on_completion, ", "), first, first));
        }
        throw Error(ErrorKind::Failure,
                    fmt::format("nothing to bill for {} from {} to {}: none of its {} mission{} has unbilled "
                                "billable work in that period (see \"slash entry list {}..{} --client {} --unbilled\")",
                                client.handle, from, to, missions.size(), missions.size() == 1 ? "" : "s", from, to,
                                client.handle));
    }
    auto invoice = write_draft(store, plan);
    tx.commit();
    return invoice;
}

std::vector<domain::Invoice> InvoiceService::monthly(const std::optional<std::string>& month, bool dry_run,
                                                     bool detail) {
    auto period = period_or_last_month(month, time_);
    // One calendar month: the monthly invoices of a year or a week are not monthly.
    auto next = domain::add_days(period.last_day, 1);
    if (period.first_day.day != 1 || next.day != 1 ||
        period.first_day.year * 12 + period.first_day.month + 1 != next.year * 12 + next.month) {
        throw Error(ErrorKind::Usage, fmt::format("invalid month {}: use YYYY-MM, month or lastmonth; for another "
                                                  "period, slash invoice new CLIENT PERIOD",
                                                  domain::quoted(month ? *month : "")));
    }
    storage::WriteTransaction tx(db_);
    require_no_timer_in(db_, period, std::nullopt, time_.zone);
    storage::InvoiceStore store(db_);
    auto entries = unbilled_entries(db_, period, std::nullopt);
    std::map<std::int64_t, std::vector<domain::Mission>> missions_by_client;
    for (auto& mission : invoicing::billable_missions(db_, std::nullopt)) missions_by_client[mission.client_id].push_back(std::move(mission));
    std::vector<domain::Invoice> drafts;
    for (const auto& client : storage::ClientStore(db_).list(true)) {
        auto found = missions_by_client.find(client.id);
        if (found == missions_by_client.end()) continue;
        auto plan = plan_draft(config_, client, found->second, entries, period, detail, store, time_.zone, time_.now);
        if (plan.invoice.lines.empty()) continue;
        drafts.push_back(dry_run ? plan.invoice : write_draft(store, plan));
    }
    if (drafts.empty()) {
        throw Error(ErrorKind::Failure,
                    fmt::format("nothing to bill from {} to {}: no client has unbilled billable work in that period",
                                domain::format_date(period.first_day), domain::format_date(period.last_day)));
    }
    if (!dry_run) tx.commit();
    return drafts;
}

}  // namespace slash::services
