#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <ostream>

#include "../context.hpp"
#include "../options.hpp"
#include "../views/invoice_view.hpp"
#include "commands.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/place_of_supply.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/pdf/invoice_pdf.hpp"
#include "slash/render/invoice_cii.hpp"
#include "slash/render/invoice_document.hpp"
#include "slash/render/invoice_html.hpp"
#include "slash/services/files.hpp"
#include "slash/services/invoice_service.hpp"

namespace slash::cli {

namespace {

services::InvoiceService service(Context& ctx) {
    return services::InvoiceService(ctx.database(), ctx.config(), ctx.time_context());
}

std::string ref_of(const domain::Invoice& invoice) {
    return invoice.number ? *invoice.number : std::to_string(invoice.id);
}

// The URSSAF figures count euros: a foreign payment without them is kept, and said.
void warn_without_eur(Context& ctx, const domain::Payment& payment) {
    if (payment.currency == "EUR" || payment.eur_minor) return;
    ctx.warn(fmt::format("payment {} is in {} without its EUR amount: the URSSAF figures need it; record the EUR "
                         "received with --eur",
                         payment.id, payment.currency));
}

// Services to an individual in another member state stay under French rules (CGI art.
// 259-2), but electronically supplied ones are taxed in the client's state past 10,000 EUR a
// year of such sales in the EU (directive 2006/112 art. 58 and 59 quater), declared through the
// OSS, which slash does not file.
void warn_oss(Context& ctx, const domain::Invoice& invoice) {
    auto decision = domain::place_of_supply("franchise", invoice.seller.country,
                                            invoice.buyer.business ? "business" : "individual", invoice.buyer.country);
    if (!decision.oss_warning()) return;
    ctx.warn(fmt::format("{} bills an individual in {}: French VAT rules apply, unless these are electronically "
                         "supplied services and such sales to EU individuals pass 10,000 EUR a year; then the VAT of "
                         "{} is due through the OSS (one-stop shop), which slash does not file",
                         *invoice.number, decision.country, decision.country));
}

// What a new draft holds, for the stderr note after its id.
std::string draft_summary(const domain::Invoice& d) {
    return fmt::format("draft {} for {}: {} line{}, {} ({} to {})", d.id, d.client_handle, d.lines.size(),
                       d.lines.size() == 1 ? "" : "s", domain::format_money(d.gross_minor, d.currency), d.period_from,
                       d.period_to);
}

render::InvoiceDocument document_of(const services::InvoiceDetails& d, const domain::TimeZone& zone) {
    render::InvoiceDocument document;
    document.invoice = d.invoice;
    document.vat = d.vat;
    document.mentions = d.mentions;
    document.payments = d.payments;
    document.status = d.einvoicing.empty() ? d.status : d.status + " (e-invoicing: " + d.einvoicing + ")";
    document.minor_digits = d.minor_digits;
    document.reminders = d.reminders;
    if (d.vat_decision) document.vat_reason = domain::vat_reason(*d.vat_decision, d.invoice.language);
    for (const auto& e : d.entries) {
        render::TimesheetRow row;
        row.date = domain::format_date(domain::local_date(e.start, zone));
        row.start = domain::format_local_hm(e.start, zone);
        row.end = e.end ? domain::format_local_hm(*e.end, zone) : "";
        row.mission = e.mission_address;
        row.seconds = e.end ? *e.end - e.start : 0;
        row.units = e.units_milli ? domain::format_amount(*e.units_milli, 3) : "";
        row.note = e.note;
        document.timesheet.push_back(std::move(row));
    }
    return document;
}

void add_new_command(CLI::App& noun, Context& ctx) {
    auto request = std::make_shared<services::DraftRequest>();
    CLI::App* verb = noun.add_subcommand("new", "Draft an invoice from a client's unbilled work; prints the draft id");
    verb->add_option("client", request->client, "Client handle")->required();
    optional_option(*verb, "period", request->period, "PERIOD to bill (default: lastmonth)")->type_name("PERIOD");
    verb->add_flag("--detail", request->detail, "One line per entry instead of one per mission");
    ctx.on_run(verb, [&ctx, request] {
        auto draft = service(ctx).draft(*request);
        ctx.out << draft.id << '\n';
        ctx.info(draft_summary(draft));
    });
}

void add_deposit_command(CLI::App& noun, Context& ctx) {
    auto request = std::make_shared<services::DepositRequest>();
    CLI::App* verb = noun.add_subcommand(
        "deposit", "Draft a deposit invoice (acompte) on a fixed-price mission; prints the draft id");
    verb->add_option("mission", request->mission, "Fixed-price mission, CLIENT/MISSION")->required();
    auto* percent = optional_option(*verb, "--percent", request->percent, "Percentage of the price, such as 30")
                        ->type_name("P");
    auto* amount = optional_option(*verb, "--amount", request->amount, "Amount before VAT, in the mission's currency")
                       ->type_name("A");
    percent->excludes(amount);
    ctx.on_run(verb, [&ctx, request] {
        auto draft = service(ctx).deposit(*request);
        ctx.out << draft.id << '\n';
        ctx.info(draft_summary(draft));
    });
}

void add_monthly_command(CLI::App& noun, Context& ctx) {
    struct MonthlyOptions {
        std::optional<std::string> month;
        bool dry_run = false;
        bool detail = false;
    };
    auto o = std::make_shared<MonthlyOptions>();
    CLI::App* verb = noun.add_subcommand("monthly", "Draft one invoice per client with unbilled work in a month");
    optional_option(*verb, "month", o->month, "Month to bill, YYYY-MM (default: lastmonth)")->type_name("MONTH");
    verb->add_flag("-n,--dry-run", o->dry_run, "Show the drafts without writing them");
    verb->add_flag("--detail", o->detail, "One line per entry instead of one per mission");
    ctx.on_run(verb, [&ctx, o] {
        auto invoices = service(ctx).monthly(o->month, o->dry_run, o->detail);
        std::vector<services::ListedInvoice> listed;
        for (auto& invoice : invoices) listed.push_back({std::move(invoice), "draft"});
        auto output = ctx.output();
        auto view = invoice_list_view(listed, ctx.time_zone());
        if (output.format == render::Format::Auto) {
            for (std::size_t i = 0; i < view.rows.size(); ++i) blank_draft_due(view.rows[i], listed[i].invoice);
        }
        render::write_list(ctx.out, view, output);
        if (o->dry_run) ctx.info("dry run: nothing was written");
    });
}

void add_line_commands(CLI::App& noun, Context& ctx) {
    CLI::App* line = noun.add_subcommand("line", "Add or remove lines of a draft: expenses, discounts");
    {
        struct AddOptions {
            std::string draft;
            services::LineRequest request;
        };
        auto o = std::make_shared<AddOptions>();
        CLI::App* verb = line->add_subcommand("add", "Add a line to a draft; prints its position");
        verb->add_option("draft", o->draft, "Draft id")->required();
        verb->add_option("description", o->request.description, "What the line bills")->required();
        verb->add_option("--price", o->request.price, "Unit price, negative for a discount")
            ->required()
            ->type_name("AMOUNT");
        optional_option(*verb, "--quantity", o->request.quantity, "Quantity (default 1)")->type_name("NUMBER");
        optional_option(*verb, "--unit", o->request.unit, "hour, day or unit (default unit)")->type_name("UNIT");
        optional_option(*verb, "--unit-name", o->request.unit_name, "What one unit is: night, km, licence");
        optional_option(*verb, "--vat", o->request.vat_rate, "VAT rate in percent (standard regime)")
            ->type_name("PERCENT");
        optional_option(*verb, "--currency", o->request.currency, "Currency of the price: must be the invoice's")
            ->type_name("CODE");
        ctx.on_run(verb, [&ctx, o] {
            auto invoice = service(ctx).add_line(o->draft, o->request);
            ctx.out << invoice.lines.size() << '\n';
        });
    }
    {
        struct RmOptions {
            std::string draft;
            std::int64_t position = 0;
        };
        auto o = std::make_shared<RmOptions>();
        CLI::App* verb = line->add_subcommand("rm", "Remove a line of a draft; its work is unbilled again");
        verb->add_option("draft", o->draft, "Draft id")->required();
        verb->add_option("line", o->position, "Line number, as invoice show numbers them")->required();
        ctx.on_run(verb, [&ctx, o] {
            auto invoice = service(ctx).remove_line(o->draft, o->position);
            ctx.out << ref_of(invoice) << '\n';
        });
    }
}

// The formats of `invoice show` and `invoice export`, and the file extension of each.
const std::vector<std::pair<std::string, std::string>>& document_formats() {
    static const std::vector<std::pair<std::string, std::string>> formats{
        {"text", "txt"}, {"md", "md"}, {"json", "json"}, {"html", "html"}, {"cii", "xml"}, {"pdf", "pdf"}};
    return formats;
}

std::string checked_format(const std::string& format, bool files_only) {
    for (const auto& [name, extension] : document_formats()) {
        if (name == format && (!files_only || name == "pdf" || name == "cii" || name == "html")) return extension;
    }
    throw Error(ErrorKind::Usage, fmt::format("invalid --format {}: use {}", domain::quoted(format),
                                              files_only ? "pdf, cii or html" : "text, md, json, html, cii or pdf"));
}

// One invoice as a document in `format`, as bytes.
std::string document_bytes(Context& ctx, const services::InvoiceDetails& details, const std::string& format,
                           bool timesheet) {
    if (format == "json") return render::to_json(invoice_document_value(details, ctx.time_zone())) + "\n";
    auto document = document_of(details, ctx.time_zone());
    // What is sent to a client is the invoice, not slash's bookkeeping of it: a status
    // (overdue, paid...) would make the same invoice print differently from day to day.
    if (format == "html" || format == "pdf" || format == "cii") document.status.clear();
    if (format == "cii") return render::invoice_cii(document);
    if (format == "pdf") return pdf::invoice_pdf(document, render::invoice_cii(document), timesheet);
    std::ostringstream out;
    if (format == "html") {
        render::write_invoice_html(out, document, timesheet);
    } else if (format == "md") {
        render::write_invoice_markdown(out, document);
    } else {
        render::write_invoice_text(out, document);
    }
    return out.str();
}

void add_show_command(CLI::App& noun, Context& ctx) {
    struct ShowOptions {
        std::string ref;
        std::string format = "text";
        std::string output;
        bool force = false;
        bool timesheet = false;
    };
    auto o = std::make_shared<ShowOptions>();
    CLI::App* verb = noun.add_subcommand("show", "Show an invoice as a document: text, md, json, html, cii or pdf");
    verb->add_option("ref", o->ref, "Invoice number, or draft id")->required();
    verb->add_option("--format", o->format, "text, md, json, html, cii (Factur-X XML) or pdf (Factur-X PDF/A-3)")
        ->type_name("FORMAT");
    verb->add_option("-o,--output", o->output, "Write to this file (whole or not at all); - is stdout")
        ->type_name("FILE");
    verb->add_flag("--force", o->force, "With -o: replace an existing file");
    verb->add_flag("--timesheet", o->timesheet, "html and pdf: add the timesheet annex of the billed entries");
    ctx.on_run(verb, [&ctx, o] {
        auto format = ctx.globals.json ? std::string("json") : o->format;
        checked_format(format, false);
        // `-o -` is stdout, as for every Unix tool taking a file name.
        if (o->output == "-") o->output.clear();
        if (format == "pdf" && o->output.empty() && ctx.env.stdout_is_tty) {
            throw Error(ErrorKind::Usage, "a PDF is not for a terminal: write it with -o FILE, or redirect stdout");
        }
        auto details = service(ctx).details(o->ref);
        auto bytes = document_bytes(ctx, details, format, o->timesheet);
        if (o->output.empty()) {
            ctx.out << bytes;
            return;
        }
        services::write_output_file(o->output, bytes, o->force);
        ctx.out << o->output << '\n';
    });
}

// "2026/0001" is a valid invoice number (BR-FR-02) but not a file name.
std::string file_name_of(const std::string& number, const std::string& extension) {
    std::string name = number;
    for (auto& ch : name) {
        if (ch == '/') ch = '-';
    }
    return name + "." + extension;
}

void add_export_command(CLI::App& noun, Context& ctx) {
    struct ExportOptions {
        std::optional<std::string> period;
        std::string format = "pdf";
        std::string dir;
        bool force = false;
        bool timesheet = false;
    };
    auto o = std::make_shared<ExportOptions>();
    CLI::App* verb = noun.add_subcommand("export", "Write every issued invoice of a period as files named by number");
    optional_option(*verb, "period", o->period, "Issue dates to export (default: every issued invoice)")
        ->type_name("PERIOD");
    verb->add_option("--format", o->format, "pdf (default), cii or html")->type_name("FORMAT");
    verb->add_option("--dir", o->dir, "Directory to write into (must exist)")->required()->type_name("DIR");
    verb->add_flag("--force", o->force, "Replace files that already exist");
    verb->add_flag("--timesheet", o->timesheet, "html and pdf: add the timesheet annex");
    ctx.on_run(verb, [&ctx, o] {
        auto extension = checked_format(o->format, true);
        std::filesystem::path dir(o->dir);
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) {
            throw Error(ErrorKind::Usage,
                        fmt::format("invalid --dir {}: no such directory; create it first", domain::quoted(o->dir)));
        }
        services::InvoiceQuery query;
        query.issued_in = o->period ? o->period : std::optional<std::string>("2000-01-01..9999-12-31");
        auto invoices = service(ctx).list(query);
        if (invoices.empty()) {
            throw Error(ErrorKind::Failure, o->period ? fmt::format("no invoice issued in {}", domain::quoted(*o->period))
                                                      : std::string("no invoice issued yet"));
        }
        // All or nothing, as far as a file system allows: every document is made and every
        // target checked before the first file is written.
        std::vector<std::filesystem::path> paths;
        std::vector<std::string> documents;
        std::map<std::filesystem::path, std::string> taken;
        for (const auto& listed : invoices) {
            const auto& number = *listed.invoice.number;
            auto path = dir / file_name_of(number, extension);
            if (auto [other, inserted] = taken.emplace(path, number); !inserted) {
                throw Error(ErrorKind::Conflict,
                            fmt::format("invoices {} and {} would both be written to \"{}\"; export them one "
                                        "at a time with slash invoice show -o",
                                        other->second, number, path.string()));
            }
            if (std::filesystem::is_directory(path, ec)) {
                throw Error(ErrorKind::Usage, fmt::format("cannot write \"{}\": it is a directory", path.string()));
            }
            if (!o->force && std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
                throw Error(ErrorKind::Conflict,
                            fmt::format("\"{}\" already exists; use --force to replace it", path.string()));
            }
            paths.push_back(path);
            documents.push_back(document_bytes(ctx, service(ctx).details(number), o->format, o->timesheet));
        }
        for (std::size_t i = 0; i < paths.size(); ++i) {
            services::write_output_file(paths[i], documents[i], true);
            ctx.out << paths[i].string() << '\n';
        }
    });
}

void add_list_command(CLI::App& noun, Context& ctx) {
    auto query = std::make_shared<services::InvoiceQuery>();
    CLI::App* verb = noun.add_subcommand("list", "List invoices and drafts with their status");
    optional_option(*verb, "--status", query->status,
                    "draft, issued, paid, partially_paid, overdue or cancelled")
        ->type_name("STATUS");
    optional_option(*verb, "--client", query->client, "Only this client's")->type_name("CLIENT");
    optional_option(*verb, "--year", query->year, "Issued that year (drafts: period)")->type_name("YEAR");
    verb->add_flag("--overdue", query->overdue, "Only overdue invoices");
    ctx.on_run(verb, [&ctx, query] {
        if (query->overdue) return list_overdue(ctx, *query);
        // Streamed: ten years of invoices are listed in constant memory.
        auto output = ctx.output();
        render::ListWriter writer(ctx.out, invoice_schema(), output);
        const auto einvoicing = latest_einvoicing_statuses(ctx);
        service(ctx).each(*query, [&](services::ListedInvoice& listed) {
            auto latest = einvoicing.find(listed.invoice.id);
            auto record = invoice_record(listed.invoice, listed.status, ctx.time_zone(),
                                         latest == einvoicing.end() ? std::string() : latest->second);
            if (output.format == render::Format::Auto) blank_draft_due(record, listed.invoice);
            writer.add(std::move(record));
        });
        writer.finish();
    });
}

}  // namespace

