#include "slash/services/report_service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "invoice_internal.hpp"
#include "slash/domain/billing.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/suggest.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/domain/wide.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/mission_store.hpp"
#include "slash/storage/report_store.hpp"

namespace slash::services {

namespace {

using domain::Wide;

constexpr std::int64_t kSecondsPerHour = 3600;

constexpr std::pair<ReportGroup, std::string_view> kGroups[] = {
    {ReportGroup::Client, "client"}, {ReportGroup::Mission, "mission"}, {ReportGroup::Tag, "tag"},
    {ReportGroup::Day, "day"},       {ReportGroup::Week, "week"},       {ReportGroup::Month, "month"},
};

bool is_time(ReportGroup group) {
    return group == ReportGroup::Day || group == ReportGroup::Week || group == ReportGroup::Month;
}

std::vector<ReportGroup> parse_groups(const std::vector<std::string>& words) {
    if (words.empty()) return {ReportGroup::Client};
    std::vector<ReportGroup> groups;
    for (const auto& word : words) {
        auto found = std::find_if(std::begin(kGroups), std::end(kGroups),
                                  [&](const auto& group) { return group.second == word; });
        if (found == std::end(kGroups)) {
            std::vector<std::string> names;
            for (const auto& group : kGroups) names.emplace_back(group.second);
            std::string hint;
            if (auto near = domain::closest_match(word, names)) hint = fmt::format(" (did you mean \"{}\"?)", *near);
            throw Error(ErrorKind::Usage, fmt::format("invalid --by {}{}: use client, mission, tag, day, week or month",
                                                      domain::quoted(word), hint));
        }
        if (std::find(groups.begin(), groups.end(), found->first) != groups.end()) {
            throw Error(ErrorKind::Usage,
                        fmt::format("--by {} given twice: give each grouping once", domain::quoted(word)));
        }
        groups.push_back(found->first);
    }
    return groups;
}

void add_to(std::int64_t& sum, std::int64_t value) {
    if (__builtin_add_overflow(sum, value, &sum)) domain::out_of_range({.what = "the report's figures"});
}

void add_figures(ReportFigures& to, const ReportFigures& from) {
    add_to(to.raw_seconds, from.raw_seconds);
    add_to(to.billable_seconds, from.billable_seconds);
    add_to(to.amount_minor, from.amount_minor);
    add_to(to.billed_minor, from.billed_minor);
}

std::int64_t narrow(Wide value) { return domain::narrow(value, {.what = "the report's figures"}); }

/// Each part of a cell's key fits in 21 bits: two million missions, days or sets of tags.
constexpr std::uint32_t kPartLimit = 1u << 21;

[[noreturn]] void too_many(std::string_view what) {
    throw Error(ErrorKind::Failure, fmt::format("too many {} for one report (over {})", what, kPartLimit));
}

/// The local days of the period and, for each, the labels of the time groupings: entries
/// find their day by a binary search on the days' first instants, never by a time-zone
/// conversion of their own.
class Calendar {
public:
    Calendar(const domain::Period& period, const std::vector<ReportGroup>& groups, const domain::TimeContext& time) {
        for (auto group : groups) {
            if (is_time(group)) time_groups_.push_back(group);
        }
        if (time_groups_.empty()) return;
        const auto first = domain::days_from_civil(period.first_day);
        const auto last = domain::days_from_civil(period.last_day);
        if (last - first >= kPartLimit) too_many("days");
        std::map<std::vector<std::string>, std::uint32_t> ids;
        for (auto day = first; day <= last; ++day) {
            const auto date = domain::civil_from_days(day);
            day_starts_.push_back(domain::start_of_day(date, time.zone));
            std::vector<std::string> labels;
            for (auto group : time_groups_) labels.push_back(label(group, date, time.week_start));
            auto [found, added] = ids.emplace(labels, static_cast<std::uint32_t>(combos_.size()));
            if (added) combos_.push_back(std::move(labels));
            combo_of_day_.push_back(found->second);
        }
    }

    /// The combination of time labels of an instant of the period (0 without time groupings).
    [[nodiscard]] std::uint32_t combo_of(std::int64_t instant) const {
        if (day_starts_.empty()) return 0;
        auto next = std::upper_bound(day_starts_.begin(), day_starts_.end(), instant);
        auto index = next == day_starts_.begin() ? 0 : (next - day_starts_.begin()) - 1;
        return combo_of_day_[static_cast<std::size_t>(index)];
    }

