// libFuzzer target: the TZif reader (services/tzif_zone.hpp, RFC 8536) and the POSIX TZ
// rule of a file's footer (services/posix_tz_rule.hpp). TZ and TZDIR name the file slash
// reads, so any bytes may reach `TzifZone::parse`: it must refuse them or give a zone that
// keeps the properties below, never read outside them. An input that starts with "TZif" is
// a whole file; any other input is a TZ string on its first line, which is parsed alone and
// also wrapped in a version 2 file with no transition (footer only). The whole input is
// always given to `PosixTzRule::parse` too. Instants come from fixed points (0, the int32
// bounds, the int64 bounds, 1 January and 1 July of 1900 to 2200), from the input's last 32
// bytes (8-byte words, raw, folded into +-2^40 s and as int32) and from the transitions
// nearest to them (the file's own, read here independently, and the footer's changes).
//
// Properties, for every zone `TzifZone::parse` gives:
// - name() is the name it was given; `offset_at` is within +-kMaxZoneOffset everywhere;
// - `offset_at` is time type 0 before the first transition, the type of the last
//   transition at or before the instant, and the footer's rule from the last transition
//   on (RFC 8536 §3.2), as the file says;
// - a file whose footer is not empty parses only when the footer does as a PosixTzRule,
//   and a footer-only file parses exactly when its footer does;
// - for the local reading r = u + offset_at(u) of each instant u near a transition or a
//   fixed point, and for r +- 30 min and +- 1 h: `instants_of` gives instants
//   increasing, each v with v + offset_at(v) == r (domain::local_seconds); and u itself is
//   among those of its own reading.
// For every PosixTzRule `parse` gives:
// - `offset_at` is one of `offsets()`, which are within +-kMaxZoneOffset;
// - `table(from, until)` (1900..2200, spans from the input) starts with {from,
//   offset_at(from)}, is increasing in `at` and below `until`, agrees with `offset_at` at
//   each `at` and one second before the next, and is empty only for a rule without
//   daylight time.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_check.hpp"
#include "services/posix_tz_rule.hpp"
#include "services/tzif_zone.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/time_zone.hpp"

namespace {

using slash::domain::civil_from_days;
using slash::domain::days_from_civil;
using slash::domain::LocalDateTime;
using slash::fuzz::require;
using slash::services::kMaxZoneOffset;
using slash::services::OffsetChange;
using slash::services::PosixTzRule;
using slash::services::TzifZone;

constexpr std::string_view kZoneName = "Fuzz/Zone";
constexpr std::int64_t kDay = 86400;
// Instants whose local reading is checked stay within +-2^40 s (about +-34,800 years), where
// a LocalDateTime's int year holds them.
constexpr std::int64_t kReadingBound = std::int64_t{1} << 40;

std::int64_t year_start(int year) {
    return days_from_civil({year, 1, 1}) * kDay;
}

std::string show(std::int64_t value) {
    return std::to_string(value);
}

bool readable(std::int64_t utc) {
    return utc > -kReadingBound && utc < kReadingBound;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);
}

// The wall-clock reading of `seconds` counted as domain::local_seconds counts them.
LocalDateTime reading_of(std::int64_t seconds) {
    const std::int64_t days = floor_div(seconds, kDay);
    const std::int64_t rest = seconds - days * kDay;
    return {civil_from_days(days), static_cast<int>(rest / 3600),
            static_cast<int>(rest % 3600 / 60), static_cast<int>(rest % 60)};
}

// ---- An independent reading of a file TzifZone::parse accepted ----------------------------

std::uint32_t be32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

struct TzifData {
    std::vector<std::int64_t> transitions;
    std::vector<std::int64_t> offset_after;  // the type offset of each transition
    std::int64_t type0_offset = 0;
    std::optional<std::string_view> footer;  // versions 2 to 4
};

