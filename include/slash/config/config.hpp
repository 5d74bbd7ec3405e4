#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

/// The typed configuration of docs/contract.md §7 and the code that reads and edits its TOML
/// file. Only this layer sees toml++; everything else works with `Config`.
namespace slash::config {

/// `[seller]`: the identity and bank details printed on every invoice.
struct SellerConfig {
    std::string name, trade_name;
    std::vector<std::string> address;
    std::string country = "FR", siren, siret, vat_id, email, iban, bic;
};

/// `[tax]`: the VAT regime; rates are decimal strings so that no float ever carries one.
struct TaxConfig {
    std::string regime = "franchise";
    std::string vat_rate = "20";
};

/// `[invoice]`: numbering, payment terms and the legal sentences of an invoice.
struct InvoiceConfig {
    std::string number_format = "{year}-{seq:04}";
    std::string credit_number_format = "AV{year}-{seq:04}";
    std::int64_t due_days = 30;
    std::string language = "fr";
    /// The legal sentences; empty means the built-in one in the invoice's language.
    std::string franchise_text;
    std::string penalty_text;
    std::string indemnity_text;
    std::string discount_text;
    std::string footer;
    /// When a fixed-price mission is billed: "completion" (when it is done; before that
    /// only by deposits) or "first-work" (the first invoice with work on it).
    std::string fixed_price = "completion";
    /// Late-payment penalty rate in percent a year, a decimal string; empty: three times
    /// the legal interest rate of the semester (domain data, with its source).
    std::string late_rate;
};

/// `[time]`: how time is counted, rounded for billing and planned.
struct TimeConfig {
    std::string week_start = "monday";
    std::string hours_per_day = "7";
    std::string day_step = "0.5";
    std::string rounding = "15m";
    std::string rounding_mode = "up";
    std::string capacity = "35h";
    /// A closed entry longer than this gets a warning from stop and entry edit (a timer
    /// forgotten overnight); at most 24 h, the longest entry.
    std::string long_entry = "10h";
    /// Days you do not work, for `slash plan`: "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD".
    std::vector<std::string> days_off;
};

/// `[urssaf]`: what the declaration of turnover needs to know.
struct UrssafConfig {
    std::string activity = "bnc";
    std::string periodicity = "quarterly";
    bool versement_liberatoire = false;
    /// The contribution to vocational training (CFP), due by nearly every micro-entrepreneur.
    bool cfp = true;
    /// The figures below replace the built-in ones for this year only (0: never). Each is
    /// a decimal string; empty keeps the built-in figure. Rates in percent, amounts in euros.
    std::int64_t rates_year = 0;
    std::string rate_bnc, rate_bic_services, rate_bic_sales;
    std::string ceiling_services, ceiling_sales;
    std::string vat_threshold_services, vat_threshold_services_majore;
    std::string vat_threshold_sales, vat_threshold_sales_majore;
};

/// `[display]`: terminal output.
struct DisplayConfig {
    std::string color = "auto";  ///< auto | always | never
    /// The pager for long output on a terminal, run by sh; empty: $PAGER, else "less -FRX".
    std::string pager;
    /// How durations read on a terminal: hm ("1:45", "1h45m") | decimal ("1.75", "1.75 h").
    std::string durations = "hm";
};

/// `[einvoicing]`: the user's approved platform (docs/einvoicing.md). The token itself is
/// never here: it is read from `token_file` or SLASH_EINVOICING_TOKEN when a command needs it.
struct EinvoicingConfig {
    std::string platform_url;   ///< the Flow Service base URL; empty: e-invoicing not set up
    std::string directory_url;  ///< the Directory Service base URL
    std::string token_file;     ///< a file holding the bearer token, 0600; "~/" is the home
    std::string send_format = "factur-x";  ///< factur-x | cii
    std::string paid_status = "auto";      ///< auto | always | never: 212 Encaissée on payment
    std::int64_t timeout = 60;             ///< seconds for one request, 1 to 600
};

/// `[mail]`: how `invoice mail` hands a message to the local MTA.
struct MailConfig {
    std::string sendmail = "/usr/sbin/sendmail -t";  ///< run by sh, reads the message on stdin
    std::string from;  ///< the From address; empty: seller.email
    /// Subject and text of `invoice mail` per language, with {number}, {issue_date},
    /// {due_date}, {total}, {due}, {seller} and {client}; empty: slash's own.
    std::string subject_fr, subject_en, body_fr, body_en;
};

/// `[quote]`: quotes (devis), numbered in their own gapless series.
struct QuoteConfig {
    std::string number_format = "D{year}-{seq:04}";  ///< as invoice.number_format
    std::int64_t valid_days = 30;  ///< validity after the issue date, 1 to 365
};

/// The whole configuration; a default-constructed Config holds every built-in default.
struct Config {
    SellerConfig seller;
    TaxConfig tax;
    InvoiceConfig invoice;
    TimeConfig time;
    UrssafConfig urssaf;
    DisplayConfig display;
    EinvoicingConfig einvoicing;
    MailConfig mail;
    QuoteConfig quote;
};

/// A parsed configuration and what the user should hear about it without failing.
struct LoadResult {
    Config config;
    /// One line each, `FILE:LINE:COL: unknown key "seller.nmae" (did you mean
    /// "seller.name"?)`, in file order and without the "slash: warning:" prefix.
    std::vector<std::string> warnings;
    /// The keys the file sets ("time.capacity"), in no particular order: a key absent has
    /// its built-in default, which a command may want to say (`slash plan`).
    std::vector<std::string> keys_set;
};

/// Parses config text. `source` is the file name used in messages. Absent keys keep
/// their defaults. A syntax error, a wrong type or a wrong value throws
/// Error(Config) `FILE:LINE:COL: <what>` pointing at the value, e.g.
/// `config.toml:4:12: invoice.due_days must be an integer, got string "30"`; with
/// several, the first in the file. Unknown keys and tables are warnings, so that a
/// config written for a newer slash still loads.
[[nodiscard]] LoadResult parse_config(std::string_view text, const std::string& source);

/// Reads and parses a file. A missing file gives the defaults and no warning (slash
/// works before `slash init`); an unreadable one (permission, a directory) throws
/// Error(Config) naming the path and the OS reason.
[[nodiscard]] LoadResult load_config_file(const std::filesystem::path& path);

/// Every key of the schema in a stable order: the section order of docs/contract.md §7, then
/// key order ("seller.name", ..., "display.color").
[[nodiscard]] const std::vector<std::string>& config_keys();

/// The effective value of one key as plain text for humans and scripts: strings raw,
/// integers in decimal, booleans `true`/`false`, arrays as their elements joined by
/// "; ". An unknown key throws Error(Usage) `unknown config key "x" (did you mean
/// "y"?)`.
[[nodiscard]] std::string config_value(const Config& config, std::string_view key);

/// Returns `text` with `key` set to `values` (exactly one for scalar keys, any number
/// for array keys such as seller.address). Every comment, blank line and every other
/// line is kept byte for byte: an existing value (even one spanning several lines) is
/// replaced in place, keeping the comment after it; otherwise `key = value` goes after
/// the last key line of its table, or a new `[table]` is appended at the end. The
/// value is typed and checked by the schema; an unknown key or a wrong value throws
/// Error(Usage) naming the value and what is allowed. A syntax error in `text`, or a
/// result that does not load, throws Error(Config). `source` is used in messages.
[[nodiscard]] std::string set_config_value(std::string_view text, std::string_view key,
                                           const std::vector<std::string>& values,
                                           const std::string& source);

/// The commented file `slash init` writes: every section and key of docs/contract.md §7 with
/// a one-line comment, the seller values from `seller`, everything else at its
/// default. parse_config of it yields exactly those values and no warning.
[[nodiscard]] std::string initial_config_text(const SellerConfig& seller);

}  // namespace slash::config
