#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/einvoicing.hpp"
#include "slash/domain/time_grammar.hpp"
#include "slash/einvoicing/platform.hpp"
#include "slash/services/invoice_service.hpp"

namespace slash::storage {
class Database;
}

/// E-invoicing through the user's approved platform (docs/contract.md §5, docs/einvoicing.md):
/// `einvoicing check|sync`, `invoice send|status`, the 212 Encaissée of `invoice pay`,
/// `client lookup`. No database transaction is held while the network is used.
namespace slash::services {

/// What the command line knows that the config does not: the environment's token and
/// proxies, the home directory, and how to wait and speak while retrying.
struct EinvoicingEnvironment {
    std::optional<std::string> token;  ///< SLASH_EINVOICING_TOKEN
    std::optional<std::string> home;   ///< for a token_file starting with "~/"
    std::string proxy, no_proxy;
    std::function<void(int)> wait;
    std::function<void(const std::string&)> notice;
};

/// The invoice file the platform receives, in `syntax` ("Factur-X": the PDF/A-3, "CII": the
/// XML): made by the code that writes documents (cli), which services do not link.
using InvoiceFileMaker = std::function<std::string(const InvoiceDetails& details, std::string_view syntax)>;

struct SendOutcome {
    domain::EinvoicingFlow flow;
    std::string invoice;  ///< its number
    enum class How { Sent, AlreadyRecorded, FoundOnPlatform } how = How::Sent;
};

struct SyncOutcome {
    int sent = 0;  ///< queued status messages sent
    int flows = 0;  ///< life-cycle flows read
    std::vector<std::pair<std::string, domain::InvoiceStatus>> added;  ///< invoice number, new status
    std::vector<std::string> warnings;
};

struct StatusReport {
    domain::Invoice invoice;
    std::optional<domain::EinvoicingFlow> flow;
    std::vector<domain::InvoiceStatus> statuses;
};

/// What the payment of a sent invoice did about its 212 Encaissée.
struct PaidOutcome {
    enum class What { NotSent, NotRequired, Never, Sent, Queued } what = What::NotSent;
    std::string detail;  ///< the flow id, or why it was queued
};

struct CheckOutcome {
    bool healthy = false, authorised = false;
    std::string health, authorisation;  ///< one line each
};

class EinvoicingService {
public:
    EinvoicingService(storage::Database& db, const config::Config& config, const domain::TimeContext& time,
                      EinvoicingEnvironment environment);

    CheckOutcome check();
    SendOutcome send(const std::string& ref, const InvoiceFileMaker& make_file);
    SyncOutcome sync();
    [[nodiscard]] StatusReport status(const std::string& ref);
    /// After `invoice pay`: writes the 212 and sends it, or queues it, per paid_status.
    PaidOutcome paid(std::int64_t payment_id);
    /// The directory's entry for a SIREN; nullopt when it does not know it.
    [[nodiscard]] std::optional<einvoicing::DirectoryEntry> lookup(const std::string& siren);
    /// Looks the client's SIREN up and records the electronic address of its main line;
    /// returns that address.
    std::string record_address(const std::string& client_handle);
    [[nodiscard]] std::map<std::int64_t, domain::InvoiceStatus> latest_statuses();

private:
    einvoicing::PlatformAccess& access(bool directory);
    void send_queued(storage::Database& db, einvoicing::FlowService& flows, SyncOutcome& outcome);

    storage::Database& db_;
    const config::Config& config_;
    domain::TimeContext time_;
    EinvoicingEnvironment env_;
    std::optional<einvoicing::PlatformAccess> access_;
};

/// The latest life-cycle status of every invoice that has one, by invoice id (for listings;
/// no platform needed).
[[nodiscard]] std::map<std::int64_t, domain::InvoiceStatus> latest_einvoicing_statuses(storage::Database& db);

/// The electronic address `client add|edit --lookup` recorded, empty when none.
[[nodiscard]] std::string client_einvoicing_address(storage::Database& db, std::int64_t client_id);

/// The token: SLASH_EINVOICING_TOKEN, else the first line of `token_file`, which must not
/// be readable by group or others. Error(Config) otherwise; the token is in no message.
[[nodiscard]] std::string load_token(const config::EinvoicingConfig& config, const EinvoicingEnvironment& env);

/// `[einvoicing] paid_status = "auto"`: true when the law asks the seller for a 212 on this
/// invoice, i.e. its VAT is due on payment: services (not [urssaf] activity bic-sales) with
/// VAT (CGI art. 269-2-c; XP Z12-014 §"Encaissée"; docs/einvoicing.md).
[[nodiscard]] bool encaissee_required(const domain::Invoice& invoice, const config::Config& config);

}  // namespace slash::services
