#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// The legal completeness check of `slash invoice issue` (docs/contract.md §5): an invoice is only
/// issued, and so frozen forever, once it carries every mention French law (CGI art. 242
/// nonies A, Code de commerce L441-9 to L441-10) and EN 16931 ask for. The check lists every
/// missing item at once so that the user can fix them all in one go.
namespace slash::domain {

/// The seller as frozen into the invoice: the `[seller]` config section. Identifiers are
/// expected normalized (digits only, upper-case VAT id), as the config layer stores them.
struct SellerIdentity {
    std::string name;        ///< legal name; the documents print "EI" after it
    std::string trade_name;  ///< optional
    std::vector<std::string> address;
    std::string country;
    std::string siren;  ///< 9 digits, or empty when a SIRET is given
    std::string siret;  ///< 14 digits, or empty when a SIREN is given
    std::string vat_id;
    std::string email;  ///< also the electronic address (EN 16931 BT-34)
    std::string iban;
    std::string bic;
};

/// The buyer as frozen into the invoice: the client record.
struct BuyerIdentity {
    std::string name;
    std::vector<std::string> address;
    std::string country;  ///< ISO 3166-1 alpha-2; empty is read as FR, the stricter case
    std::string siren;
    std::string siret;
    std::string vat_id;
    std::string email;
    bool business = true;  ///< false for an individual (client kind "individual")
};

/// One invoice line.
struct IssueLine {
    std::string description;
    std::int64_t quantity_milli = 0;    ///< quantity × 1000; negative for a credit line
    std::int64_t unit_price_minor = 0;  ///< negative for a discount
    std::string unit_code;              ///< UN/ECE Recommendation 20: HUR, DAY, C62...
};

/// Everything the check needs to know about an invoice about to be issued. Texts are the
/// ones that will be printed: the caller has already put in the defaults
/// (default_legal_texts) where the config leaves them empty.
struct IssueCandidate {
    SellerIdentity seller;
    BuyerIdentity buyer;
    std::string issue_date;   ///< YYYY-MM-DD, empty when unknown
    std::string due_date;     ///< YYYY-MM-DD, empty when unknown
    std::string period_from;  ///< service period, YYYY-MM-DD
    std::string period_to;    ///< service period, YYYY-MM-DD
    std::vector<IssueLine> lines;
    std::string vat_regime;      ///< franchise | standard | reverse-charge | export
    std::string vat_mention;     ///< "TVA non applicable, art. 293 B du CGI", "Autoliquidation"
    std::string penalty_text;    ///< late-payment penalties (business buyers)
    std::string indemnity_text;  ///< 40 EUR fixed recovery indemnity (business buyers)
    std::string discount_text;   ///< early-payment discount statement (always)
    std::string currency;        ///< ISO 4217
};

/// Every item the invoice lacks, as short phrases a user can act on, each naming where to
/// fix it when that place is fixed ("seller name ([seller] name: slash config set
/// seller.name ...)", "buyer address (slash client edit CLIENT --address ...)", "line 2
/// description", "due date is before the issue date"...). Empty when it can be issued.
///
/// The order is stable: seller, buyer, dates, currency, lines, VAT, payment mentions; lines
/// in their order, 1-based. Rules:
/// - seller: name, address, a SIREN or SIRET passing the Luhn check (and agreeing with each
///   other when both are given), a valid email (the e-invoicing address), a valid VAT id
///   under the standard and reverse-charge regimes;
/// - buyer: name, address; a valid SIREN or SIRET for a French (FR or unknown country)
///   business; under reverse charge, a valid VAT id and a business in an EU country other
///   than France;
/// - issue date, due date (a date, not before the issue date), service period (two dates,
///   the end not before the start);
/// - a valid ISO 4217 currency;
/// - at least one line, and for each its description, a non-zero quantity, a non-zero unit
///   price and a unit code;
/// - a known VAT regime; the "art. 293 B" mention under the franchise and the
///   "Autoliquidation" / "reverse charge" mention under reverse charge;
/// - for business buyers the late-payment penalty and 40 EUR indemnity texts; always the
///   early-payment discount statement.
[[nodiscard]] std::vector<std::string> missing_for_issue(const IssueCandidate& invoice);

/// The default legal sentences printed when `[invoice] penalty_text` and the like are empty.
struct LegalTexts {
    std::string vat_franchise;
    std::string reverse_charge;
    std::string penalties;
    std::string indemnity;
    std::string no_discount;
    /// Services to a client outside the EU: the place of supply is not in France (CGI art.
    /// 259-1), so no French VAT is charged.
    std::string export_services;
};

/// The defaults in "fr" or "en" (case-insensitive). Throws Error(Usage) for another
/// language: `unknown language "de": use fr or en`.
[[nodiscard]] const LegalTexts& default_legal_texts(std::string_view language);

}  // namespace slash::domain
