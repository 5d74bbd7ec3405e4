#include "slash/domain/identifiers.hpp"

#include <doctest/doctest.h>

#include "support/errors.hpp"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "slash/domain/error.hpp"

using namespace slash::domain;

using slash::testing::error_from;

namespace {

// A refusal is a usage error whose message names the value, in quotes, as typed.
void check_refused(const std::function<void()>& action, const std::string& quoted_value) {
    const auto error = error_from(action);
    REQUIRE_MESSAGE(error.has_value(), "no slash::Error for " << quoted_value);
    CHECK(error->kind() == slash::ErrorKind::Usage);
    CHECK_MESSAGE(std::string(error->what()).find(quoted_value) != std::string::npos,
                  error->what());
}

std::string message_of(const std::function<void()>& action) {
    const auto error = error_from(action);
    REQUIRE(error.has_value());
    CHECK(error->kind() == slash::ErrorKind::Usage);
    return error->what();
}

}  // namespace

TEST_SUITE("domain/identifiers") {
    TEST_CASE("handles: edge lengths, first character, allowed punctuation") {
        const std::vector<std::pair<std::string, bool>> cases = {
            {"", false},
            {"a", true},
            {"0", true},
            {std::string(32, 'a'), true},
            {std::string(33, 'a'), false},
            {"-acme", false},
            {".acme", false},
            {"_acme", false},
            {"acme-", true},
            {"a.b_c-d", true},
            {"2024-ops", true},
            {"Acme", false},
            {"acmE", false},
            {"ac me", false},
            {"acme/web", false},
            {"acme!", false},
            {"caf\xc3\xa9", false},
        };
        for (const auto& [text, valid] : cases) {
            CAPTURE(text);
            CHECK(is_valid_handle(text) == valid);
        }
    }

    TEST_CASE("require_handle names what and the value") {
        CHECK_NOTHROW(require_handle("acme", "client handle"));
        CHECK(message_of([] { require_handle("Acme", "client handle"); }) ==
              "invalid client handle \"Acme\": use 1-32 lower-case letters, digits, '.', '_' or "
              "'-', starting with a letter or digit");
        check_refused([] { require_handle("", "mission handle"); }, "mission handle \"\"");
        check_refused([] { require_handle("a\"b", "client handle"); }, "\"a\\\"b\"");
    }

    TEST_CASE("SIREN Luhn check") {
        const std::vector<std::pair<std::string, bool>> cases = {
            {"", false},
            {"55210055", false},     // 8 digits
            {"5521005540", false},   // 10 digits
            {"55210055a", false},    // a letter
            {"552 100 554", false},  // spaces are for parse_company_id
            {"552100554", true},
            {"552100555", false},
            {"732829320", true},
            {"732829321", false},
            {"123456782", true},
            {"123456789", false},
            {"356000000", true},  // La Poste
            {"000000000", true},
        };
        for (const auto& [text, valid] : cases) {
            CAPTURE(text);
            CHECK(is_valid_siren(text) == valid);
        }
    }

    TEST_CASE("SIRET Luhn check and the La Poste exception") {
        const std::vector<std::pair<std::string, bool>> cases = {
            {"", false},
            {"7328293200007", false},    // 13 digits
            {"732829320000740", false},  // 15 digits
            {"73282932000074", true},
            {"73282932000075", false},
            {"73282932000004", false},  // digit sum 40, but not La Poste: Luhn applies
            {"12345678900007", false},  // passes Luhn, but its SIREN does not
            {"35600000000048", true},   // La Poste head office, Luhn-valid
            {"35600000000100", true},   // La Poste: not Luhn-valid, digit sum 15
            {"35600000000002", false},  // La Poste: neither rule
            {"3560000000004a", false},
        };
        for (const auto& [text, valid] : cases) {
            CAPTURE(text);
            CHECK(is_valid_siret(text) == valid);
        }
    }

    TEST_CASE("parse_company_id accepts a SIREN or a SIRET, spaces ignored") {
        const auto siren = parse_company_id("552 100 554", Party::Seller);
        CHECK(siren.siren == "552100554");
        CHECK(siren.siret.empty());

        const auto siret = parse_company_id("732 829 320 00074", Party::Seller);
        CHECK(siret.siren == "732829320");
        CHECK(siret.siret == "73282932000074");

        // No-break, thin and narrow no-break spaces, as pasted from a web page or a PDF.
        CHECK(parse_company_id("732\xc2\xa0"
                               "829\xe2\x80\x89"
                               "320\xe2\x80\xaf"
                               "00074", Party::Seller)
                  .siret == "73282932000074");
        CHECK(parse_company_id("35600000000100", Party::Seller).siren == "356000000");
    }

    TEST_CASE("parse_company_id refusals name the value") {
        CHECK(message_of([] { (void)parse_company_id("123456789", Party::Seller); }) ==
              "invalid SIREN \"123456789\": the check digit is wrong (Luhn); check the number on "
              "your INSEE certificate");
        CHECK(message_of([] { (void)parse_company_id("73282932000075", Party::Seller); }) ==
              "invalid SIRET \"73282932000075\": the check digit is wrong (Luhn); check the number "
              "on your INSEE certificate");
        CHECK(message_of([] { (void)parse_company_id("12345678900007", Party::Seller); }) ==
              "invalid SIRET \"12345678900007\": its SIREN 123456789 has a wrong check digit "
              "(Luhn); check the number on your INSEE certificate");
        CHECK(message_of([] { (void)parse_company_id("12345", Party::Seller); }) ==
              "invalid SIREN or SIRET \"12345\": use the 9-digit SIREN or the 14-digit SIRET");
        for (const std::string text :
             {"", "   ", "55210055", "5521005540", "552-100-554", "55210055A", "732829320000740"}) {
            CAPTURE(text);
            check_refused([&] { (void)parse_company_id(text, Party::Seller); }, "\"" + text + "\"");
        }
    }

    TEST_CASE("VAT numbers: normalized, EU prefixes, the French key") {
        const std::vector<std::pair<std::string, std::string>> accepted = {
            {"FR40303265045", "FR40303265045"},
            {"fr 40 303 265 045", "FR40303265045"},
            {"FR11123456782", "FR11123456782"},  // key computed for SIREN 123456782
            {"FRAB303265045", "FRAB303265045"},  // a letter key has no formula to check
            {"DE123456789", "DE123456789"},
            {"EL123456789", "EL123456789"},
            {"XI123456789", "XI123456789"},
            {"ie1234567fa", "IE1234567FA"},
            {"NL123456789B01", "NL123456789B01"},  // 12 characters after the prefix
            {"AT12", "AT12"},                      // 2 characters after the prefix
            {"BE0412.345.614", "BE0412345614"},    // dots group digits as spaces do
            {"be 0412.345.614", "BE0412345614"},
        };
        for (const auto& [text, normalized] : accepted) {
            CAPTURE(text);
            CHECK(normalize_vat_id(text, Party::Client) == normalized);
        }
    }

    TEST_CASE("refusals say where that party's number is written: yours or the client's") {
        CHECK(message_of([] { (void)parse_company_id("123456789", Party::Client); }) ==
              "invalid SIREN \"123456789\": the check digit is wrong (Luhn); check the number on "
              "the client's invoices or on annuaire-entreprises.data.gouv.fr");
        CHECK(message_of([] { (void)normalize_vat_id("FR41303265045", Party::Seller); }) ==
              "invalid VAT number \"FR41303265045\": the key 41 does not match the SIREN "
              "303265045; check your number in your professional space on impots.gouv.fr");
    }

    TEST_CASE("VAT refusals say which rule") {
        CHECK(message_of([] { (void)normalize_vat_id("FR41303265045", Party::Client); }) ==
              "invalid VAT number \"FR41303265045\": the key 41 does not match the SIREN "
              "303265045; check the number on the client's invoices or in VIES");
        CHECK(message_of([] { (void)normalize_vat_id("GR123456789", Party::Client); }) ==
              "invalid VAT number \"GR123456789\": \"GR\" is not an EU VAT prefix; Greece uses "
              "EL");
        CHECK(message_of([] { (void)normalize_vat_id("US123456789", Party::Client); }) ==
              "invalid VAT number \"US123456789\": \"US\" is not an EU VAT prefix");
        const std::vector<std::string> refused = {
            "",
            "FR",
            "DE1",              // 1 character after the prefix
            "DE1234567890123",  // 13 characters after the prefix
            "DE12345-789",
            "GB123456789",
            "FR4030326504",    // 8-digit SIREN
            "FR403032650456",  // 10-digit SIREN
            "FR40A03265045",   // letter in the SIREN
            "FR00303265045",
        };
        for (const auto& text : refused) {
            CAPTURE(text);
            check_refused([&] { (void)normalize_vat_id(text, Party::Client); }, "\"" + text + "\"");
        }
    }

    TEST_CASE("email addresses") {
        for (const std::string text : {"ap@acme.example", "a.b+tag@sub.example.org", "x@y.fr"}) {
            CAPTURE(text);
            CHECK_NOTHROW(require_email(text));
        }
        const std::string longest = std::string(64, 'a') + "@" + std::string(185, 'b') + ".org";
        REQUIRE(longest.size() == 254);
        CHECK_NOTHROW(require_email(longest));

        const std::vector<std::string> refused = {
            "",
            "acme.example",
            "a@@acme.example",
            "a@b@acme.example",
            "@acme.fr",
            "a@localhost",
            "a@.example",
            "a@example.",
            "a@ex..ample",
            "a b@acme.example",
            "a@acme.example ",
            "b" + longest,
        };
        for (const auto& text : refused) {
            CAPTURE(text);
            check_refused([&] { require_email(text); }, "\"" + text + "\"");
        }
        // Control characters are escaped, so that the error stays on one line.
        check_refused([] { require_email("\ta@acme.example"); }, "\"\\x09a@acme.example\"");
        CHECK(message_of([] { require_email("a@acme.fr\n"); }) ==
              "invalid email \"a@acme.fr\\x0a\": it contains a space or a control character");
    }

    TEST_CASE("currencies: the active ISO 4217 list, upper-cased") {
        const std::vector<std::pair<std::string, std::string>> accepted = {
            {"EUR", "EUR"}, {"usd", "USD"}, {"Jpy", "JPY"}, {"CHF", "CHF"},
            {"XXX", "XXX"},  // "no currency" is on the list; refusing it is a caller's rule
            {"XCG", "XCG"}, {"ZWG", "ZWG"}, {"XAD", "XAD"}, {"SLE", "SLE"},
            {"VED", "VED"}, {"CLF", "CLF"}, {"XAU", "XAU"},
        };
        for (const auto& [text, code] : accepted) {
            CAPTURE(text);
            CHECK(normalize_currency(text) == code);
        }
        CHECK(message_of([] { (void)normalize_currency("EUX"); }) ==
              "unknown currency \"EUX\": use an ISO 4217 code such as EUR, USD, GBP");
        // Withdrawn codes: HRK (2023), ZWL (2024), ANG (2025), BGN (2026).
        for (const std::string text : {"", "EU", "EURO", "E R", "\xe2\x82\xac", "HRK", "ZWL", "ANG",
                                       "BGN", "SLL", "CUC", "FRF"}) {
            CAPTURE(text);
            check_refused([&] { (void)normalize_currency(text); }, "\"" + text + "\"");
        }
    }

    TEST_CASE("currency minor digits") {
        const std::vector<std::pair<std::string, int>> cases = {
            {"EUR", 2}, {"eur", 2}, {"USD", 2}, {"JPY", 0}, {"KRW", 0},
            {"ISK", 0}, {"XOF", 0}, {"KWD", 3}, {"BHD", 3}, {"TND", 3},
            {"CLF", 4}, {"UYW", 4}, {"MGA", 2}, {"XAU", 0}, {"XXX", 0},
        };
        for (const auto& [code, digits] : cases) {
            CAPTURE(code);
            CHECK(currency_minor_digits(code) == digits);
        }
        check_refused([] { (void)currency_minor_digits("EUX"); }, "\"EUX\"");
    }

    TEST_CASE("countries: ISO 3166-1 alpha-2") {
        CHECK(normalize_country("fr") == "FR");
        CHECK(normalize_country("GB") == "GB");
        CHECK(normalize_country("Gr") == "GR");
        CHECK(normalize_country("AX") == "AX");
        CHECK(normalize_country("ZW") == "ZW");
        CHECK(message_of([] { (void)normalize_country("UK"); }) ==
              "unknown country \"UK\": use an ISO 3166-1 alpha-2 code such as FR, BE, DE; the "
              "United Kingdom is GB");
        for (const std::string text : {"", "F", "FRA", "EL", "XK", "ZZ", "AN", "F1"}) {
            CAPTURE(text);
            check_refused([&] { (void)normalize_country(text); }, "\"" + text + "\"");
        }
    }

    TEST_CASE("EU membership") {
        const std::vector<std::pair<std::string, bool>> cases = {
            {"FR", true},  {"fr", true},  {"DE", true},  {"GR", true},  {"HR", true},
            {"BG", true},  {"CY", true},  {"EL", false}, {"GB", false}, {"XI", false},
            {"CH", false}, {"NO", false}, {"MC", false}, {"", false},   {"FRA", false},
        };
        for (const auto& [code, member] : cases) {
            CAPTURE(code);
            CHECK(is_eu_country(code) == member);
        }
    }

    TEST_CASE("invoice languages") {
        CHECK(normalize_language("fr") == "fr");
        CHECK(normalize_language("FR") == "fr");
        CHECK(normalize_language("En") == "en");
        CHECK(message_of([] { (void)normalize_language("de"); }) ==
              "unknown language \"de\": use fr or en");
        for (const std::string text : {"", "fra", "french", "f", "fr "}) {
            CAPTURE(text);
            check_refused([&] { (void)normalize_language(text); }, "\"" + text + "\"");
        }
    }
}

