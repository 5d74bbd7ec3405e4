// Real processes issuing at once, or killed while issuing: numbers stay unique,
// consecutive and gapless, and an invoice is either a draft or fully issued.

#include <doctest/doctest.h>
#include <signal.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <latch>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "support/process.hpp"
#include "support/test_env.hpp"

using slash::testing::ProcessResult;
using slash::testing::Workspace;

namespace {

// A seller and one business client able to be invoiced, and one draft per day given (from
// 1 September 2026, 1 h each): the drafts get ids 1, 2, 3... in that order.
void make_drafts(Workspace& ws, int drafts) {
    auto ok = [&](std::vector<std::string> args) {
        auto r = ws.run(std::move(args));
        REQUIRE_MESSAGE(r.code == 0, r.err);
        return r.out;
    };
    ok({"init", "--no-input", "--name", "Camille Martin", "--siren", "123456782", "--address", "12 rue des Lilas",
        "--address", "75011 Paris", "--email", "camille@example.org"});
    ok({"client", "add", "acme", "--name", "ACME SAS", "--address", "1 rue X", "--address", "75002 Paris", "--siren",
        "552100554", "--hourly", "65"});
    ok({"mission", "add", "acme/website"});
    for (int d = 1; d <= drafts; ++d) {
        // September then October: up to 61 drafts, one day each.
        auto day = d <= 30 ? fmt::format("2026-09-{:02}", d) : fmt::format("2026-10-{:02}", d - 30);
        ok({"log", "acme/website", "1h", "--on", day});
        CHECK(ok({"invoice", "new", "acme", day}) == fmt::format("{}\n", d));
    }
}

std::map<std::string, std::string> process_env(const Workspace& ws) {
    return {ws.env.variables.begin(), ws.env.variables.end()};
}

std::string number(int seq) { return fmt::format("2026-{:04}", seq); }

// What a kill may leave of one invoice: the whole row, its lines and its entries, as text.
struct InvoiceState {
    std::string status, number, seq, issue_date, due_date, issued_at, seller_name, buyer_name, buyer_siren;
    std::string totals, lines, entries;
};

std::string text_of(const SQLite::Column& column) { return column.isNull() ? "NULL" : column.getString(); }

InvoiceState state_of(const Workspace& ws, int id) {
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE, 5000);
    InvoiceState s;
    SQLite::Statement row(db,
                          "SELECT status, number, seq, issue_date, due_date, issued_at, seller_name, buyer_name, "
                          "buyer_siren, net_minor || '/' || vat_minor || '/' || gross_minor "
                          "FROM invoices WHERE id = ?");
    row.bind(1, id);
    REQUIRE(row.executeStep());
    s.status = text_of(row.getColumn(0));
    s.number = text_of(row.getColumn(1));
    s.seq = text_of(row.getColumn(2));
    s.issue_date = text_of(row.getColumn(3));
    s.due_date = text_of(row.getColumn(4));
    s.issued_at = text_of(row.getColumn(5));
    s.seller_name = text_of(row.getColumn(6));
    s.buyer_name = text_of(row.getColumn(7));
    s.buyer_siren = text_of(row.getColumn(8));
    s.totals = text_of(row.getColumn(9));
    SQLite::Statement lines(db, "SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY id");
    lines.bind(1, id);
    while (lines.executeStep()) {
        for (int i = 0; i < lines.getColumnCount(); ++i) s.lines += "|" + text_of(lines.getColumn(i));
        s.lines += "\n";
    }
    SQLite::Statement entries(db, "SELECT id FROM entries WHERE invoice_id = ? ORDER BY id");
    entries.bind(1, id);
    while (entries.executeStep()) s.entries += text_of(entries.getColumn(0)) + " ";
    return s;
}

std::vector<std::string> all_numbers(const Workspace& ws) {
    SQLite::Database db(ws.db_path().string(), SQLite::OPEN_READWRITE, 5000);
    SQLite::Statement stmt(db, "SELECT number FROM invoices WHERE number IS NOT NULL ORDER BY seq");
    std::vector<std::string> numbers;
    while (stmt.executeStep()) numbers.push_back(stmt.getColumn(0).getString());
    return numbers;
}

void expect_db_check_clean(Workspace& ws) {
    auto r = ws.run({"db", "check"});
    CHECK(r.code == 0);
    CHECK(r.out == "ok\n");
    CHECK(r.err == "");
}

}  // namespace

