#include "reminder_parts.hpp"

#include <fmt/format.h>

#include "slash/domain/urssaf_figures.hpp"
#include "slash/domain/wide.hpp"

namespace slash::render {

namespace {

// "7.86" / "7,86": a rate in percent × 1000 as the letter's language writes it.
std::string percent(std::int64_t milli, bool english) {
    auto text = domain::format_rate(milli);
    if (!english) {
        for (auto& ch : text) {
            if (ch == '.') ch = ',';
        }
    }
    return text + (english ? " %" : "\u00a0%");
}

std::string semester(const std::string& from, bool english) {
    const std::string year = from.substr(0, 4);
    const bool first = from.size() >= 7 && from.substr(5, 2) == "01";
    if (english) return (first ? "first half of " : "second half of ") + year;
    return (first ? "premier semestre " : "second semestre ") + year;
}

std::string title(int level, bool english) {
    switch (level) {
        case 1:
            return english ? "Payment reminder" : "Relance de paiement";
        case 2:
            return english ? "Second reminder" : "Deuxième relance";
        default:
            return english ? "Formal notice to pay" : "Mise en demeure de payer";
    }
}

// The tone of each level: a friendly nudge, a firm request with the law's penalties, a
// mise en demeure (the formal notice French law expects before a court claim).
std::vector<std::string> tone(const ReminderDocument& d, bool english, const std::string& number,
                              const std::string& issued, const std::string& due, const std::string& gross) {
    const bool business = d.invoice.invoice.buyer.business;
    const auto days = d.reminder.days_late;
    std::vector<std::string> text;
    switch (d.reminder.level) {
        case 1:
            text.push_back(english ? fmt::format("Unless I am mistaken, invoice {} of {} for {}, due on {}, has not been "
                                                 "paid in full.",
                                                 number, issued, gross, due)
                                   : fmt::format("Sauf erreur de ma part, la facture {} du {}, d'un montant de {}, échue "
                                                 "le {}, n'a pas été entièrement réglée.",
                                                 number, issued, gross, due));
            text.push_back(english ? "It has probably slipped through: please settle the amount below at your earliest "
                                     "convenience. If you have paid it in the meantime, please disregard this letter."
                                   : "Il s'agit sans doute d'un oubli : je vous remercie de régler le montant ci-dessous "
                                     "dans les meilleurs délais. Si vous l'avez réglé entre-temps, merci de ne pas tenir "
                                     "compte de ce courrier.");
            break;
        case 2:
            text.push_back(english ? fmt::format("Despite my previous reminder, invoice {}, due on {}, is still unpaid {} "
                                                 "days after its due date. Please pay the amount below within 8 days.",
                                                 number, due, days)
                                   : fmt::format("Malgré ma précédente relance, la facture {}, échue le {}, reste impayée "
                                                 "{} jours après son échéance. Je vous demande de régler le montant "
                                                 "ci-dessous sous 8 jours.",
                                                 number, due, days));
            text.push_back(english ? (business ? "Late-payment penalties and the recovery indemnity are due by law from "
                                                 "the day after the due date."
                                               : "Late-payment penalties are due from the day after the due date.")
                                   : (business ? "Les pénalités de retard et l'indemnité forfaitaire pour frais de "
                                                 "recouvrement sont dues de plein droit dès le lendemain de l'échéance."
                                               : "Les pénalités de retard sont dues dès le lendemain de l'échéance."));
            break;
        default:
            text.push_back(english ? fmt::format("Despite my reminders, invoice {}, due on {}, is still unpaid {} days "
                                                 "after its due date.",
                                                 number, due, days)
                                   : fmt::format("Malgré mes relances, la facture {}, échue le {}, reste impayée {} jours "
                                                 "après son échéance.",
                                                 number, due, days));
            text.push_back(english ? "I hereby give you formal notice to pay the amount below within 8 days of receiving "
                                     "this letter. Failing that, I will take legal action to recover it without further "
                                     "notice."
                                   : "Par la présente, je vous mets en demeure de régler le montant ci-dessous dans un "
                                     "délai de 8 jours à compter de la réception de ce courrier. À défaut, j'engagerai "
                                     "sans autre avis une procédure de recouvrement judiciaire.");
            break;
    }
    return text;
}

}  // namespace

std::string reminder_subject(const ReminderDocument& d) {
    const bool english = is_english(d.invoice.invoice.language);
    const std::string number = d.invoice.invoice.label();
    return english ? fmt::format("{}: invoice {}", title(d.reminder.level, true), number)
                   : fmt::format("{} : facture {}", title(d.reminder.level, false), number);
}

std::int64_t reminder_total(const domain::Reminder& r) {
    static constexpr domain::Figure kTotal{"the amount the reminder claims", "minor units"};
    return domain::narrow(domain::Wide{r.due_minor} + r.penalty_minor + r.indemnity_minor, kTotal);
}

ReminderParts reminder_parts(const ReminderDocument& d) {
    const auto& invoice = d.invoice.invoice;
    const auto& r = d.reminder;
    const bool english = is_english(invoice.language);
    auto money = [&](std::int64_t minor) {
        return format_money(minor, invoice.currency, d.invoice.minor_digits, invoice.language);
    };
    auto date = [&](const std::string& iso) { return format_document_date(iso, invoice.language); };
    const auto invoice_parts_of = invoice_parts(d.invoice);

    ReminderParts p;
    p.language = english ? "en" : "fr";
    p.seller = invoice_parts_of.seller.lines;
    p.buyer = invoice_parts_of.buyer.lines;
    p.date = english ? date(r.reminded_on) : "Le " + date(r.reminded_on);
    p.subject = reminder_subject(d);
    p.greeting = english ? "Dear Sir or Madam," : "Madame, Monsieur,";
    const std::string number = invoice.label();
    p.paragraphs = tone(d, english, number, date(invoice.issue_date), date(invoice.due_date), money(invoice.gross_minor));

    p.fields.push_back({english ? "Invoice" : "Facture", number});
    p.fields.push_back({english ? "Issue date" : "Date d'émission", date(invoice.issue_date)});
    p.fields.push_back({english ? "Due date" : "Échéance", date(invoice.due_date)});
    p.fields.push_back({english ? "Days late" : "Jours de retard", std::to_string(r.days_late)});
    p.fields.push_back({english ? "Amount due" : "Reste à payer", money(r.due_minor)});
    p.fields.push_back({english ? fmt::format("Late-payment penalties to {}", date(r.reminded_on))
                                : fmt::format("Pénalités de retard au {}", date(r.reminded_on)),
                        money(r.penalty_minor)});
    if (invoice.buyer.business && invoice.currency == "EUR") {
        p.fields.push_back({english ? "Recovery indemnity" : "Indemnité forfaitaire de recouvrement",
                            money(r.indemnity_minor)});
    }
    p.fields.push_back({english ? "Total claimed" : "Total réclamé", money(reminder_total(r))});

    const std::string rate = percent(r.late_rate_milli, english);
    // The code de commerce sets the penalties between professionals; to an individual the
    // letter states the rate of the terms without citing it.
    const std::string law_en = invoice.buyer.business ? "; art. L441-10 of the French Code de commerce." : ".";
    const std::string law_fr = invoice.buyer.business ? " ; art. L441-10 du Code de commerce." : ".";
    if (d.legal_rate_milli > 0) {
        p.notes.push_back(
            english ? fmt::format("Penalties: {} x {} days / 365 at {} a year, three times the legal interest rate of "
                                  "{} ({}, {}){}",
                                  money(r.due_minor), r.days_late, rate, percent(d.legal_rate_milli, true),
                                  semester(d.legal_rate_from, true), d.legal_rate_source, law_en)
                    : fmt::format("Pénalités : {} x {} jours / 365 au taux de {} l'an, trois fois le taux de l'intérêt "
                                  "légal de {} ({}, {}){}",
                                  money(r.due_minor), r.days_late, rate, percent(d.legal_rate_milli, false),
                                  semester(d.legal_rate_from, false), d.legal_rate_source, law_fr));
    } else {
        p.notes.push_back(english ? fmt::format("Penalties: {} x {} days / 365 at {} a year, the rate of our payment "
                                                "terms{}",
                                                money(r.due_minor), r.days_late, rate, law_en)
                                  : fmt::format("Pénalités : {} x {} jours / 365 au taux de {} l'an, taux prévu par nos "
                                                "conditions de paiement{}",
                                                money(r.due_minor), r.days_late, rate, law_fr));
    }
    if (invoice.buyer.business && invoice.currency == "EUR") {
        p.notes.push_back(english ? "Recovery indemnity: 40 EUR per invoice paid late by a business; art. L441-10 and "
                                    "D441-5 of the French Code de commerce."
                                  : "Indemnité forfaitaire : 40 € par facture payée en retard par un professionnel ; "
                                    "art. L441-10 et D441-5 du Code de commerce.");
    } else if (invoice.buyer.business) {
        p.notes.push_back(
            english ? fmt::format("A fixed recovery indemnity of 40 EUR is also due, on top of the total above (in "
                                  "{}); art. L441-10 and D441-5 of the French Code de commerce.",
                                  invoice.currency)
                    : fmt::format("Une indemnité forfaitaire de recouvrement de 40 € est due en plus du total "
                                  "ci-dessus (en {}) ; art. L441-10 et D441-5 du Code de commerce.",
                                  invoice.currency));
    }
    if (!invoice_parts_of.bank.empty()) {
        p.bank_intro = english ? fmt::format("Please pay by bank transfer, quoting {}:", number)
                               : fmt::format("Merci de régler par virement en rappelant la référence {} :", number);
        p.bank.push_back(invoice_parts_of.bank);
    }
    p.closing = english ? "Yours faithfully," : "Veuillez agréer, Madame, Monsieur, mes salutations distinguées.";
    p.signature = invoice.seller.name;
    return p;
}

}  // namespace slash::render
