#include "slash/domain/invoice_checks.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"

using slash::domain::default_legal_texts;
using slash::domain::IssueCandidate;
using slash::domain::IssueLine;
using slash::domain::missing_for_issue;

namespace {

using Items = std::vector<std::string>;

// A French business client billed under the standard regime: the case that asks the most
// of the seller (VAT id) and of the buyer (SIREN, penalty and indemnity texts).
IssueCandidate complete_invoice() {
    IssueCandidate invoice;
    invoice.seller.name = "Camille Martin";
    invoice.seller.address = {"12 rue des Lilas", "75011 Paris"};
    invoice.seller.country = "FR";
    invoice.seller.siren = "732829320";
    invoice.seller.siret = "73282932000074";
    invoice.seller.vat_id = "FR44732829320";
    invoice.seller.email = "camille@example.fr";
    invoice.buyer.name = "Acme SAS";
    invoice.buyer.address = {"1 avenue de France", "69002 Lyon"};
    invoice.buyer.country = "FR";
    invoice.buyer.siren = "552100554";
    invoice.buyer.email = "ap@acme.example";
    invoice.buyer.business = true;
    invoice.issue_date = "2026-11-30";
    invoice.due_date = "2026-12-30";
    invoice.period_from = "2026-11-01";
    invoice.period_to = "2026-11-30";
    invoice.lines = {
        IssueLine{"Développement, novembre 2026", 7500, 6500, "HUR"},
        IssueLine{"Audit, 2026-11-03 to 2026-11-04", 2000, 50000, "DAY"},
    };
    invoice.vat_regime = "standard";
    const auto& texts = default_legal_texts("fr");
    invoice.penalty_text = texts.penalties;
    invoice.indemnity_text = texts.indemnity;
    invoice.discount_text = texts.no_discount;
    invoice.currency = "EUR";
    return invoice;
}

IssueCandidate franchise_invoice() {
    IssueCandidate invoice = complete_invoice();
    invoice.vat_regime = "franchise";
    invoice.vat_mention = default_legal_texts("fr").vat_franchise;
    invoice.seller.vat_id.clear();  // no VAT number under the franchise
    return invoice;
}

// Intra-EU services to a German business.
IssueCandidate reverse_charge_invoice() {
    IssueCandidate invoice = complete_invoice();
    invoice.vat_regime = "reverse-charge";
    invoice.vat_mention = default_legal_texts("fr").reverse_charge;
    invoice.buyer.country = "DE";
    invoice.buyer.siren.clear();
    invoice.buyer.vat_id = "DE123456789";
    return invoice;
}

struct RuleCase {
    const char* name;
    std::function<IssueCandidate()> invoice;
    std::string expected;
};

template <typename Change>
std::function<IssueCandidate()> from(IssueCandidate (*base)(), Change change) {
    return [base, change] {
        IssueCandidate invoice = base();
        change(invoice);
        return invoice;
    };
}

}  // namespace

