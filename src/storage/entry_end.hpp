#pragma once

// Storage-internal: where an entry counts as ending when the stores look for overlaps, in
// one place so that EntryStore (log, start, edit) and EntryImport (import) cannot disagree.

#include <algorithm>
#include <cstdint>
#include <optional>

namespace slash::storage {

/// The entry's end, or for a running one (no end) now, but at least one second after its
/// start: a timer that starts now or later still holds its first second.
inline std::int64_t effective_end(std::int64_t start, std::optional<std::int64_t> end,
                                  std::int64_t now) {
    return end.value_or(std::max(now, start + 1));
}

}  // namespace slash::storage