// The data block TzifZone uses (64-bit for versions 2 to 4), read straight from the layout
// of RFC 8536 §3. nullopt when the bytes do not have it, which the caller reports.
std::optional<TzifData> read_tzif(std::string_view bytes) {
    std::size_t header = 0;
    std::size_t time_size = 4;
    const auto counts = [&](std::size_t at, std::size_t size) {
        std::array<std::uint64_t, 6> c{};
        for (std::size_t i = 0; i < 6; ++i) c[i] = be32(bytes, at + 20 + 4 * i);
        // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
        return std::pair{c, c[3] * size + c[3] + c[4] * 6 + c[5] + c[2] * (size + 4) + c[1] + c[0]};
    };
    if (bytes.size() < 44) return std::nullopt;
    if (bytes[4] != '\0') {
        header = 44 + counts(0, 4).second;
        if (bytes.size() < header + 44) return std::nullopt;
        time_size = 8;
    }
    const auto [c, size] = counts(header, time_size);
    const std::size_t data = header + 44;
    if (bytes.size() < data + size) return std::nullopt;
    const std::uint64_t timecnt = c[3], typecnt = c[4];
    const std::size_t indices = data + timecnt * time_size;
    const std::size_t types = indices + timecnt;
    const auto type_offset = [&](std::size_t type) {
        return std::int64_t{static_cast<std::int32_t>(be32(bytes, types + 6 * type))};
    };
    TzifData out;
    if (typecnt == 0) return std::nullopt;
    out.type0_offset = type_offset(0);
    for (std::uint64_t i = 0; i < timecnt; ++i) {
        const std::size_t at = data + i * time_size;
        const std::int64_t time =
            time_size == 8
                ? static_cast<std::int64_t>(std::uint64_t{be32(bytes, at)} << 32 | be32(bytes, at + 4))
                : std::int64_t{static_cast<std::int32_t>(be32(bytes, at))};
        const auto type = static_cast<unsigned char>(bytes[indices + i]);
        if (type >= typecnt) return std::nullopt;
        out.transitions.push_back(time);
        out.offset_after.push_back(type_offset(type));
    }
    if (time_size == 8) {
        const std::string_view rest = bytes.substr(data + size);
        const auto end = rest.find('\n', 1);
        if (!rest.starts_with('\n') || end == std::string_view::npos) return std::nullopt;
        out.footer = rest.substr(1, end - 1);
    }
    return out;
}

// A version 2 file with no transition, one time type and `footer` as its TZ string.
std::string footer_only_file(std::string_view footer) {
    std::string header(44, '\0');
    header.replace(0, 5, "TZif2");
    header[20 + 19] = 1;  // typecnt
    header[20 + 23] = 1;  // charcnt
    const std::string data(7, '\0');  // one type: offset 0, not DST, designation 0; one NUL
    std::string file = header + data + header + data;
    file += '\n';
    file += footer;
    file += '\n';
    return file;
}

// ---- Instants ------------------------------------------------------------------------------

// The fixed instants and those of the input's last 32 bytes.
struct Instants {
    std::vector<std::int64_t> points;  // offsets checked at each; readings at the bounded ones
    std::vector<std::int64_t> years;   // 1 January and 1 July, 1900..2200: offsets only
};

Instants instants_of_input(const std::uint8_t* data, std::size_t size) {
    Instants out;
    out.points = {0,
                  -1,
                  1,
                  std::numeric_limits<std::int32_t>::min(),
                  std::numeric_limits<std::int32_t>::max(),
                  std::int64_t{std::numeric_limits<std::int32_t>::min()} - 1,
                  std::int64_t{std::numeric_limits<std::int32_t>::max()} + 1,
                  std::numeric_limits<std::int64_t>::min(),
                  std::numeric_limits<std::int64_t>::max(),
                  -kReadingBound + 1,
                  kReadingBound - 1,
                  year_start(1900),
                  year_start(2000),
                  year_start(2037) + 180 * kDay,
                  year_start(2100),
                  year_start(2200)};
    const std::size_t tail = std::min<std::size_t>(size, 32);
    for (std::size_t at = size - tail; at + 8 <= size; at += 8) {
        std::int64_t word = 0;
        std::memcpy(&word, data + at, sizeof word);
        std::int32_t low = 0;
        std::memcpy(&low, data + at, sizeof low);
        out.points.push_back(word);
        out.points.push_back(word % kReadingBound);
        out.points.push_back(low);
    }
    for (int year = 1900; year <= 2200; ++year) {
        out.years.push_back(year_start(year));
        out.years.push_back(days_from_civil({year, 7, 1}) * kDay);
    }
    return out;
}

