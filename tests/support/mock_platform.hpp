#pragma once

// A mock approved platform (PA) for the e-invoicing tests and the tour: the four routes of
// the Flow Service and the Directory look-ups of AFNOR XP Z12-013 (tests/einvoicing/kit),
// on 127.0.0.1 and an ephemeral port. It checks what slash sends (bearer token, multipart
// parts, flowInfo fields, sha256), keeps it, and serves life-cycle messages taken from the
// kit's examples with the invoice number and seller replaced.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "support/http_server.hpp"

namespace slash::testing {

class MockPlatform {
public:
    struct Flow {
        std::string flow_id, tracking_id, name, syntax, processing_rule, sha256;
        std::string flow_type, direction;  ///< CustomerInvoice/Out, CustomerInvoiceLC/In...
        std::string submitted_at;
        std::string flow_info_json;  ///< as received
        std::string content_type;
        std::string file;
        std::string invoice_number;  ///< what a life-cycle flow is about
    };

    /// `kit`: tests/einvoicing/kit. `token`: the bearer token it accepts.
    MockPlatform(std::filesystem::path kit, std::string token);
    ~MockPlatform();

    [[nodiscard]] int port() const;
    [[nodiscard]] std::string flow_url() const;       ///< http://127.0.0.1:PORT/flow-service
    [[nodiscard]] std::string directory_url() const;  ///< http://127.0.0.1:PORT/directory-service
    /// Serves on a thread (tests) or in the calling thread until killed (the program).
    void start();
    void run();

    /// The next `times` requests to `route` ("POST /v1/flows", or "*") answer `status` with
    /// this Error body (and Retry-After when not empty).
    void fail_next(const std::string& route, int status, const std::string& code, const std::string& message,
                   int times = 1, const std::string& retry_after = "");
    /// The next request to `route` is answered (normally) after `ms` milliseconds.
    void delay_next(const std::string& route, int ms);
    /// Statuses the platform and the buyer set on each invoice it receives, as life-cycle
    /// flows slash finds with a search (default: 200 Déposée).
    void on_invoice(std::vector<std::string> codes);
    /// A life-cycle flow about `invoice_number` with status `code` (from the kit's examples).
    void emit(const std::string& invoice_number, const std::string& code);
    /// A company the directory knows, with one directory line per address.
    void add_company(const std::string& siren, const std::string& name, const std::vector<std::string>& addresses);
    /// The seller SIREN written into the life-cycle messages (default 123456782).
    void set_seller(const std::string& siren);
    /// Its clock (submittedAt, and the dates of the messages it serves) starts after this
    /// instant, one second per flow (default 2026-11-28T09:00:00Z, before the tests' now).
    void set_clock(std::int64_t start);

    [[nodiscard]] std::vector<Flow> received() const;  ///< flows slash sent, in order
    [[nodiscard]] std::vector<std::string> requests() const;  ///< "POST /v1/flows"...
    [[nodiscard]] std::vector<std::string> search_bodies() const;
    /// What it found wrong in slash's requests (empty when all was right).
    [[nodiscard]] std::vector<std::string> problems() const;

private:
    struct Failure {
        std::string route;
        int status;
        std::string code, message, retry_after;
    };
    struct Company {
        std::string name;
        std::vector<std::string> addresses;
    };

    void handle(HttpExchange& ex);
    void route_flows(HttpExchange& ex, const std::string& route);
    void create_flow(HttpExchange& ex);
    void search_flows(HttpExchange& ex);
    void get_flow(HttpExchange& ex, const std::string& id);
    void route_directory(HttpExchange& ex, const std::string& route);
    std::string next_time();
    void add_lifecycle(const std::string& number, const std::string& code);
    void problem(const std::string& what);
    static std::string read_file_text(const std::filesystem::path& path);

    std::filesystem::path kit_;
    std::string token_;
    std::string seller_ = "123456782";
    mutable std::mutex mutex_;
    std::vector<Flow> flows_;
    std::vector<Failure> failures_;
    std::map<std::string, int> delays_;
    std::vector<std::string> on_invoice_{"200"};
    std::map<std::string, Company> companies_;
    std::vector<std::string> requests_, searches_, problems_;
    std::int64_t clock_ = 1'795'856'400;  // 2026-11-28T09:00:00Z
    std::unique_ptr<HttpServer> server_;
};

}  // namespace slash::testing
