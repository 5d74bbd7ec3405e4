#pragma once

#include <string>
#include <string_view>

namespace slash::domain {

/// True for a handle: lower-case `[a-z0-9][a-z0-9._-]{0,31}` (docs/contract.md §1). Handles are
/// typed on the command line and used in `client/mission`, hence no '/' and no upper case.
[[nodiscard]] bool is_valid_handle(std::string_view text);

/// Throws Error(Usage) unless `text` is a valid handle; `what` names it in the message:
/// `invalid client handle "Acme": use 1-32 lower-case letters, digits, '.', '_' or '-',
/// starting with a letter or digit`.
void require_handle(std::string_view text, std::string_view what);

/// The handle a name from another tool becomes ("Acme Corp" -> "acme-corp", "Refonte du
/// site" -> "refonte-du-site", "Café Été" -> "cafe-ete"): ASCII letters lower-cased, Latin
/// letters with diacritics folded to their base letter (œ -> oe, ß -> ss), digits, '.',
/// '_' and '-' kept, every other run of characters one '-', no leading or trailing
/// separator, cut to 32 characters. Empty when nothing usable is left ("???", "東京").
/// A name that is a valid handle already comes back unchanged ("acme--corp", "web.").
[[nodiscard]] std::string handle_from_name(std::string_view name);

/// Whose identifier is checked: the hint of a refusal says where that party's number is
/// written (yours on your INSEE certificate, a client's on their invoices).
enum class Party { Seller, Client };

/// A French company identity. The SIREN names the company; the SIRET (SIREN + 5-digit NIC)
/// one of its establishments.
struct CompanyId {
    std::string siren;  ///< 9 digits
    std::string siret;  ///< 14 digits, or empty when only a SIREN was given
};

/// Accepts a 9-digit SIREN or a 14-digit SIRET, ignoring spaces (ASCII, no-break and thin),
/// and checks the Luhn keys of both the SIRET and the SIREN inside it (La Poste's
/// establishments, SIREN 356000000, also pass when their digit sum is a multiple of 5).
/// Throws Error(Usage) naming the value, e.g. `invalid SIREN "123456789": the check digit
/// is wrong (Luhn); check the number on your INSEE certificate` (for the seller).
[[nodiscard]] CompanyId parse_company_id(std::string_view text, Party whose);

/// True when `nine_digits` is 9 ASCII digits passing the Luhn check.
[[nodiscard]] bool is_valid_siren(std::string_view nine_digits);

/// True when `fourteen_digits` is 14 ASCII digits whose SIREN part is valid and which pass
/// the Luhn check, or the La Poste rule (prefix 356000000, digit sum a multiple of 5).
[[nodiscard]] bool is_valid_siret(std::string_view fourteen_digits);

/// Normalizes an intra-EU VAT number: spaces and dots removed (Belgians write
/// BE0412.345.614), upper-cased. The prefix must be an EU
/// VAT prefix (member states, with EL for Greece, plus XI for Northern Ireland) followed by
/// 2 to 12 letters or digits. A French number is FR + 2-character key + 9-digit SIREN and,
/// when the key is numeric, key == (12 + 3 * (siren % 97)) % 97. Throws Error(Usage)
/// naming the value and the rule it breaks.
[[nodiscard]] std::string normalize_vat_id(std::string_view text, Party whose);

/// Throws Error(Usage) unless `text` looks like local@domain.tld: one '@', a non-empty
/// local part, a domain of non-empty dot-separated labels with at least one dot, no spaces
/// or control characters, at most 254 characters. Deliverability is not our business.
void require_email(std::string_view text);

/// Upper-cases `text` and checks it against the active ISO 4217 codes (list one, funds and
/// special codes included). Throws Error(Usage): `unknown currency "EUX": use an ISO 4217
/// code such as EUR, USD, GBP`.
[[nodiscard]] std::string normalize_currency(std::string_view text);

/// The number of minor-unit digits of an active ISO 4217 code (EUR 2, JPY 0, KWD 3,
/// CLF 4); 0 for the codes ISO lists as "N.A." (XAU, XDR, XXX...). Case-insensitive.
/// Throws Error(Usage) for an unknown code.
[[nodiscard]] int currency_minor_digits(std::string_view code);

/// Upper-cases `text` and checks it against the ISO 3166-1 alpha-2 codes. Throws
/// Error(Usage) naming the value.
[[nodiscard]] std::string normalize_country(std::string_view text);

/// True for the 27 EU member states, by ISO 3166-1 alpha-2 code (GR for Greece, not the VAT
/// prefix EL); case-insensitive.
[[nodiscard]] bool is_eu_country(std::string_view alpha2);

/// "fr" or "en", case-insensitive, returned lower-case: the languages invoices are printed
/// in. Throws Error(Usage): `unknown language "de": use fr or en`.
[[nodiscard]] std::string normalize_language(std::string_view text);

}  // namespace slash::domain
