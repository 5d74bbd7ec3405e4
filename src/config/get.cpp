#include "slash/config/config.hpp"

#include "internal.hpp"

namespace slash::config {

const std::vector<std::string>& config_keys() {
    // Built once from the schema and never changed: a constant, not state.
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> all;
        for (const detail::KeySpec& spec : detail::schema()) all.emplace_back(spec.key);
        return all;
    }();
    return keys;
}

std::string config_value(const Config& config, std::string_view key) {
    return detail::plain_text(detail::get_key(key).get(config));
}

}  // namespace slash::config
