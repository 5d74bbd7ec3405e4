#include "invoice_parts.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "country_names.hpp"
#include "slash/domain/duration.hpp"

namespace slash::render {

namespace {

// Every word the documents print, per language. Sentences with blanks are fmt formats
// filled with text that is never itself parsed as a format.
struct Labels {
    std::string_view invoice, credit_note, deposit_invoice, draft;
    std::string_view credited, credited_without_date, cancelled_by;
    std::string_view issue_date, due_date, period, period_value, reason, status;
    std::string_view seller, buyer, vat_id;
    std::array<std::string_view, kLineColumns> headers;
    std::string_view hour, day, unit;
    std::string_view total_net, vat_row, total_gross, total;
    std::string_view payment, payment_with_method, amount_due, deposit;
};

constexpr Labels kFrench{
    .invoice = "FACTURE",
    .credit_note = "AVOIR",
    .deposit_invoice = "FACTURE D'ACOMPTE",
    .draft = "BROUILLON",
    .credited = "Avoir sur la facture {} du {}",
    .credited_without_date = "Avoir sur la facture {}",
    .cancelled_by = "Annulée par l'avoir {}",
    .issue_date = "Date d'émission",
    .due_date = "Échéance",
    .period = "Période",
    .period_value = "du {} au {}",
    .reason = "Motif",
    .status = "Statut",
    .seller = "Émetteur",
    .buyer = "Client",
    .vat_id = "N° TVA",
    .headers = {"Description", "Qté", "Unité", "Prix unitaire", "TVA", "Montant HT"},
    .hour = "h",
    .day = "jour",
    .unit = "unité",
    .total_net = "Total HT",
    .vat_row = "TVA {}",
    .total_gross = "Total TTC",
    .total = "Total",
    .payment = "Paiement du {}",
    .payment_with_method = "Paiement du {} ({})",
    .amount_due = "Reste à payer",
    .deposit = "Acompte {} du {}",
};

constexpr Labels kEnglish{
    .invoice = "INVOICE",
    .credit_note = "CREDIT NOTE",
    .deposit_invoice = "DEPOSIT INVOICE",
    .draft = "DRAFT",
    .credited = "Credit note for invoice {} of {}",
    .credited_without_date = "Credit note for invoice {}",
    .cancelled_by = "Cancelled by credit note {}",
    .issue_date = "Date",
    .due_date = "Due date",
    .period = "Period",
    .period_value = "{} to {}",
    .reason = "Reason",
    .status = "Status",
    .seller = "From",
    .buyer = "Bill to",
    .vat_id = "VAT ID",
    .headers = {"Description", "Qty", "Unit", "Unit price", "VAT", "Net amount"},
    .hour = "h",
    .day = "day",
    .unit = "unit",
    .total_net = "Total net",
    .vat_row = "VAT {}",
    .total_gross = "Total",
    .total = "Total",
    .payment = "Payment of {}",
    .payment_with_method = "Payment of {} ({})",
    .amount_due = "Amount due",
    .deposit = "Deposit {} of {}",
};

template <typename... Args>
std::string fill(std::string_view format, const Args&... args) {
    return fmt::format(fmt::runtime(format), args...);
}

// Spaces and line breaks at either end carry nothing a document should show.
std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \n") - first + 1));
}

// Control characters (C0, DEL and the UTF-8 encoded C1 range, which holds the CSI some
// terminals obey) become spaces: user text must not be able to drive the terminal. Line
// breaks of any convention become '\n' where `keep_lines`, spaces otherwise.
std::string clean(std::string_view text, bool keep_lines) {
    std::string cleaned;
    cleaned.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\r' || byte == '\n') {
            if (byte == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            cleaned += keep_lines ? '\n' : ' ';
        } else if (byte < 0x20 || byte == 0x7F) {
            cleaned += ' ';
        } else if (byte == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            cleaned += ' ';
            ++i;
        } else {
            cleaned += text[i];
        }
    }
    return cleaned;
}

std::string clean_line(std::string_view text) {
    return trim(clean(text, false));
}

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// "123456782" -> "123 456 782", and a SIRET's NIC as a fifth group, as INSEE writes them.
std::string group_identifier(std::string_view text) {
    if (!all_digits(text) || (text.size() != 9 && text.size() != 14)) return clean_line(text);
    std::string grouped = std::string(text.substr(0, 3)) + " " + std::string(text.substr(3, 3)) +
                          " " + std::string(text.substr(6, 3));
    if (text.size() == 14) grouped += " " + std::string(text.substr(9));
    return grouped;
}