// u - 1, u, u + 1 for the entries of `changes` (sorted) nearest to each point, and the first
// and last ones.
std::vector<std::int64_t> near_changes(const std::vector<std::int64_t>& changes,
                                       const std::vector<std::int64_t>& points) {
    std::vector<std::int64_t> picked;
    if (changes.empty()) return picked;
    picked.push_back(changes.front());
    picked.push_back(changes.back());
    for (const std::int64_t p : points) {
        const auto after = std::lower_bound(changes.begin(), changes.end(), p);
        if (after != changes.end()) picked.push_back(*after);
        if (after != changes.begin()) picked.push_back(*std::prev(after));
    }
    std::vector<std::int64_t> out;
    for (const std::int64_t t : picked) {
        if (!readable(t)) continue;
        out.insert(out.end(), {t - 1, t, t + 1});
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// ---- Properties ----------------------------------------------------------------------------

void check_reading(const slash::domain::TimeZone& zone, std::int64_t reading,
                   std::optional<std::int64_t> from, std::string_view input) {
    const LocalDateTime local = reading_of(reading);
    require(slash::domain::local_seconds(local) == reading,
            "the fuzzer's reading_of inverts domain::local_seconds", input, show(reading));
    const std::vector<std::int64_t> instants = zone.instants_of(local);
    const std::string detail = "reading " + show(reading) + " (" +
                               slash::domain::format_date(local.date) + "), " +
                               show(static_cast<std::int64_t>(instants.size())) + " instants";
    // No bound on the count: a file may fall back twice within an hour (+3 -> +2 -> +1), and
    // then a reading of that hour has three instants (TimeZone allows it; callers take the
    // first or the last).
    for (std::size_t i = 0; i < instants.size(); ++i) {
        const std::int64_t v = instants[i];
        require(i == 0 || instants[i - 1] < v, "instants_of gives increasing instants", input,
                detail);
        require(v + zone.offset_at(v) == reading,
                "each instant of instants_of(r) reads r: v + offset_at(v) == local_seconds(r)",
                input, detail + ", instant " + show(v));
    }
    if (from) {
        require(std::find(instants.begin(), instants.end(), *from) != instants.end(),
                "u is among instants_of(u + offset_at(u))", input,
                detail + ", u " + show(*from));
    }
}

void check_rule(const PosixTzRule& rule, const Instants& instants, const std::uint8_t* data,
                std::size_t size, std::string_view input) {
    const std::vector<std::int64_t> offsets = rule.offsets();
    require(offsets.size() == 1 || offsets.size() == 2, "offsets() has one or two offsets", input);
    for (const std::int64_t offset : offsets) {
        require(offset >= -kMaxZoneOffset && offset <= kMaxZoneOffset,
                "a rule's offsets are within kMaxZoneOffset", input, show(offset));
    }
    const auto check_offset = [&](std::int64_t utc) {
        const std::int64_t offset = rule.offset_at(utc);
        require(std::find(offsets.begin(), offsets.end(), offset) != offsets.end(),
                "PosixTzRule::offset_at is one of offsets()", input,
                "at " + show(utc) + ": " + show(offset));
    };
    for (const std::int64_t utc : instants.points) check_offset(utc);
    for (const std::int64_t utc : instants.years) check_offset(utc);

    // The whole span, and one the input's first bytes choose within it.
    std::vector<std::pair<std::int64_t, std::int64_t>> spans{{year_start(1900), year_start(2200)}};
    if (size >= 4) {
        const int first = 1900 + data[0] % 250;
        const std::int64_t from = year_start(first) + (data[1] * 256 + data[2]) * 600;
        const std::int64_t until = from + (1 + data[3] % 50) * 365 * kDay;
        spans.emplace_back(from, std::min(until, year_start(2200)));
    }
    for (const auto& [from, until] : spans) {
        if (from >= until) continue;
        const std::vector<OffsetChange> table = rule.table(from, until);
        const std::string span = show(from) + ".." + show(until);
        if (table.empty()) {
            require(offsets.size() == 1, "table() is empty only without daylight time", input,
                    span);
            continue;
        }
        require(table.front().at == from && table.front().offset == rule.offset_at(from),
                "table(from, until) starts with {from, offset_at(from)}", input, span);
        for (std::size_t i = 0; i < table.size(); ++i) {
            const OffsetChange& change = table[i];
            const std::string where = span + ", entry " + show(static_cast<std::int64_t>(i)) +
                                      " at " + show(change.at);
            require(change.at >= from && change.at < until, "table entries lie in [from, until)",
                    input, where);
            require(i == 0 || table[i - 1].at < change.at, "table entries increase in at", input,
                    where);
            require(rule.offset_at(change.at) == change.offset,
                    "a table entry agrees with offset_at at its at", input, where);
            const std::int64_t last = i + 1 < table.size() ? table[i + 1].at - 1 : until - 1;
            require(rule.offset_at(last) == change.offset,
                    "a table entry's offset holds until the next entry", input,
                    where + ", at " + show(last));
        }
    }
}

void check_zone(const TzifZone& zone, const TzifData& file,
                const std::optional<PosixTzRule>& footer, const Instants& instants,
                std::string_view input) {
    require(zone.name() == kZoneName, "name() is the name given to parse", input, zone.name());
    const auto& transitions = file.transitions;
    for (std::size_t i = 1; i < transitions.size(); ++i) {
        require(transitions[i - 1] < transitions[i],
                "a file TzifZone::parse accepts has increasing transitions", input);
    }
    // RFC 8536 §3.2, as tzif_zone.hpp states it.
    const auto expected = [&](std::int64_t utc) {
        if (footer && (transitions.empty() || utc >= transitions.back())) {
            return footer->offset_at(utc);
        }
        const auto after = std::upper_bound(transitions.begin(), transitions.end(), utc);
        if (after == transitions.begin()) return file.type0_offset;
        return file.offset_after[static_cast<std::size_t>(after - transitions.begin() - 1)];
    };
    const auto check_offset = [&](std::int64_t utc) {
        const std::int64_t offset = zone.offset_at(utc);
        require(offset >= -kMaxZoneOffset && offset <= kMaxZoneOffset,
                "TzifZone::offset_at is within kMaxZoneOffset", input,
                "at " + show(utc) + ": " + show(offset));
        require(offset == expected(utc),
                "TzifZone::offset_at is the file's type before the last transition, the "
                "footer's rule from it on",
                input, "at " + show(utc) + ": " + show(offset) + ", file says " + show(expected(utc)));
    };
    for (const std::int64_t utc : instants.points) check_offset(utc);
    for (const std::int64_t utc : instants.years) check_offset(utc);

    // The changes: the file's transitions and the footer's, from the last transition on.
    std::vector<std::int64_t> changes = transitions;
    if (footer) {
        const std::int64_t since =
            std::max(transitions.empty() ? year_start(1900) : transitions.back(), year_start(1900));
        if (since < year_start(2200)) {
            for (const OffsetChange& change : footer->table(since, year_start(2200))) {
                changes.push_back(change.at);
            }
        }
        std::sort(changes.begin(), changes.end());
    }
    std::vector<std::int64_t> points;
    for (const std::int64_t p : instants.points) {
        if (readable(p)) points.push_back(p);
    }
    const std::vector<std::int64_t> near = near_changes(changes, points);
    points.insert(points.end(), near.begin(), near.end());
    for (const std::int64_t u : points) {
        check_offset(u);
        const std::int64_t reading = u + zone.offset_at(u);
        check_reading(zone, reading, u, input);
        for (const std::int64_t shift : {-3600, -1800, 1800, 3600}) {
            check_reading(zone, reading + shift, std::nullopt, input);
        }
    }
}

// Parses `bytes` as a TZif file; when it is one, its properties hold.
void check_file(std::string_view bytes, const Instants& instants, std::string_view input) {
    const auto zone = TzifZone::parse(bytes, std::string(kZoneName));
    if (!zone) return;
    const auto file = read_tzif(bytes);
    require(file.has_value(), "a file TzifZone::parse accepts has the layout of RFC 8536", input);
    std::optional<PosixTzRule> footer;
    if (file->footer && !file->footer->empty()) {
        footer = PosixTzRule::parse(*file->footer);
        require(footer.has_value(), "TzifZone::parse accepts a file only with a valid footer",
                input, *file->footer);
    }
    check_zone(*zone, *file, footer, instants, input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Views of the fuzzer's own buffer, so that AddressSanitizer sees a read past its end.
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::string_view input = bytes.substr(0, 256);  // for messages
    const Instants instants = instants_of_input(data, size);

    if (const auto rule = PosixTzRule::parse(bytes)) {
        check_rule(*rule, instants, data, size, input);
    }
    if (bytes.starts_with("TZif")) {
        check_file(bytes, instants, input);
        if (const auto file = read_tzif(bytes); file && file->footer) {
            if (const auto rule = PosixTzRule::parse(*file->footer)) {
                check_rule(*rule, instants, data, size, input);
            }
        }
        return 0;
    }
    // A TZ string on the first line: alone, then as the footer of a file with no transition.
    const std::string_view footer = bytes.substr(0, bytes.find('\n'));
    const auto rule = PosixTzRule::parse(footer);
    if (rule && footer.size() != size) check_rule(*rule, instants, data, size, input);
    const std::string file = footer_only_file(footer);
    const auto zone = TzifZone::parse(file, std::string(kZoneName));
    require((zone != nullptr) == (footer.empty() || rule.has_value()),
            "a footer-only file parses exactly when its footer does", input);
    if (zone) {
        const auto data_of_file = read_tzif(file);
        require(data_of_file.has_value(), "the fuzzer's footer-only file reads back", input);
        check_zone(*zone, *data_of_file, rule, instants, input);
    }
    return 0;
}
