// `slash invoice mail` (slash-invoice(1)): the Factur-X PDF of an invoice, with a short
// letter or the payment reminder, as a MIME message handed to the local MTA; the sending
// recorded in mails_sent.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <map>
#include <memory>
#include <random>

#include "../context.hpp"
#include "../options.hpp"
#include "commands.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/render/invoice_document.hpp"
#include "slash/render/reminder_document.hpp"
#include "slash/services/client_service.hpp"
#include "slash/services/mail.hpp"
#include "slash/services/reminder_service.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/reminder_store.hpp"

namespace slash::cli {

namespace {

struct MailOptions {
    std::string ref;
    std::optional<std::string> to;
    bool reminder = false;
    bool dry_run = false;
};

bool english(const domain::Invoice& invoice) { return invoice.language.rfind("en", 0) == 0; }

std::string subject_of(const domain::Invoice& invoice) {
    const std::string what = english(invoice) ? (invoice.credit_note() ? "Credit note" : "Invoice")
                                              : (invoice.credit_note() ? "Avoir" : "Facture");
    return fmt::format("{} {} \u2013 {}", what, invoice.label(), invoice.seller.name);
}

// The short letter that goes with the document, in the invoice's language.
std::string body_of(const services::InvoiceDetails& d) {
    const auto& v = d.invoice;
    const auto lang = english(v) ? "en" : "fr";
    auto date = [&](const std::string& iso) { return render::format_document_date(iso, lang); };
    const auto gross = render::format_money(v.gross_minor, v.currency, d.minor_digits, lang);
    std::string text;
    if (english(v)) {
        text = "Dear Sir or Madam,\n\n";
        text += v.credit_note() ? fmt::format("Please find attached credit note {} of {} for {}, cancelling invoice {}.\n",
                                              v.label(), date(v.issue_date), gross, v.credited_number)
                                : fmt::format("Please find attached invoice {} of {} for {}, payable by {}.\n",
                                              v.label(), date(v.issue_date), gross, date(v.due_date));
        text += "\nKind regards,\n";
    } else {
        text = "Madame, Monsieur,\n\n";
        text += v.credit_note()
                    ? fmt::format("Veuillez trouver ci-joint l'avoir {} du {}, d'un montant de {}, qui annule la "
                                  "facture {}.\n",
                                  v.label(), date(v.issue_date), gross, v.credited_number)
                    : fmt::format("Veuillez trouver ci-joint la facture {} du {}, d'un montant de {}, à régler au plus "
                                  "tard le {}.\n",
                                  v.label(), date(v.issue_date), gross, date(v.due_date));
        text += "\nCordialement,\n";
    }
    return text + v.seller.name + "\n";
}

// A [mail] subject_* or body_* template with its placeholders filled; an unknown one is a
// config error naming the key, found before anything is sent.
std::string fill_template(const std::string& text, const std::string& key, const services::InvoiceDetails& d) {
    const auto& v = d.invoice;
    const auto lang = english(v) ? "en" : "fr";
    auto date = [&](const std::string& iso) { return render::format_document_date(iso, lang); };
    auto money = [&](std::int64_t minor) { return render::format_money(minor, v.currency, d.minor_digits, lang); };
    const std::map<std::string, std::string> values{
        {"number", v.label()},          {"issue_date", date(v.issue_date)}, {"due_date", date(v.due_date)},
        {"total", money(v.gross_minor)}, {"due", money(domain::amount_due(v))}, {"seller", v.seller.name},
        {"client", v.buyer.name}};
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find('{', i);
        const auto close = open == std::string::npos ? std::string::npos : text.find('}', open);
        if (close == std::string::npos) {
            out += text.substr(i);
            break;
        }
        out += text.substr(i, open - i);
        const auto name = text.substr(open + 1, close - open - 1);
        auto found = values.find(name);
        if (found == values.end()) {
            throw Error(ErrorKind::Config,
                        fmt::format("{}: unknown placeholder {}; use {{number}}, {{issue_date}}, {{due_date}}, "
                                    "{{total}}, {{due}}, {{seller}} or {{client}}",
                                    key, domain::quoted("{" + name + "}")));
        }
        out += found->second;
        i = close + 1;
    }
    return out;
}

// "Camille Martin <camille@example.org>" or "camille@example.org": the display name
// (empty when none) and the address.
std::pair<std::string, std::string> split_from(const std::string& text) {
    const auto open = text.rfind('<');
    if (open == std::string::npos || text.empty() || text.back() != '>') return {"", text};
    std::string name = text.substr(0, open);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    return {name, text.substr(open + 1, text.size() - open - 2)};
}

// "2026/0001" is a valid invoice number but not a file name: anything but letters,
// digits, '.', '_' and '-' becomes '-'.
std::string attachment_name(const std::string& number) {
    std::string name = number;
    for (auto& ch : name) {
        const bool keep = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                          ch == '.' || ch == '_' || ch == '-';
        if (!keep) ch = '-';
    }
    return name + ".pdf";
}

std::string random_hex(std::size_t digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::random_device device;
    std::string text;
    while (text.size() < digits) {
        auto value = device();
        for (int i = 0; i < 8 && text.size() < digits; ++i, value >>= 4) text += kHex[value & 15];
    }
    return text;
}

void run_mail(Context& ctx, const MailOptions& o) {
    if (o.to && !services::plain_address(*o.to)) {
        throw Error(ErrorKind::Usage,
                    fmt::format("invalid --to {}: give one e-mail address, such as name@example.org",
                                domain::quoted(*o.to)));
    }
    const auto& config = ctx.config();
    // One transaction: with --reminder, the reminder is recorded only if the mail is sent.
    storage::WriteTransaction transaction(ctx.database());
    std::optional<services::ReminderPlan> plan;
    services::InvoiceDetails details;
    if (o.reminder) {
        services::ReminderRequest request;
        request.ref = o.ref;
        plan = services::ReminderService(ctx.database(), config, ctx.time_context()).plan(request);
        details = plan->details;
    } else {
        details = services::InvoiceService(ctx.database(), config, ctx.time_context()).details(o.ref);
    }
    const auto& invoice = details.invoice;
    if (invoice.draft()) {
        throw Error(ErrorKind::Failure, fmt::format("{} is not issued: issue it before mailing it, with slash invoice "
                                                    "issue {}",
                                                    invoice.label(), invoice.id));
    }
    std::string to = o.to.value_or("");
    if (to.empty()) {
        to = services::ClientService(ctx.database(), ctx.now()).show(invoice.client_handle).email;
        if (to.empty()) {
            throw Error(ErrorKind::Failure,
                        fmt::format("client {} has no e-mail address: give one with --to ADDR, or record it with "
                                    "slash client edit {} --email ADDR",
                                    invoice.client_handle, invoice.client_handle));
        }
    }
    auto [from_name, from] = split_from(!config.mail.from.empty()     ? config.mail.from
                                        : !invoice.seller.email.empty() ? invoice.seller.email
                                                                        : config.seller.email);
    if (from.empty()) {
        throw Error(ErrorKind::Failure, "no sender address: set one with slash config set mail.from ADDR (or "
                                        "seller.email)");
    }
    // Both addresses go into headers as they are: anything but one plain address (a list,
    // a line break) is refused rather than sent somewhere unintended.
    if (!services::plain_address(from)) {
        throw Error(ErrorKind::Failure, fmt::format("the sender address {} is not one plain e-mail address; set one "
                                                    "with slash config set mail.from ADDR (or \"NAME <ADDR>\")",
                                                    domain::quoted(from)));
    }
    if (!services::plain_address(to)) {
        throw Error(ErrorKind::Failure, fmt::format("the e-mail address {} of client {} is not one plain address; "
                                                    "give one with --to ADDR, or fix it with slash client edit {} "
                                                    "--email ADDR",
                                                    domain::quoted(to), invoice.client_handle,
                                                    invoice.client_handle));
    }

    services::MailMessage message;
    message.from_name = from_name.empty() ? invoice.seller.name : from_name;
    message.from_address = from;
    message.to = to;
    const bool en = english(invoice);
    const auto& subject_template = en ? config.mail.subject_en : config.mail.subject_fr;
    const auto& body_template = en ? config.mail.body_en : config.mail.body_fr;
    message.subject = plan                       ? reminder_subject_of(*plan)
                      : subject_template.empty() ? subject_of(invoice)
                                                 : fill_template(subject_template, en ? "mail.subject_en" : "mail.subject_fr",
                                                                 details);
    message.date = ctx.now();
    message.message_id = fmt::format("{}.{}@{}", ctx.now(), random_hex(16), from.substr(from.find('@') + 1));
    message.body = plan                    ? reminder_letter(ctx, *plan, "text")
                   : body_template.empty() ? body_of(details)
                                           : fill_template(body_template, en ? "mail.body_en" : "mail.body_fr", details);
    message.attachment_name = attachment_name(invoice.label());
    // Exactly the bytes of `slash invoice show REF --format pdf`.
    message.attachment = invoice_file_bytes(ctx, details, "Factur-X");
    message.boundary = "=_slash_" + random_hex(32);
    const auto text = services::mime_message(message);

    if (o.dry_run) {
        ctx.out << text;
        ctx.info("dry run: nothing was sent or recorded");
        return;
    }
    storage::ReminderStore store(ctx.database());
    domain::SentMail sent;
    sent.invoice_id = invoice.id;
    if (plan) {
        plan->reminder.id = store.insert(plan->reminder);
        sent.reminder_id = plan->reminder.id;
    }
    services::pipe_to_command(config.mail.sendmail, text);
    sent.recipient = to;
    sent.subject = message.subject;
    sent.message_id = message.message_id;
    sent.sent_at = ctx.now();
    store.insert_mail(sent);
    transaction.commit();
    ctx.out << "<" << message.message_id << ">\n";
    ctx.info(plan ? fmt::format("mailed reminder {} (level {}) of {} to {}", plan->reminder.id, plan->reminder.level,
                                invoice.label(), to)
                  : fmt::format("mailed {} to {}", invoice.label(), to));
}

}  // namespace

void add_invoice_mail_verb(CLI::App& invoice, Context& ctx) {
    auto o = std::make_shared<MailOptions>();
    CLI::App* verb = invoice.add_subcommand(
        "mail", "E-mail an issued invoice's Factur-X PDF through the local MTA ([mail] sendmail); records it");
    verb->add_option("ref", o->ref, "Invoice number")->required();
    optional_option(*verb, "--to", o->to, "Recipient (default: the client's e-mail)")->type_name("ADDR");
    verb->add_flag("--reminder", o->reminder, "Send the payment reminder as the message, and record it as remind does");
    verb->add_flag("-n,--dry-run", o->dry_run, "Write the message to stdout; send and record nothing");
    ctx.on_run(verb, [&ctx, o] { run_mail(ctx, *o); });
}

}  // namespace slash::cli
