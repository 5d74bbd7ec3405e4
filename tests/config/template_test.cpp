#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "slash/config/config.hpp"

using slash::config::Config;
using slash::config::config_keys;
using slash::config::config_value;
using slash::config::initial_config_text;
using slash::config::parse_config;
using slash::config::SellerConfig;

namespace {

SellerConfig camille() {
    SellerConfig seller;
    seller.name = "Camille Martin";
    seller.trade_name = "Studio \"Lilas\"";
    seller.address = {"12 rue des Lilas", "75011 Paris"};
    seller.siren = "123456782";
    seller.email = "camille@example.org";
    seller.iban = "FR7630006000011234567890189";
    seller.bic = "AGRIFRPP";
    return seller;
}

/// Every value of `config`, key by key, so that two configs compare field by field.
std::vector<std::string> values(const Config& config) {
    std::vector<std::string> all;
    for (const auto& key : config_keys()) all.push_back(key + "=" + config_value(config, key));
    return all;
}

}  // namespace

TEST_SUITE_BEGIN("config/template");

TEST_CASE("config/template: the file slash init writes") {
    CHECK(initial_config_text(camille()) ==
          R"(# slash configuration. Edit it by hand or with `slash config set KEY VALUE`,
# which keeps these comments. Rates and hours are strings ("20", "0.5") so
# that no value ever goes through a float.

# Who you are, as printed on every invoice.
[seller]
# Your legal name; invoices print it followed by "EI".
name = "Camille Martin"
# Trade name (nom commercial), optional.
trade_name = "Studio \"Lilas\""
# Postal address, one string per line.
address = ["12 rue des Lilas", "75011 Paris"]
# Country of the address, ISO 3166 code.
country = "FR"
# SIREN, 9 digits.
siren = "123456782"
# SIRET, 14 digits: may replace the SIREN.
siret = ""
# Intra-EU VAT number (FR...); empty under the VAT franchise.
vat_id = ""
# Contact email, also the electronic address on e-invoices.
email = "camille@example.org"
# Account printed for bank transfers.
iban = "FR7630006000011234567890189"
# BIC (SWIFT code) of that account.
bic = "AGRIFRPP"

# VAT.
[tax]
# VAT regime: franchise | standard | reverse-charge | export.
regime = "franchise"
# VAT rate in percent under the standard regime, a decimal string.
vat_rate = "20"

# Numbering, payment terms and the legal sentences of invoices.
[invoice]
# Invoice numbers: {year} is the year, {seq:04} the sequence padded to 4 digits.
number_format = "{year}-{seq:04}"
# Credit note numbers, with the same placeholders.
credit_number_format = "AV{year}-{seq:04}"
# Payment term in days after the issue date, 0 to 365.
due_days = 30
# Language of invoices: fr | en; a client may override it.
language = "fr"
# VAT franchise mention (art. 293 B); empty: the built-in one.
franchise_text = ""
# Late-payment penalty sentence printed for business clients.
penalty_text = ""
# Fixed recovery indemnity (40 EUR) sentence for business clients.
indemnity_text = ""
# Early-payment discount statement.
discount_text = ""
# Free text printed at the bottom of every invoice.
footer = ""
# A fixed price is billed on completion (before: deposits only) | first-work (first invoice).
fixed_price = "completion"
# Late-payment penalty rate in percent a year; empty: 3 times the legal interest rate.
late_rate = ""

# How time is counted, rounded for billing and planned.
[time]
# First day of the week in reports: monday ... sunday.
week_start = "monday"
# Hours in one billed day, a decimal string.
hours_per_day = "7"
# Daily missions are billed in steps of this many days.
day_step = "0.5"
# Billed durations are rounded to this step ("15m", "1h"); "0": none.
rounding = "15m"
# Direction of that rounding: up | nearest | down.
rounding_mode = "up"
# Working time per week, for `slash plan`.
capacity = "35h"
# stop and entry edit warn about an entry longer than this (a forgotten timer).
long_entry = "10h"
# Days off for `slash plan`: "2026-12-24" or "2026-08-03..2026-08-21".
days_off = []

# What the URSSAF declaration of turnover needs.
[urssaf]
# Activity: bnc | bic-services | bic-sales.
activity = "bnc"
# Declaration period: monthly | quarterly.
periodicity = "quarterly"
# true if you opted for the versement libératoire of income tax.
versement_liberatoire = false
# false if you are exempt from the training contribution (CFP).
cfp = true
# The year the rates and thresholds below apply to; 0: use the built-in ones.
rates_year = 0
# Contribution rate in percent, BNC; empty: built-in.
rate_bnc = ""
# Contribution rate in percent, BIC services; empty: built-in.
rate_bic_services = ""
# Contribution rate in percent, BIC sales; empty: built-in.
rate_bic_sales = ""
# Micro-entreprise ceiling in euros, services (BNC, BIC); empty: built-in.
ceiling_services = ""
# Micro-entreprise ceiling in euros, sales; empty: built-in.
ceiling_sales = ""
# VAT franchise threshold in euros, services; empty: built-in.
vat_threshold_services = ""
# Higher (majoré) VAT franchise threshold in euros, services; empty: built-in.
vat_threshold_services_majore = ""
# VAT franchise threshold in euros, sales; empty: built-in.
vat_threshold_sales = ""
# Higher (majoré) VAT franchise threshold in euros, sales; empty: built-in.
vat_threshold_sales_majore = ""

# Terminal output.
[display]
# Colour in tables: auto (on a terminal) | always | never.
color = "auto"
# Pager for long output on a terminal; empty: $PAGER, else less -FRX; cat: none.
pager = ""
# Durations on a terminal: hm (1:45, 1h45m) | decimal (1.75, 1.75 h).
durations = "hm"

# Your approved e-invoicing platform (slash-einvoicing(1)).
[einvoicing]
# Your approved platform's Flow Service URL (AFNOR XP Z12-013).
platform_url = ""
# Its Directory Service URL, for `slash client lookup`.
directory_url = ""
# File holding the platform's token, mode 0600 (or SLASH_EINVOICING_TOKEN).
token_file = ""
# What `invoice send` sends: factur-x (PDF) | cii (XML).
send_format = "factur-x"
# Send 212 Encaissée on payment: auto (when the law asks) | always | never.
paid_status = "auto"
# Seconds one request to the platform may take, 1 to 600.
timeout = 60

# How `slash invoice mail` sends e-mail: the local MTA.
[mail]
# The MTA `invoice mail` runs (by sh, message on stdin): sendmail -t, msmtp -t ...
sendmail = "/usr/sbin/sendmail -t"
# The From address of the e-mails; empty: seller.email.
from = ""
# Subject of a French invoice's e-mail, with {number}...; empty: slash's.
subject_fr = ""
# Subject of an English invoice's e-mail; empty: slash's.
subject_en = ""
# Text of a French invoice's e-mail; empty: slash's.
body_fr = ""
# Text of an English invoice's e-mail; empty: slash's.
body_en = ""

# Quotes (devis): numbering and validity.
[quote]
# Quote numbers, with the placeholders of invoice.number_format.
number_format = "D{year}-{seq:04}"
# Days a quote stays valid after its issue date, 1 to 365.
valid_days = 30
)");
}

