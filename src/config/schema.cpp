#include "internal.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <type_traits>
#include <utility>

#include "slash/domain/billing.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/domain/urssaf_figures.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/invoice_number.hpp"
#include "slash/domain/text.hpp"

namespace slash::config::detail {
namespace {

template <auto Section, auto Field>
Value get_field(const Config& config) {
    return Value{config.*Section.*Field};
}

template <auto Section, auto Field>
void set_field(Config& config, Value&& value) {
    using T = std::remove_cvref_t<decltype(config.*Section.*Field)>;
    config.*Section.*Field = std::get<T>(std::move(value));
}

/// One schema entry whose type follows from the Config member it binds, so that the
/// table below cannot disagree with the structs.
template <auto Section, auto Field>
constexpr KeySpec key(std::string_view name, std::string_view comment, Rule rule = Rule::None,
                      std::span<const std::string_view> choices = {}) {
    using T = std::remove_cvref_t<decltype(std::declval<Config&>().*Section.*Field)>;
    Type type = Type::String;
    if constexpr (std::is_same_v<T, std::vector<std::string>>) type = Type::StringList;
    if constexpr (std::is_same_v<T, std::int64_t>) type = Type::Integer;
    if constexpr (std::is_same_v<T, bool>) type = Type::Boolean;
    return KeySpec{name,
                   type,
                   rule,
                   choices,
                   0,
                   0,
                   comment,
                   &get_field<Section, Field>,
                   &set_field<Section, Field>};
}

constexpr KeySpec with_range(KeySpec spec, std::int64_t min, std::int64_t max, Rule rule = Rule::Range) {
    spec.rule = rule;
    spec.min = min;
    spec.max = max;
    return spec;
}

constexpr std::array<std::string_view, 4> kRegimes{"franchise", "standard", "reverse-charge",
                                                   "export"};
constexpr std::array<std::string_view, 2> kLanguages{"fr", "en"};
constexpr std::array<std::string_view, 7> kWeekdays{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 3> kRoundingModes{"up", "nearest", "down"};
constexpr std::array<std::string_view, 3> kActivities{"bnc", "bic-services", "bic-sales"};
constexpr std::array<std::string_view, 2> kPeriodicities{"monthly", "quarterly"};
constexpr std::array<std::string_view, 3> kColors{"auto", "always", "never"};

constexpr std::array<std::string_view, 2> kSendFormats{"factur-x", "cii"};
constexpr std::array<std::string_view, 2> kDurationStyles{"hm", "decimal"};
constexpr std::array<std::string_view, 3> kPaidStatus{"auto", "always", "never"};

constexpr std::array<std::string_view, 2> kFixedPriceRules{"completion", "first-work"};

constexpr std::array<std::string_view, 9> kSections{"seller",  "tax",        "invoice", "time", "urssaf",
                                                    "display", "einvoicing", "mail",    "quote"};

using C = Config;
constexpr std::array kSchema{
    key<&C::seller, &SellerConfig::name>("seller.name",
                                         "Your legal name; invoices print it followed by \"EI\"."),
    key<&C::seller, &SellerConfig::trade_name>("seller.trade_name",
                                               "Trade name (nom commercial), optional."),
    key<&C::seller, &SellerConfig::address>("seller.address",
                                            "Postal address, one string per line."),
    key<&C::seller, &SellerConfig::country>("seller.country",
                                            "Country of the address, ISO 3166 code."),
    key<&C::seller, &SellerConfig::siren>("seller.siren", "SIREN, 9 digits."),
    key<&C::seller, &SellerConfig::siret>("seller.siret",
                                          "SIRET, 14 digits: may replace the SIREN."),
    key<&C::seller, &SellerConfig::vat_id>(
        "seller.vat_id", "Intra-EU VAT number (FR...); empty under the VAT franchise."),
    key<&C::seller, &SellerConfig::email>(
        "seller.email", "Contact email, also the electronic address on e-invoices."),
    key<&C::seller, &SellerConfig::iban>("seller.iban", "Account printed for bank transfers."),
    key<&C::seller, &SellerConfig::bic>("seller.bic", "BIC (SWIFT code) of that account."),

    key<&C::tax, &TaxConfig::regime>("tax.regime",
                                     "VAT regime: franchise | standard | reverse-charge | export.",
                                     Rule::Choice, kRegimes),
    key<&C::tax, &TaxConfig::vat_rate>(
        "tax.vat_rate", "VAT rate in percent under the standard regime, a decimal string.",
        Rule::VatRate),

    key<&C::invoice, &InvoiceConfig::number_format>(
        "invoice.number_format",
        "Invoice numbers: {year} is the year, {seq:04} the sequence padded to 4 digits.",
        Rule::SeqFormat),
    key<&C::invoice, &InvoiceConfig::credit_number_format>(
        "invoice.credit_number_format", "Credit note numbers, with the same placeholders.",
        Rule::SeqFormat),
    with_range(key<&C::invoice, &InvoiceConfig::due_days>(
                   "invoice.due_days", "Payment term in days after the issue date, 0 to 365."),
               0, 365),
    key<&C::invoice, &InvoiceConfig::language>(
        "invoice.language", "Language of invoices: fr | en; a client may override it.",
        Rule::Choice, kLanguages),
    key<&C::invoice, &InvoiceConfig::franchise_text>(
        "invoice.franchise_text", "VAT franchise mention (art. 293 B); empty: the built-in one."),
    key<&C::invoice, &InvoiceConfig::penalty_text>(
        "invoice.penalty_text", "Late-payment penalty sentence printed for business clients."),
    key<&C::invoice, &InvoiceConfig::indemnity_text>(
        "invoice.indemnity_text",
        "Fixed recovery indemnity (40 EUR) sentence for business clients."),
    key<&C::invoice, &InvoiceConfig::discount_text>("invoice.discount_text",
                                                    "Early-payment discount statement."),
    key<&C::invoice, &InvoiceConfig::footer>("invoice.footer",
                                             "Free text printed at the bottom of every invoice."),
    key<&C::invoice, &InvoiceConfig::fixed_price>(
        "invoice.fixed_price",
        "A fixed price is billed on completion (before: deposits only) | first-work (first invoice).",
        Rule::Choice, kFixedPriceRules),
    key<&C::invoice, &InvoiceConfig::late_rate>(
        "invoice.late_rate",
        "Late-payment penalty rate in percent a year; empty: 3 times the legal interest rate.",
        Rule::Percent),

    key<&C::time, &TimeConfig::week_start>("time.week_start",
                                           "First day of the week in reports: monday ... sunday.",
                                           Rule::Choice, kWeekdays),
    key<&C::time, &TimeConfig::hours_per_day>(
        "time.hours_per_day", "Hours in one billed day, a decimal string.", Rule::Decimal),
    key<&C::time, &TimeConfig::day_step>(
        "time.day_step", "Daily missions are billed in steps of this many days.", Rule::Decimal),
    key<&C::time, &TimeConfig::rounding>(
        "time.rounding",
        "Billed durations are rounded to this step (\"15m\", \"1h\"); \"0\": none.",
        Rule::Rounding),
    key<&C::time, &TimeConfig::rounding_mode>("time.rounding_mode",
                                              "Direction of that rounding: up | nearest | down.",
                                              Rule::Choice, kRoundingModes),
    key<&C::time, &TimeConfig::capacity>(
        "time.capacity", "Working time per week, for `slash plan`.", Rule::Capacity),
    key<&C::time, &TimeConfig::long_entry>(
        "time.long_entry", "stop and entry edit warn about an entry longer than this (a forgotten timer).",
        Rule::LongEntry),
    key<&C::time, &TimeConfig::days_off>(
        "time.days_off", "Days off for `slash plan`: \"2026-12-24\" or \"2026-08-03..2026-08-21\".",
        Rule::DayRanges),

    key<&C::urssaf, &UrssafConfig::activity>(
        "urssaf.activity", "Activity: bnc | bic-services | bic-sales.", Rule::Choice, kActivities),
    key<&C::urssaf, &UrssafConfig::periodicity>("urssaf.periodicity",
                                                "Declaration period: monthly | quarterly.",
                                                Rule::Choice, kPeriodicities),
    key<&C::urssaf, &UrssafConfig::versement_liberatoire>(
        "urssaf.versement_liberatoire",
        "true if you opted for the versement libératoire of income tax."),
    key<&C::urssaf, &UrssafConfig::cfp>("urssaf.cfp",
                                        "false if you are exempt from the training contribution (CFP)."),
    with_range(key<&C::urssaf, &UrssafConfig::rates_year>(
                   "urssaf.rates_year",
                   "The year the rates and thresholds below apply to; 0: use the built-in ones."),
               2000, 2100, Rule::Year),
    key<&C::urssaf, &UrssafConfig::rate_bnc>("urssaf.rate_bnc", "Contribution rate in percent, BNC; empty: built-in.",
                                             Rule::Percent),
    key<&C::urssaf, &UrssafConfig::rate_bic_services>(
        "urssaf.rate_bic_services", "Contribution rate in percent, BIC services; empty: built-in.", Rule::Percent),
    key<&C::urssaf, &UrssafConfig::rate_bic_sales>(
        "urssaf.rate_bic_sales", "Contribution rate in percent, BIC sales; empty: built-in.", Rule::Percent),
    key<&C::urssaf, &UrssafConfig::ceiling_services>(
        "urssaf.ceiling_services", "Micro-entreprise ceiling in euros, services (BNC, BIC); empty: built-in.",
        Rule::Euros),
    key<&C::urssaf, &UrssafConfig::ceiling_sales>(
        "urssaf.ceiling_sales", "Micro-entreprise ceiling in euros, sales; empty: built-in.", Rule::Euros),
    key<&C::urssaf, &UrssafConfig::vat_threshold_services>(
        "urssaf.vat_threshold_services", "VAT franchise threshold in euros, services; empty: built-in.",
        Rule::Euros),
    key<&C::urssaf, &UrssafConfig::vat_threshold_services_majore>(
        "urssaf.vat_threshold_services_majore",
        "Higher (majoré) VAT franchise threshold in euros, services; empty: built-in.", Rule::Euros),
    key<&C::urssaf, &UrssafConfig::vat_threshold_sales>(
        "urssaf.vat_threshold_sales", "VAT franchise threshold in euros, sales; empty: built-in.", Rule::Euros),
    key<&C::urssaf, &UrssafConfig::vat_threshold_sales_majore>(
        "urssaf.vat_threshold_sales_majore",
        "Higher (majoré) VAT franchise threshold in euros, sales; empty: built-in.", Rule::Euros),

    key<&C::display, &DisplayConfig::color>(
        "display.color", "Colour in tables: auto (on a terminal) | always | never.", Rule::Choice,
        kColors),
    key<&C::display, &DisplayConfig::pager>(
        "display.pager", "Pager for long output on a terminal; empty: $PAGER, else less -FRX; cat: none."),
    key<&C::display, &DisplayConfig::durations>(
        "display.durations", "Durations on a terminal: hm (1:45, 1h45m) | decimal (1.75, 1.75 h).", Rule::Choice,
        kDurationStyles),

    key<&C::einvoicing, &EinvoicingConfig::platform_url>(
        "einvoicing.platform_url", "Your approved platform's Flow Service URL (AFNOR XP Z12-013).", Rule::Url),
    key<&C::einvoicing, &EinvoicingConfig::directory_url>(
        "einvoicing.directory_url", "Its Directory Service URL, for `slash client lookup`.", Rule::Url),
    key<&C::einvoicing, &EinvoicingConfig::token_file>(
        "einvoicing.token_file", "File holding the platform's token, mode 0600 (or SLASH_EINVOICING_TOKEN)."),
    key<&C::einvoicing, &EinvoicingConfig::send_format>(
        "einvoicing.send_format", "What `invoice send` sends: factur-x (PDF) | cii (XML).", Rule::Choice,
        kSendFormats),
    key<&C::einvoicing, &EinvoicingConfig::paid_status>(
        "einvoicing.paid_status", "Send 212 Encaissée on payment: auto (when the law asks) | always | never.",
        Rule::Choice, kPaidStatus),
    with_range(key<&C::einvoicing, &EinvoicingConfig::timeout>(
                   "einvoicing.timeout", "Seconds one request to the platform may take, 1 to 600."),
               1, 600),

    key<&C::mail, &MailConfig::sendmail>(
        "mail.sendmail", "The MTA `invoice mail` runs (by sh, message on stdin): sendmail -t, msmtp -t ..."),
    key<&C::mail, &MailConfig::from>("mail.from", "The From address of the e-mails; empty: seller.email."),
    key<&C::mail, &MailConfig::subject_fr>("mail.subject_fr",
                                           "Subject of a French invoice's e-mail, with {number}...; empty: slash's."),
    key<&C::mail, &MailConfig::subject_en>("mail.subject_en",
                                           "Subject of an English invoice's e-mail; empty: slash's."),
    key<&C::mail, &MailConfig::body_fr>("mail.body_fr", "Text of a French invoice's e-mail; empty: slash's."),
    key<&C::mail, &MailConfig::body_en>("mail.body_en", "Text of an English invoice's e-mail; empty: slash's."),

    key<&C::quote, &QuoteConfig::number_format>(
        "quote.number_format", "Quote numbers, with the placeholders of invoice.number_format.", Rule::SeqFormat),
    with_range(key<&C::quote, &QuoteConfig::valid_days>(
                   "quote.valid_days", "Days a quote stays valid after its issue date, 1 to 365."),
               1, 365),
};

bool is_positive_decimal(std::string_view s) {
    const auto dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    const auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || !digits(whole) || !digits(fraction)) return false;
    if (dot != std::string_view::npos && fraction.empty()) return false;
    return s.find_first_not_of("0.") != std::string_view::npos;
}

/// True when `parse` accepts the text: the rules below use the very parsers the services
/// apply later, so that a value `config set` accepts never fails at the first invoice.
template <class Parse>
bool parses(Parse&& parse) {
    try {
        parse();
        return true;
    } catch (const Error&) {
        return false;
    }
}

constexpr std::int64_t kWeekSeconds = 7 * 24 * 3600;

/// "0", "24.6", "100": a percentage that may be zero (a reduced rate such as ACRE's is not).
bool is_percent(std::string_view s) {
    if (s == "0" || s == "0.0") return true;
    if (!is_positive_decimal(s)) return false;
    const auto dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    if (whole.size() > 3) return false;
    if (whole.size() == 3) return whole == "100" && s.find_first_not_of("0", 4) == std::string_view::npos;
    return true;
}

/// "77700", "37500.50": euros, at most cents.
bool is_euros(std::string_view s) {
    const auto dot = s.find('.');
    return is_positive_decimal(s) && (dot == std::string_view::npos || s.size() - dot - 1 <= 2) &&
           s.substr(0, dot).size() <= 12;
}

/// "15m", "90min", "1.5h": the form docs/contract.md §3 uses for a step or a capacity.
bool is_positive_duration(std::string_view s) {
    for (const std::string_view unit : {"min", "m", "h"}) {
        if (s.size() > unit.size() && s.ends_with(unit)) {
            return is_positive_decimal(s.substr(0, s.size() - unit.size()));
        }
    }
    return false;
}


/// "http://127.0.0.1:8080/x", "http://localhost/": a URL whose host is this machine.
bool is_local_http(std::string_view s) {
    for (const std::string_view host : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
        if (s.starts_with(host) && (s.size() == host.size() || s[host.size()] == ':' || s[host.size()] == '/'))
            return true;
    }
    return false;
}

std::string join(std::span<const std::string_view> words, std::string_view separator) {
    std::string out;
    for (const auto word : words) {
        if (!out.empty()) out += separator;
        out += word;
    }
    return out;
}

std::string must_be(const KeySpec& spec, std::string_view what, std::string_view got) {
    return std::string(spec.key) + " must be " + std::string(what) + ", got " + std::string(got);
}

std::string range_text(const KeySpec& spec) {
    return "an integer between " + std::to_string(spec.min) + " and " + std::to_string(spec.max);
}

}  // namespace

std::span<const KeySpec> schema() {
    return kSchema;
}

std::span<const std::string_view> sections() {
    return kSections;
}

bool is_section(std::string_view name) {
    return std::find(kSections.begin(), kSections.end(), name) != kSections.end();
}

const KeySpec* find_key(std::string_view key) {
    const auto it = std::find_if(kSchema.begin(), kSchema.end(),
                                 [key](const KeySpec& spec) { return spec.key == key; });
    return it == kSchema.end() ? nullptr : &*it;
}

const KeySpec& get_key(std::string_view key) {
    if (const KeySpec* spec = find_key(key)) return *spec;
    std::string message = "unknown config key " + quote(key);
    if (const auto suggestion = suggest_key(key)) {
        message += " (did you mean " + quote(*suggestion) + "?)";
    }
    throw Error(ErrorKind::Usage, message);
}

std::optional<std::string> rule_violation(const KeySpec& spec, const Value& value) {
    if (spec.rule == Rule::Range || spec.rule == Rule::Year) {
        const std::int64_t n = std::get<std::int64_t>(value);
        if (n >= spec.min && n <= spec.max) return std::nullopt;
        if (spec.rule == Rule::Year && n == 0) return std::nullopt;
        return must_be(spec, (spec.rule == Rule::Year ? "0 or " : "") + range_text(spec), std::to_string(n));
    }
    if (const auto* list = std::get_if<std::vector<std::string>>(&value); list && spec.rule == Rule::DayRanges) {
        for (const std::string& item : *list) {
            if (!domain::parse_day_range(item)) {
                return must_be(spec, "a list of dates \"YYYY-MM-DD\" or ranges \"YYYY-MM-DD..YYYY-MM-DD\"",
                               quote(item));
            }
        }
        return std::nullopt;
    }
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr) return std::nullopt;
    const std::string& s = *text;
    switch (spec.rule) {
        case Rule::Url:
            // The token goes to this place: only https, or http to this machine (a test
            // platform), where it never crosses a network.
            if (s.empty() || (s.starts_with("https://") && s.size() > 8) || is_local_http(s)) return std::nullopt;
            return must_be(spec, "an https:// URL (http:// only to 127.0.0.1 or localhost), or \"\"", quote(s));
        case Rule::None:
        case Rule::Range:
        case Rule::Year:
        case Rule::DayRanges:
            return std::nullopt;
        case Rule::Percent:
            if (s.empty() || (is_percent(s) && parses([&] { (void)domain::parse_rate(s, spec.key); })))
                return std::nullopt;
            return must_be(spec, "a percentage from 0 to 100 such as \"24.6\", or \"\" for the built-in rate",
                           quote(s));
        case Rule::Euros:
            if (s.empty() || is_euros(s)) return std::nullopt;
            return must_be(spec, "an amount in euros such as \"77700\", or \"\" for the built-in one", quote(s));
        case Rule::Choice:
            if (std::find(spec.choices.begin(), spec.choices.end(), s) != spec.choices.end()) {
                return std::nullopt;
            }
            return must_be(spec, "one of " + join(spec.choices, ", "), quote(s));
        case Rule::Decimal:
            if (is_positive_decimal(s) && parses([&] { (void)domain::parse_decimal(s, spec.key); }))
                return std::nullopt;
            return must_be(spec, "a positive decimal number such as \"7\" or \"0.5\"", quote(s));
        case Rule::SeqFormat:
            // The same parser invoicing uses: a format it would refuse at issue time is
            // refused here, where the user is editing it.
            try {
                (void)domain::NumberFormat::parse(s);
                return std::nullopt;
            } catch (const Error&) {
                return must_be(spec,
                               "a format with one {seq} and only {year}, {month}, letters, digits and - + _ /, "
                               "such as \"{year}-{seq:04}\"",
                               quote(s));
            }
        case Rule::VatRate:
            if (is_positive_decimal(s) && parses([&] { (void)domain::parse_vat_rate(s); })) return std::nullopt;
            return must_be(spec, "a rate in percent above 0 and at most 100, with at most 3 decimals, such as \"20\" "
                                 "or \"5.5\"",
                           quote(s));
        case Rule::Rounding:
            if (s == "0" || (is_positive_duration(s) && parses([&] { (void)domain::parse_duration(s); })))
                return std::nullopt;
            return must_be(spec, "a duration such as \"15m\" or \"1h\", or \"0\" for none",
                           quote(s));
        case Rule::Capacity: {
            std::int64_t seconds = 0;
            if (is_positive_duration(s) && parses([&] { seconds = domain::parse_duration(s); }) &&
                seconds <= kWeekSeconds)
                return std::nullopt;
            return must_be(spec, "a duration of at most a week's 168 hours, such as \"35h\" or \"2100m\"", quote(s));
        }
        case Rule::LongEntry: {
            std::int64_t seconds = 0;
            // Any duration `slash log` takes ("8h30", "1h30m"), not only one unit.
            if (parses([&] { seconds = domain::parse_duration(s); }) && seconds > 0 && seconds <= 24 * 3600)
                return std::nullopt;
            return must_be(spec, "a duration of at most 24 hours, such as \"10h\" or \"8h30\"", quote(s));
        }
    }
    return std::nullopt;
}