TEST_CASE("cli/invoice concurrency 4 processes issuing at once get 2026-0001 to 2026-0004") {
    constexpr int kRounds = 4;
    constexpr int kProcesses = 4;
    for (int round = 0; round < kRounds; ++round) {
        CAPTURE(round);
        Workspace ws;
        make_drafts(ws, kProcesses);
        auto env = process_env(ws);
        std::vector<ProcessResult> results(kProcesses);
        std::vector<std::thread> threads;
        std::latch start(kProcesses);
        for (int p = 0; p < kProcesses; ++p) {
            threads.emplace_back([&, p] {
                start.arrive_and_wait();
                results[static_cast<std::size_t>(p)] = slash::testing::run_process(
                    {slash::testing::slash_binary(), "invoice", "issue", std::to_string(p + 1)}, env);
            });
        }
        for (auto& thread : threads) thread.join();

        std::vector<std::string> printed;
        for (int p = 0; p < kProcesses; ++p) {
            const auto& r = results[static_cast<std::size_t>(p)];
            INFO("draft " << p + 1 << ": " << r.err);
            REQUIRE(r.code == 0);
            REQUIRE(r.out.size() == 10);
            std::string printed_number = r.out.substr(0, 9);
            CHECK(r.err == "slash: issued " + printed_number + " to acme: 65.00 EUR, due 2026-12-28\n");
            // What the process printed is what the database holds for its draft.
            CHECK(state_of(ws, p + 1).number == printed_number);
            printed.push_back(printed_number);
        }
        std::sort(printed.begin(), printed.end());
        CHECK(printed == std::vector<std::string>{number(1), number(2), number(3), number(4)});
        CHECK(all_numbers(ws) == printed);
        auto check = slash::testing::run_process({slash::testing::slash_binary(), "db", "check"}, env);
        CHECK(check.code == 0);
        CHECK(check.out == "ok\n");
    }
}

TEST_CASE("cli/invoice concurrency a SIGKILL mid-issue leaves a draft or an issued invoice and never half of one") {
    const int kRounds = slash::testing::stress_rounds(20, 50);
    Workspace ws;
    make_drafts(ws, kRounds + 1);
    auto env = process_env(ws);
    const auto binary = slash::testing::slash_binary();

    // Draft 1 is issued whole, timed: the kills then land anywhere from before the start
    // to after the commit of a run as long as this one on this machine (at least 30 ms).
    auto started = std::chrono::steady_clock::now();
    auto first = slash::testing::run_process({binary, "invoice", "issue", "1"}, env);
    auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    REQUIRE_MESSAGE(first.code == 0, first.err);
    REQUIRE(first.out == number(1) + "\n");
    const long max_delay_us = std::max<long>(30'000, static_cast<long>(took.count()));

    std::mt19937 random(20261128);
    std::uniform_int_distribution<long> delay_us(0, max_delay_us);
    int issued = 1, killed_as_draft = 0, issued_before_kill = 0;
    for (int round = 0; round < kRounds; ++round) {
        const int id = round + 2;
        CAPTURE(id);
        const auto before = state_of(ws, id);
        REQUIRE(before.status == "draft");
        REQUIRE(before.entries == std::to_string(id) + " ");

        pid_t pid = slash::testing::spawn_process({binary, "invoice", "issue", std::to_string(id)}, env);
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
        ::kill(pid, SIGKILL);
        const int code = slash::testing::wait_process(pid);
        CAPTURE(code);
        CHECK((code == 0 || code == 128 + SIGKILL));

        const auto after = state_of(ws, id);
        // Lines, totals and reserved entries are the same either way.
        CHECK(after.lines == before.lines);
        CHECK(after.totals == before.totals);
        CHECK(after.entries == before.entries);
        if (after.status == "draft") {
            CHECK(code != 0);
            CHECK(after.number == "NULL");
            CHECK(after.seq == "NULL");
            CHECK(after.issue_date == "NULL");
            CHECK(after.due_date == "NULL");
            CHECK(after.issued_at == "NULL");
            CHECK(after.seller_name == "");
            CHECK(after.buyer_name == "");
            ++killed_as_draft;
        } else {
            CHECK(after.status == "issued");
            ++issued;
            CHECK(after.number == number(issued));
            CHECK(after.seq == std::to_string(issued));
            CHECK(after.issue_date == "2026-11-28");
            CHECK(after.due_date == "2026-12-28");
            CHECK(after.issued_at != "NULL");
            CHECK(after.seller_name == "Camille Martin");
            CHECK(after.buyer_name == "ACME SAS");
            CHECK(after.buyer_siren == "552100554");
            ++issued_before_kill;
        }
        expect_db_check_clean(ws);
        CHECK(all_numbers(ws).size() == static_cast<std::size_t>(issued));
    }
    INFO("SIGKILL rounds: " << killed_as_draft << " left a draft, " << issued_before_kill
                            << " issued before the kill (delays up to " << max_delay_us << " us, a whole issue took "
                            << took.count() << " us)");

    // Issuing goes on where it stopped: the drafts left get the next numbers, none skipped.
    for (int id = 2; id <= kRounds + 1; ++id) {
        if (state_of(ws, id).status != "draft") continue;
        auto r = ws.run({"invoice", "issue", std::to_string(id)});
        CHECK_MESSAGE(r.code == 0, r.err);
        CHECK(r.out == number(++issued) + "\n");
    }
    std::vector<std::string> expected;
    for (int seq = 1; seq <= kRounds + 1; ++seq) expected.push_back(number(seq));
    CHECK(all_numbers(ws) == expected);
    auto check = slash::testing::run_process({binary, "db", "check"}, env);
    CHECK(check.code == 0);
    CHECK(check.out == "ok\n");
}
