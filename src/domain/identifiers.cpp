#include "slash/domain/identifiers.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"

namespace slash::domain {
namespace {

struct CurrencyInfo {
    std::string_view code;
    int minor_digits;
};

// ISO 4217 list one as in force since 2026-01-01 (SIX list of that date, Debian iso-codes
// 4.20): ANG, BGN, CUC, HRK, SLL and ZWL are gone; XAD, XCG and ZWG are in. Codes whose
// minor unit ISO gives as "N.A." (metals, bond units, XDR, XTS, XXX) count 0 digits.
constexpr std::array kCurrencies = std::to_array<CurrencyInfo>({
    {"AED", 2}, {"AFN", 2}, {"ALL", 2}, {"AMD", 2}, {"AOA", 2}, {"ARS", 2}, {"AUD", 2}, {"AWG", 2},
    {"AZN", 2}, {"BAM", 2}, {"BBD", 2}, {"BDT", 2}, {"BHD", 3}, {"BIF", 0}, {"BMD", 2}, {"BND", 2},
    {"BOB", 2}, {"BOV", 2}, {"BRL", 2}, {"BSD", 2}, {"BTN", 2}, {"BWP", 2}, {"BYN", 2}, {"BZD", 2},
    {"CAD", 2}, {"CDF", 2}, {"CHE", 2}, {"CHF", 2}, {"CHW", 2}, {"CLF", 4}, {"CLP", 0}, {"CNY", 2},
    {"COP", 2}, {"COU", 2}, {"CRC", 2}, {"CUP", 2}, {"CVE", 2}, {"CZK", 2}, {"DJF", 0}, {"DKK", 2},
    {"DOP", 2}, {"DZD", 2}, {"EGP", 2}, {"ERN", 2}, {"ETB", 2}, {"EUR", 2}, {"FJD", 2}, {"FKP", 2},
    {"GBP", 2}, {"GEL", 2}, {"GHS", 2}, {"GIP", 2}, {"GMD", 2}, {"GNF", 0}, {"GTQ", 2}, {"GYD", 2},
    {"HKD", 2}, {"HNL", 2}, {"HTG", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2}, {"IQD", 3},
    {"IRR", 2}, {"ISK", 0}, {"JMD", 2}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KGS", 2}, {"KHR", 2},
    {"KMF", 0}, {"KPW", 2}, {"KRW", 0}, {"KWD", 3}, {"KYD", 2}, {"KZT", 2}, {"LAK", 2}, {"LBP", 2},
    {"LKR", 2}, {"LRD", 2}, {"LSL", 2}, {"LYD", 3}, {"MAD", 2}, {"MDL", 2}, {"MGA", 2}, {"MKD", 2},
    {"MMK", 2}, {"MNT", 2}, {"MOP", 2}, {"MRU", 2}, {"MUR", 2}, {"MVR", 2}, {"MWK", 2}, {"MXN", 2},
    {"MXV", 2}, {"MYR", 2}, {"MZN", 2}, {"NAD", 2}, {"NGN", 2}, {"NIO", 2}, {"NOK", 2}, {"NPR", 2},
    {"NZD", 2}, {"OMR", 3}, {"PAB", 2}, {"PEN", 2}, {"PGK", 2}, {"PHP", 2}, {"PKR", 2}, {"PLN", 2},
    {"PYG", 0}, {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"RUB", 2}, {"RWF", 0}, {"SAR", 2}, {"SBD", 2},
    {"SCR", 2}, {"SDG", 2}, {"SEK", 2}, {"SGD", 2}, {"SHP", 2}, {"SLE", 2}, {"SOS", 2}, {"SRD", 2},
    {"SSP", 2}, {"STN", 2}, {"SVC", 2}, {"SYP", 2}, {"SZL", 2}, {"THB", 2}, {"TJS", 2}, {"TMT", 2},
    {"TND", 3}, {"TOP", 2}, {"TRY", 2}, {"TTD", 2}, {"TWD", 2}, {"TZS", 2}, {"UAH", 2}, {"UGX", 0},
    {"USD", 2}, {"USN", 2}, {"UYI", 0}, {"UYU", 2}, {"UYW", 4}, {"UZS", 2}, {"VED", 2}, {"VES", 2},
    {"VND", 0}, {"VUV", 0}, {"WST", 2}, {"XAD", 2}, {"XAF", 0}, {"XAG", 0}, {"XAU", 0}, {"XBA", 0},
    {"XBB", 0}, {"XBC", 0}, {"XBD", 0}, {"XCD", 2}, {"XCG", 2}, {"XDR", 0}, {"XOF", 0}, {"XPD", 0},
    {"XPF", 0}, {"XPT", 0}, {"XSU", 0}, {"XTS", 0}, {"XUA", 0}, {"XXX", 0}, {"YER", 2}, {"ZAR", 2},
    {"ZMW", 2}, {"ZWG", 2},
});

// ISO 3166-1 alpha-2, officially assigned codes only (no XK, no UK, no EL).
constexpr std::array kCountries = std::to_array<std::string_view>({
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
});

// Member states by ISO 3166-1 code; Greece is GR here and EL only as a VAT prefix.
constexpr std::array kEuCountries = std::to_array<std::string_view>({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
});

// VAT prefixes: the member states as VIES spells them, plus XI (Northern Ireland goods).
constexpr std::array kVatPrefixes = std::to_array<std::string_view>({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
});

// Binary search needs sorted tables; a typo in an edit fails the build, not a lookup.
static_assert(std::is_sorted(kCurrencies.begin(), kCurrencies.end(),
                             [](const auto& a, const auto& b) { return a.code < b.code; }));
static_assert(std::is_sorted(kCountries.begin(), kCountries.end()));
static_assert(std::is_sorted(kEuCountries.begin(), kEuCountries.end()));
static_assert(std::is_sorted(kVatPrefixes.begin(), kVatPrefixes.end()));

constexpr std::string_view kLaPosteSiren = "356000000";
constexpr std::size_t kMaxEmailLength = 254;

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& sorted, std::string_view code) {
    return std::binary_search(sorted.begin(), sorted.end(), code);
}

const CurrencyInfo* find_currency(std::string_view upper_code) {
    const auto* it = std::lower_bound(
        kCurrencies.begin(), kCurrencies.end(), upper_code,
        [](const CurrencyInfo& info, std::string_view code) { return info.code < code; });
    return it != kCurrencies.end() && it->code == upper_code ? it : nullptr;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), is_digit);
}