std::string invoice_file_bytes(Context& ctx, const services::InvoiceDetails& details, std::string_view syntax) {
    return document_bytes(ctx, details, syntax == "Factur-X" ? "pdf" : "cii", false);
}

void add_invoice_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("invoice", "Draft, issue, show and settle invoices and credit notes");
    add_new_command(*noun, ctx);
    add_monthly_command(*noun, ctx);
    add_deposit_command(*noun, ctx);
    add_line_commands(*noun, ctx);
    {
        struct IssueOptions {
            std::string draft;
            std::optional<std::string> date;
        };
        auto o = std::make_shared<IssueOptions>();
        CLI::App* verb = noun->add_subcommand("issue", "Number, freeze and lock a draft; prints its number");
        verb->add_option("draft", o->draft, "Draft id")->required();
        optional_option(*verb, "--date", o->date, "Issue date (default today)")->type_name("DATE");
        ctx.on_run(verb, [&ctx, o] {
            auto invoice = service(ctx).issue(o->draft, o->date);
            ctx.out << *invoice.number << '\n';
            const std::string after_deposits =
                invoice.prepaid_minor == 0
                    ? std::string()
                    : fmt::format(" ({} after deposits)",
                                  domain::format_money(invoice.payable_minor(), invoice.currency));
            ctx.info(fmt::format("issued {} to {}: {}{}, due {}", *invoice.number, invoice.client_handle,
                                 domain::format_money(invoice.gross_minor, invoice.currency), after_deposits,
                                 invoice.due_date));
            warn_oss(ctx, invoice);
        });
    }
    add_show_command(*noun, ctx);
    add_export_command(*noun, ctx);
    add_list_command(*noun, ctx);
    add_invoice_einvoicing_verbs(*noun, ctx);
    add_invoice_reminder_verbs(*noun, ctx);
    {
        struct PayOptions {
            std::string ref;
            services::PayRequest request;
        };
        auto o = std::make_shared<PayOptions>();
        CLI::App* verb = noun->add_subcommand("pay", "Record a payment of an invoice; prints the payment id");
        verb->add_option("ref", o->ref, "Invoice number")->required();
        optional_option(*verb, "--amount", o->request.amount, "Amount received (default: all that is due)")
            ->type_name("AMOUNT");
        optional_option(*verb, "--on", o->request.on, "Date received (default today)")->type_name("DATE");
        verb->add_option("--method", o->request.method,
                         domain::payment_method_list(" or ") + " (default transfer)")
            ->type_name("METHOD");
        optional_option(*verb, "--eur", o->request.eur, "EUR actually received, for another currency")
            ->type_name("AMOUNT");
        verb->add_option("--note", o->request.note, "A note for the books");
        ctx.on_run(verb, [&ctx, o] {
            auto payment = service(ctx).pay(o->ref, o->request);
            ctx.out << payment.id << '\n';
            warn_without_eur(ctx, payment);
            after_payment(ctx, payment.id);
        });
    }
    {
        struct CreditOptions {
            std::string ref;
            std::string reason;
            std::optional<std::string> date;
        };
        auto o = std::make_shared<CreditOptions>();
        CLI::App* verb =
            noun->add_subcommand("credit", "Cancel an issued invoice by a credit note; prints the credit note number");
        verb->add_option("ref", o->ref, "Invoice number")->required();
        verb->add_option("--reason", o->reason, "Why the invoice is cancelled (printed on the credit note)");
        optional_option(*verb, "--date", o->date, "Credit note date (default today)")->type_name("DATE");
        ctx.on_run(verb, [&ctx, o] {
            auto note = service(ctx).credit(o->ref, o->reason, o->date);
            ctx.out << *note.number << '\n';
            ctx.info(fmt::format("{} cancels invoice {}; its entries are unbilled again", *note.number,
                                 note.credited_number));
            auto original = service(ctx).details(note.credited_number).invoice;
            if (original.paid_minor > 0) {
                ctx.warn(fmt::format("{} was paid {}: that money stays recorded against it; refund it or set it "
                                     "against the next invoice",
                                     original.label(), domain::format_money(original.paid_minor, original.currency)));
            }
        });
    }
    {
        auto ref = std::make_shared<std::string>();
        CLI::App* verb = noun->add_subcommand("rm", "Delete a draft and free its entries");
        verb->add_option("draft", *ref, "Draft id")->required();
        ctx.on_run(verb, [&ctx, ref] { ctx.out << service(ctx).remove(*ref).id << '\n'; });
    }
}