TEST_SUITE("domain/invoice_checks") {
    TEST_CASE("domain/invoice_checks: a complete invoice can be issued, under every regime") {
        CHECK(missing_for_issue(complete_invoice()).empty());
        CHECK(missing_for_issue(franchise_invoice()).empty());
        CHECK(missing_for_issue(reverse_charge_invoice()).empty());

        IssueCandidate exported = complete_invoice();
        exported.vat_regime = "export";
        exported.buyer.country = "US";
        exported.buyer.siren.clear();
        CHECK(missing_for_issue(exported).empty());
        // Export needs no seller VAT id: the franchise invoices clients outside the EU without
        // one (its CII then says O, outside the scope, rather than G).
        exported.seller.vat_id.clear();
        CHECK(missing_for_issue(exported).empty());

        IssueCandidate siret_only = complete_invoice();
        siret_only.seller.siren.clear();
        CHECK(missing_for_issue(siret_only).empty());
    }

    TEST_CASE("domain/invoice_checks: each rule broken alone gives exactly its item") {
        using I = IssueCandidate&;
        const auto complete = &complete_invoice;
        const std::vector<RuleCase> cases{
            {"seller name", from(complete, [](I i) { i.seller.name = "  "; }),
             "seller name ([seller] name: slash config set seller.name ...)"},
            {"seller address", from(complete, [](I i) { i.seller.address.clear(); }),
             "seller address ([seller] address: slash config set seller.address ...)"},
            {"seller blank address",
             from(complete,
                  [](I i) {
                      i.seller.address = {"", " "};
                  }),
             "seller address ([seller] address: slash config set seller.address ...)"},
            {"seller SIREN",
             from(complete,
                  [](I i) {
                      i.seller.siren.clear();
                      i.seller.siret.clear();
                  }),
             "seller SIREN or SIRET (slash config set seller.siren ...)"},
            {"seller SIREN Luhn", from(complete, [](I i) { i.seller.siren = "732829321"; }),
             "seller SIREN is not valid (9 digits, Luhn check digit: slash config set seller.siren "
             "...)"},
            {"seller SIREN length", from(complete, [](I i) { i.seller.siren = "73282932"; }),
             "seller SIREN is not valid (9 digits, Luhn check digit: slash config set seller.siren "
             "...)"},
            {"seller SIRET Luhn", from(complete, [](I i) { i.seller.siret = "73282932000075"; }),
             "seller SIRET is not valid (14 digits, Luhn check digit: slash config set "
             "seller.siret ...)"},
            {"seller SIRET of another SIREN",
             from(complete, [](I i) { i.seller.siren = "552100554"; }),
             "seller SIRET is not an establishment of its SIREN (slash config set seller.siret "
             "...)"},
            {"seller email", from(complete, [](I i) { i.seller.email.clear(); }),
             "seller email, the e-invoicing address (slash config set seller.email ...)"},
            {"seller bad email", from(complete, [](I i) { i.seller.email = "camille@"; }),
             "seller email is not a valid address (slash config set seller.email ...)"},
            {"seller VAT id standard", from(complete, [](I i) { i.seller.vat_id.clear(); }),
             "seller VAT id (required under the standard regime: slash config set seller.vat_id "
             "...)"},
            {"seller bad VAT id", from(complete, [](I i) { i.seller.vat_id = "FR00732829320"; }),
             "seller VAT id is not a valid EU VAT number (slash config set seller.vat_id ...)"},
            {"seller VAT id reverse charge",
             from(&reverse_charge_invoice, [](I i) { i.seller.vat_id.clear(); }),
             "seller VAT id (required for reverse charge, even under the franchise: ask your SIE, the service "
             "des impôts des entreprises, for an intra-EU VAT number, then slash config set seller.vat_id ...)"},
            {"buyer name", from(complete, [](I i) { i.buyer.name.clear(); }),
             "buyer name (slash client edit CLIENT --name ...)"},
            {"buyer address", from(complete, [](I i) { i.buyer.address.clear(); }),
             "buyer address (slash client edit CLIENT --address ...)"},
            {"buyer SIREN", from(complete, [](I i) { i.buyer.siren.clear(); }),
             "buyer SIREN for a French business client (slash client edit CLIENT --siren ...)"},
            {"buyer SIREN unknown country",
             from(complete,
                  [](I i) {
                      i.buyer.siren.clear();
                      i.buyer.country.clear();
                  }),
             "buyer SIREN for a French business client (slash client edit CLIENT --siren ...)"},
            {"buyer SIREN Luhn", from(complete, [](I i) { i.buyer.siren = "552100555"; }),
             "buyer SIREN is not valid (9 digits, Luhn check digit: slash client edit CLIENT "
             "--siren ...)"},
            {"buyer VAT id", from(&reverse_charge_invoice, [](I i) { i.buyer.vat_id.clear(); }),
             "buyer VAT id (required for reverse charge: slash client edit CLIENT --vat-id ...)"},
            {"buyer bad VAT id",
             from(&reverse_charge_invoice, [](I i) { i.buyer.vat_id = "US123456789"; }),
             "buyer VAT id is not a valid EU VAT number (slash client edit CLIENT --vat-id ...)"},
            {"reverse charge to an individual",
             from(&reverse_charge_invoice, [](I i) { i.buyer.business = false; }),
             "buyer for reverse charge: it must be a business in an EU country other than France, "
             "and this "
             "client is an individual (use another VAT regime for it)"},
            {"buyer electronic address",
             from(&reverse_charge_invoice, [](I i) { i.buyer.email.clear(); }),
             "buyer email, the e-invoicing address (slash client edit CLIENT --email ...)"},
            {"reverse charge with another country's VAT id",
             from(&reverse_charge_invoice, [](I i) { i.buyer.vat_id = "FR40303265045"; }),
             "buyer VAT id FR40303265045 for reverse charge: it must be a number of DE, the client's country, "
             "starting with DE (slash client edit CLIENT --vat-id ...)"},
            {"export to an EU client",
             from(complete, [](I i) {
                 i.vat_regime = "export";
                 i.vat_mention.clear();
                 i.buyer.country = "BE";
                 i.buyer.siren.clear();
             }),
             "buyer for export: it must be a client outside the EU, and this client is in BE (use another VAT "
             "regime for it, or slash client edit CLIENT --country ...)"},
            {"reverse charge outside the EU",
             from(&reverse_charge_invoice, [](I i) { i.buyer.country = "ch"; }),
             "buyer for reverse charge: it must be a business in an EU country other than France, "
             "and this "
             "client is in CH, outside the EU (use another VAT regime for it)"},
            {"issue date", from(complete, [](I i) { i.issue_date.clear(); }), "issue date"},
            {"issue date not a date", from(complete, [](I i) { i.issue_date = "2026-02-30"; }),
             "issue date is not a date (YYYY-MM-DD)"},
            {"due date", from(complete, [](I i) { i.due_date.clear(); }), "due date"},
            {"due date not a date", from(complete, [](I i) { i.due_date = "30 days"; }),
             "due date is not a date (YYYY-MM-DD)"},
            {"due date before issue date", from(complete, [](I i) { i.due_date = "2026-11-29"; }),
             "due date is before the issue date ([invoice] due_days or slash client edit CLIENT "
             "--terms ...)"},
            {"service period start", from(complete, [](I i) { i.period_from.clear(); }),
             "service period"},
            {"service period end", from(complete, [](I i) { i.period_to.clear(); }),
             "service period"},
            {"service period not dates", from(complete, [](I i) { i.period_to = "2026-11-3"; }),
             "service period is not two dates (YYYY-MM-DD)"},
            {"service period reversed", from(complete, [](I i) { i.period_from = "2026-12-01"; }),
             "service period ends before it starts"},
            {"currency", from(complete, [](I i) { i.currency.clear(); }),
             "currency (slash client edit CLIENT --currency ...)"},
            {"unknown currency", from(complete, [](I i) { i.currency = "EUX"; }),
             "currency is not an ISO 4217 code (slash client edit CLIENT --currency ...)"},
            {"no line", from(complete, [](I i) { i.lines.clear(); }),
             "at least one line (nothing to bill)"},
            {"line description", from(complete, [](I i) { i.lines[1].description = " "; }),
             "line 2 description"},
            {"line quantity", from(complete, [](I i) { i.lines[0].quantity_milli = 0; }),
             "line 1 quantity"},
            {"line unit price", from(complete, [](I i) { i.lines[1].unit_price_minor = 0; }),
             "line 2 unit price"},
            {"line unit code", from(complete, [](I i) { i.lines[0].unit_code.clear(); }),
             "line 1 unit of measure code (UN/ECE Rec. 20, e.g. HUR, DAY, C62)"},
            {"VAT regime", from(complete, [](I i) { i.vat_regime.clear(); }),
             "VAT regime ([tax] regime: franchise, standard, reverse-charge or export)"},
            {"unknown VAT regime", from(complete, [](I i) { i.vat_regime = "exempt"; }),
             "VAT regime ([tax] regime: franchise, standard, reverse-charge or export)"},
            {"franchise mention", from(&franchise_invoice, [](I i) { i.vat_mention.clear(); }),
             "VAT mention for the franchise ([tax] regime franchise needs \"TVA non applicable, "
             "art. 293 B du "
             "CGI\")"},
            {"franchise mention without the article",
             from(&franchise_invoice, [](I i) { i.vat_mention = "TVA non applicable"; }),
             "VAT mention for the franchise ([tax] regime franchise needs \"TVA non applicable, "
             "art. 293 B du "
             "CGI\")"},
            {"reverse charge mention",
             from(&reverse_charge_invoice, [](I i) { i.vat_mention = "Exonéré"; }),
             "VAT mention for reverse charge ([tax] regime reverse-charge needs "
             "\"Autoliquidation\")"},
            {"penalty text", from(complete, [](I i) { i.penalty_text.clear(); }),
             "late-payment penalty text ([invoice] penalty_text)"},
            {"indemnity text", from(complete, [](I i) { i.indemnity_text = "\t"; }),
             "40 EUR recovery indemnity text ([invoice] indemnity_text)"},
            {"discount statement", from(complete, [](I i) { i.discount_text.clear(); }),
             "early-payment discount statement ([invoice] discount_text)"},
        };
        for (const auto& rule : cases) {
            CAPTURE(rule.name);
            CHECK(missing_for_issue(rule.invoice()) == Items{rule.expected});
        }
    }

    TEST_CASE("domain/invoice_checks: every missing item is listed, in a stable order") {
        IssueCandidate invoice = franchise_invoice();
        invoice.seller.name.clear();
        invoice.seller.email.clear();
        invoice.buyer.address.clear();
        invoice.buyer.siren.clear();
        invoice.issue_date.clear();
        invoice.due_date.clear();
        invoice.lines[1].description.clear();
        invoice.lines[1].quantity_milli = 0;
        invoice.vat_mention.clear();
        invoice.indemnity_text.clear();
        invoice.discount_text.clear();
        const Items expected{
            "seller name ([seller] name: slash config set seller.name ...)",
            "seller email, the e-invoicing address (slash config set seller.email ...)",
            "buyer address (slash client edit CLIENT --address ...)",
            "buyer SIREN for a French business client (slash client edit CLIENT --siren ...)",
            "issue date",
            "due date",
            "line 2 description",
            "line 2 quantity",
            "VAT mention for the franchise ([tax] regime franchise needs \"TVA non applicable, "
            "art. 293 B du CGI\")",
            "40 EUR recovery indemnity text ([invoice] indemnity_text)",
            "early-payment discount statement ([invoice] discount_text)",
        };
        CHECK(missing_for_issue(invoice) == expected);
        CHECK(missing_for_issue(invoice) == missing_for_issue(invoice));

        // Nothing at all: every party, date and mention, and no line to bill.
        IssueCandidate empty;
        empty.buyer.business = true;
        const Items all = missing_for_issue(empty);
        CHECK(all.size() == 17);  // with the buyer's electronic address
        CHECK(all.front() == "seller name ([seller] name: slash config set seller.name ...)");
        CHECK(all.back() == "early-payment discount statement ([invoice] discount_text)");
    }

    TEST_CASE(
        "domain/invoice_checks: an individual needs no SIREN nor penalty and indemnity texts") {
        IssueCandidate invoice = franchise_invoice();
        invoice.buyer.business = false;
        invoice.buyer.siren.clear();
        invoice.penalty_text.clear();
        invoice.indemnity_text.clear();
        CHECK(missing_for_issue(invoice).empty());

        // The discount statement is asked of every invoice, an individual's too.
        invoice.discount_text.clear();
        CHECK(missing_for_issue(invoice) ==
              Items{"early-payment discount statement ([invoice] discount_text)"});
    }

    TEST_CASE(
        "domain/invoice_checks: a foreign business needs no SIREN, but a given one must be valid") {
        IssueCandidate invoice = complete_invoice();
        invoice.buyer.siren.clear();
        invoice.buyer.country = "be";
        CHECK(missing_for_issue(invoice).empty());
        invoice.buyer.country = "US";
        CHECK(missing_for_issue(invoice).empty());

        invoice.buyer.siret = "12345678900007";  // Luhn-valid, but its SIREN is not
        CHECK(missing_for_issue(invoice) == Items{"buyer SIRET is not valid (14 digits, Luhn check "
                                                  "digit: slash client edit CLIENT --siret ...)"});
    }

    TEST_CASE("domain/invoice_checks: identifiers with spaces are read as typed on paper") {
        IssueCandidate invoice = complete_invoice();
        invoice.seller.siren = "732 829 320";
        invoice.buyer.siren = "552 100 554";
        CHECK(missing_for_issue(invoice).empty());
    }

    TEST_CASE("domain/invoice_checks: dates") {
        IssueCandidate invoice = complete_invoice();
        invoice.due_date = invoice.issue_date;  // payable on receipt
        CHECK(missing_for_issue(invoice).empty());
        invoice.period_to = invoice.period_from;  // one day of work
        CHECK(missing_for_issue(invoice).empty());

        // Leap day, and a due date across the year end.
        invoice.issue_date = "2028-02-29";
        invoice.due_date = "2029-01-01";
        CHECK(missing_for_issue(invoice).empty());
        invoice.issue_date = "2027-02-29";
        CHECK(missing_for_issue(invoice) == Items{"issue date is not a date (YYYY-MM-DD)"});

        // An unreadable issue date says so once, without a misleading order complaint.
        invoice.issue_date = "29/02/2028";
        invoice.due_date = "2000-01-01";
        CHECK(missing_for_issue(invoice) == Items{"issue date is not a date (YYYY-MM-DD)"});
    }

    TEST_CASE("domain/invoice_checks: mentions are recognised however they are typed") {
        IssueCandidate invoice = franchise_invoice();
        invoice.vat_mention = default_legal_texts("en").vat_franchise;
        CHECK(missing_for_issue(invoice).empty());
        invoice.vat_mention = "TVA non applicable - article 293B du CGI";
        CHECK(missing_for_issue(invoice).empty());

        IssueCandidate reverse = reverse_charge_invoice();
        reverse.vat_mention = default_legal_texts("en").reverse_charge;
        CHECK(missing_for_issue(reverse).empty());
        reverse.vat_mention = "VAT reverse-charge, art. 196 of directive 2006/112/EC";
        CHECK(missing_for_issue(reverse).empty());
    }

    TEST_CASE(
        "domain/invoice_checks: discounts and credit lines are not missing quantities or prices") {
        IssueCandidate invoice = complete_invoice();
        invoice.lines.push_back(IssueLine{"Remise fidélité", 1000, -5000, "C62"});
        invoice.lines.push_back(IssueLine{"Annulation, 2026-11-04", -1000, 50000, "DAY"});
        CHECK(missing_for_issue(invoice).empty());
    }

    TEST_CASE("domain/invoice_checks: default legal texts") {
        const auto& fr = default_legal_texts("fr");
        CHECK(fr.vat_franchise == "TVA non applicable, art. 293 B du CGI");
        CHECK(fr.reverse_charge == "Autoliquidation");
        CHECK(fr.penalties.find("trois fois le taux d'intérêt légal") != std::string::npos);
        CHECK(fr.penalties.find("L441-10") != std::string::npos);
        CHECK(fr.indemnity.find("40 €") != std::string::npos);
        CHECK(fr.indemnity.find("D441-5") != std::string::npos);
        CHECK(fr.no_discount == "Pas d'escompte pour paiement anticipé.");

        const auto& en = default_legal_texts("EN");
        CHECK(en.vat_franchise.find("293 B") != std::string::npos);
        CHECK(en.penalties.find("three times") != std::string::npos);
        CHECK(en.indemnity.find("€40") != std::string::npos);
        CHECK(en.no_discount == "No discount for early payment.");
        CHECK(&default_legal_texts("fr") == &fr);  // static: callers may keep the reference

        try {
            (void)default_legal_texts("de");
            FAIL("no error for an unknown language");
        } catch (const slash::Error& error) {
            CHECK(error.kind() == slash::ErrorKind::Usage);
        }
    }
}
