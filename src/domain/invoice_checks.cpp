#include "slash/domain/invoice_checks.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"

namespace slash::domain {

namespace {

// The prefix of an EU VAT number: the country code, but EL for Greece.
std::string vat_prefix_of(const std::string& country) { return country == "GR" ? "EL" : country; }

using Items = std::vector<std::string>;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A name of only spaces prints as nothing: the law asks for the mention, not the field.
bool blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), is_space);
}

bool blank(const std::vector<std::string>& lines) {
    return std::all_of(lines.begin(), lines.end(),
                       [](const std::string& line) { return blank(line); });
}

char to_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char to_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// Lower-cased, with '-' read as a space and spaces dropped, so that a mention is recognised
// however the user typed it: "293 B", "293B", "reverse-charge", "Reverse charge".
std::string folded(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        out.push_back(to_lower(c));
    }
    return out;
}

bool mentions(std::string_view text, std::string_view folded_needle) {
    return folded(text).find(folded_needle) != std::string::npos;
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (!is_space(c)) out.push_back(c);
    }
    return out;
}

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), to_upper);
    return out;
}

// Days since the epoch for a strict YYYY-MM-DD, nullopt for anything else: the invoice
// prints the date as given, so "2026-2-3" or "2026-02-30" must not slip through.
std::optional<std::int64_t> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    const CivilDate date{number(0, 4), number(5, 2), number(8, 2)};
    if (!is_valid_date(date)) return std::nullopt;
    return days_from_civil(date);
}

// The validators of identifiers.hpp throw on a bad value; here a bad value is one more item.
template <typename Check>
bool passes(Check&& check) {
    try {
        check();
        return true;
    } catch (const Error&) {
        return false;
    }
}

// Where the user fixes a party's identity.
struct Fixes {
    std::string_view party;   // "seller" | "buyer"
    std::string_view siren;   // "slash config set seller.siren ..."
    std::string_view siret;   // "slash config set seller.siret ..."
    std::string_view vat_id;  // "slash config set seller.vat_id ..."
};

constexpr Fixes kSellerFixes{"seller", "slash config set seller.siren ...",
                             "slash config set seller.siret ...",
                             "slash config set seller.vat_id ..."};
constexpr Fixes kBuyerFixes{"buyer", "slash client edit CLIENT --siren ...",
                            "slash client edit CLIENT --siret ...",
                            "slash client edit CLIENT --vat-id ..."};

std::string join(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (const auto part : parts) out += part;
    return out;
}

// A SIREN or a SIRET, Luhn-valid, and the same company when both are given. `missing` is
// pushed when neither is given and one is required.
void check_company_id(Items& out, const Fixes& fix, std::string_view siren_text,
                      std::string_view siret_text, const std::optional<std::string>& missing) {
    const std::string siren = without_spaces(siren_text);
    const std::string siret = without_spaces(siret_text);
    if (siren.empty() && siret.empty()) {
        if (missing) out.push_back(*missing);
        return;
    }
    const bool siren_ok = !siren.empty() && is_valid_siren(siren);
    const bool siret_ok = !siret.empty() && is_valid_siret(siret);
    if (!siren.empty() && !siren_ok) {
        out.push_back(
            join({fix.party, " SIREN is not valid (9 digits, Luhn check digit: ", fix.siren, ")"}));
    }
    if (!siret.empty() && !siret_ok) {
        out.push_back(join(
            {fix.party, " SIRET is not valid (14 digits, Luhn check digit: ", fix.siret, ")"}));
    }
    if (siren_ok && siret_ok && siret.compare(0, 9, siren) != 0) {
        out.push_back(
            join({fix.party, " SIRET is not an establishment of its SIREN (", fix.siret, ")"}));
    }
}

// `why` says which rule asks for it: "required under the standard regime".
void check_vat_id(Items& out, const Fixes& fix, std::string_view vat_id, std::string_view why) {
    if (blank(vat_id)) {
        out.push_back(join({fix.party, " VAT id (", why, ": ", fix.vat_id, ")"}));
    } else if (!passes([&] { (void)normalize_vat_id(vat_id, Party::Client); })) {
        out.push_back(join({fix.party, " VAT id is not a valid EU VAT number (", fix.vat_id, ")"}));
    }
}

