#include "internal.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace slash::config::detail {
namespace {

/// Optimal string alignment distance: Levenshtein plus adjacent transpositions, the
/// commonest typo ("nmae"). Local on purpose: the config layer depends on no other
/// layer's helpers beyond domain errors.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t columns = b.size() + 1;
    std::vector<std::size_t> previous2(columns), previous(columns), current(columns);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], previous2[j - 2] + 1);
            }
        }
        std::swap(previous2, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

}  // namespace

std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates) {
    // A third of the word: "sellr" finds "seller", "bar" does not find "tax".
    const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::string_view> best;
    std::size_t best_distance = limit + 1;
    for (const auto candidate : candidates) {
        const std::size_t distance = edit_distance(word, candidate);
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::optional<std::string_view> suggest_key(std::string_view key) {
    std::vector<std::string_view> keys;
    for (const KeySpec& spec : schema()) keys.push_back(spec.key);
    if (auto near = closest(key, keys)) return near;
    // A key put in the wrong section ("tax.due_days") or without one ("siren").
    const std::string_view name = key.substr(key.find('.') + 1);
    for (const KeySpec& spec : schema()) {
        if (spec.name() == name) return spec.key;
    }
    return std::nullopt;
}

}  // namespace slash::config::detail