    /// The label of `group` (a time grouping) in combination `combo`.
    [[nodiscard]] const std::string& label_of(std::uint32_t combo, ReportGroup group) const {
        auto position = std::find(time_groups_.begin(), time_groups_.end(), group) - time_groups_.begin();
        return combos_[combo][static_cast<std::size_t>(position)];
    }

private:
    static std::string label(ReportGroup group, const domain::CivilDate& date, int week_start) {
        if (group == ReportGroup::Day) return domain::format_date(date);
        if (group == ReportGroup::Month) return fmt::format("{:04}-{:02}", date.year, date.month);
        const int back = (domain::weekday(date) - week_start + 7) % 7;
        const auto first = domain::add_days(date, -back);
        if (week_start == 0) {
            const auto week = domain::iso_week(first);
            return fmt::format("{:04}-W{:02}", week.year, week.week);
        }
        return domain::format_date(first);
    }

    std::vector<ReportGroup> time_groups_;
    std::vector<std::int64_t> day_starts_;
    std::vector<std::uint32_t> combo_of_day_;
    std::vector<std::vector<std::string>> combos_;
};

/// The finest grain the report needs: one mission, one combination of time labels, one
/// set of tags, billed or not.
struct CellKey {
    std::uint32_t mission = 0;
    std::uint32_t combo = 0;
    std::uint32_t tags = 0;
    bool billed = false;
};

/// A CellKey in 64 bits, in its sort order: mission, combo, tags, billed.
std::uint64_t pack(const CellKey& k) {
    return (std::uint64_t{k.mission} << 43) | (std::uint64_t{k.combo} << 22) | (std::uint64_t{k.tags} << 1) |
           (k.billed ? 1u : 0u);
}

CellKey unpack(std::uint64_t packed) {
    constexpr std::uint64_t kMask = kPartLimit - 1;
    return {static_cast<std::uint32_t>(packed >> 43), static_cast<std::uint32_t>((packed >> 22) & kMask),
            static_cast<std::uint32_t>((packed >> 1) & kMask), (packed & 1u) != 0};
}

/// Values by CellKey in insertion order, found through an open-addressing index: one
/// lookup per entry of the period, with no allocation per key and no pointer chasing.
template <class Value>
class CellTable {
public:
    /// The value of `key`, value-initialised when new; `added` says which. Valid until the
    /// next insertion.
    Value& at(const CellKey& key, bool* added = nullptr) {
        const std::uint64_t packed = pack(key);
        if ((rows_.size() + 1) * 2 > slots_.size()) grow();
        std::size_t slot = home(packed);
        while (slots_[slot] != 0) {
            auto& row = rows_[slots_[slot] - 1];
            if (row.first == packed) {
                if (added) *added = false;
                return row.second;
            }
            slot = (slot + 1) & (slots_.size() - 1);
        }
        rows_.emplace_back(packed, Value{});
        slots_[slot] = static_cast<std::uint32_t>(rows_.size());
        if (added) *added = true;
        return rows_.back().second;
    }
    /// (packed key, value) pairs, in insertion order.
    [[nodiscard]] std::vector<std::pair<std::uint64_t, Value>>& rows() { return rows_; }

private:
    [[nodiscard]] std::size_t home(std::uint64_t packed) const {
        return static_cast<std::size_t>((packed * 0x9E3779B97F4A7C15ull) >> shift_);
    }
    void grow() {
        const std::size_t size = slots_.empty() ? 1024 : slots_.size() * 2;
        slots_.assign(size, 0);
        shift_ = 64;
        for (std::size_t s = size; s > 1; s /= 2) --shift_;
        for (std::size_t i = 0; i < rows_.size(); ++i) {
            std::size_t slot = home(rows_[i].first);
            while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
            slots_[slot] = static_cast<std::uint32_t>(i + 1);
        }
    }
    std::vector<std::pair<std::uint64_t, Value>> rows_;
    std::vector<std::uint32_t> slots_;
    int shift_ = 64;
};

struct Cell {
    std::int64_t raw_seconds = 0;
    std::int64_t finished_seconds = 0;  ///< finished entries, billable or not
    std::int64_t billable_seconds = 0;  ///< finished billable entries, rounded
    std::int64_t units_milli = 0;       ///< of finished billable entries
    std::int64_t amount_minor = 0;      ///< its share of the mission's value
};

/// A mission with what valuing it needs.
struct Valued {
    domain::Mission mission;
    domain::BillingRules rules;
    storage::MissionFacts facts;
    bool fixed = false;     ///< billed "fixed"
    bool billable = false;  ///< billed other than "none"
};

/// What the cells of one mission weigh in sharing its value.
std::int64_t weight(const domain::Mission& mission, const Cell& cell) {
    switch (mission.billing) {
        case domain::BillingMode::Hourly:
        case domain::BillingMode::Daily: return cell.billable_seconds;
        case domain::BillingMode::Unit: return cell.units_milli;
        case domain::BillingMode::Fixed: return cell.finished_seconds;
        case domain::BillingMode::None: return 0;
    }
    return 0;
}

/// The value of a mission's work in the period, from the sums of its cells.
std::int64_t mission_value(const Valued& v, const Cell& sum) {
    const auto& m = v.mission;
    const auto value = domain::value_work(m, {0, sum.billable_seconds, sum.units_milli}, v.rules);
    if (!value) return 0;
    if (m.billing != domain::BillingMode::Fixed) return value->amount_minor;
    // A fixed price is earned as the work is done: the period's share of the time logged on
    // the mission, or of its estimate while it is open and the estimate is larger.
    std::int64_t spread = v.facts.logged_seconds;
    if (m.open() && m.estimate_seconds && *m.estimate_seconds > spread) spread = *m.estimate_seconds;
    return domain::fixed_price_share(value->amount_minor, sum.finished_seconds, spread);
}

/// Shares `value` among `cells` in proportion to their weights, to the minor unit: each
/// gets the floor of its exact share, and the units left go to the largest remainders
/// (the first cell in key order on a tie), so that the shares add up to `value`.
void share(std::int64_t value, const domain::Mission& mission, const std::vector<Cell*>& cells) {
    Wide total = 0;
    for (const Cell* cell : cells) total += weight(mission, *cell);
    if (total <= 0 || value <= 0) return;
    std::vector<std::pair<Wide, std::size_t>> remainders;
    Wide given = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Wide exact = static_cast<Wide>(value) * weight(mission, *cells[i]);
        cells[i]->amount_minor = narrow(exact / total);
        given += exact / total;
        remainders.emplace_back(exact % total, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::size_t next = 0;
    for (Wide left = value - given; left > 0; --left) ++cells[remainders[next++].second]->amount_minor;
}

std::vector<std::string> split_tags(const std::string& stored) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start < stored.size()) {
        auto end = stored.find(' ', start);
        if (end == std::string::npos) end = stored.size();
        if (end > start) tags.push_back(stored.substr(start, end - start));
        start = end + 1;
    }
    return tags;
}

/// Rows by their keys in --by order, "(no tag)" after every tag, then by currency.
struct RowOrder {
    std::optional<std::size_t> tag_position;
    bool operator()(const std::pair<std::vector<std::string>, std::string>& a,
                    const std::pair<std::vector<std::string>, std::string>& b) const {
        for (std::size_t i = 0; i < a.first.size(); ++i) {
            if (a.first[i] == b.first[i]) continue;
            if (tag_position == i) {
                if (a.first[i] == kNoTag) return false;
                if (b.first[i] == kNoTag) return true;
            }
            return a.first[i] < b.first[i];
        }
        return a.second < b.second;
    }
};

}  // namespace

