#include "slash/domain/suggest.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace slash::domain {
namespace {

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Optimal string alignment: Levenshtein plus the swap of two adjacent characters, the most
// common typing slip ("acem" for "acme"), each edit costing 1. Three rows suffice.
std::size_t osa_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> before(b.size() + 1);
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view input,
                                         const std::vector<std::string>& candidates) {
    if (input.empty()) return std::nullopt;
    const std::string needle = to_lower(input);

    std::optional<std::size_t> prefix_of;  // the candidate `input` abbreviates, if only one
    std::string prefix_of_lower;
    bool prefix_ambiguous = false;
    std::optional<std::size_t> nearest;
    std::size_t nearest_distance = std::numeric_limits<std::size_t>::max();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::string candidate = to_lower(candidates[i]);
        if (candidate.starts_with(needle)) {
            // The same name listed twice (or in two cases) is still one abbreviation.
            if (prefix_of && candidate != prefix_of_lower) prefix_ambiguous = true;
            if (!prefix_of) {
                prefix_of = i;
                prefix_of_lower = candidate;
            }
        }
        const std::size_t distance = osa_distance(needle, candidate);
        // Replacing every character of a word is no "near miss" ("a" is not close to "b").
        if (distance < nearest_distance && distance < candidate.size()) {
            nearest = i;
            nearest_distance = distance;
        }
    }
    // A unique prefix reads as an abbreviation ("web" for "website") and beats a near miss. An
    // exact match needs no case of its own: it is that prefix, or the nearest at distance 0.
    if (prefix_of && !prefix_ambiguous) return candidates[*prefix_of];
    // Letters of one candidate only, in order, from its first ("ls" for "list", "mv" for
    // "move"): the abbreviation Unix taught, too far by edits from the full word.
    if (needle.size() >= 2 && !(nearest && nearest_distance <= std::max<std::size_t>(1, needle.size() / 3))) {
        std::optional<std::size_t> only;
        bool several = false;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const std::string candidate = to_lower(candidates[i]);
            if (candidate.empty() || candidate[0] != needle[0]) continue;
            std::size_t at = 0;
            for (char c : candidate) {
                if (at < needle.size() && c == needle[at]) ++at;
            }
            if (at == needle.size()) {
                several = several || (only && to_lower(candidates[*only]) != candidate);
                only = i;
            }
        }
        if (only && !several) return candidates[*only];
    }
    // One slip in a short word, one per three characters in longer ones: beyond that, the
    // "suggestion" is a different word and only confuses (git's hint is similarly strict).
    const std::size_t threshold = std::max<std::size_t>(1, needle.size() / 3);
    if (nearest && nearest_distance <= threshold) return candidates[*nearest];
    return std::nullopt;
}

}  // namespace slash::domain
