#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "slash/config/config.hpp"

namespace slash::services {

/// Validates a seller identity the way client identities are validated (SIREN/SIRET
/// Luhn, VAT key, email, country, IBAN, BIC) and returns it normalized.
[[nodiscard]] config::SellerConfig checked_seller(const config::SellerConfig& seller);

/// One identity value of the seller as `key` of the config ("seller.email") checks it,
/// normalized; "seller.company_id" takes a SIREN or a SIRET. Throws Error(Usage) naming the
/// value: `init` re-asks a bad answer at once rather than failing after every question.
[[nodiscard]] std::string checked_seller_value(const std::string& key, const std::string& value);

/// The commented initial config for `seller`, checked: refuses (Conflict) when `path`
/// exists unless `force`, and (Usage) a bad identity. Writes nothing, so that `init` can
/// create the database before it writes the file and never leave half a set-up.
[[nodiscard]] std::string prepare_initial_config(const std::filesystem::path& path,
                                                 const config::SellerConfig& seller, bool force);

/// Writes a config text atomically (0600), creating missing directories (0700).
void write_config(const std::filesystem::path& path, const std::string& text);

/// `slash config set`: edits the one key in the file text, keeping every other line,
/// after checking identity values; the file is replaced atomically.
void set_config_key(const std::filesystem::path& path, const std::string& key, std::vector<std::string> values);

}  // namespace slash::services
