#include "internal.hpp"

#include <string>
#include <vector>

#include "slash/domain/suggest.hpp"

namespace slash::config::detail {

std::optional<std::string_view> closest(std::string_view word, std::span<const std::string_view> candidates) {
    std::vector<std::string> names(candidates.begin(), candidates.end());
    auto near = domain::closest_match(word, names);
    if (!near) return std::nullopt;
    // Hand back the candidate's own view: the schema's names outlive this call.
    for (const auto candidate : candidates) {
        if (candidate == *near) return candidate;
    }
    return std::nullopt;
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