Value value_from_words(const KeySpec& spec, const std::vector<std::string>& words) {
    for (const std::string& word : words) {
        if (!domain::is_valid_utf8(word)) {
            throw Error(ErrorKind::Usage,
                        std::string(spec.key) + " must be UTF-8 text, got " + quote(word));
        }
    }
    if (spec.type == Type::StringList) {
        Value list{words};
        if (auto problem = rule_violation(spec, list)) throw Error(ErrorKind::Usage, *problem);
        return list;
    }
    if (words.size() != 1) {
        throw Error(ErrorKind::Usage,
                    std::string(spec.key) + " takes one value, got " +
                        (words.empty() ? std::string("none") : std::to_string(words.size())));
    }
    const std::string& word = words.front();
    Value value;
    switch (spec.type) {
        case Type::String:
        case Type::StringList:
            value = word;
            break;
        case Type::Integer: {
            std::int64_t n = 0;
            const char* end = word.data() + word.size();
            const auto [ptr, ec] = std::from_chars(word.data(), end, n);
            const bool in_range = (n >= spec.min && n <= spec.max) || (spec.rule == Rule::Year && n == 0);
            if (word.empty() || ec != std::errc{} || ptr != end || !in_range) {
                throw Error(ErrorKind::Usage,
                            must_be(spec, (spec.rule == Rule::Year ? "0 or " : "") + range_text(spec), quote(word)));
            }
            value = n;
            break;
        }
        case Type::Boolean:
            if (word != "true" && word != "false") {
                throw Error(ErrorKind::Usage, must_be(spec, "true or false", quote(word)));
            }
            value = word == "true";
            break;
    }
    if (auto problem = rule_violation(spec, value)) {
        throw Error(ErrorKind::Usage, *problem);
    }
    return value;
}

}  // namespace slash::config::detail