TEST_CASE("handle_from_name turns another tool's names into handles") {
    using slash::domain::handle_from_name;
    CHECK(handle_from_name("Acme Corp") == "acme-corp");
    CHECK(handle_from_name("Refonte du site") == "refonte-du-site");
    CHECK(handle_from_name("Café Été") == "cafe-ete");
    CHECK(handle_from_name("Œuvre & Straße") == "oeuvre-strasse");
    CHECK(handle_from_name("  --Lead & trail!! ") == "lead-trail");
    CHECK(handle_from_name("v1.2_beta") == "v1.2_beta");
    // Valid handles stay as they are, so that slash's own exports read back unchanged.
    CHECK(handle_from_name("acme--corp") == "acme--corp");
    CHECK(handle_from_name("web.") == "web.");
    CHECK(handle_from_name("wip-") == "wip-");
    CHECK(handle_from_name("_private") == "private");
    CHECK(handle_from_name("???") == "");
    CHECK(handle_from_name("東京") == "");
    CHECK(handle_from_name("東京 office") == "office");
    CHECK(handle_from_name("a\xff" "b") == "a-b");
    CHECK(handle_from_name("x×y") == "x-y");
    // Unicode's decompositions (utf8proc), issue 14: every Latin letter keeps its base.
    CHECK(handle_from_name("Nguyễn Văn") == "nguyen-van");
    CHECK(handle_from_name("Ștefan Țurcanu") == "stefan-turcanu");
    CHECK(handle_from_name("Łukasz Żółć") == "lukasz-zolc");
    CHECK(handle_from_name("Đorđe Søren Þór Æsa") == "dorde-soren-thor-aesa");
    CHECK(handle_from_name("Cafe\u0301 ﬁne") == "cafe-fine");  // a combining accent, a ligature
    CHECK(handle_from_name("ĲSSEL") == "ijssel");
    CHECK(handle_from_name(std::string(40, 'a')) == std::string(32, 'a'));
    CHECK(handle_from_name(std::string(31, 'a') + " b") == std::string(31, 'a'));
    for (const char* name : {"Acme Corp", "Café Été", "  --Lead & trail!! ", "Żółć gęślą jaźń"}) {
        CAPTURE(name);
        CHECK(slash::domain::is_valid_handle(handle_from_name(name)));
    }
}
