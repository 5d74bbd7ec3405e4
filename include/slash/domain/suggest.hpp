#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slash::domain {

/// The candidate to offer in a "did you mean" hint, or nullopt when none is close enough.
/// Comparison ignores ASCII case. In order of preference: a candidate equal to `input`; the
/// only candidate that `input` is a prefix of; the candidate at the smallest
/// optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions)
/// when that distance is at most max(1, input.size() / 3) and below the candidate's length,
/// ties going to the earliest candidate. An empty input matches nothing.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view input,
                                                       const std::vector<std::string>& candidates);

}  // namespace slash::domain