// IBANs are printed in groups of four so that they can be copied by hand.
std::string group_iban(std::string_view text) {
    const std::string iban = clean_line(text);
    if (iban.find(' ') != std::string::npos) return iban;
    std::string grouped;
    for (std::size_t i = 0; i < iban.size(); ++i) {
        if (i > 0 && i % 4 == 0) grouped += ' ';
        grouped += iban[i];
    }
    return grouped;
}

std::string with_ei(const std::string& name) {
    const std::string cleaned = clean_line(name);
    if (cleaned.empty() || cleaned == "EI" || cleaned.ends_with(" EI")) return cleaned;
    return cleaned + " EI";
}

std::string identifier_line(const std::string& siren, const std::string& siret) {
    if (!siret.empty()) return "SIRET " + group_identifier(siret);
    if (!siren.empty()) return "SIREN " + group_identifier(siren);
    return {};
}

// "N° TVA FR40123456782", or nothing without a value.
std::string labelled(std::string_view label, const std::string& value) {
    const std::string cleaned = clean_line(value);
    return cleaned.empty() ? std::string() : std::string(label) + " " + cleaned;
}

void add_line(std::vector<std::string>& lines, std::string line) {
    if (!line.empty()) lines.push_back(std::move(line));
}

// The upper-case country of a party; empty reads as France (the client default).
std::string country_code(const std::string& country) {
    std::string code = clean_line(country);
    if (code.empty()) return "FR";
    std::transform(code.begin(), code.end(), code.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    return code;
}

// The line that ends a party's address: its country's name in the document's language, when
// the two parties are in different countries (a foreign address without it is not one).
std::string country_line(const domain::Invoice& invoice, const std::string& country, bool english) {
    if (country_code(invoice.seller.country) == country_code(invoice.buyer.country)) return {};
    return country_name(country_code(country), english ? "en" : "fr");
}

InvoiceParty seller_party(const domain::Invoice& invoice, const Labels& labels, bool english) {
    const domain::SellerIdentity& seller = invoice.seller;
    InvoiceParty party{std::string(labels.seller), {}};
    add_line(party.lines, with_ei(seller.name));
    add_line(party.lines, clean_line(seller.trade_name));
    for (const auto& line : seller.address) add_line(party.lines, clean_line(line));
    add_line(party.lines, country_line(invoice, seller.country, english));
    add_line(party.lines, identifier_line(seller.siren, seller.siret));
    add_line(party.lines, labelled(labels.vat_id, seller.vat_id));
    add_line(party.lines, clean_line(seller.email));
    return party;
}

InvoiceParty buyer_party(const domain::Invoice& invoice, const Labels& labels, bool english) {
    const domain::BuyerIdentity& buyer = invoice.buyer;
    InvoiceParty party{std::string(labels.buyer), {}};
    add_line(party.lines, clean_line(buyer.name));
    for (const auto& line : buyer.address) add_line(party.lines, clean_line(line));
    add_line(party.lines, country_line(invoice, buyer.country, english));
    add_line(party.lines, identifier_line(buyer.siren, buyer.siret));
    add_line(party.lines, labelled(labels.vat_id, buyer.vat_id));
    return party;
}

// French writes "5,5 %" with a space, English "5.5%".
std::string vat_rate_text(std::int64_t rate_milli, bool english) {
    std::string rate = domain::format_vat_rate(rate_milli);
    if (english) return rate + "%";
    std::replace(rate.begin(), rate.end(), '.', ',');
    return rate + " %";
}

std::string status_name(const domain::Invoice& invoice, const std::string& status, bool english) {
    if (english) return status == "partially_paid" ? "partially paid" : clean_line(status);
    // "avoir" is masculine, "facture" feminine.
    const bool credit = invoice.credit_note();
    if (status == "draft") return "brouillon";
    if (status == "issued") return credit ? "émis" : "émise";
    if (status == "paid") return "payée";
    if (status == "partially_paid") return "partiellement payée";
    if (status == "overdue") return "en retard";
    if (status == "cancelled") return credit ? "annulé" : "annulée";
    return clean_line(status);
}

std::string method_name(domain::PaymentMethod method, bool english) {
    if (english) return std::string(domain::to_text(method));
    switch (method) {
        case domain::PaymentMethod::Transfer: return "virement";
        case domain::PaymentMethod::Card: return "carte";
        case domain::PaymentMethod::Cash: return "espèces";
        case domain::PaymentMethod::Check: return "chèque";
        case domain::PaymentMethod::Platform: return "plateforme";
    }
    return std::string(domain::to_text(method));
}

std::string unit_text(const domain::InvoiceLine& line, const Labels& labels) {
    if (line.unit_code == "HUR") return std::string(labels.hour);
    if (line.unit_code == "DAY") return std::string(labels.day);
    if (line.unit_code == "C62") {
        const std::string name = clean_line(line.unit_name);
        return name.empty() ? std::string(labels.unit) : name;
    }
    return clean_line(line.unit_code);
}

std::string_view kind_label(const domain::Invoice& invoice, const Labels& labels) {
    if (invoice.credit_note()) return labels.credit_note;
    return invoice.deposit() ? labels.deposit_invoice : labels.invoice;
}

std::string title(const domain::Invoice& invoice, const Labels& labels) {
    std::string text(kind_label(invoice, labels));
    if (invoice.draft()) return text + " (" + std::string(labels.draft) + ")";
    if (invoice.number && !invoice.number->empty()) text += " " + clean_line(*invoice.number);
    return text;
}

// "-1 000,00 €" for money received, written without negating the amount (no overflow).
std::string deducted(std::int64_t amount, const domain::Invoice& invoice, int digits) {
    const std::string text = format_money(amount, invoice.currency, digits, invoice.language);
    if (amount > 0) return "-" + text;
    if (amount < 0) return text.substr(1);
    return text;
}

std::vector<InvoiceTotal> totals(const InvoiceDocument& document, const Labels& labels,
                                 bool english) {
    const domain::Invoice& invoice = document.invoice;
    auto money = [&](std::int64_t minor) {
        return format_money(minor, invoice.currency, document.minor_digits, invoice.language);
    };
    std::vector<InvoiceTotal> rows;
    const bool charges_vat =
        std::any_of(document.vat.begin(), document.vat.end(),
                    [](const domain::VatBreakdown& row) { return row.category == "S"; });
    if (charges_vat) {
        rows.push_back({std::string(labels.total_net), money(invoice.net_minor)});
        for (const auto& row : document.vat) {
            if (row.category != "S") continue;
            rows.push_back({fill(labels.vat_row, vat_rate_text(row.rate_milli, english)),
                            money(row.vat_minor)});
        }
        rows.push_back({std::string(labels.total_gross), money(invoice.gross_minor), true});
    } else {
        // Franchise, reverse charge and export charge no VAT: the net is what is due.
        rows.push_back({std::string(labels.total), money(invoice.gross_minor), true});
    }

    // The deposits a final invoice deducts, each by number and date (EN 16931 BG-3), then the
    // payments. A payment against an invoice is in the invoice's currency (Payment::eur_minor
    // carries the euros actually received for a foreign one).
    std::int64_t due = invoice.gross_minor;
    bool due_known = true;
    for (const auto& deposit : invoice.deposits) {
        const std::string date = clean_line(format_document_date(deposit.issue_date, invoice.language));
        rows.push_back({fill(labels.deposit, clean_line(deposit.number), date),
                        deducted(deposit.gross_minor, invoice, document.minor_digits)});
        if (due_known) due_known = !__builtin_sub_overflow(due, deposit.gross_minor, &due);
    }
    for (const auto& payment : document.payments) {
        const std::string date =
            clean_line(format_document_date(payment.paid_on, invoice.language));
        const std::string method = method_name(payment.method, english);
        std::string label = method.empty() ? fill(labels.payment, date)
                                           : fill(labels.payment_with_method, date, method);
        rows.push_back(
            {std::move(label), deducted(payment.amount_minor, invoice, document.minor_digits)});
        if (due_known) due_known = !__builtin_sub_overflow(due, payment.amount_minor, &due);
    }
    const bool owes =
        !invoice.draft() && !invoice.credit_note() && invoice.status != domain::kCancelled;
    const bool deducts = !invoice.deposits.empty() && !invoice.credit_note();
    if ((deducts || (owes && !document.payments.empty())) && due_known) {
        rows.push_back({std::string(labels.amount_due), money(due), true});
    }
    return rows;
}

std::vector<InvoiceField> fields(const InvoiceDocument& document, const Labels& labels,
                                 bool english) {
    const domain::Invoice& invoice = document.invoice;
    auto date = [&](const std::string& iso) {
        return clean_line(format_document_date(iso, invoice.language));
    };
    std::vector<InvoiceField> list;
    if (!invoice.issue_date.empty())
        list.push_back({std::string(labels.issue_date), date(invoice.issue_date)});
    if (!invoice.due_date.empty())
        list.push_back({std::string(labels.due_date), date(invoice.due_date)});
    if (!invoice.period_from.empty() && !invoice.period_to.empty()) {
        list.push_back(
            {std::string(labels.period),
             fill(labels.period_value, date(invoice.period_from), date(invoice.period_to))});
    } else if (!invoice.period_from.empty() || !invoice.period_to.empty()) {
        const std::string& known =
            invoice.period_from.empty() ? invoice.period_to : invoice.period_from;
        list.push_back({std::string(labels.period), date(known)});
    }
    if (invoice.credit_note() && !clean_line(invoice.reason).empty()) {
        list.push_back({std::string(labels.reason), clean_line(invoice.reason)});
    }
    // A draft says why it has its regime, so that the user can fix a client before issuing.
    if (invoice.draft() && !document.vat_reason.empty()) {
        list.push_back({english ? "VAT regime" : "Régime de TVA", clean_line(document.vat_reason)});
    }
    // The title already says "draft".
    if (!invoice.draft() && !document.status.empty()) {
        list.push_back(
            {std::string(labels.status), status_name(invoice, document.status, english)});
    }
    // Reminders are bookkeeping like the status: shown where the status is, never on what
    // the client receives.
    if (!invoice.draft() && !document.status.empty() && !document.reminders.empty()) {
        std::string text;
        for (const auto& r : document.reminders) {
            if (!text.empty()) text += ", ";
            text += english ? "level " + std::to_string(r.level) + " on " + date(r.reminded_on)
                            : "niveau " + std::to_string(r.level) + " le " + date(r.reminded_on);
        }
        list.push_back({english ? "Reminders" : "Relances", text});
    }
    return list;
}

std::vector<std::string> notes(const domain::Invoice& invoice, const Labels& labels) {
    std::vector<std::string> list;
    if (invoice.credit_note() && !invoice.credited_number.empty()) {
        const std::string number = clean_line(invoice.credited_number);
        if (invoice.credited_issue_date.empty()) {
            list.push_back(fill(labels.credited_without_date, number));
        } else {
            const std::string date =
                clean_line(format_document_date(invoice.credited_issue_date, invoice.language));
            list.push_back(fill(labels.credited, number, date));
        }
    }
    if (!invoice.credit_note() && !invoice.credit_note_number.empty()) {
        list.push_back(fill(labels.cancelled_by, clean_line(invoice.credit_note_number)));
    }
    return list;
}

InvoiceRow line_row(const domain::InvoiceLine& line, const InvoiceDocument& document,
                    const Labels& labels, bool english) {
    const domain::Invoice& invoice = document.invoice;
    auto money = [&](std::int64_t minor) {
        return format_money(minor, invoice.currency, document.minor_digits, invoice.language);
    };
    const std::string vat = line.vat_category == "S" ? vat_rate_text(line.vat_rate_milli, english)
                                                     : clean_line(line.vat_category);
    return {trim(clean(line.description, true)),
            format_quantity(line.quantity_milli, invoice.language),
            unit_text(line, labels),
            money(line.unit_price_minor),
            vat,
            money(line.net_minor)};
}

// The words only the paged documents print.
struct PageLabels {
    std::string_view number, draft_notice;
    std::string_view vat_heading;
    std::array<std::string_view, kVatColumns> vat_headers;
    std::string_view standard, exempt, franchise, reverse_charge, intra_community, export_,
        outside_scope, zero_rated;
    std::string_view payment_heading, method, transfer, iban, bic, reference;
    std::string_view mentions_heading;
    std::string_view timesheet_heading, timesheet_caption;
    std::array<std::string_view, kTimesheetColumns> timesheet_headers;
    std::string_view timesheet_total;
};

// Category names after the French and English versions of the EN 16931 code list (UNTDID
// 5305), the franchise of article 293 B apart.
constexpr PageLabels kFrenchPage{
    .number = "N°\u00a0{}",
    .draft_notice = "Brouillon : document provisoire, sans numéro ni valeur légale",
    .vat_heading = "Détail de la TVA",
    .vat_headers = {"Catégorie", "Taux", "Base HT", "Montant TVA"},
    .standard = "Taux standard",
    .exempt = "Exonéré de TVA",
    .franchise = "Franchise en base de TVA",
    .reverse_charge = "Autoliquidation",
    .intra_community = "Livraison intracommunautaire",
    .export_ = "Exportation hors UE",
    .outside_scope = "Hors champ de la TVA",
    .zero_rated = "Taux zéro",
    .payment_heading = "Règlement",
    .method = "Mode de règlement",
    .transfer = "Virement bancaire",
    .iban = "IBAN",
    .bic = "BIC",
    .reference = "Référence à rappeler",
    .mentions_heading = "Mentions légales",
    .timesheet_heading = "Relevé d'activité",
    .timesheet_caption = "Annexe — {}",
    .timesheet_headers = {"Date", "Début", "Fin", "Mission", "Durée", "Unités", "Note"},
    .timesheet_total = "Total",
};

constexpr PageLabels kEnglishPage{
    .number = "No. {}",
    .draft_notice = "Draft: a provisional document, with no number and no legal value",
    .vat_heading = "VAT breakdown",
    .vat_headers = {"Category", "Rate", "Taxable amount", "VAT amount"},
    .standard = "Standard rate",
    .exempt = "Exempt from VAT",
    .franchise = "VAT franchise (art. 293 B CGI)",
    .reverse_charge = "Reverse charge",
    .intra_community = "Intra-community supply",
    .export_ = "Export outside the EU",
    .outside_scope = "Outside the scope of VAT",
    .zero_rated = "Zero rated",
    .payment_heading = "Payment",
    .method = "Payment method",
    .transfer = "Bank transfer",
    .iban = "IBAN",
    .bic = "BIC",
    .reference = "Payment reference",
    .mentions_heading = "Legal notices",
    .timesheet_heading = "Timesheet",
    .timesheet_caption = "Annex — {}",
    .timesheet_headers = {"Date", "Start", "End", "Mission", "Duration", "Units", "Note"},
    .timesheet_total = "Total",
};

std::string vat_category_name(const std::string& category, const domain::Invoice& invoice,
                              const PageLabels& labels) {
    if (category == "S") return std::string(labels.standard);
    if (category == "E")
        return std::string(invoice.vat_regime == "franchise" ? labels.franchise : labels.exempt);
    if (category == "AE") return std::string(labels.reverse_charge);
    if (category == "K") return std::string(labels.intra_community);
    if (category == "G") return std::string(labels.export_);
    if (category == "O") return std::string(labels.outside_scope);
    if (category == "Z") return std::string(labels.zero_rated);
    return clean_line(category);
}

// "2.5" units as the timesheet rows carry them, with a decimal comma in French.
std::string units_text(const std::string& units, bool english) {
    std::string text = clean_line(units);
    if (!english) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

void add_timesheet(InvoicePage& page, const InvoiceDocument& document, const PageLabels& labels,
                   bool english, const std::string& title_text) {
    const std::string& language = document.invoice.language;
    page.timesheet_heading = std::string(labels.timesheet_heading);
    page.timesheet_caption = fill(labels.timesheet_caption, title_text);
    for (std::size_t i = 0; i < kTimesheetColumns; ++i)
        page.timesheet_headers[i] = std::string(labels.timesheet_headers[i]);
    std::int64_t total = 0;
    bool total_known = true;
    for (const auto& row : document.timesheet) {
        page.timesheet_rows.push_back(
            {clean_line(format_document_date(row.date, language)), clean_line(row.start),
             clean_line(row.end), clean_line(row.mission), domain::format_hm(row.seconds),
             units_text(row.units, english), trim(clean(row.note, true))});
        if (total_known) total_known = !__builtin_add_overflow(total, row.seconds, &total);
    }
    page.timesheet_total_label = std::string(labels.timesheet_total);
    if (total_known) page.timesheet_total = domain::format_hm(total);
}

}  // namespace

InvoicePage invoice_page(const InvoiceDocument& document) {
    const domain::Invoice& invoice = document.invoice;
    const bool english = is_english(invoice.language);
    const Labels& labels = english ? kEnglish : kFrench;
    const PageLabels& page_labels = english ? kEnglishPage : kFrenchPage;
    auto money = [&](std::int64_t minor) {
        return format_money(minor, invoice.currency, document.minor_digits, invoice.language);
    };

    InvoicePage page;
    page.language = english ? "en" : "fr";
    page.kind = std::string(kind_label(invoice, labels));
    const std::string number = invoice.number ? clean_line(*invoice.number) : std::string();
    if (invoice.draft()) {
        page.draft = std::string(labels.draft);
        page.draft_notice = std::string(page_labels.draft_notice);
    } else if (!number.empty()) {
        page.number = fill(page_labels.number, number);
    }

    page.vat_heading = std::string(page_labels.vat_heading);
    for (std::size_t i = 0; i < kVatColumns; ++i)
        page.vat_headers[i] = std::string(page_labels.vat_headers[i]);
    for (const auto& row : document.vat) {
        page.vat_rows.push_back({vat_category_name(row.category, invoice, page_labels),
                                 vat_rate_text(row.rate_milli, english), money(row.taxable_minor),
                                 money(row.vat_minor)});
    }

    if (!invoice.credit_note()) {
        page.payment_heading = std::string(page_labels.payment_heading);
        auto& fields = page.payment_fields;
        if (!invoice.due_date.empty()) {
            fields.push_back(
                {std::string(labels.due_date),
                 clean_line(format_document_date(invoice.due_date, invoice.language))});
        }
        const std::string iban = clean_line(invoice.seller.iban);
        if (!iban.empty()) {
            fields.push_back({std::string(page_labels.method), std::string(page_labels.transfer)});
            fields.push_back({std::string(page_labels.iban), group_iban(iban)});
            const std::string bic = clean_line(invoice.seller.bic);
            if (!bic.empty()) fields.push_back({std::string(page_labels.bic), bic});
        }
        if (!invoice.draft() && !number.empty())
            fields.push_back({std::string(page_labels.reference), number});
    }

    page.mentions_heading = std::string(page_labels.mentions_heading);
    const std::string footer = trim(clean(invoice.footer, true));
    bool footer_seen = false;
    for (const auto& mention : document.mentions) {
        std::string text = trim(clean(mention, true));
        if (text.empty()) continue;
        if (!footer.empty() && !footer_seen && text == footer) {
            footer_seen = true;
            continue;
        }
        page.mentions.push_back(std::move(text));
    }
    if (footer_seen) page.footer.push_back(footer);
    std::string seller_line = with_ei(invoice.seller.name);
    for (std::string part : {identifier_line(invoice.seller.siren, invoice.seller.siret),
                             labelled(labels.vat_id, invoice.seller.vat_id)}) {
        if (part.empty()) continue;
        if (!seller_line.empty()) seller_line += " · ";
        seller_line += part;
    }
    if (!seller_line.empty()) page.footer.push_back(std::move(seller_line));

    add_timesheet(page, document, page_labels, english, title(invoice, labels));
    return page;
}

InvoiceParts invoice_parts(const InvoiceDocument& document) {
    const domain::Invoice& invoice = document.invoice;
    const bool english = is_english(invoice.language);
    const Labels& labels = english ? kEnglish : kFrench;

    InvoiceParts parts;
    parts.title = title(invoice, labels);
    parts.notes = notes(invoice, labels);
    parts.fields = fields(document, labels, english);
    parts.seller = seller_party(invoice, labels, english);
    parts.buyer = buyer_party(invoice, labels, english);
    for (std::size_t i = 0; i < kLineColumns; ++i)
        parts.headers[i] = std::string(labels.headers[i]);
    for (const auto& line : invoice.lines)
        parts.rows.push_back(line_row(line, document, labels, english));
    parts.totals = totals(document, labels, english);
    for (const auto& mention : document.mentions) {
        std::string text = trim(clean(mention, true));
        if (!text.empty()) parts.mentions.push_back(std::move(text));
    }
    // A credit note is refunded, not paid: no payment details (as in the CII and the HTML).
    if (!invoice.seller.iban.empty() && !invoice.credit_note()) {
        parts.bank = "IBAN " + group_iban(invoice.seller.iban);
        if (!invoice.seller.bic.empty()) parts.bank += " BIC " + clean_line(invoice.seller.bic);
    }
    return parts;
}

}  // namespace slash::render
