// Writes a deterministic history into a new slash database, for benchmarks:
//   slash_bench_generate DB ENTRIES [CLIENTS [MISSIONS [YEARS]]]
// Defaults: 50 clients, 500 missions, 10 years ending on 2026-11-27 (entries stop the
// day before the benchmarks' SLASH_NOW, so today is free for `slash log`).
//
// Like a real freelancer's history, every month but the last two (October and November
// 2026, in Europe/Paris time, the zone the benchmarks run in) is invoiced: for each such
// month and each client with billable work in it, one issued invoice dated the 1st of the
// next month, due 30 days later, numbered "{year}-{seq:04}" (the default number format:
// one series per year, "2026-", gapless in date order), with one line per mission of the
// month as `slash invoice new` writes it (hours rounded up to 15 minutes, half-days of
// 7 h, units; a fixed-price mission bills its price once, with its first month of work, as
// `slash invoice new` does; its later work is covered by that price), totals
// under the VAT franchise (the default regime), frozen seller and buyer identities and
// the default French legal sentences. The billable entries of the month point at it
// (entries.invoice_id); non-billable ones stay unbilled, as `slash invoice new` leaves
// them. Invoices are paid 10 to 34 days after issue, except half of the last month's
// (overdue). The schema's triggers set the order: invoices are inserted as drafts (in
// issue-date order, so ids follow numbers), the entries are attached while they are
// drafts, then each is issued by an UPDATE taking the next number of its series.
//
// The unbilled months hold what `slash invoice new` would bill: client1 gets a denser
// October and November (one entry in 21 goes to one of its missions, about 500 billable
// entries in October), for bench/invoicing.sh. Clients have the address and SIREN that
// issuing needs.
//
// The same arguments give the same bytes of data on every machine: a fixed splitmix64
// sequence drawn in a fixed order, no <random> distributions (their output differs between
// standard libraries). The entries are drawn twice from the same sequence: once to total
// each client-month's work (the invoices must exist before the entries that point at
// them), once to insert them; all in one transaction with prepared statements, the pages
// kept in memory until the commit.

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "slash/domain/billing.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/invoice_checks.hpp"
#include "slash/domain/invoice_number.hpp"
#include "slash/domain/invoice_totals.hpp"
#include "slash/storage/database.hpp"

