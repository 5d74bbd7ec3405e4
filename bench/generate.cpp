// Writes a deterministic history into a new slash database, for benchmarks:
//   slash_bench_generate DB ENTRIES [CLIENTS [MISSIONS [YEARS]]]
// Defaults: 50 clients, 500 missions, 10 years ending on 2026-11-27 (entries stop the
// day before the benchmarks' SLASH_NOW, so today is free for `slash log`). Like a real
// freelancer's history, everything but the last two months is marked billed
// (entries.invoice_id, one number per month; the invoices themselves are not generated). The same
// arguments give the same bytes of data on every machine: a fixed splitmix64 sequence,
// no <random> distributions (their output differs between standard libraries).

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "slash/domain/calendar.hpp"
#include "slash/storage/database.hpp"

namespace {

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
};

std::string uid_of(std::uint64_t a, std::uint64_t b) {
    char text[40];
    std::snprintf(text, sizeof text, "%08llx-%04llx-4%03llx-8%03llx-%012llx",
                  static_cast<unsigned long long>(a >> 32), static_cast<unsigned long long>((a >> 16) & 0xffff),
                  static_cast<unsigned long long>(a & 0xfff), static_cast<unsigned long long>(b >> 52),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DB ENTRIES [CLIENTS [MISSIONS [YEARS]]]\n", argv[0]);
        return 2;
    }
    const std::string path = argv[1];
    const std::int64_t entries = std::atoll(argv[2]);
    const std::int64_t clients = argc > 3 ? std::atoll(argv[3]) : 50;
    const std::int64_t missions = argc > 4 ? std::atoll(argv[4]) : 500;
    const std::int64_t years = argc > 5 ? std::atoll(argv[5]) : 10;
    (void)slash::storage::Database::open(path);  // creates the schema through the real migrations

    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = OFF");
    SQLite::Transaction tx(db);
    const std::int64_t created = 1'700'000'000;
    {
        SQLite::Statement insert(db, "INSERT INTO clients (handle, name, currency, rate_mode, rate_minor, "
                                     "created_at, updated_at) VALUES (?, ?, 'EUR', 'hourly', ?, ?, ?)");
        for (std::int64_t c = 1; c <= clients; ++c) {
            insert.bind(1, "client" + std::to_string(c));
            insert.bind(2, "Client " + std::to_string(c) + " SAS");
            insert.bind(3, 4000 + c * 100);
            insert.bind(4, created);
            insert.bind(5, created);
            insert.exec();
            insert.reset();
        }
    }
    {
        static const char* kBilling[] = {"hourly", "hourly", "daily", "unit", "fixed"};
        SQLite::Statement insert(db, "INSERT INTO missions (client_id, handle, title, billing, rate_minor, currency, "
                                     "unit_name, estimate_seconds, due_date, status, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?)");
        for (std::int64_t m = 1; m <= missions; ++m) {
            const char* billing = kBilling[m % 5];
            insert.bind(1, 1 + (m - 1) % clients);
            insert.bind(2, "mission" + std::to_string(m));
            insert.bind(3, "Mission " + std::to_string(m));
            insert.bind(4, billing);
            insert.bind(5, std::string(billing) == "unit" ? 12 : std::string(billing) == "daily" ? 45000
                                                                 : std::string(billing) == "fixed" ? 120000 : 6500);
            insert.bind(6, std::string(billing) == "unit" ? "task" : "");
            insert.bind(7, 3600 * (20 + m % 80));
            insert.bind(8, m % 10 == 0 ? "2026-12-31" : "2027-03-31");
            insert.bind(9, m % 7 == 0 ? "done" : "active");
            insert.bind(10, created);
            insert.bind(11, created);
            insert.exec();
            insert.reset();
        }
    }
    // Entries back to back over `years`, each a random part of its slot, never overlapping.
    const std::int64_t end = slash::domain::days_from_civil({2026, 11, 27}) * 86400;
    const std::int64_t begin = end - years * 365 * 86400;
    const std::int64_t slot = (end - begin) / (entries > 0 ? entries : 1);
    SplitMix64 random{42};
    SQLite::Statement insert(db, "INSERT INTO entries (uid, mission_id, start_at, end_at, note, tags, units_milli, "
                                 "billable, invoice_id, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const std::int64_t billed_before = end - 61 * 86400;
    for (std::int64_t i = 0; i < entries; ++i) {
        std::int64_t mission = 1 + random.below(missions);
        std::int64_t start = begin + i * slot;
        std::int64_t length = std::max<std::int64_t>(60, slot / 2 + random.below(std::max<std::int64_t>(1, slot / 3)));
        insert.bind(1, uid_of(random.next(), random.next()));
        insert.bind(2, mission);
        insert.bind(3, start);
        insert.bind(4, start + std::min(length, std::int64_t{86400}));
        insert.bind(5, "entry " + std::to_string(i));
        insert.bind(6, i % 3 == 0 ? " dev " : "");
        if (mission % 5 == 3) {
            insert.bind(7, 1000 * (1 + random.below(50)));
        } else {
            insert.bind(7);
        }
        insert.bind(8, i % 11 == 0 ? 0 : 1);
        if (start < billed_before) {
            insert.bind(9, 1 + (start - begin) / (30 * 86400));
        } else {
            insert.bind(9);
        }
        insert.bind(10, start);
        insert.bind(11, start);
        insert.exec();
        insert.reset();
    }
    tx.commit();
    db.exec("ANALYZE");
    std::printf("%s: %lld entries, %lld clients, %lld missions\n", path.c_str(), static_cast<long long>(entries),
                static_cast<long long>(clients), static_cast<long long>(missions));
    return 0;
}
