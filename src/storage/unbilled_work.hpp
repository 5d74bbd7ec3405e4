#pragma once

// Storage-internal: the per-mission sums of unbilled work that triggers keep (migration 6).

#include <string>
#include <vector>

#include "slash/domain/billing.hpp"
#include "slash/storage/database.hpp"

namespace slash::storage {

/// Makes unbilled_work hold the sums under `rules` (the config's rounding, which the
/// database cannot see): when the rule it was computed under differs, recomputes every
/// mission in one pass and records the rule. Returns false, writing nothing, when the sums
/// are stale and the database cannot be written (a read-only file): the caller then values
/// the entries itself.
[[nodiscard]] bool ensure_unbilled_work(Database& db, const domain::BillingRules& rules);

/// `db check`: missions whose kept sums differ from a recomputation from the entries under
/// the recorded rule, one line each. Nothing while the sums were never computed.
[[nodiscard]] std::vector<std::string> unbilled_work_problems(Database& db);

}  // namespace slash::storage
