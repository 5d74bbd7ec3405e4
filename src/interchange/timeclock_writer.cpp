#include "writers.hpp"

#include <cstdio>
#include <string>

#include "slash/domain/time_zone.hpp"

namespace slash::interchange {

namespace {

// "2026-11-02 09:00:00": local wall time without an offset. ledger reads exactly 19
// characters there, and hledger ignores an offset anyway; so in the hour a clock goes
// back twice, both readers see the wall times as written.
std::string local_stamp(std::int64_t utc, const domain::TimeZone& zone) {
    domain::LocalDateTime local = domain::to_local(utc, zone);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d", local.date.year,
                  local.date.month, local.date.day, local.hour, local.minute, local.second);
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
class TimeclockWriter final : public EntryWriter {
  public:
    TimeclockWriter(std::ostream& out, const domain::TimeZone& zone) : out_(out), zone_(zone) {}

    void write(const ExportEntry& entry) override {
        std::string lines =
            "i " + local_stamp(entry.start, zone_) + ' ' + entry.client + ':' + entry.mission;
        std::string description = timeclock_description(entry.note);
        if (!description.empty()) lines += "  " + description;
        lines += '\n';
        // A running entry stays clocked in: both readers count it up to the present.
        if (entry.end) lines += "o " + local_stamp(*entry.end, zone_) + '\n';
        out_ << lines;
    }

    void finish() override {}

  private:
    std::ostream& out_;
    const domain::TimeZone& zone_;
};

}  // namespace

std::unique_ptr<EntryWriter> make_timeclock_writer(std::ostream& out,
                                                   const domain::TimeZone& zone) {
    return std::make_unique<TimeclockWriter>(out, zone);
}

}  // namespace slash::interchange
