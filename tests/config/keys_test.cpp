#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/error.hpp"
#include "support/process.hpp"

using slash::config::Config;
using slash::config::config_keys;
using slash::config::config_value;

TEST_SUITE_BEGIN("config/keys");

TEST_CASE("config/keys: every key of docs/contract.md §7 in section then key order") {
    CHECK(config_keys() == std::vector<std::string>{
                               "seller.name",
                               "seller.trade_name",
                               "seller.address",
                               "seller.country",
                               "seller.siren",
                               "seller.siret",
                               "seller.vat_id",
                               "seller.email",
                               "seller.iban",
                               "seller.bic",
                               "tax.regime",
                               "tax.vat_rate",
                               "invoice.number_format",
                               "invoice.credit_number_format",
                               "invoice.due_days",
                               "invoice.language",
                               "invoice.franchise_text",
                               "invoice.penalty_text",
                               "invoice.indemnity_text",
                               "invoice.discount_text",
                               "invoice.footer",
                               "invoice.fixed_price",
                               "invoice.late_rate",
                               "time.week_start",
                               "time.hours_per_day",
                               "time.day_step",
                               "time.rounding",
                               "time.rounding_mode",
                               "time.capacity",
                               "time.long_entry",
                               "time.days_off",
                               "urssaf.activity",
                               "urssaf.periodicity",
                               "urssaf.versement_liberatoire",
                               "urssaf.cfp",
                               "urssaf.rates_year",
                               "urssaf.rate_bnc",
                               "urssaf.rate_bic_services",
                               "urssaf.rate_bic_sales",
                               "urssaf.ceiling_services",
                               "urssaf.ceiling_sales",
                               "urssaf.vat_threshold_services",
                               "urssaf.vat_threshold_services_majore",
                               "urssaf.vat_threshold_sales",
                               "urssaf.vat_threshold_sales_majore",
                               "display.color",
                               "display.pager",
                               "display.durations",
                               "einvoicing.platform_url",
                               "einvoicing.directory_url",
                               "einvoicing.token_file",
                               "einvoicing.send_format",
                               "einvoicing.paid_status",
                               "einvoicing.timeout",
                               "mail.sendmail",
                               "mail.from",
                               "mail.subject_fr",
                               "mail.subject_en",
                               "mail.body_fr",
                               "mail.body_en",
                               "quote.number_format",
                               "quote.valid_days",
                           });
}

// The config fuzzer sets every key to a valid value of its own and stops at the first key it
// has none for: a key added without one fails CI's `make fuzz` an hour in. Caught here first.
TEST_CASE("config/keys: the config fuzzer knows a valid value for every key") {
    std::ifstream in(slash::testing::source_dir() + "/fuzz/config_fuzz.cpp");
    REQUIRE(in);
    const std::string fuzzer{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    for (const std::string& key : config_keys()) {
        INFO("fuzz/config_fuzz.cpp other_words() lacks ", key);
        CHECK(fuzzer.find("{\"" + key + "\", {") != std::string::npos);
    }
}

TEST_CASE("config/value: plain text for each type") {
    Config config;
    CHECK(config_value(config, "seller.name").empty());
    CHECK(config_value(config, "seller.address").empty());
    CHECK(config_value(config, "seller.country") == "FR");
    CHECK(config_value(config, "invoice.due_days") == "30");
    CHECK(config_value(config, "invoice.number_format") == "{year}-{seq:04}");
    CHECK(config_value(config, "urssaf.versement_liberatoire") == "false");
    CHECK(config_value(config, "time.capacity") == "35h");
    CHECK(config_value(config, "display.color") == "auto");

    config.seller.name = "Camille \"Cam\" Martin";
    config.seller.address = {"12 rue des Lilas", "75011 Paris"};
    config.invoice.due_days = 0;
    config.urssaf.versement_liberatoire = true;
    CHECK(config_value(config, "seller.name") == "Camille \"Cam\" Martin");
    CHECK(config_value(config, "seller.address") == "12 rue des Lilas; 75011 Paris");
    CHECK(config_value(config, "invoice.due_days") == "0");
    CHECK(config_value(config, "urssaf.versement_liberatoire") == "true");

    config.seller.address = {"", "only the second"};
    CHECK(config_value(config, "seller.address") == "; only the second");
}

TEST_CASE("config/value: every key has a value") {
    const Config config;
    for (const auto& key : config_keys()) {
        CAPTURE(key);
        CHECK_NOTHROW(static_cast<void>(config_value(config, key)));
    }
}

TEST_CASE("config/value: an unknown key is a usage error with a suggestion when one is close") {
    const auto message = [](std::string_view key) -> std::string {
        try {
            static_cast<void>(config_value(Config{}, key));
        } catch (const slash::Error& e) {
            CHECK(e.kind() == slash::ErrorKind::Usage);
            return e.what();
        }
        FAIL("no error for " << key);
        return {};
    };
    CHECK(message("seller.nmae") ==
          R"(unknown config key "seller.nmae" (did you mean "seller.name"?))");
    CHECK(message("display.colour") ==
          R"(unknown config key "display.colour" (did you mean "display.color"?))");
    CHECK(message("invoice.duedays") ==
          R"(unknown config key "invoice.duedays" (did you mean "invoice.due_days"?))");
    CHECK(message("siren") == R"(unknown config key "siren" (did you mean "seller.siren"?))");
    CHECK(message("tax.due_days") ==
          R"(unknown config key "tax.due_days" (did you mean "invoice.due_days"?))");
    CHECK(message("Seller.Name") ==
          R"(unknown config key "Seller.Name" (did you mean "seller.name"?))");
    CHECK(message("bogus") == R"(unknown config key "bogus")");
    CHECK(message("") == R"(unknown config key "")");
    CHECK(message("seller") == R"(unknown config key "seller")");
}

TEST_SUITE_END();
