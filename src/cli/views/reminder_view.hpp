#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "slash/domain/invoice.hpp"
#include "slash/domain/reminder.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/render/output.hpp"

namespace slash::cli {

/// The JSON shape of a payment reminder (`invoice show --json`, field "reminders").
render::Record reminder_record(const domain::Reminder& reminder, const std::string& currency,
                               const domain::TimeZone& zone);

/// `invoice list --overdue`: the listing fields plus days late and the last reminder.
render::Record overdue_record(const domain::Invoice& invoice, const std::string& status, const domain::TimeZone& zone,
                              const std::string& einvoicing, std::int64_t days_late,
                              const std::optional<domain::Reminder>& last);
const render::Schema& overdue_schema();

}  // namespace slash::cli