std::string to_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (is_lower(c)) c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}


[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorKind::Usage, message);
}

// Drops ASCII spaces and the no-break (U+00A0), thin (U+2009) and narrow no-break (U+202F)
// spaces that copying a number from a web page or a PDF brings along.
std::string without_spaces(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::string_view rest = text.substr(i);
        if (rest.starts_with(' ')) continue;
        if (rest.starts_with("\xc2\xa0")) {
            i += 1;
        } else if (rest.starts_with("\xe2\x80\x89") || rest.starts_with("\xe2\x80\xaf")) {
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Luhn over ASCII digits: from the right, every second digit is doubled (minus 9 past 9).
bool passes_luhn(std::string_view digits) {
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = *it - '0';
        if (doubled) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

int digit_sum(std::string_view digits) {
    int sum = 0;
    for (const char c : digits) sum += c - '0';
    return sum;
}

// Where the party's number is written down.
std::string_view company_id_source(Party whose) {
    return whose == Party::Seller ? "check the number on your INSEE certificate"
                                  : "check the number on the client's invoices or on annuaire-entreprises.data.gouv.fr";
}

std::string_view vat_id_source(Party whose) {
    return whose == Party::Seller ? "check your number in your professional space on impots.gouv.fr"
                                  : "check the number on the client's invoices or in VIES";
}

std::string luhn_refusal(std::string_view kind, std::string_view text, Party whose) {
    return "invalid " + std::string(kind) + " " + quoted(text) + ": the check digit is wrong (Luhn); " +
           std::string(company_id_source(whose));
}

void require_french_vat(std::string_view text, std::string_view vat, Party whose) {
    const std::string_view key = vat.substr(2, 2);
    const std::string_view siren = vat.substr(4);
    if (vat.size() != 13 || !is_all_digits(siren)) {
        refuse("invalid VAT number " + quoted(text) +
               ": a French VAT number is FR, a 2-character key and the 9-digit SIREN");
    }
    if (!is_all_digits(key)) return;  // letter keys follow no published formula
    int siren_mod_97 = 0;
    for (const char c : siren) siren_mod_97 = (siren_mod_97 * 10 + (c - '0')) % 97;
    const int expected = (12 + 3 * siren_mod_97) % 97;
    if ((key[0] - '0') * 10 + (key[1] - '0') != expected) {
        refuse("invalid VAT number " + quoted(text) + ": the key " + std::string(key) +
               " does not match the SIREN " + std::string(siren) + "; " + std::string(vat_id_source(whose)));
    }
}

// The two codes people mix up between VAT prefixes and ISO countries.
std::string_view vat_prefix_hint(std::string_view prefix) {
    if (prefix == "GR") return "; Greece uses EL";
    if (prefix == "GB") return "; only Northern Ireland (XI) is in the EU VAT area";
    return {};
}

std::string_view country_hint(std::string_view code) {
    if (code == "UK") return "; the United Kingdom is GB";
    if (code == "EL") return "; Greece is GR";
    return {};
}

std::string email_problem(std::string_view text) {
    if (text.size() > kMaxEmailLength) return "it is longer than 254 characters";
    const bool has_blank = std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7f;
    });
    if (has_blank) return "it contains a space or a control character";
    const auto at = text.find('@');
    if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
        return "it needs exactly one '@'";
    }
    if (at == 0) return "the part before '@' is empty";
    const std::string_view domain = text.substr(at + 1);
    if (domain.find('.') == std::string_view::npos || domain.starts_with('.') ||
        domain.ends_with('.') || domain.find("..") != std::string_view::npos) {
        return "the domain after '@' needs dot-separated names, as in example.org";
    }
    return {};
}

}  // namespace