namespace {

namespace domain = slash::domain;

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

// Mission m belongs to client 1 + (m - 1) % clients and is that client's k-th mission,
// k = (m - 1) / clients; its billing mode cycles with k, so that every client has hourly,
// daily, per-unit and fixed-price missions (a fixed price is billed once, and a client
// with fixed-price missions only would have nothing to invoice after the first month).
std::int64_t g_clients = 50;
int mode_of(std::int64_t mission) { return static_cast<int>(((mission - 1) / g_clients) % 5); }
const char* const kBilling[] = {"hourly", "hourly", "daily", "unit", "fixed"};
const char* billing_of(std::int64_t mission) { return kBilling[mode_of(mission)]; }
std::int64_t rate_of(std::int64_t mission) {
    switch (mode_of(mission)) {
        case 2: return 45000;   // daily, 450.00 a day
        case 3: return 12;      // unit, 0.12 a task
        case 4: return 120000;  // fixed, 1200.00
        default: return 6500;   // hourly, 65.00 an hour
    }
}

// Europe/Paris: UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October
// at 01:00 UTC (the EU rule, unchanged over the generated years).
std::int64_t last_sunday(int year, int month) {
    std::int64_t last = domain::days_from_civil({year, month, 31});
    return last - (last + 4) % 7;  // 1970-01-01 was a Thursday: (days + 4) % 7 is 0 on Sundays
}
std::int64_t paris_offset(std::int64_t utc) {
    int year = domain::civil_from_days(utc / 86400).year;
    std::int64_t summer = last_sunday(year, 3) * 86400 + 3600;
    std::int64_t winter = last_sunday(year, 10) * 86400 + 3600;
    return utc >= summer && utc < winter ? 7200 : 3600;
}
domain::CivilDate paris_date(std::int64_t utc) {
    std::int64_t local = utc + paris_offset(utc);
    return domain::civil_from_days(local / 86400);  // every instant here is after 1970
}
// The instant of HH:MM local time on `day` (days since 1970), never in a DST gap here.
std::int64_t paris_instant(std::int64_t day, int hour, int minute) {
    std::int64_t guess = day * 86400 + hour * 3600 + minute * 60;
    return guess - paris_offset(guess - 3600);
}

int month_key(const domain::CivilDate& d) { return d.year * 12 + d.month - 1; }
domain::CivilDate first_of(int key) { return {key / 12, key % 12 + 1, 1}; }

std::string date_text(const domain::CivilDate& d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

std::string month_text(int key) {
    static const char* const kFrench[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                          "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    return std::string(kFrench[key % 12]) + " " + std::to_string(key / 12);
}

// A SIREN that passes the Luhn check `slash client add --siren` applies.
std::string siren_of(std::int64_t n) {
    std::string digits = std::to_string(30'000'000 + n * 7'919 % 60'000'000);
    for (int check = 0; check <= 9; ++check) {
        std::string candidate = digits + static_cast<char>('0' + check);
        int sum = 0;
        for (std::size_t i = 0; i < candidate.size(); ++i) {
            int d = candidate[candidate.size() - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        if (sum % 10 == 0) return candidate;
    }
    return digits + "0";  // unreachable: one check digit always fits
}

std::string client_name(std::int64_t c) { return "Client " + std::to_string(c) + " SAS"; }
std::string client_address(std::int64_t c) { return std::to_string(c) + " rue de la Paix\n75002 Paris"; }
std::string client_email(std::int64_t c) { return "billing@client" + std::to_string(c) + ".example"; }

// One generated entry. Drawing it consumes the same random numbers, in the same order, in
// both passes.
struct Entry {
    std::int64_t mission = 0;
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t units_milli = 0;  // 0: none
    bool billable = true;
    std::string uid;
};

struct History {
    std::int64_t clients, missions, begin, slot, unbilled_from;

    Entry draw(SplitMix64& random, std::int64_t i) const {
        Entry e;
        e.mission = 1 + random.below(missions);
        e.start = begin + i * slot;
        std::int64_t length = std::max<std::int64_t>(60, slot / 2 + random.below(std::max<std::int64_t>(1, slot / 3)));
        e.end = e.start + std::min(length, std::int64_t{86400});
        // Explicit order: the first number drawn is the uid's second half (as GCC, which
        // evaluates arguments right to left, did when both were drawn in the call).
        std::uint64_t second_half = random.next();
        std::uint64_t first_half = random.next();
        e.uid = uid_of(first_half, second_half);
        // Units are drawn for the mission first picked, so that the sequence does not
        // depend on the remapping below.
        std::int64_t units = mode_of(e.mission) == 3 ? 1000 * (1 + random.below(50)) : 0;
        if (e.start >= unbilled_from && i % 21 == 0) e.mission = 1 + (e.mission - 1) / clients * clients;  // client1
        e.units_milli = mode_of(e.mission) == 3 ? units : 0;
        e.billable = i % 11 != 0;
        return e;
    }
    std::int64_t client_of(std::int64_t mission) const { return 1 + (mission - 1) % clients; }
};

// Billable work of one mission in one month.
struct Work {
    std::int64_t entries = 0;
    std::int64_t rounded_seconds = 0;
    std::int64_t units_milli = 0;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DB ENTRIES [CLIENTS [MISSIONS [YEARS]]]\n", argv[0]);
        return 2;
    }
    const std::string path = argv[1];
    const std::int64_t entries = std::atoll(argv[2]);
    const std::int64_t clients = argc > 3 ? std::atoll(argv[3]) : 50;
    g_clients = clients > 0 ? clients : 1;
    const std::int64_t missions = argc > 4 ? std::atoll(argv[4]) : 500;
    const std::int64_t years = argc > 5 ? std::atoll(argv[5]) : 10;
    if (entries < 0 || clients < 1 || missions < 1 || years < 1) {
        std::fprintf(stderr, "%s: need ENTRIES >= 0 and CLIENTS, MISSIONS, YEARS >= 1\n", argv[0]);
        return 2;
    }
    (void)slash::storage::Database::open(path);  // creates the schema through the real migrations

    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = OFF");
    // The whole history (~200 MB at 1M entries) stays in the page cache until the commit:
    // spilling dirty pages into the WAL mid-transaction would write most of them many times.
    db.exec("PRAGMA cache_size = -1048576");
    SQLite::Transaction tx(db);
    const std::int64_t created = 1'700'000'000;
    {
        SQLite::Statement insert(db, "INSERT INTO clients (handle, name, kind, address, country, siren, email, "
                                     "currency, rate_mode, rate_minor, created_at, updated_at) "
                                     "VALUES (?, ?, 'business', ?, 'FR', ?, ?, 'EUR', 'hourly', ?, ?, ?)");
        for (std::int64_t c = 1; c <= clients; ++c) {
            insert.bind(1, "client" + std::to_string(c));
            insert.bind(2, client_name(c));
            insert.bind(3, client_address(c));
            insert.bind(4, siren_of(c));
            insert.bind(5, client_email(c));
            insert.bind(6, 4000 + c * 100);
            insert.bind(7, created);
            insert.bind(8, created);
            insert.exec();
            insert.reset();
        }
    }
    {
        SQLite::Statement insert(db, "INSERT INTO missions (client_id, handle, title, billing, rate_minor, currency, "
                                     "unit_name, estimate_seconds, due_date, status, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?)");
        for (std::int64_t m = 1; m <= missions; ++m) {
            insert.bind(1, 1 + (m - 1) % clients);
            insert.bind(2, "mission" + std::to_string(m));
            insert.bind(3, "Mission " + std::to_string(m));
            insert.bind(4, billing_of(m));
            insert.bind(5, rate_of(m));
            insert.bind(6, mode_of(m) == 3 ? "task" : "");
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
    const std::int64_t end = domain::days_from_civil({2026, 11, 27}) * 86400;
    const int last_billed = month_key({2026, 9, 1});  // October and November stay unbilled
    const std::int64_t unbilled_from = paris_instant(domain::days_from_civil({2026, 10, 1}), 0, 0);
    History history{clients, missions, end - years * 365 * 86400, 0, unbilled_from};
    history.slot = (end - history.begin) / (entries > 0 ? entries : 1);
    const int first_month = month_key(paris_date(history.begin));
    const int months = std::max(0, last_billed - first_month + 1);

    // Pass 1: each (month, mission)'s billable work, rounded as `invoice new` rounds it.
    const domain::BillingRules rules;  // the defaults: 15 min up, 7 h a day, half-days
    std::vector<Work> work(static_cast<std::size_t>(months * missions));
    {
        SplitMix64 random{42};
        for (std::int64_t i = 0; i < entries; ++i) {
            Entry e = history.draw(random, i);
            if (!e.billable || e.start >= unbilled_from) continue;
            int month = month_key(paris_date(e.start)) - first_month;
            auto& w = work[static_cast<std::size_t>(month * missions + e.mission - 1)];
            ++w.entries;
            w.rounded_seconds += domain::round_duration(e.end - e.start, rules.rounding_seconds, rules.rounding_mode);
            w.units_milli += e.units_milli;
        }
    }

    // The invoices as drafts with their lines, in issue-date order (then client). Only a
    // draft takes entries, so they are issued once the entries are in.
    struct Planned {
        int month;
        std::int64_t client, id, gross_minor;
    };
    std::vector<Planned> planned;
    std::vector<std::int64_t> invoice_of(static_cast<std::size_t>(months * clients), 0);
    {
        SQLite::Statement draft(db, "INSERT INTO invoices (client_id, period_from, period_to, currency, language, "
                                    "vat_regime, net_minor, vat_minor, gross_minor, created_at, updated_at) "
                                    "VALUES (?, ?, ?, 'EUR', 'fr', 'franchise', ?, ?, ?, ?, ?)");
        SQLite::Statement line(db, "INSERT INTO invoice_lines (invoice_id, position, mission_id, description, "
                                   "quantity_milli, unit_code, unit_name, unit_price_minor, net_minor, vat_category, "
                                   "vat_rate_milli) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'E', 0)");
        // Each client's missions in handle order ("mission102" before "mission2"), the
        // order of the lines `slash invoice new` writes.
        std::vector<std::vector<std::int64_t>> missions_of(static_cast<std::size_t>(clients));
        for (std::int64_t m = 1; m <= missions; ++m) missions_of[static_cast<std::size_t>((m - 1) % clients)].push_back(m);
        for (auto& list : missions_of) {
            std::sort(list.begin(), list.end(),
                      [](std::int64_t a, std::int64_t b) { return std::to_string(a) < std::to_string(b); });
        }
        std::vector<bool> fixed_billed(static_cast<std::size_t>(missions + 1), false);
        for (int month = 0; month < months; ++month) {
            const int key = first_month + month;
            const std::int64_t issue_day = domain::days_from_civil(first_of(key + 1));
            const std::string period = month_text(key);
            for (std::int64_t c = 1; c <= clients; ++c) {
                struct Line {
                    std::int64_t mission, quantity_milli;
                    const char* unit_code;
                };
                std::vector<Line> lines;
                std::vector<domain::InvoiceLineInput> inputs;
                for (std::int64_t m : missions_of[static_cast<std::size_t>(c - 1)]) {
                    const auto& w = work[static_cast<std::size_t>(month * missions + m - 1)];
                    if (w.entries == 0) continue;
                    Line l{m, 0, "C62"};
                    switch (mode_of(m)) {
                        case 2:
                            l.quantity_milli = domain::divide_rounded(
                                domain::day_steps(w.rounded_seconds, rules.hours_per_day, rules.day_step) *
                                    rules.day_step.numerator * 1000,
                                rules.day_step.denominator);
                            l.unit_code = "DAY";
                            break;
                        case 3: l.quantity_milli = w.units_milli; break;
                        case 4:  // the price once; later work is covered by it
                            l.quantity_milli = fixed_billed[static_cast<std::size_t>(m)] ? 0 : 1000;
                            fixed_billed[static_cast<std::size_t>(m)] = true;
                            break;
                        default:
                            l.quantity_milli = domain::divide_rounded(w.rounded_seconds * 10, 36);
                            l.unit_code = "HUR";
                    }
                    if (l.quantity_milli == 0) continue;
                    lines.push_back(l);
                    inputs.push_back({l.quantity_milli, rate_of(m), {"E", 0}});
                }
                if (lines.empty()) continue;
                const auto totals = domain::compute_totals(inputs);
                const std::int64_t created_at = paris_instant(issue_day, 9, 0);
                draft.bind(1, c);
                draft.bind(2, date_text(first_of(key)));
                draft.bind(3, date_text(domain::civil_from_days(issue_day - 1)));
                draft.bind(4, totals.net_minor);
                draft.bind(5, totals.vat_minor);
                draft.bind(6, totals.gross_minor);
                draft.bind(7, created_at);
                draft.bind(8, created_at);
                draft.exec();
                draft.reset();
                const std::int64_t id = db.getLastInsertRowid();
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    const auto m = lines[i].mission;
                    line.bind(1, id);
                    line.bind(2, static_cast<std::int64_t>(i + 1));
                    line.bind(3, m);
                    line.bind(4, "Mission " + std::to_string(m) + (mode_of(m) == 4 ? " — forfait " : " — ") + period);
                    line.bind(5, lines[i].quantity_milli);
                    line.bind(6, lines[i].unit_code);
                    line.bind(7, mode_of(m) == 3 ? "task" : "");
                    line.bind(8, rate_of(m));
                    line.bind(9, totals.line_net_minor[i]);
                    line.exec();
                    line.reset();
                }
                invoice_of[static_cast<std::size_t>(month * clients + c - 1)] = id;
                planned.push_back({month, c, id, totals.gross_minor});
            }
        }
    }

    // Pass 2: the same entries, billed ones pointing at their client-month's invoice.
    {
        SplitMix64 random{42};
        SQLite::Statement insert(db, "INSERT INTO entries (uid, mission_id, start_at, end_at, note, tags, "
                                     "units_milli, billable, invoice_id, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (std::int64_t i = 0; i < entries; ++i) {
            Entry e = history.draw(random, i);
            insert.bind(1, e.uid);
            insert.bind(2, e.mission);
            insert.bind(3, e.start);
            insert.bind(4, e.end);
            insert.bind(5, "entry " + std::to_string(i));
            insert.bind(6, i % 3 == 0 ? " dev " : "");
            if (e.units_milli > 0) {
                insert.bind(7, e.units_milli);
            } else {
                insert.bind(7);
            }
            insert.bind(8, e.billable ? 1 : 0);
            std::int64_t invoice = 0;
            if (e.billable && e.start < unbilled_from) {
                int month = month_key(paris_date(e.start)) - first_month;
                invoice = invoice_of[static_cast<std::size_t>(month * clients + history.client_of(e.mission) - 1)];
            }
            if (invoice > 0) {
                insert.bind(9, invoice);
            } else {
                insert.bind(9);
            }
            insert.bind(10, e.start);
            insert.bind(11, e.start);
            insert.exec();
            insert.reset();
        }
    }
    // Issue in date order, as `slash invoice issue` would have: the next number of the
    // series, frozen identities and legal texts. Paid by transfer 10 to 34 days after issue;
    // half of the last month's invoices are overdue.
    std::int64_t payment_count = 0;
    {
        SQLite::Statement issue(
            db, "UPDATE invoices SET status = 'issued', number = ?, series = ?, seq = ?, issue_date = ?, due_date = ?, "
                "seller_name = 'Camille Martin', seller_address = '12 rue des Lilas' || char(10) || '75011 Paris', "
                "seller_country = 'FR', seller_siren = '732829320', seller_email = 'camille@example.org', "
                "seller_iban = 'FR7630006000011234567890189', seller_bic = 'AGRIFRPP', "
                "buyer_name = ?, buyer_kind = 'business', buyer_address = ?, buyer_country = 'FR', buyer_siren = ?, "
                "buyer_email = ?, vat_mention = ?, penalty_text = ?, indemnity_text = ?, discount_text = ?, "
                "updated_at = ?, issued_at = ? WHERE id = ?");
        SQLite::Statement pay(db, "INSERT INTO payments (client_id, invoice_id, paid_on, amount_minor, currency, "
                                  "method, created_at) VALUES (?, ?, ?, ?, 'EUR', 'transfer', ?)");
        const auto& texts = domain::default_legal_texts("fr");
        const auto format = domain::NumberFormat::parse("{year}-{seq:04}");
        const std::int64_t end_day = end / 86400;
        std::string series;
        std::int64_t seq = 0;
        for (const auto& p : planned) {
            const int key = first_month + p.month;
            const auto issued = first_of(key + 1);
            const std::int64_t issue_day = domain::days_from_civil(issued);
            const std::int64_t issued_at = paris_instant(issue_day, 9, 1);
            if (format.series(issued.year, issued.month) != series) {
                series = format.series(issued.year, issued.month);
                seq = 0;
            }
            ++seq;
            issue.bind(1, format.render(issued.year, issued.month, seq));
            issue.bind(2, series);
            issue.bind(3, seq);
            issue.bind(4, date_text(issued));
            issue.bind(5, date_text(domain::civil_from_days(issue_day + 30)));
            issue.bind(6, client_name(p.client));
            issue.bind(7, client_address(p.client));
            issue.bind(8, siren_of(p.client));
            issue.bind(9, client_email(p.client));
            issue.bind(10, texts.vat_franchise);
            issue.bind(11, texts.penalties);
            issue.bind(12, texts.indemnity);
            issue.bind(13, texts.no_discount);
            issue.bind(14, issued_at);
            issue.bind(15, issued_at);
            issue.bind(16, p.id);
            issue.exec();
            issue.reset();
            const std::int64_t paid_day = issue_day + 10 + (p.client * 7 + key) % 25;
            if (paid_day < end_day && (p.month + 1 < months || p.client % 2 == 0)) {
                pay.bind(1, p.client);
                pay.bind(2, p.id);
                pay.bind(3, date_text(domain::civil_from_days(paid_day)));
                pay.bind(4, p.gross_minor);
                pay.bind(5, paris_instant(paid_day, 12, 0));
                pay.exec();
                pay.reset();
                ++payment_count;
            }
        }
    }
    tx.commit();
    db.exec("ANALYZE");
    std::printf("%s: %lld entries, %lld clients, %lld missions, %lld invoices, %lld payments\n", path.c_str(),
                static_cast<long long>(entries), static_cast<long long>(clients), static_cast<long long>(missions),
                static_cast<long long>(planned.size()), static_cast<long long>(payment_count));
    return 0;
}
