#include "slash_entry.hpp"

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/money.hpp"
#include "source_text.hpp"

namespace slash::interchange {

namespace {

/// The bound slash log puts on --units (services/time_service.cpp): a billion units, far
/// beyond any real count, keeps every sum of units far from int64 overflow.
constexpr std::int64_t kMaxUnitsMilli = 1'000'000'000'000;

constexpr std::string_view kInstantForms =
    "is not ISO 8601 with an offset (2026-11-02T09:00:00+01:00 or 2026-11-02T08:00:00Z)";

std::int64_t instant(std::string_view text, std::string_view label, const Place& place) {
    const auto parsed = domain::parse_iso_instant(trim(text));
    if (!parsed)
        place.fail(std::string(label) + " " + shown(text) + " " + std::string(kInstantForms));
    return *parsed;
}

}  // namespace

SourceEntry build_slash_entry(const SlashFields& fields, std::string_view uid_prefix,
                              const Place& place) {
    SourceEntry entry;
    entry.where = place.where();
    const std::string start_text(trim(fields.start.value_or("")));
    if (start_text.empty()) {
        place.fail("\"start\" is empty; write when the entry started (2026-11-02T09:00:00+01:00)");
    }
    entry.start = instant(start_text, "\"start\"", place);
    const std::string end_text(trim(fields.end.value_or("")));
    if (!end_text.empty()) {
        entry.end = instant(end_text, "\"end\"", place);
        check_order(entry.start, *entry.end, "\"end\"", end_text, "\"start\"", place);
    }

    entry.client = clean_text(fields.client.value_or(""), "\"client\"", place);
    entry.project = clean_text(fields.mission.value_or(""), "\"mission\"", place);
    if (entry.project.empty()) {
        place.fail("\"mission\" is empty; write client/mission (acme/website)");
    }
    if (entry.client.empty() && entry.project.find('/') == std::string::npos) {
        place.fail("\"mission\" " + shown(entry.project) +
                   " names no client; write client/mission or give the client");
    }

    const std::string units(trim(fields.units.value_or("")));
    if (!units.empty()) {
        try {
            entry.units_milli = domain::parse_amount(units, 3);
        } catch (const Error& error) {
            place.fail(std::string("\"units\": ") + error.what());
        }
        if (*entry.units_milli <= 0)
            place.fail("\"units\" " + shown(units) + " must be more than 0");
        if (*entry.units_milli > kMaxUnitsMilli)
            place.fail("\"units\" " + shown(units) + " is too large: at most 1000000000");
    }
    entry.billable = fields.billable;
    for (const std::string& tag : fields.tags) {
        std::string cleaned = clean_text(tag, "a tag", place);
        if (!cleaned.empty()) entry.tags.push_back(std::move(cleaned));
    }
    // The note and the uid as slash wrote them, so that an export reads back the same.
    entry.note = exact_text(fields.note.value_or(""), "\"note\"", place);
    entry.uid = std::string(trim(exact_text(fields.uid.value_or(""), "\"uid\"", place)));
    if (entry.uid.empty()) {
        entry.uid = std::string(uid_prefix) + ":" +
                    fnv1a64_hex({domain::format_iso_utc(entry.start),
                                 entry.end ? domain::format_iso_utc(*entry.end) : "", entry.client,
                                 entry.project, entry.note});
    }
    return entry;
}

std::optional<bool> parse_billable(std::string_view text, const Place& place) {
    const std::string_view value = trim(text);
    if (value.empty()) return std::nullopt;
    for (const std::string_view yes : {"true", "yes", "1"}) {
        if (iequals(value, yes)) return true;
    }
    for (const std::string_view no : {"false", "no", "0"}) {
        if (iequals(value, no)) return false;
    }
    place.fail("\"billable\" " + shown(text) + " is not true or false (or yes, no, 1, 0)");
}

}  // namespace slash::interchange