std::string_view group_name(ReportGroup group) {
    for (const auto& [value, name] : kGroups) {
        if (value == group) return name;
    }
    return {};
}

std::optional<std::int64_t> ReportFigures::effective_rate_minor() const {
    if (raw_seconds <= 0) return std::nullopt;
    // In 128 bits: amount × 3600 overflows 64 bits long before the rate does.
    return narrow(domain::divide_half_away(static_cast<Wide>(amount_minor) * kSecondsPerHour, raw_seconds));
}

Report ReportService::report(const ReportQuery& query) {
    Report report;
    report.groups = parse_groups(query.by);
    report.period = domain::parse_period(query.period ? *query.period : "month", time_);

    std::optional<domain::Client> client;
    if (query.client) client = storage::ClientStore(db_).get(*query.client);

    // The missions, each with its client's rounding and its facts; indexed by id.
    storage::MissionFilter filter;
    if (client) filter.client_id = client->id;
    filter.include_done = true;
    filter.include_archived_clients = true;
    std::unordered_map<std::int64_t, domain::BillingRules> rules_of_client;
    for (const auto& c : storage::ClientStore(db_).list(true)) rules_of_client[c.id] = invoicing::rules_for(config_, c);
    storage::ReportStore store(db_);
    auto facts = store.mission_facts();
    std::vector<Valued> missions;
    for (auto& m : storage::MissionStore(db_).list(filter)) {
        if (missions.size() + 1 >= kPartLimit) too_many("missions");
        const auto rules = rules_of_client[m.client_id];
        const auto mission_facts = facts[m.id];
        const bool fixed = m.billing == domain::BillingMode::Fixed, billable = m.billing != domain::BillingMode::None;
        missions.push_back({std::move(m), rules, mission_facts, fixed, billable});
    }
    // Mission id -> position in `missions`, once per entry: a plain array over the ids,
    // which SQLite gives out from 1 up, unless some id is far too large for one.
    constexpr std::int64_t kArrayIds = std::int64_t{1} << 22;
    std::vector<std::int32_t> index_of;
    std::unordered_map<std::int64_t, std::int32_t> index_map;
    const bool small_ids = std::all_of(missions.begin(), missions.end(), [&](const Valued& v) {
        return v.mission.id >= 0 && v.mission.id < kArrayIds;
    });
    for (std::size_t i = 0; i < missions.size(); ++i) {
        const auto id = missions[i].mission.id;
        if (!small_ids) {
            index_map[id] = static_cast<std::int32_t>(i);
            continue;
        }
        if (static_cast<std::size_t>(id) >= index_of.size()) index_of.resize(static_cast<std::size_t>(id) + 1, -1);
        index_of[static_cast<std::size_t>(id)] = static_cast<std::int32_t>(i);
    }
    auto position_of = [&](std::int64_t id) -> std::int32_t {
        if (!small_ids) {
            auto found = index_map.find(id);
            return found == index_map.end() ? -1 : found->second;
        }
        return id >= 0 && static_cast<std::size_t>(id) < index_of.size() ? index_of[static_cast<std::size_t>(id)] : -1;
    };

    const bool by_tag = std::find(report.groups.begin(), report.groups.end(), ReportGroup::Tag) != report.groups.end();
    const Calendar calendar(report.period, report.groups, time_);
    // Sets of tags by id (0: none). A history holds few distinct sets: a linear search of the
    // first ones is cheaper than hashing each entry's text.
    std::vector<std::string> tag_sets{std::string()};
    std::unordered_map<std::string, std::uint32_t> tag_ids{{std::string(), 0}};
    auto intern = [&](std::string_view text) -> std::uint32_t {
        constexpr std::size_t kScanned = 16;
        for (std::size_t i = 1; i < std::min(tag_sets.size(), kScanned); ++i) {
            if (tag_sets[i] == text) return static_cast<std::uint32_t>(i);
        }
        auto [found, added] = tag_ids.emplace(std::string(text), static_cast<std::uint32_t>(tag_sets.size()));
        if (added) {
            if (tag_sets.size() >= kPartLimit) too_many("sets of tags");
            tag_sets.emplace_back(text);
        }
        return found->second;
    };
    CellTable<Cell> cells;

    store.scan_entries(report.period.from, report.period.to, client ? std::optional(client->id) : std::nullopt,
                       by_tag, [&](const storage::ReportEntry& e) {
                           const auto position = position_of(e.mission_id);
                           if (position < 0) return;
                           const Valued& v = missions[static_cast<std::size_t>(position)];
                           CellKey key;
                           key.mission = static_cast<std::uint32_t>(position);
                           key.combo = calendar.combo_of(e.start);
                           if (by_tag && !e.tags.empty()) key.tags = intern(e.tags);
                           // Billed: held by an invoice, draft or issued; on a fixed price,
                           // once the price is on one (slash-report(1), BILLED AND UNBILLED).
                           key.billed = v.fixed ? v.facts.on_invoice : e.invoice_id.has_value();
                           Cell& cell = cells.at(key);
                           if (!e.end) {
                               cell.raw_seconds += std::max<std::int64_t>(time_.now - e.start, 0);
                               return;
                           }
                           const std::int64_t seconds = *e.end - e.start;
                           cell.raw_seconds += seconds;
                           cell.finished_seconds += seconds;
                           if (e.billable && v.billable) {
                               cell.billable_seconds +=
                                   domain::round_duration(seconds, v.rules.rounding_seconds, v.rules.rounding_mode);
                               cell.units_milli += e.units_milli;
                           }
                       });

    // Each mission's billed work and its unbilled work are valued apart, each as a whole
    // (as an invoice values a mission's line: the billed part as its invoices did, the
    // unbilled part as the next one will), then shared among their cells in key order.
    std::vector<std::vector<std::pair<std::uint64_t, Cell*>>> cells_of(missions.size());
    for (auto& [packed, cell] : cells.rows()) cells_of[unpack(packed).mission].emplace_back(packed, &cell);
    for (std::size_t i = 0; i < missions.size(); ++i) {
        auto& list = cells_of[i];
        if (list.empty()) continue;
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (bool billed : {true, false}) {
            std::vector<Cell*> part;
            Cell sum;
            for (const auto& [packed, cell] : list) {
                if (unpack(packed).billed != billed) continue;
                part.push_back(cell);
                add_to(sum.billable_seconds, cell->billable_seconds);
                add_to(sum.units_milli, cell->units_milli);
                add_to(sum.finished_seconds, cell->finished_seconds);
            }
            if (!part.empty()) share(mission_value(missions[i], sum), missions[i].mission, part);
        }
    }

    // Rows and totals from the cells. First the cells merge on what the groupings tell
    // apart (the mission, else its client and currency, else the currency; the time labels;
    // the set of tags), on integer keys; only the merged ones get text keys. A set of two
    // tags goes to two rows, and once into its currency's total.
    const auto has = [&](ReportGroup group) {
        return std::find(report.groups.begin(), report.groups.end(), group) != report.groups.end();
    };
    const bool by_mission = has(ReportGroup::Mission), by_client = has(ReportGroup::Client);
    std::vector<std::string> currencies;
    std::vector<std::uint32_t> who(missions.size());  // at most one value per mission
    {
        std::map<std::pair<std::int64_t, std::uint32_t>, std::uint32_t> client_currencies;
        for (std::size_t i = 0; i < missions.size(); ++i) {
            const auto& m = missions[i].mission;
            auto found = std::find(currencies.begin(), currencies.end(), m.currency);
            const auto currency = static_cast<std::uint32_t>(found - currencies.begin());
            if (found == currencies.end()) currencies.push_back(m.currency);
            if (by_mission) {
                who[i] = static_cast<std::uint32_t>(i);
            } else if (by_client) {
                auto slot = static_cast<std::uint32_t>(client_currencies.size());
                who[i] = client_currencies.emplace(std::pair{m.client_id, currency}, slot).first->second;
            } else {
                who[i] = currency;
            }
        }
    }
    struct Merged {
        std::uint32_t mission = 0;  ///< one of its missions: they share what the keys show
        ReportFigures figures;
    };
    CellTable<Merged> merged;
    std::map<std::string, ReportFigures> totals;
    for (const auto& [packed, cell] : cells.rows()) {
        const auto key = unpack(packed);
        const ReportFigures figures{cell.raw_seconds, cell.billable_seconds, cell.amount_minor,
                                    key.billed ? cell.amount_minor : 0};
        add_figures(totals[missions[key.mission].mission.currency], figures);
        bool added = false;
        Merged& into = merged.at(CellKey{who[key.mission], key.combo, key.tags, false}, &added);
        if (added) into.mission = key.mission;
        add_figures(into.figures, figures);
    }
    std::optional<std::size_t> tag_position;
    for (std::size_t i = 0; i < report.groups.size(); ++i) {
        if (report.groups[i] == ReportGroup::Tag) tag_position = i;
    }
    std::map<std::pair<std::vector<std::string>, std::string>, ReportFigures, RowOrder> rows(RowOrder{tag_position});
    std::vector<std::vector<std::string>> split_sets;
    for (const auto& set : tag_sets) split_sets.push_back(split_tags(set));
    const std::vector<std::string> no_tags{std::string(kNoTag)};
    for (const auto& [packed, value] : merged.rows()) {
        const auto key = unpack(packed);
        const auto& m = missions[value.mission].mission;
        const auto& tags = split_sets[key.tags].empty() ? no_tags : split_sets[key.tags];
        for (const auto& tag : tags) {
            std::vector<std::string> keys;
            for (auto group : report.groups) {
                switch (group) {
                    case ReportGroup::Client: keys.push_back(m.client_handle); break;
                    case ReportGroup::Mission: keys.push_back(m.address()); break;
                    case ReportGroup::Tag: keys.push_back(tag); break;
                    default: keys.push_back(calendar.label_of(key.combo, group)); break;
                }
            }
            add_figures(rows[{std::move(keys), m.currency}], value.figures);
        }
    }
    for (auto& [key, figures] : rows) report.rows.push_back({key.first, key.second, figures});
    for (auto& [currency, figures] : totals) report.totals.push_back({{}, currency, figures});
    if (report.totals.empty()) report.totals.push_back({{}, client ? client->currency : "EUR", {}});
    return report;
}

}  // namespace slash::services
