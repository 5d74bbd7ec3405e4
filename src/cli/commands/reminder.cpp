// Payment reminders (slash-invoice(1), "invoice remind"): the letter in the invoice's
// language, recorded in the same transaction that writes it, and the overdue listing
// that shows how late each invoice is and when it was last reminded.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/reminder_view.hpp"
#include "commands.hpp"
#include "slash/cli/checked_output.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/render/reminder_document.hpp"
#include "slash/services/files.hpp"
#include "slash/services/reminder_service.hpp"
#include "slash/storage/database.hpp"

namespace slash::cli {

namespace {

struct RemindOptions {
    services::ReminderRequest request;
    std::string format = "text";
    std::string output;
    bool force = false;
};

void check_format(const std::string& format) {
    if (format == "text" || format == "md" || format == "html") return;
    throw Error(ErrorKind::Usage, fmt::format("invalid --format {}: use text, md or html", domain::quoted(format)));
}

void run_remind(Context& ctx, RemindOptions& o) {
    check_format(o.format);
    if (o.output == "-") o.output.clear();
    // The plan is made inside the write transaction, so that two reminders at once get
    // consecutive levels; the letter is written before the commit, so that a letter that
    // could not be written is not recorded as sent.
    storage::WriteTransaction transaction(ctx.database());
    services::ReminderService service(ctx.database(), ctx.config(), ctx.time_context());
    auto plan = service.plan(o.request);
    plan.reminder.id = service.record(plan.reminder);
    const auto bytes = reminder_letter(ctx, plan, o.format);
    if (o.output.empty()) {
        ctx.out << bytes;
        check_written(ctx.out);
    } else {
        services::write_output_file(o.output, bytes, o.force);
        ctx.out << o.output << '\n';
    }
    transaction.commit();
    const auto& r = plan.reminder;
    const auto& invoice = plan.details.invoice;
    ctx.info(fmt::format("recorded reminder {} (level {}) of {}: {} days late, {} claimed", r.id, r.level,
                         invoice.label(), r.days_late,
                         domain::format_money(render::reminder_total(r), invoice.currency)));
}

render::ReminderDocument reminder_document(const services::ReminderPlan& plan) {
    render::ReminderDocument document;
    document.invoice.invoice = plan.details.invoice;
    document.invoice.payments = plan.details.payments;
    document.invoice.minor_digits = plan.details.minor_digits;
    document.reminder = plan.reminder;
    if (plan.legal_rate) {
        document.legal_rate_milli = plan.legal_rate->rate_milli;
        document.legal_rate_from = std::string(plan.legal_rate->from);
        document.legal_rate_source = std::string(plan.legal_rate->source);
    }
    return document;
}

}  // namespace

std::string reminder_subject_of(const services::ReminderPlan& plan) {
    return render::reminder_subject(reminder_document(plan));
}

std::string reminder_letter(Context& /*ctx*/, const services::ReminderPlan& plan, const std::string& format) {
    const auto document = reminder_document(plan);
    std::ostringstream out;
    if (format == "md") {
        render::write_reminder_markdown(out, document);
    } else if (format == "html") {
        render::write_reminder_html(out, document);
    } else {
        render::write_reminder_text(out, document);
    }
    return out.str();
}

void add_invoice_reminder_verbs(CLI::App& invoice, Context& ctx) {
    auto o = std::make_shared<RemindOptions>();
    CLI::App* verb = invoice.add_subcommand(
        "remind", "Write a payment reminder of a late invoice, with penalties to date; records it");
    verb->add_option("ref", o->request.ref, "Invoice number")->required();
    optional_option(*verb, "--level", o->request.level,
                    "1 friendly, 2 firm, 3 mise en demeure (default: one more than the last, at most 3)")
        ->type_name("LEVEL");
    optional_option(*verb, "--on", o->request.on, "Date of the reminder (default today)")->type_name("DATE");
    verb->add_option("--format", o->format, "text (default), md or html")->type_name("FORMAT");
    verb->add_option("-o,--output", o->output, "Write to this file (whole or not at all); - is stdout")
        ->type_name("FILE");
    verb->add_flag("--force", o->force, "With -o: replace an existing file");
    ctx.on_run(verb, [&ctx, o] { run_remind(ctx, *o); });
    add_invoice_mail_verb(invoice, ctx);
}

void list_overdue(Context& ctx, const services::InvoiceQuery& query) {
    struct Row {
        services::ListedInvoice listed;
        std::int64_t days_late = 0;
    };
    std::vector<Row> rows;
    const auto today = domain::days_from_civil(domain::local_date(ctx.now(), ctx.time_zone()));
    services::InvoiceService(ctx.database(), ctx.config(), ctx.time_context()).each(query, [&](services::ListedInvoice& l) {
        auto due = domain::parse_iso_date(l.invoice.due_date);
        rows.push_back({std::move(l), due ? today - domain::days_from_civil(*due) : 0});
    });
    // Most late first; equally late ones in the listing's order (by number).
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.days_late > b.days_late; });
    const auto einvoicing = latest_einvoicing_statuses(ctx);
    const auto latest = services::ReminderService(ctx.database(), ctx.config(), ctx.time_context()).latest();
    render::ListView view{overdue_schema(), {}};
    for (const auto& row : rows) {
        const auto& invoice = row.listed.invoice;
        auto status = einvoicing.find(invoice.id);
        auto last = latest.find(invoice.id);
        view.rows.push_back(overdue_record(invoice, row.listed.status, ctx.time_zone(),
                                           status == einvoicing.end() ? std::string() : status->second, row.days_late,
                                           last == latest.end() ? std::nullopt
                                                                : std::optional<domain::Reminder>(last->second)));
    }
    render::write_list(ctx.out, view, ctx.output());
}

}  // namespace slash::cli
