#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "slash/config/config.hpp"

namespace slash::services {

/// Validates a seller identity the way client identities are validated (SIREN/SIRET
/// Luhn, VAT key, email, country, IBAN, BIC) and returns it normalized.
[[nodiscard]] config::SellerConfig checked_seller(const config::SellerConfig& seller);

/// Writes the commented initial config to `path`. Refuses (Conflict) an existing file
/// unless `force`.
void write_initial_config(const std::filesystem::path& path, const config::SellerConfig& seller, bool force);

/// `slash config set`: edits the one key in the file text, keeping every other line,
/// after checking identity values; the file is replaced atomically.
void set_config_key(const std::filesystem::path& path, const std::string& key, std::vector<std::string> values);

}  // namespace slash::services