void add_payment_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("payment", "Money received, with or without an invoice");
    {
        auto request = std::make_shared<services::PaymentRequest>();
        CLI::App* verb = noun->add_subcommand("add", "Record a receipt without invoice; prints its id");
        verb->add_option("--client", request->client, "Client handle")->required()->type_name("CLIENT");
        verb->add_option("--amount", request->amount, "Amount, in the client's currency")
            ->required()
            ->type_name("AMOUNT");
        optional_option(*verb, "--on", request->on, "Date received (default today)")->type_name("DATE");
        verb->add_option("--method", request->method,
                         domain::payment_method_list(" or ") + " (default platform)")
            ->type_name("METHOD");
        optional_option(*verb, "--eur", request->eur, "EUR actually received, for another currency")
            ->type_name("AMOUNT");
        verb->add_option("--note", request->note, "What it pays for");
        optional_option(*verb, "--activity", request->activity,
                        "URSSAF activity: bnc, bic-services or bic-sales (default: [urssaf] activity)")
            ->type_name("ACTIVITY");
        ctx.on_run(verb, [&ctx, request] {
            auto payment = services::PaymentService(ctx.database(), ctx.time_context()).add(*request);
            ctx.out << payment.id << '\n';
            warn_without_eur(ctx, payment);
        });
    }
    {
        auto query = std::make_shared<services::PaymentQuery>();
        CLI::App* verb = noun->add_subcommand("list", "List payments by date");
        optional_option(*verb, "period", query->period, "PERIOD (default: all)")->type_name("PERIOD");
        optional_option(*verb, "--client", query->client, "Only this client's")->type_name("CLIENT");
        optional_option(*verb, "--invoice", query->invoice, "Only this invoice's")->type_name("REF");
        ctx.on_run(verb, [&ctx, query] {
            auto payments = services::PaymentService(ctx.database(), ctx.time_context()).list(*query);
            render::write_list(ctx.out, payment_list_view(payments, ctx.time_zone()), ctx.output());
        });
    }
    {
        auto id = std::make_shared<std::int64_t>(0);
        CLI::App* verb = noun->add_subcommand("rm", "Delete a payment recorded by mistake");
        verb->add_option("id", *id, "Payment id")->required();
        ctx.on_run(verb, [&ctx, id] {
            ctx.out << services::PaymentService(ctx.database(), ctx.time_context()).remove(*id).id << '\n';
        });
    }
}

}  // namespace slash::cli
