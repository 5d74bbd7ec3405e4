#include <fmt/format.h>

#include <algorithm>

#include "invoice_internal.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/money.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/domain/urssaf_figures.hpp"
#include "slash/services/invoice_service.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/payment_store.hpp"
#include "text_checks.hpp"

namespace slash::services {

namespace {

std::int64_t positive_amount(std::string_view text, std::string_view flag, const std::string& currency) {
    std::int64_t minor = 0;
    try {
        minor = domain::parse_amount(text, domain::currency_minor_digits(currency));
    } catch (const Error& e) {
        throw Error(ErrorKind::Usage, fmt::format("invalid {}: {}", flag, e.what()));
    }
    if (minor <= 0) {
        throw Error(ErrorKind::Usage,
                    fmt::format("invalid {} {}: a payment is a positive amount", flag, domain::quoted(text)));
    }
    return minor;
}

}  // namespace

domain::Payment PaymentService::add(const PaymentRequest& request) {
    const auto method = domain::payment_method_from_text(request.method);
    if (!method) {
        throw Error(ErrorKind::Usage, fmt::format("invalid --method {}: use {}", domain::quoted(request.method),
                                                  domain::payment_method_list(" or ")));
    }
    require_single_line(request.note, "--note");
    std::optional<std::string> activity;
    if (request.activity && *request.activity != "default") {
        activity = std::string(domain::activity_name(domain::parse_activity(*request.activity, "--activity")));
    }
    auto paid_on = invoicing::payment_date(request.on, time_);
    storage::WriteTransaction tx(db_);
    auto client = storage::ClientStore(db_).get(request.client);
    domain::Payment payment;
    payment.client_id = client.id;
    payment.currency = client.currency;
    payment.amount_minor = positive_amount(request.amount, "--amount", client.currency);
    if (request.eur) {
        if (client.currency == "EUR") {
            throw Error(ErrorKind::Usage, fmt::format("invalid --eur {}: client {} pays in EUR already",
                                                      domain::quoted(*request.eur), client.handle));
        }
        payment.eur_minor = positive_amount(*request.eur, "--eur", "EUR");
    }
    payment.paid_on = paid_on;
    payment.method = *method;
    payment.note = request.note;
    payment.activity = activity;
    payment.created_at = time_.now;
    storage::PaymentStore store(db_);
    payment.id = store.insert(payment);
    tx.commit();
    return *store.find(payment.id);
}

std::vector<domain::Payment> PaymentService::list(const PaymentQuery& query) {
    storage::PaymentFilter filter;
    if (query.period) {
        auto period = domain::parse_period(*query.period, time_);
        filter.from = domain::format_date(period.first_day);
        filter.to = domain::format_date(period.last_day);
    }
    if (query.client) filter.client_id = storage::ClientStore(db_).get(*query.client).id;
    if (query.invoice) {
        storage::InvoiceStore invoices(db_);
        filter.invoice_id = invoicing::get_invoice(invoices, *query.invoice).id;
    }
    return storage::PaymentStore(db_).list(filter);
}

domain::Payment PaymentService::remove(std::int64_t id) {
    storage::WriteTransaction tx(db_);
    storage::PaymentStore store(db_);
    auto payment = store.find(id);
    if (!payment) {
        throw Error(ErrorKind::NotFound, fmt::format("unknown payment \"{}\"; see \"slash payment list\"", id));
    }
    store.remove(id);
    tx.commit();
    return *payment;
}

}  // namespace slash::services
