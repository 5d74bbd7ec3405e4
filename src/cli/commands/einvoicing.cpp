// E-invoicing through the user's approved platform (slash-einvoicing(1), docs/einvoicing.md):
// `einvoicing check|sync`, `invoice send|status`, `client lookup`, and the hooks of
// `invoice pay` (212 Encaissée) and `client add|edit --lookup`.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <array>
#include <chrono>
#include <memory>
#include <ostream>
#include <thread>

#include "../context.hpp"
#include "../views/einvoicing_view.hpp"
#include "commands.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/services/einvoicing_service.hpp"

namespace slash::cli {

namespace {

// The environment's part: the token, $HOME for "~/", and the proxy for the platform's
// scheme, as curl(1) reads them (https_proxy, http_proxy, ALL_PROXY, NO_PROXY).
services::EinvoicingEnvironment environment_of(Context& ctx) {
    services::EinvoicingEnvironment e;
    const auto& env = ctx.env;
    e.token = env.get("SLASH_EINVOICING_TOKEN");
    e.home = env.get("HOME");
    static constexpr std::array<const char*, 4> kHttps{"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"};
    static constexpr std::array<const char*, 4> kHttp{"http_proxy", "all_proxy", "ALL_PROXY", "all_proxy"};
    const bool https = ctx.config().einvoicing.platform_url.starts_with("https:");
    for (const char* name : https ? kHttps : kHttp) {
        if (auto value = env.get(name)) {
            e.proxy = *value;
            break;
        }
    }
    e.no_proxy = env.get("no_proxy").value_or(env.get("NO_PROXY").value_or(""));
    e.wait = [](int seconds) { std::this_thread::sleep_for(std::chrono::seconds(seconds)); };
    e.notice = [&ctx](const std::string& text) { ctx.info(text); };
    return e;
}

services::EinvoicingService service(Context& ctx) {
    return services::EinvoicingService(ctx.database(), ctx.config(), ctx.time_context(), environment_of(ctx));
}

std::string when(Context& ctx, const std::optional<std::int64_t>& at) {
    return at ? domain::format_local_iso(*at, ctx.time_zone()) : std::string("?");
}

// Each verb: its options, the function declaring its arguments, the function running it.

struct RefOptions {
    std::string ref;
};

struct LookupOptions {
    std::string siren;
};

void declare_ref(CLI::App& verb, RefOptions& o) { verb.add_option("ref", o.ref, "Invoice number")->required(); }

void declare_lookup(CLI::App& verb, LookupOptions& o) {
    verb.add_option("siren", o.siren, "SIREN (or SIRET) of the company")->required();
}

void run_send(Context& ctx, const RefOptions& o) {
    auto outcome = service(ctx).send(o.ref, [&ctx](const services::InvoiceDetails& details, std::string_view syntax) {
        return invoice_file_bytes(ctx, details, syntax);
    });
    const auto& flow = outcome.flow;
    ctx.out << flow.flow_id << '\n';
    switch (outcome.how) {
        case services::SendOutcome::How::AlreadyRecorded:
            ctx.info(fmt::format("invoice {} was already sent: flow {} of {}; nothing sent again", outcome.invoice,
                                 flow.flow_id, when(ctx, flow.submitted_at)));
            break;
        case services::SendOutcome::How::FoundOnPlatform:
            ctx.info(fmt::format("invoice {} was already on the platform (flow {}, found by its tracking id); "
                                 "recorded, nothing sent again",
                                 outcome.invoice, flow.flow_id));
            break;
        case services::SendOutcome::How::Sent:
            ctx.info(fmt::format("sent invoice {} as {} ({}): flow {}; slash einvoicing sync fetches its statuses",
                                 outcome.invoice, flow.file_name, flow.syntax, flow.flow_id));
            break;
    }
    if (flow.ack_status == "Error") {
        ctx.warn(fmt::format("the platform did not accept flow {}: {}", flow.flow_id, flow.ack_details));
    }
}

void run_status(Context& ctx, const RefOptions& o) {
    auto report = service(ctx).status(o.ref);
    const std::string label = report.invoice.label();
    if (!report.flow) {
        throw Error(ErrorKind::Failure, fmt::format("invoice {} was not sent through the platform; send it with "
                                                    "slash invoice send {}",
                                                    label, label));
    }
    render::ListView view{invoice_status_schema(), {}};
    for (const auto& s : report.statuses) view.rows.push_back(invoice_status_record(label, s, ctx.time_zone()));
    render::write_list(ctx.out, view, ctx.output());
    if (report.statuses.empty()) {
        ctx.info(fmt::format("no status yet for flow {}; slash einvoicing sync fetches them", report.flow->flow_id));
    } else if (auto advice = domain::status_advice(report.statuses.back().code); !advice.empty()) {
        ctx.warn(fmt::format("invoice {} is {}: {}", label, report.statuses.back().label, advice));
    }
}

void run_lookup(Context& ctx, const LookupOptions& o) {
    auto entry = service(ctx).lookup(o.siren);
    if (!entry) throw Error(ErrorKind::NotFound, fmt::format("SIREN {} is not in the directory", domain::quoted(o.siren)));
    if (entry->lines.empty()) {
        throw Error(ErrorKind::Failure, fmt::format("SIREN {} ({}) has no directory line: it does not receive "
                                                    "e-invoices yet",
                                                    entry->siren, entry->business_name));
    }
    render::write_list(ctx.out, directory_view(*entry), ctx.output());
    ctx.info(fmt::format("{} {}: {} address{}", entry->siren, entry->business_name, entry->lines.size(),
                         entry->lines.size() == 1 ? "" : "es"));
}

void run_check(Context& ctx) {
    auto outcome = service(ctx).check();
    if (!outcome.healthy || !outcome.authorised) {
        if (outcome.healthy) ctx.info(outcome.health);
        if (outcome.authorised) ctx.info(outcome.authorisation);
        throw Error(ErrorKind::Failure, outcome.healthy ? outcome.authorisation : outcome.health);
    }
    ctx.out << outcome.health << '\n' << outcome.authorisation << '\n';
}

void run_sync(Context& ctx) {
    auto outcome = service(ctx).sync();
    render::ListView view{invoice_status_schema(), {}};
    for (const auto& [number, status] : outcome.added)
        view.rows.push_back(invoice_status_record(number, status, ctx.time_zone()));
    render::write_list(ctx.out, view, ctx.output());
    for (const auto& warning : outcome.warnings) ctx.warn(warning);
    ctx.info(fmt::format("synced: {} life-cycle message{} read, {} new status{}, {} status message{} sent",
                         outcome.flows, outcome.flows == 1 ? "" : "s", outcome.added.size(),
                         outcome.added.size() == 1 ? "" : "es", outcome.sent, outcome.sent == 1 ? "" : "s"));
    for (const auto& [number, status] : outcome.added) {
        if (auto advice = domain::status_advice(status.code); !advice.empty())
            ctx.warn(fmt::format("invoice {} is {}: {}", number, status.label, advice));
    }
}

// A verb with options `Options`: declared by `declare`, run by `run` once the whole line
// is parsed.
template <class Options>
void add_verb(CLI::App& noun, Context& ctx, const char* name, const char* help,
              void (*declare)(CLI::App&, Options&), void (*run)(Context&, const Options&)) {
    auto options = std::make_shared<Options>();
    CLI::App* verb = noun.add_subcommand(name, help);
    declare(*verb, *options);
    ctx.on_run(verb, [&ctx, options, run] { run(ctx, *options); });
}

}  // namespace

void add_einvoicing_commands(CLI::App& app, Context& ctx) {
    CLI::App* noun = app.add_subcommand("einvoicing", "Your e-invoicing platform: check the access, sync the statuses");
    ctx.on_run(noun->add_subcommand("check", "Check that the platform answers and accepts your token"),
               [&ctx] { run_check(ctx); });
    ctx.on_run(noun->add_subcommand("sync", "Send queued status messages, then fetch new life-cycle statuses"),
               [&ctx] { run_sync(ctx); });
}

void add_invoice_einvoicing_verbs(CLI::App& invoice, Context& ctx) {
    add_verb<RefOptions>(invoice, ctx, "send",
                         "Send an issued invoice through your e-invoicing platform; prints the flow id", &declare_ref,
                         &run_send);
    add_verb<RefOptions>(invoice, ctx, "status",
                         "List the e-invoicing life cycle of an invoice (Déposée ... Encaissée)", &declare_ref,
                         &run_status);
}

void add_client_lookup_verb(CLI::App& client, Context& ctx) {
    add_verb<LookupOptions>(client, ctx, "lookup", "Ask the e-invoicing directory where a company receives invoices",
                            &declare_lookup, &run_lookup);
}

void after_payment(Context& ctx, std::int64_t payment_id) {
    auto outcome = service(ctx).paid(payment_id);
    using What = services::PaidOutcome::What;
    switch (outcome.what) {
        case What::NotSent:
        case What::Never:
            return;
        case What::NotRequired:
            ctx.info("no 212 Encaissée sent: no VAT is due on this payment (einvoicing.paid_status = auto)");
            return;
        case What::Sent:
            ctx.info(fmt::format("sent the 212 Encaissée status to the platform: flow {}", outcome.detail));
            return;
        case What::Queued:
            ctx.warn(fmt::format("the 212 Encaissée status is queued ({}); slash einvoicing sync sends it",
                                 outcome.detail));
            return;
    }
}

void record_client_address(Context& ctx, const std::string& handle) {
    auto address = service(ctx).record_address(handle);
    ctx.info(fmt::format("electronic address of {}: {} (from the directory)", handle, address));
}

std::string client_einvoicing_address(Context& ctx, std::int64_t client_id) {
    return services::client_einvoicing_address(ctx.database(), client_id);
}

std::map<std::int64_t, std::string> latest_einvoicing_statuses(Context& ctx) {
    std::map<std::int64_t, std::string> texts;
    for (const auto& [id, status] : services::latest_einvoicing_statuses(ctx.database())) texts[id] = status_text(status);
    return texts;
}

}  // namespace slash::cli
