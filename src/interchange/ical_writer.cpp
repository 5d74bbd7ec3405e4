#include "writers.hpp"

#include <string>
#include <string_view>

#include "slash/domain/calendar.hpp"

namespace slash::interchange {

namespace {

// RFC 5545 §3.1: content lines longer than 75 octets are folded with CRLF and one space,
// which counts toward the next line's 75. A UTF-8 sequence is kept whole (a character
// split across lines is invalid UTF-8 on each of them, and some readers decode per line).
std::string content_line(std::string_view line) {
    constexpr std::size_t kMaxOctets = 75;
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t length = 1;
        while (i + length < line.size() && length < 4 &&
               (static_cast<unsigned char>(line[i + length]) & 0xC0) == 0x80) {
            ++length;
        }
        if (width + length > kMaxOctets) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line, i, length);
        width += length;
        i += length;
    }
    return out + "\r\n";
}

// RFC 5545 §3.3.11 TEXT: backslash, ';' and ',' escaped, a line break as \n. Other control
// characters are not allowed in TEXT at all; they become spaces (a note is one line, so
// this is defence, not a feature).
std::string ical_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        switch (ch) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\n";
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                break;
            default:
                bool control = (static_cast<unsigned char>(ch) < 0x20 && ch != '\t') || ch == 0x7f;
                out += control ? ' ' : ch;
        }
    }
    return out;
}

// DATE-TIME in UTC, form #2 of RFC 5545 §3.3.5: 20261102T080000Z.
std::string ical_utc(std::int64_t seconds) {
    std::string text;
    for (char ch : domain::format_iso_utc(seconds)) {
        if (ch != '-' && ch != ':') text += ch;
    }
    return text;
}

class IcalWriter final : public EntryWriter {
  public:
    IcalWriter(std::ostream& out, std::string_view version) : out_(out) {
        out_ << content_line("BEGIN:VCALENDAR") << content_line("VERSION:2.0")
             << content_line("PRODID:-//slash//slash " + ical_text(version) + "//EN")
             << content_line("CALSCALE:GREGORIAN");
    }

    void write(const ExportEntry& entry) override {
        // A calendar event needs an end; the running timer has none yet.
        if (!entry.end) return;
        std::string event = content_line("BEGIN:VEVENT");
        event += content_line("UID:" + ical_text(entry.uid));
        event += content_line("DTSTAMP:" + ical_utc(entry.updated_at));
        event += content_line("DTSTART:" + ical_utc(entry.start));
        // DTEND must be later than DTSTART (§3.6.1); without it an event lasts no time,
        // which is exactly what a zero-length entry is.
        if (*entry.end > entry.start) event += content_line("DTEND:" + ical_utc(*entry.end));
        std::string summary = entry.client + "/" + entry.mission;
        if (!entry.note.empty()) summary += ": " + entry.note;
        event += content_line("SUMMARY:" + ical_text(summary));
        if (!entry.note.empty()) event += content_line("DESCRIPTION:" + ical_text(entry.note));
        if (!entry.tags.empty()) {
            std::string categories;
            for (const auto& tag : entry.tags) {
                categories += (categories.empty() ? "" : ",") + ical_text(tag);
            }
            event += content_line("CATEGORIES:" + categories);
        }
        event += content_line("END:VEVENT");
        out_ << event;
    }

    void finish() override { out_ << content_line("END:VCALENDAR"); }

  private:
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<EntryWriter> make_ical_writer(std::ostream& out, std::string_view version) {
    return std::make_unique<IcalWriter>(out, version);
}

}  // namespace slash::interchange