TEST_CASE("config/template: parsing it gives the seller given and every other default") {
    for (const SellerConfig& seller : {camille(), SellerConfig{}}) {
        const auto result = parse_config(initial_config_text(seller), "config.toml");
        CHECK(result.warnings.empty());
        Config expected;
        expected.seller = seller;
        CHECK(values(result.config) == values(expected));
        CHECK(result.config.seller.address == seller.address);
    }
}

TEST_CASE("config/template: every key is there, under a one-line comment") {
    const std::string text = initial_config_text(SellerConfig{});
    std::istringstream lines(text);
    std::string line, previous, table;
    std::vector<std::string> keys;
    while (std::getline(lines, line)) {
        if (line.starts_with("[")) table = line.substr(1, line.size() - 2);
        const auto equals = line.find(" = ");
        if (equals != std::string::npos && !line.starts_with("#")) {
            CHECK(previous.starts_with("# "));
            keys.push_back(table + "." + line.substr(0, equals));
        }
        previous = line;
    }
    CHECK(keys == config_keys());
}

TEST_CASE("config/template: every key can be set in it and read back") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> samples = {
        {"seller.name", {"Camille \"C\" Martin"}},
        {"seller.trade_name", {"Studio"}},
        {"seller.address", {"1 rue X", "75002 Paris"}},
        {"seller.country", {"BE"}},
        {"seller.siren", {"552100554"}},
        {"seller.siret", {"55210055400013"}},
        {"seller.vat_id", {"FR40123456782"}},
        {"seller.email", {"a@b.example"}},
        {"seller.iban", {"FR76"}},
        {"seller.bic", {"BNPAFRPP"}},
        {"tax.regime", {"reverse-charge"}},
        {"tax.vat_rate", {"8.5"}},
        {"invoice.number_format", {"{seq}"}},
        {"invoice.credit_number_format", {"A{seq:03}"}},
        {"invoice.due_days", {"60"}},
        {"invoice.language", {"en"}},
        {"invoice.franchise_text", {"TVA non applicable, art. 293 B du CGI"}},
        {"invoice.penalty_text", {"3 x taux légal"}},
        {"invoice.indemnity_text", {"40 €"}},
        {"invoice.discount_text", {"Aucun"}},
        {"invoice.footer", {"Line 1\nLine 2"}},
        {"time.week_start", {"saturday"}},
        {"time.hours_per_day", {"8"}},
        {"time.day_step", {"1"}},
        {"time.rounding", {"0"}},
        {"time.rounding_mode", {"down"}},
        {"time.capacity", {"28h"}},
        {"time.long_entry", {"12h"}},
        {"time.days_off", {"2026-12-24", "2026-08-03..2026-08-21"}},
        {"urssaf.activity", {"bic-sales"}},
        {"urssaf.periodicity", {"monthly"}},
        {"urssaf.versement_liberatoire", {"true"}},
        {"urssaf.cfp", {"false"}},
        {"urssaf.rates_year", {"2027"}},
        {"urssaf.rate_bnc", {"26.1"}},
        {"urssaf.rate_bic_services", {"0"}},
        {"urssaf.rate_bic_sales", {"100"}},
        {"urssaf.ceiling_services", {"83600"}},
        {"urssaf.ceiling_sales", {"203100.50"}},
        {"urssaf.vat_threshold_services", {"37500"}},
        {"urssaf.vat_threshold_services_majore", {"41250"}},
        {"urssaf.vat_threshold_sales", {"85000"}},
        {"urssaf.vat_threshold_sales_majore", {"93500"}},
        {"display.color", {"always"}},
        {"display.pager", {"less -S"}},
        {"display.durations", {"decimal"}},
        {"einvoicing.platform_url", {"https://api.flow.example-pa.fr/flow-service"}},
        {"einvoicing.directory_url", {"http://127.0.0.1:8080/directory-service"}},
        {"einvoicing.token_file", {"~/.config/slash/pa-token"}},
        {"einvoicing.send_format", {"cii"}},
        {"einvoicing.paid_status", {"never"}},
        {"einvoicing.timeout", {"120"}},
        {"invoice.fixed_price", {"first-work"}},
        {"invoice.late_rate", {"10.5"}},
        {"mail.sendmail", {"msmtp -t"}},
        {"mail.from", {"billing@example.org"}},
        {"mail.subject_fr", {"Facture {number}"}},
        {"mail.subject_en", {"Invoice {number}"}},
        {"mail.body_fr", {"Bonjour,\n\nci-joint la facture {number}.\n"}},
        {"mail.body_en", {"Hello,\n\nplease find invoice {number} attached.\n"}},
        {"quote.number_format", {"DEV{year}-{seq:03}"}},
        {"quote.valid_days", {"45"}},
    };
    REQUIRE(samples.size() == config_keys().size());
    std::string text = initial_config_text(SellerConfig{});
    const auto line_count = [](const std::string& s) {
        return std::count(s.begin(), s.end(), '\n');
    };
    const auto lines_before = line_count(text);
    for (const auto& sample : samples) {
        // Not a structured binding: clang 14 cannot capture one for CAPTURE.
        const std::string& key = sample.first;
        const std::vector<std::string>& words = sample.second;
        CAPTURE(key);
        text = slash::config::set_config_value(text, key, words, "config.toml");
        std::string joined;
        for (const auto& word : words) joined += (joined.empty() ? "" : "; ") + word;
        CHECK(config_value(parse_config(text, "config.toml").config, key) == joined);
    }
    // Each key was replaced where it stood: no line added, none lost.
    CHECK(line_count(text) == lines_before);
    CHECK(parse_config(text, "config.toml").warnings.empty());
}

TEST_SUITE_END();
