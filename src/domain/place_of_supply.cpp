#include "slash/domain/place_of_supply.hpp"

#include <algorithm>

#include "slash/domain/identifiers.hpp"

namespace slash::domain {

namespace {

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    return out;
}

std::string regime_words(std::string_view regime, bool french) {
    if (regime == "franchise") return french ? "franchise en base de TVA" : "franchise";
    if (regime == "standard") return french ? "TVA française" : "standard VAT";
    if (regime == "reverse-charge") return french ? "autoliquidation" : "reverse charge";
    if (regime == "export") return french ? "hors du champ de la TVA française" : "outside the scope of French VAT";
    return std::string(regime);
}

}  // namespace

bool VatDecision::oss_warning() const {
    return basis == VatBasis::Individual && is_eu_country(country);
}

VatDecision place_of_supply(std::string_view seller_regime, std::string_view seller_country, std::string_view kind,
                            std::string_view client_country) {
    VatDecision decision;
    const std::string home = seller_country.empty() ? std::string("FR") : upper(seller_country);
    decision.country = client_country.empty() ? home : upper(client_country);
    decision.regime = std::string(seller_regime);
    // A whole book under reverse charge or export is the user's explicit choice.
    if (seller_regime != "franchise" && seller_regime != "standard") {
        decision.basis = VatBasis::Config;
    } else if (decision.country == home) {
        decision.basis = VatBasis::Domestic;
    } else if (kind == "individual") {
        // B2C services are taxed where the provider is established (CGI art. 259-2).
        decision.basis = VatBasis::Individual;
    } else if (is_eu_country(decision.country)) {
        // B2B: taxed in the buyer's state, which the buyer self-assesses (art. 259-1, 283-2).
        decision.basis = VatBasis::EuBusiness;
        decision.regime = "reverse-charge";
    } else {
        decision.basis = VatBasis::NonEuBusiness;
        decision.regime = "export";
    }
    return decision;
}

std::string vat_reason(const VatDecision& d, std::string_view language) {
    const bool french = language == "fr";
    std::string text = regime_words(d.regime, french) + (french ? " : " : ": ");
    switch (d.basis) {
        case VatBasis::Domestic:
            return text + (french ? "client établi en " : "client in ") + d.country;
        case VatBasis::Individual:
            return text + (french ? "client particulier établi en " + d.country + ", règles françaises (B2C)"
                                  : "individual client in " + d.country + ", French rules (B2C)");
        case VatBasis::EuBusiness:
            return text + (french ? "client professionnel établi en " : "business client in ") + d.country;
        case VatBasis::NonEuBusiness:
            return text + (french ? "client professionnel établi en " + d.country + ", hors de l'UE"
                                  : "business client in " + d.country + ", outside the EU");
        case VatBasis::Config:
            return text + (french ? "[tax] regime de la configuration" : "[tax] regime of the config");
        case VatBasis::ClientOverride:
            return text + (french ? "choisi pour le client " : "set on client ") + d.owner;
        case VatBasis::MissionOverride:
            return text + (french ? "choisi pour la mission " : "set on mission ") + d.owner;
    }
    return text;
}

}  // namespace slash::domain