bool is_valid_handle(std::string_view text) {
    if (text.empty() || text.size() > 32) return false;
    if (!is_lower(text.front()) && !is_digit(text.front())) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return is_lower(c) || is_digit(c) || c == '.' || c == '_' || c == '-';
    });
}

void require_handle(std::string_view text, std::string_view what) {
    if (is_valid_handle(text)) return;
    refuse("invalid " + std::string(what) + " " + quoted(text) +
           ": use 1-32 lower-case letters, digits, '.', '_' or '-', starting with a letter or "
           "digit");
}

bool is_valid_siren(std::string_view nine_digits) {
    return nine_digits.size() == 9 && is_all_digits(nine_digits) && passes_luhn(nine_digits);
}

bool is_valid_siret(std::string_view fourteen_digits) {
    if (fourteen_digits.size() != 14 || !is_all_digits(fourteen_digits)) return false;
    if (!is_valid_siren(fourteen_digits.substr(0, 9))) return false;
    // La Poste numbers its many establishments outside the Luhn scheme (INSEE's exception).
    const bool la_poste_rule =
        fourteen_digits.starts_with(kLaPosteSiren) && digit_sum(fourteen_digits) % 5 == 0;
    return passes_luhn(fourteen_digits) || la_poste_rule;
}

CompanyId parse_company_id(std::string_view text, Party whose) {
    const std::string digits = without_spaces(text);
    if (!is_all_digits(digits) || (digits.size() != 9 && digits.size() != 14)) {
        refuse("invalid SIREN or SIRET " + quoted(text) +
               ": use the 9-digit SIREN or the 14-digit SIRET");
    }
    const std::string siren = digits.substr(0, 9);
    if (!is_valid_siren(siren)) {
        if (digits.size() == 9) refuse(luhn_refusal("SIREN", text, whose));
        refuse("invalid SIRET " + quoted(text) + ": its SIREN " + siren + " has a wrong check digit (Luhn); " +
               std::string(company_id_source(whose)));
    }
    if (digits.size() == 9) return CompanyId{siren, {}};
    if (!is_valid_siret(digits)) refuse(luhn_refusal("SIRET", text, whose));
    return CompanyId{siren, digits};
}

std::string normalize_vat_id(std::string_view text, Party whose) {
    // Dots group digits as spaces do (Belgium writes BE0412.345.614): both go.
    std::string vat = to_upper(without_spaces(text));
    vat.erase(std::remove(vat.begin(), vat.end(), '.'), vat.end());
    const std::string_view prefix = std::string_view(vat).substr(0, 2);
    if (vat.size() < 4 || vat.size() > 14) {
        refuse("invalid VAT number " + quoted(text) +
               ": use a country prefix and 2 to 12 letters or digits, such as FR40303265045");
    }
    if (!contains(kVatPrefixes, prefix)) {
        refuse("invalid VAT number " + quoted(text) + ": " + quoted(prefix) +
               " is not an EU VAT prefix" + std::string(vat_prefix_hint(prefix)));
    }
    const bool alphanumeric =
        std::all_of(vat.begin() + 2, vat.end(), [](char c) { return is_upper(c) || is_digit(c); });
    if (!alphanumeric) {
        refuse("invalid VAT number " + quoted(text) +
               ": after the country prefix use only letters and digits");
    }
    if (prefix == "FR") require_french_vat(text, vat, whose);
    return vat;
}

void require_email(std::string_view text) {
    const std::string problem = email_problem(text);
    if (problem.empty()) return;
    refuse("invalid email " + quoted(text) + ": " + problem);
}

std::string normalize_currency(std::string_view text) {
    std::string code = to_upper(text);
    if (find_currency(code) == nullptr) {
        refuse("unknown currency " + quoted(text) + ": use an ISO 4217 code such as EUR, USD, GBP");
    }
    return code;
}

int currency_minor_digits(std::string_view code) {
    const CurrencyInfo* info = find_currency(to_upper(code));
    if (info == nullptr) {
        refuse("unknown currency " + quoted(code) + ": use an ISO 4217 code such as EUR, USD, GBP");
    }
    return info->minor_digits;
}

std::string normalize_country(std::string_view text) {
    std::string code = to_upper(text);
    if (contains(kCountries, code)) return code;
    refuse("unknown country " + quoted(text) +
           ": use an ISO 3166-1 alpha-2 code such as FR, BE, DE" + std::string(country_hint(code)));
}

bool is_eu_country(std::string_view alpha2) {
    return contains(kEuCountries, to_upper(alpha2));
}

std::string normalize_language(std::string_view text) {
    std::string language = to_lower(text);
    if (language == "fr" || language == "en") return language;
    refuse("unknown language " + quoted(text) + ": use fr or en");
}

}  // namespace slash::domain
