#include "writers.hpp"

#include <cstdio>
#include <string>

#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"

namespace slash::interchange {

namespace {

// "2026-11-02 09:00:00": a wall-clock reading without an offset, given as seconds since
// 1970-01-01T00:00 of a reading taken as if it were UTC (domain::local_seconds). ledger
// reads exactly 19 characters there, and hledger ignores an offset anyway.
std::string wall_stamp(std::int64_t wall) {
    const std::int64_t days = wall >= 0 ? wall / 86400 : (wall - 86399) / 86400;
    const std::int64_t second_of_day = wall - days * 86400;
    const domain::CivilDate date = domain::civil_from_days(days);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", date.year, date.month,
                  date.day, static_cast<int>(second_of_day / 3600),
                  static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60));
    return buffer;
}

// The note becomes the transaction description, which both readers end early otherwise:
//  - ledger ends the payee at two spaces or a tab and drops the rest of the line, so every
//    run of whitespace (control characters included) becomes one space;
//  - hledger (since its description parser stops at ';') reads a ';' as the start of a
//    comment, so ';' becomes ','.
// '#' needs nothing: both treat it as a comment only at the start of a line. Leading and
// trailing spaces go, so that an empty note leaves no trailing space.
std::string timeclock_description(std::string_view note) {
    std::string text;
    bool pending_space = false;
    for (char ch : note) {
        if (static_cast<unsigned char>(ch) <= 0x20 || ch == 0x7f) {
            pending_space = !text.empty();
            continue;
        }
        if (pending_space) text += ' ';
        pending_space = false;
        text += ch == ';' ? ',' : ch;
    }
    return text;
}

// hledger and ledger timeclock: an `i` line naming the account client:mission (hledger
// splits a session at midnight by itself), then an `o` line. LF line ends, as both expect.
//
// Both stamps are in the offset in force at the start. Neither reader knows of offsets or
// zones: hledger 1.25 and ledger both take the length of a session as the difference of
// the two wall times read as plain numbers, whatever TZ says (checked by hand with
// TZ=Europe/Paris). Written each in its own offset, an entry across a clock change would
// have a wrong length, or a negative one, which hledger rejects with the whole file
// ("clock-out time less than clock-in time"):
//  - autumn, 02:55+02:00 -> 02:05+01:00 (10 min): `o 02:05` would be before `i 02:55`;
//    the start's wall time plus the exact length gives `o 03:05`, 0.17h in both readers
//    (and 02:55+02:00 -> 03:05+01:00, 70 min, gives `o 04:05`, 1.17h, not 10 min);
//  - spring, 01:30+01:00 -> 03:30+02:00 (60 min): `o 03:30` would count 2h; we write
//    `o 02:30`, a wall time that does not exist in the zone, which both readers take as
//    written (1h).
// So the `o` stamp is the local wall time of the end only when no clock change falls
// inside the entry; the length, which is what these files are for, is always exact. An
// `o` stamp later than the next entry's `i` (the entry after an autumn one) is fine: both
// readers accept sessions that overlap.
//
// A running entry stays clocked in (both readers count it up to the present), but an `i`
// line followed by another `i` is an error to both (hledger: "expected timeclock code o but
// got i"; ledger: "Cannot double check-in to the same account"), and entries logged in the future may come after the running one. So its `i` line is
// held back and written by finish(), after every other entry.
class TimeclockWriter final : public EntryWriter {
  public:
    TimeclockWriter(std::ostream& out, const domain::TimeZone& zone) : out_(out), zone_(zone) {}

    void write(const ExportEntry& entry) override {
        const std::int64_t start_wall = domain::local_seconds(domain::to_local(entry.start, zone_));
        std::string lines = "i " + wall_stamp(start_wall) + ' ' + entry.client + ':' + entry.mission;
        std::string description = timeclock_description(entry.note);
        if (!description.empty()) lines += "  " + description;
        lines += '\n';
        if (!entry.end) {
            running_ += lines;
            return;
        }
        lines += "o " + wall_stamp(start_wall + (*entry.end - entry.start)) + '\n';
        out_ << lines;
    }

    void finish() override {
        out_ << running_;
        running_.clear();
    }

  private:
    std::ostream& out_;
    const domain::TimeZone& zone_;
    std::string running_;  ///< the running entry's `i` line, until finish()
};

}  // namespace

std::unique_ptr<EntryWriter> make_timeclock_writer(std::ostream& out,
                                                   const domain::TimeZone& zone) {
    return std::make_unique<TimeclockWriter>(out, zone);
}

}  // namespace slash::interchange
