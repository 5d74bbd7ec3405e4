#pragma once

#include <string>
#include <string_view>

/// Which VAT regime an invoice follows when neither its client nor its mission sets one:
/// the place of supply of services (docs/contract.md §4; CGI art. 259-1, 283-2; directive
/// 2006/112 art. 44 and 196). Pure: no config, no storage.
namespace slash::domain {

/// Why an invoice has its regime.
enum class VatBasis {
    Domestic,         ///< the client is in the seller's country: the seller's regime
    Individual,       ///< an individual (B2C) abroad: still the seller's regime
    EuBusiness,       ///< a business in another member state: reverse charge
    NonEuBusiness,    ///< a business outside the EU: outside the scope of French VAT
    Config,           ///< [tax] regime is itself reverse-charge or export: applied as it is
    ClientOverride,   ///< the client's own --vat-regime
    MissionOverride,  ///< the mission's own --vat-regime
};

struct VatDecision {
    std::string regime;  ///< franchise | standard | reverse-charge | export
    VatBasis basis = VatBasis::Config;
    std::string country;  ///< the client's, upper-case
    std::string owner;    ///< the client handle or client/mission of an override
    /// An individual in another member state: French rules apply to services to consumers,
    /// but electronically supplied ones over 10,000 EUR a year in the EU go through the OSS.
    [[nodiscard]] bool oss_warning() const;
};

/// The regime of services from a seller under `seller_regime` ([tax] regime) established in
/// `seller_country` to a client of `kind` ("business" | "individual") in `client_country`
/// (empty: the seller's). Reverse charge and export in [tax] regime are kept as they are.
[[nodiscard]] VatDecision place_of_supply(std::string_view seller_regime, std::string_view seller_country,
                                          std::string_view kind, std::string_view client_country);

/// "reverse charge: business client in BE" (en) / "autoliquidation : client professionnel
/// établi en BE" (fr): what a draft says about its regime.
[[nodiscard]] std::string vat_reason(const VatDecision& decision, std::string_view language);

}  // namespace slash::domain