void check_seller(Items& out, const IssueCandidate& invoice) {
    const SellerIdentity& seller = invoice.seller;
    if (blank(seller.name))
        out.emplace_back("seller name ([seller] name: slash config set seller.name ...)");
    if (blank(seller.address)) {
        out.emplace_back("seller address ([seller] address: slash config set seller.address ...)");
    }
    check_company_id(out, kSellerFixes, seller.siren, seller.siret,
                     "seller SIREN or SIRET (slash config set seller.siren ...)");
    // The email is the seller's electronic address (BT-34), mandatory for e-invoicing.
    if (blank(seller.email)) {
        out.emplace_back(
            "seller email, the e-invoicing address (slash config set seller.email ...)");
    } else if (!passes([&] { require_email(seller.email); })) {
        out.emplace_back("seller email is not a valid address (slash config set seller.email ...)");
    }
    if (invoice.vat_regime == "standard") {
        check_vat_id(out, kSellerFixes, seller.vat_id, "required under the standard regime");
    } else if (invoice.vat_regime == "reverse-charge") {
        // CGI art. 286 ter: even under the franchise, services taxed in another member state
        // need an intra-EU number, which the SIE gives on request.
        if (blank(seller.vat_id)) {
            out.emplace_back(
                "seller VAT id (required for reverse charge, even under the franchise: ask your SIE, the "
                "service des impôts des entreprises, for an intra-EU VAT number, then slash config set "
                "seller.vat_id ...)");
        } else {
            check_vat_id(out, kSellerFixes, seller.vat_id, "required for reverse charge");
        }
    }
    // Export needs none: without it the invoice is "outside the scope" (EN 16931 O).
}

void check_buyer(Items& out, const IssueCandidate& invoice) {
    const BuyerIdentity& buyer = invoice.buyer;
    // A slash client defaults to FR: an unknown country asks for the French mentions.
    const std::string country =
        blank(buyer.country) ? std::string("FR") : upper(without_spaces(buyer.country));
    if (blank(buyer.name)) out.emplace_back("buyer name (slash client edit CLIENT --name ...)");
    if (blank(buyer.address))
        out.emplace_back("buyer address (slash client edit CLIENT --address ...)");
    // The buyer's electronic address (BT-49, BR-FR-12): its email, else its SIREN in the
    // French directory.
    if (blank(buyer.email) && blank(buyer.siren) && blank(buyer.siret)) {
        out.emplace_back("buyer email, the e-invoicing address (slash client edit CLIENT --email ...)");
    }
    // The SIREN of the buyer is mandatory only for French businesses (Code de commerce
    // L441-9, since 2022); a SIREN given for anyone else must still be a real one.
    std::optional<std::string> siren_missing;
    if (buyer.business && country == "FR") {
        siren_missing =
            "buyer SIREN for a French business client (slash client edit CLIENT --siren ...)";
    }
    check_company_id(out, kBuyerFixes, buyer.siren, buyer.siret, siren_missing);
    if (invoice.vat_regime == "reverse-charge") {
        // Intra-EU reverse charge (CGI art. 283-2) exists only between VAT-registered
        // businesses of two member states; the buyer's number is mandatory on the invoice.
        auto items_before = out.size();
        check_vat_id(out, kBuyerFixes, buyer.vat_id, "required for reverse charge");
        bool vat_id_valid = out.size() == items_before;
        std::string reason;
        if (!buyer.business) {
            reason = "an individual";
        } else if (country == "FR") {
            reason = "in France";
        } else if (!is_eu_country(country)) {
            reason = "in " + country + ", outside the EU";
        }
        if (!reason.empty()) {
            out.push_back(
                "buyer for reverse charge: it must be a business in an EU country other than "
                "France, and this client is " +
                reason + " (use another VAT regime for it)");
        } else if (vat_id_valid && buyer.vat_id.substr(0, 2) != vat_prefix_of(country)) {
            // The number must be the one the buyer's own member state gave it.
            out.push_back("buyer VAT id " + buyer.vat_id + " for reverse charge: it must be a number of " +
                          country + ", the client's country, starting with " + vat_prefix_of(country) +
                          " (slash client edit CLIENT --vat-id ...)");
        }
    }
    if (invoice.vat_regime == "export" && (country == "FR" || is_eu_country(country))) {
        // Services are outside the scope of French VAT (CGI art. 259-1) only for a client
        // established outside the EU.
        out.push_back("buyer for export: it must be a client outside the EU, and this client is in " + country +
                      " (use another VAT regime for it, or slash client edit CLIENT --country ...)");
    }
}

void check_dates(Items& out, const IssueCandidate& invoice) {
    const auto issue = parse_date(invoice.issue_date);
    if (blank(invoice.issue_date)) {
        out.emplace_back("issue date");
    } else if (!issue) {
        out.emplace_back("issue date is not a date (YYYY-MM-DD)");
    }
    const auto due = parse_date(invoice.due_date);
    if (blank(invoice.due_date)) {
        out.emplace_back("due date");
    } else if (!due) {
        out.emplace_back("due date is not a date (YYYY-MM-DD)");
    } else if (issue && *due < *issue) {
        out.emplace_back(
            "due date is before the issue date ([invoice] due_days or slash client edit CLIENT "
            "--terms ...)");
    }
    const auto from = parse_date(invoice.period_from);
    const auto to = parse_date(invoice.period_to);
    if (blank(invoice.period_from) || blank(invoice.period_to)) {
        out.emplace_back("service period");
    } else if (!from || !to) {
        out.emplace_back("service period is not two dates (YYYY-MM-DD)");
    } else if (*to < *from) {
        out.emplace_back("service period ends before it starts");
    }
}

