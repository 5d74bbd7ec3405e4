#include <doctest/doctest.h>

#include "slash/domain/place_of_supply.hpp"

using slash::domain::place_of_supply;
using slash::domain::vat_reason;
using slash::domain::VatBasis;

TEST_CASE("domain/place_of_supply decides from the client's country and kind") {
    struct Case {
        const char* seller_regime;
        const char* kind;
        const char* country;
        const char* regime;
        const char* en;
        const char* fr;
    };
    const Case cases[] = {
        {"franchise", "business", "BE", "reverse-charge", "reverse charge: business client in BE",
         "autoliquidation : client professionnel établi en BE"},
        {"standard", "business", "de", "reverse-charge", "reverse charge: business client in DE",
         "autoliquidation : client professionnel établi en DE"},
        {"franchise", "business", "GB", "export", "outside the scope of French VAT: business client in GB, outside the EU",
         "hors du champ de la TVA française : client professionnel établi en GB, hors de l'UE"},
        {"franchise", "individual", "BE", "franchise", "franchise: individual client in BE, French rules (B2C)",
         "franchise en base de TVA : client particulier établi en BE, règles françaises (B2C)"},
        {"standard", "individual", "US", "standard", "standard VAT: individual client in US, French rules (B2C)",
         "TVA française : client particulier établi en US, règles françaises (B2C)"},
        {"franchise", "business", "FR", "franchise", "franchise: client in FR", "franchise en base de TVA : client établi en FR"},
        {"standard", "business", "", "standard", "standard VAT: client in FR", "TVA française : client établi en FR"},
        {"export", "business", "FR", "export", "outside the scope of French VAT: [tax] regime of the config",
         "hors du champ de la TVA française : [tax] regime de la configuration"},
    };
    for (const auto& c : cases) {
        INFO(c.seller_regime << " " << c.kind << " " << c.country);
        auto decision = place_of_supply(c.seller_regime, "FR", c.kind, c.country);
        CHECK(decision.regime == c.regime);
        CHECK(vat_reason(decision, "en") == c.en);
        CHECK(vat_reason(decision, "fr") == c.fr);
    }
}

TEST_CASE("domain/place_of_supply warns about the OSS for an individual in another EU state only") {
    CHECK(place_of_supply("franchise", "FR", "individual", "BE").oss_warning());
    CHECK_FALSE(place_of_supply("franchise", "FR", "individual", "US").oss_warning());
    CHECK_FALSE(place_of_supply("franchise", "FR", "individual", "FR").oss_warning());
    CHECK_FALSE(place_of_supply("franchise", "FR", "business", "BE").oss_warning());
    auto decision = place_of_supply("standard", "FR", "business", "BE");
    CHECK(decision.basis == VatBasis::EuBusiness);
}
