#include "slash/services/settings_service.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "slash/domain/bank.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/services/files.hpp"
#include "text_checks.hpp"

namespace slash::services {

namespace fs = std::filesystem;

namespace {

// A missing file reads as empty (set creates it); one that exists but cannot be read
// must not be silently replaced.
std::string read_text(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return {};
    std::ifstream file(path, std::ios::binary);
    if (!file || fs::is_directory(path, ec)) {
        throw Error(ErrorKind::Config, fmt::format("cannot read config \"{}\"", path.string()));
    }
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// The one place that knows which config keys hold an identity and how to check it.
std::string checked_identity(const std::string& key, const std::string& value) {
    if (value.empty()) return value;
    if (key == "seller.siren" || key == "seller.siret") {
        auto id = domain::parse_company_id(value, domain::Party::Seller);
        if (key == "seller.siren" && !id.siret.empty()) {
            throw Error(ErrorKind::Usage, fmt::format("\"{}\" is a SIRET: set it with \"slash config set seller.siret "
                                                      "{}\" (seller.siren takes the 9-digit SIREN)",
                                                      value, id.siret));
        }
        if (key == "seller.siret" && id.siret.empty()) {
            throw Error(ErrorKind::Usage, fmt::format("\"{}\" is a SIREN: set it with \"slash config set seller.siren "
                                                      "{}\" (seller.siret takes the 14-digit SIRET)",
                                                      value, id.siren));
        }
        return key == "seller.siren" ? id.siren : id.siret;
    }
    if (key == "seller.vat_id") return domain::normalize_vat_id(value, domain::Party::Seller);
    if (key == "seller.email") {
        domain::require_email(value);
        return value;
    }
    if (key == "seller.country") return domain::normalize_country(value);
    if (key == "seller.iban") return domain::normalize_iban(value);
    if (key == "seller.bic") return domain::normalize_bic(value);
    if (key == "seller.name" || key == "seller.trade_name" || key == "seller.address") {
        require_single_line(value, key);
    }
    return value;
}

}  // namespace

std::string checked_seller_value(const std::string& key, const std::string& value) {
    if (key == "seller.company_id") {
        if (value.empty()) return value;
        auto id = domain::parse_company_id(value, domain::Party::Seller);
        return id.siret.empty() ? id.siren : id.siret;
    }
    return checked_identity(key, value);
}

config::SellerConfig checked_seller(const config::SellerConfig& seller) {
    config::SellerConfig out = seller;
    out.name = checked_identity("seller.name", seller.name);
    out.trade_name = checked_identity("seller.trade_name", seller.trade_name);
    for (auto& line : out.address) line = checked_identity("seller.address", line);
    out.country = checked_identity("seller.country", seller.country);
    if (!seller.siren.empty()) {
        auto id = domain::parse_company_id(seller.siren, domain::Party::Seller);
        out.siren = id.siren;
        if (!id.siret.empty()) out.siret = id.siret;
    }
    if (!seller.siret.empty()) {
        auto id = domain::parse_company_id(seller.siret, domain::Party::Seller);
        out.siren = id.siren;
        out.siret = id.siret;
    }
    out.vat_id = checked_identity("seller.vat_id", seller.vat_id);
    out.email = checked_identity("seller.email", seller.email);
    out.iban = checked_identity("seller.iban", seller.iban);
    out.bic = checked_identity("seller.bic", seller.bic);
    return out;
}

std::string prepare_initial_config(const fs::path& path, const config::SellerConfig& seller, bool force) {
    if (fs::exists(path) && !force) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("config \"{}\" already exists; change it with \"slash config set\", or pass --force "
                                "to replace it",
                                path.string()));
    }
    return config::initial_config_text(checked_seller(seller));
}

void write_config(const fs::path& path, const std::string& text) {
    // A config the user made read-only stays as it is, even for root, who could replace it.
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (fs::exists(status) && (status.permissions() & fs::perms::owner_write) == fs::perms::none) {
        throw Error(ErrorKind::Config, fmt::format("config \"{}\" is read-only; make it writable (chmod u+w) to "
                                                   "change it",
                                                   path.string()));
    }
    create_private_directories(path.parent_path());
    write_file_atomically(path, text);
}

void set_config_key(const fs::path& path, const std::string& key, std::vector<std::string> values) {
    for (auto& value : values) value = checked_identity(key, value);
    write_config(path, config::set_config_value(read_text(path), key, values, path.string()));
}

}  // namespace slash::services