void check_currency(Items& out, const IssueCandidate& invoice) {
    if (blank(invoice.currency)) {
        out.emplace_back("currency (slash client edit CLIENT --currency ...)");
    } else if (!passes([&] { (void)normalize_currency(invoice.currency); })) {
        out.emplace_back(
            "currency is not an ISO 4217 code (slash client edit CLIENT --currency ...)");
    }
}

void check_lines(Items& out, const IssueCandidate& invoice) {
    if (invoice.lines.empty()) {
        out.emplace_back("at least one line (nothing to bill)");
        return;
    }
    for (std::size_t i = 0; i < invoice.lines.size(); ++i) {
        const IssueLine& line = invoice.lines[i];
        const std::string name = "line " + std::to_string(i + 1);
        if (blank(line.description)) out.push_back(name + " description");
        if (line.quantity_milli == 0) out.push_back(name + " quantity");
        // A zero price is a forgotten rate, not a gift: discounts are negative lines.
        if (line.unit_price_minor == 0) out.push_back(name + " unit price");
        // EN 16931 BT-130 is mandatory: without it the CII fails the schematron.
        if (blank(line.unit_code))
            out.push_back(name + " unit of measure code (UN/ECE Rec. 20, e.g. HUR, DAY, C62)");
    }
}

void check_vat(Items& out, const IssueCandidate& invoice) {
    const std::string& regime = invoice.vat_regime;
    if (regime == "franchise") {
        // CGI art. 293 B: without VAT the invoice must say why, citing the article.
        if (!mentions(invoice.vat_mention, "293b")) {
            out.emplace_back(
                "VAT mention for the franchise ([tax] regime franchise needs \"TVA non applicable, "
                "art. 293 B du "
                "CGI\")");
        }
    } else if (regime == "reverse-charge") {
        // CGI art. 242 nonies A and directive 2006/112/EC art. 226: "Autoliquidation".
        if (!mentions(invoice.vat_mention, "autoliquidation") &&
            !mentions(invoice.vat_mention, "reversecharge")) {
            out.emplace_back(
                "VAT mention for reverse charge ([tax] regime reverse-charge needs "
                "\"Autoliquidation\")");
        }
    } else if (regime != "standard" && regime != "export") {
        out.emplace_back(
            "VAT regime ([tax] regime: franchise, standard, reverse-charge or export)");
    }
}

void check_payment_mentions(Items& out, const IssueCandidate& invoice) {
    // Code de commerce L441-9 and L441-10: penalties and the 40 EUR indemnity apply between
    // professionals only; the discount statement is asked for on every invoice.
    if (invoice.buyer.business) {
        if (blank(invoice.penalty_text))
            out.emplace_back("late-payment penalty text ([invoice] penalty_text)");
        if (blank(invoice.indemnity_text)) {
            out.emplace_back("40 EUR recovery indemnity text ([invoice] indemnity_text)");
        }
    }
    if (blank(invoice.discount_text))
        out.emplace_back("early-payment discount statement ([invoice] discount_text)");
}

}  // namespace

std::vector<std::string> missing_for_issue(const IssueCandidate& invoice) {
    Items out;
    check_seller(out, invoice);
    check_buyer(out, invoice);
    check_dates(out, invoice);
    check_currency(out, invoice);
    check_lines(out, invoice);
    check_vat(out, invoice);
    check_payment_mentions(out, invoice);
    return out;
}

const LegalTexts& default_legal_texts(std::string_view language) {
    static const LegalTexts french{
        "TVA non applicable, art. 293 B du CGI",
        "Autoliquidation",
        "En cas de retard de paiement, des pénalités au taux égal à trois fois le taux d'intérêt "
        "légal sont "
        "exigibles (art. L441-10 du Code de commerce).",
        "Une indemnité forfaitaire de 40 € pour frais de recouvrement est due en cas de retard de "
        "paiement "
        "(art. L441-10 et D441-5 du Code de commerce).",
        "Pas d'escompte pour paiement anticipé.",
        "TVA non applicable, art. 259-1 du CGI",
    };
    static const LegalTexts english{
        "VAT not applicable, art. 293 B of the French General Tax Code (CGI)",
        "Reverse charge (Autoliquidation)",
        "In case of late payment, penalties at three times the French legal interest rate are due "
        "(art. L441-10 of the French Commercial Code).",
        "A fixed indemnity of €40 for recovery costs is due in case of late payment "
        "(art. L441-10 and D441-5 of the French Commercial Code).",
        "No discount for early payment.",
        "VAT not applicable, art. 259-1 of the French General Tax Code (CGI)",
    };
    return normalize_language(language) == "fr" ? french : english;
}

}  // namespace slash::domain
