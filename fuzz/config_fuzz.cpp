// libFuzzer target: the config file. The input is the text of a config.toml. parse_config
// may only refuse it with Error(Config); when it loads, every key reads, and
// set_config_value, which edits the text in place with its own TOML scanner, must give a
// file that loads to the same config with only the key it set changed: first set to the
// value it already has, then to another valid value.
//
// A config that loads must also be usable (SLASH_FUZZ_STRICT_CONFIG=0 turns this off): each value passes the domain parser the services read it with later
// (parse_decimal, parse_vat_rate, parse_rate, parse_duration, ...), so that a value the
// loader accepts never fails at the first `slash invoice` instead.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_check.hpp"
#include "slash/config/config.hpp"
#include "slash/domain/billing.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/urssaf_figures.hpp"

namespace {

using slash::ErrorKind;
using slash::config::Config;
using slash::config::config_keys;
using slash::config::config_value;
using slash::config::LoadResult;
using slash::config::parse_config;
using slash::config::set_config_value;
using slash::fuzz::attempt;
using slash::fuzz::fail;
using slash::fuzz::require;

const std::string kSource = "fuzz.toml";

/// The words `slash config set KEY ...` takes for the value `config` has: the elements of an
/// array key, else its one plain value.
std::vector<std::string> words_of(const Config& config, std::string_view key) {
    if (key == "seller.address") return config.seller.address;
    if (key == "time.days_off") return config.time.days_off;
    return {config_value(config, key)};
}

/// Every value of a config, arrays element by element: what "the same config" means.
std::vector<std::vector<std::string>> snapshot(const Config& config, const std::string& input) {
    std::vector<std::vector<std::string>> values;
    for (const std::string& key : config_keys()) {
        const auto words = attempt("config_value", input, ErrorKind::Usage,
                                   [&] { return words_of(config, key); });
        require(words.has_value(), "every key of config_keys() has a value", input, key);
        values.push_back(*words);
    }
    return values;
}

/// A valid value for each key, different from the defaults where the rule allows it, with
/// the characters TOML must escape in the free texts.
std::vector<std::string> other_words(std::string_view key) {
    static const std::vector<std::pair<std::string_view, std::vector<std::string>>> kOther{
        {"seller.name", {"Camille \"Cam\" Martin \\ #1 \xc3\xa9t\xc3\xa9"}},
        {"seller.trade_name", {"a = b # not a comment\t[seller]"}},
        {"seller.address", {"12 rue des Lilas", "", "75011 Paris ]"}},
        {"seller.country", {"BE"}},
        {"seller.siren", {"123456782"}},
        {"seller.siret", {"12345678200010"}},
        {"seller.vat_id", {"FR40123456824"}},
        {"seller.email", {"camille@example.org"}},
        {"seller.iban", {"FR7630006000011234567890189"}},
        {"seller.bic", {"AGRIFRPP"}},
        {"tax.regime", {"standard"}},
        {"tax.vat_rate", {"5.5"}},
        {"invoice.number_format", {"F{year}{month}-{seq:03}"}},
        {"invoice.credit_number_format", {"AV/{seq}"}},
        {"invoice.due_days", {"45"}},
        {"invoice.language", {"en"}},
        {"invoice.franchise_text", {"TVA non applicable, art. 293 B du CGI"}},
        {"invoice.penalty_text", {"'''\"\"\""}},
        {"invoice.indemnity_text", {"line one\nline two\r\n"}},
        {"invoice.discount_text", {""}},
        {"invoice.footer", {"\x01\x7f{seq}"}},
        {"time.week_start", {"sunday"}},
        {"time.hours_per_day", {"7.5"}},
        {"time.day_step", {"1"}},
        {"time.rounding", {"6m"}},
        {"time.rounding_mode", {"nearest"}},
        {"time.capacity", {"28h"}},
        {"time.long_entry", {"12h30"}},
        {"time.days_off", {"2026-12-24", "2026-08-03..2026-08-21"}},
        {"urssaf.activity", {"bic-sales"}},
        {"urssaf.periodicity", {"monthly"}},
        {"urssaf.versement_liberatoire", {"true"}},
        {"urssaf.cfp", {"false"}},
        {"urssaf.rates_year", {"2026"}},
        {"urssaf.rate_bnc", {"24.6"}},
        {"urssaf.rate_bic_services", {"21.2"}},
        {"urssaf.rate_bic_sales", {"12.3"}},
        {"urssaf.ceiling_services", {"77700"}},
        {"urssaf.ceiling_sales", {"188700.50"}},
        {"urssaf.vat_threshold_services", {"37500"}},
        {"urssaf.vat_threshold_services_majore", {"41250"}},
        {"urssaf.vat_threshold_sales", {"85000"}},
        {"urssaf.vat_threshold_sales_majore", {"93500"}},
        {"display.color", {"never"}},
        {"display.pager", {"less -R \"+G\" # not a comment"}},
        {"display.durations", {"decimal"}},
        {"einvoicing.platform_url", {"https://pa.example.org/flow-service/v1"}},
        {"einvoicing.directory_url", {"http://127.0.0.1:8080/directory"}},
        {"einvoicing.token_file", {"~/.config/slash/pa token"}},
        {"einvoicing.send_format", {"cii"}},
        {"einvoicing.paid_status", {"always"}},
        {"einvoicing.timeout", {"45"}},
        {"invoice.fixed_price", {"first-work"}},
        {"invoice.late_rate", {"12.5"}},
        {"mail.sendmail", {"msmtp -t --account=\"work\""}},
        {"mail.from", {"Camille <camille@example.org>"}},
        {"mail.subject_fr", {"Facture {number} de {seller}"}},
        {"mail.subject_en", {"Invoice {number}"}},
        {"mail.body_fr", {"Bonjour,\n\nci-joint la facture {number} ({total}).\n"}},
        {"mail.body_en", {"Hello,\n\ninvoice {number} is due {due_date}.\n"}},
        {"quote.number_format", {"DEV-{year}-{seq:03}"}},
        {"quote.valid_days", {"60"}},
    };
    for (const auto& [name, words] : kOther) {
        if (name == key) return words;
    }
    fail("the fuzz target knows a valid value for every key", key);
}

/// Sets `key` to `words` in `text`; when the edit is made, the result loads to `before` with
/// only `key` changed, to `words`.
void check_set(const std::string& text, const LoadResult& before, std::size_t key_index,
               const std::vector<std::string>& words) {
    const std::string& key = config_keys()[key_index];
    std::string edited;
    try {
        edited = set_config_value(text, key, words, kSource);
    } catch (const slash::Error& error) {
        // The one documented refusal for a file that loads.
        const std::string_view message = error.what();
        if (error.kind() == ErrorKind::Config &&
            message.find("in an inline table") != std::string_view::npos) {
            return;
        }
        fail("set_config_value of a valid value on a config that loads succeeds", text,
             key + ": " + std::string(message));
    } catch (const std::exception& error) {
        fail("set_config_value let a foreign exception escape", text, error.what());
    }
    const auto after = attempt("parse_config", edited, ErrorKind::Config,
                               [&] { return parse_config(edited, kSource); });
    require(after.has_value(), "what set_config_value returns loads", text,
            key + " -> " + edited);
    std::vector<std::vector<std::string>> expected = snapshot(before.config, text);
    expected[key_index] = words;
    require(snapshot(after->config, edited) == expected,
            "set_config_value changes its key to the value given and nothing else", text,
            key + " -> " + edited);
    require(after->warnings.size() == before.warnings.size(),
            "set_config_value adds and removes no warning", text, key + " -> " + edited);
}

/// The keys to edit: those the text sets (a value other than the default, or the key's name
/// written out), since replacing a value in place is the delicate part, and one more picked
/// by the text's length (usually absent: the insertion paths). At most four, to keep the
/// target fast.
std::vector<std::size_t> keys_to_edit(const std::string& text, const Config& config) {
    static const Config defaults;
    std::vector<std::size_t> chosen;
    const std::vector<std::string>& keys = config_keys();
    for (std::size_t i = 0; i < keys.size() && chosen.size() < 3; ++i) {
        const std::string_view name = std::string_view(keys[i]).substr(keys[i].find('.') + 1);
        if (text.find(name) != std::string::npos ||
            words_of(config, keys[i]) != words_of(defaults, keys[i])) {
            chosen.push_back(i);
        }
    }
    const std::size_t extra = text.size() % keys.size();
    if (std::find(chosen.begin(), chosen.end(), extra) == chosen.end()) chosen.push_back(extra);
    return chosen;
}

bool strict() {
    static const bool on = [] {
        const char* value = std::getenv("SLASH_FUZZ_STRICT_CONFIG");
        return value == nullptr || std::string_view(value) != "0";
    }();
    return on;
}

/// Each value passes the parser the services use for it (services/*.cpp).
void check_usable(const Config& config, const std::string& text) {
    using namespace slash::domain;
    const auto usable = [&](std::string_view key, auto parse) {
        const auto value = attempt(key, text, ErrorKind::Usage, parse);
        require(value.has_value(), "a value the config loader accepts is one the services accept",
                text, std::string(key) + " = " + config_value(config, key));
    };
    const slash::config::TimeConfig& time = config.time;
    usable("time.hours_per_day", [&] { return parse_decimal(time.hours_per_day, "x"); });
    usable("time.day_step", [&] { return parse_decimal(time.day_step, "x"); });
    usable("time.rounding_mode", [&] { return parse_rounding_mode(time.rounding_mode); });
    if (time.rounding != "0") {
        usable("time.rounding", [&] { return parse_duration(time.rounding); });
    }
    usable("time.capacity", [&] { return parse_duration(time.capacity); });
    usable("time.long_entry", [&] { return parse_duration(time.long_entry); });
    usable("tax.vat_rate", [&] { return parse_vat_rate(config.tax.vat_rate); });
    const slash::config::UrssafConfig& urssaf = config.urssaf;
    // Lambdas cannot capture structured bindings (clang 14): pairs, then.
    for (const auto& rate : {std::pair{"urssaf.rate_bnc", &urssaf.rate_bnc},
                             std::pair{"urssaf.rate_bic_services", &urssaf.rate_bic_services},
                             std::pair{"urssaf.rate_bic_sales", &urssaf.rate_bic_sales}}) {
        if (!rate.second->empty()) {
            usable(rate.first, [&] { return parse_rate(*rate.second, rate.first); });
        }
    }
    for (const auto& euros :
         {std::pair{"urssaf.ceiling_services", &urssaf.ceiling_services},
          std::pair{"urssaf.ceiling_sales", &urssaf.ceiling_sales},
          std::pair{"urssaf.vat_threshold_services", &urssaf.vat_threshold_services},
          std::pair{"urssaf.vat_threshold_services_majore", &urssaf.vat_threshold_services_majore},
          std::pair{"urssaf.vat_threshold_sales", &urssaf.vat_threshold_sales},
          std::pair{"urssaf.vat_threshold_sales_majore", &urssaf.vat_threshold_sales_majore}}) {
        if (euros.second->empty()) continue;
        usable(euros.first, [&] {
            const std::int64_t minor = parse_amount(*euros.second, 2);
            if (minor <= 0) throw slash::Error(ErrorKind::Usage, "not positive");
            return minor;
        });
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto loaded =
        attempt("parse_config", text, ErrorKind::Config, [&] { return parse_config(text, kSource); });
    if (!loaded) return 0;
    static_cast<void>(snapshot(loaded->config, text));
    for (const std::size_t key_index : keys_to_edit(text, loaded->config)) {
        const std::string& key = config_keys()[key_index];
        check_set(text, *loaded, key_index, words_of(loaded->config, key));
        check_set(text, *loaded, key_index, other_words(key));
    }
    if (strict()) check_usable(loaded->config, text);
    return 0;
}
