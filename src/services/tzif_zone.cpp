#include "tzif_zone.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "slash/domain/calendar.hpp"

namespace slash::services {
namespace {

// The span of TzifZone's table of its footer: 1970-01-01 to 2100-01-01.
constexpr std::int64_t kFooterTableStart = 0;
constexpr std::int64_t kFooterTableEnd = 4102444800;

std::uint32_t big_endian_32(const char* bytes) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(bytes[i]);
    return value;
}

std::uint64_t big_endian_64(const char* bytes) {
    return std::uint64_t{big_endian_32(bytes)} << 32 | big_endian_32(bytes + 4);
}

// Hands out the bytes of a file front to back, never past its end.
class ByteReader {
  public:
    explicit ByteReader(std::string_view bytes) : rest_(bytes) {}

    std::optional<std::string_view> take(std::uint64_t count) {
        if (count > rest_.size()) return std::nullopt;
        const std::string_view taken = rest_.substr(0, count);
        rest_.remove_prefix(count);
        return taken;
    }
    [[nodiscard]] std::string_view rest() const { return rest_; }

  private:
    std::string_view rest_;
};

// A TZif header (RFC 8536 §3.1): the version and the counts of the data block after it.
struct Header {
    char version = 0;
    std::uint64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

    // The size of the data block, with `time_size`-byte times (4 in version 1, else 8).
    // Counts below 2^32 keep the sum far from overflowing.
    [[nodiscard]] std::uint64_t data_size(std::uint64_t time_size) const {
        return timecnt * time_size + timecnt + typecnt * 6 + charcnt + leapcnt * (time_size + 4) +
               isstdcnt + isutcnt;
    }
};

constexpr std::size_t kHeaderSize = 44;

std::optional<Header> read_header(ByteReader& in) {
    const auto bytes = in.take(kHeaderSize);
    if (!bytes || !bytes->starts_with("TZif")) return std::nullopt;
    Header header;
    header.version = (*bytes)[4];
    if (header.version != '\0' && header.version != '2' && header.version != '3' &&
        header.version != '4') {
        return std::nullopt;
    }
    const char* counts = bytes->data() + 20;
    header.isutcnt = big_endian_32(counts);
    header.isstdcnt = big_endian_32(counts + 4);
    header.leapcnt = big_endian_32(counts + 8);
    header.timecnt = big_endian_32(counts + 12);
    header.typecnt = big_endian_32(counts + 16);
    header.charcnt = big_endian_32(counts + 20);
    // RFC 8536 §3.1: at least one time type and one byte of designations; the indicator
    // arrays are empty or have one entry per type.
    if (header.typecnt == 0 || header.charcnt == 0) return std::nullopt;
    if (header.isutcnt != 0 && header.isutcnt != header.typecnt) return std::nullopt;
    if (header.isstdcnt != 0 && header.isstdcnt != header.typecnt) return std::nullopt;
    return header;
}

}  // namespace

std::unique_ptr<TzifZone> TzifZone::parse(std::string_view bytes, std::string name) {
    ByteReader in(bytes);
    auto header = read_header(in);
    if (!header) return nullptr;
    std::uint64_t time_size = 4;
    if (header->version != '\0') {
        // Version 2 and later repeat the data with 64-bit times after the version 1 block,
        // which is there for older readers.
        if (!in.take(header->data_size(4))) return nullptr;
        header = read_header(in);
        if (!header || header->version == '\0') return nullptr;
        time_size = 8;
    }
    const auto block = in.take(header->data_size(time_size));
    if (!block) return nullptr;
    const char* const times = block->data();
    const char* const type_indices = times + header->timecnt * time_size;
    const char* const types = type_indices + header->timecnt;

    std::vector<std::int64_t> type_offsets;
    type_offsets.reserve(header->typecnt);
    for (std::uint64_t i = 0; i < header->typecnt; ++i) {
        const char* type = types + 6 * i;
        const auto offset = static_cast<std::int32_t>(big_endian_32(type));
        const auto designation = static_cast<unsigned char>(type[5]);
        if (offset < -kMaxZoneOffset || offset > kMaxZoneOffset) return nullptr;
        if (designation >= header->charcnt) return nullptr;
        type_offsets.push_back(offset);
    }

    std::unique_ptr<TzifZone> zone(new TzifZone());
    zone->name_ = std::move(name);
    zone->initial_offset_ = type_offsets.front();
    zone->transitions_.reserve(header->timecnt);
    zone->offset_after_.reserve(header->timecnt);
    for (std::uint64_t i = 0; i < header->timecnt; ++i) {
        const char* time_bytes = times + i * time_size;
        const std::int64_t time =
            time_size == 8 ? static_cast<std::int64_t>(big_endian_64(time_bytes))
                           : std::int64_t{static_cast<std::int32_t>(big_endian_32(time_bytes))};
        const auto type = static_cast<unsigned char>(type_indices[i]);
        if (!zone->transitions_.empty() && time <= zone->transitions_.back()) return nullptr;
        if (type >= header->typecnt) return nullptr;
        zone->transitions_.push_back(time);
        zone->offset_after_.push_back(type_offsets[type]);
    }

    if (time_size == 8) {
        // The footer: a TZ string between two newlines, possibly empty.
        const std::string_view rest = in.rest();
        const auto end = rest.find('\n', 1);
        if (!rest.starts_with('\n') || end == std::string_view::npos) return nullptr;
        const std::string_view footer = rest.substr(1, end - 1);
        if (!footer.empty()) {
            zone->footer_ = PosixTzRule::parse(footer);
            if (!zone->footer_) return nullptr;
            // Slim files, zic's default since 2020, list no transition after the rules last
            // changed (1996 for Europe/Paris): the footer then answers for today's dates, and a
            // table makes that a binary search instead of calendar arithmetic, 40 times faster.
            const std::int64_t since = zone->transitions_.empty()
                                           ? kFooterTableStart
                                           : std::max(zone->transitions_.back(), kFooterTableStart);
            zone->footer_table_ = zone->footer_->table(since, kFooterTableEnd);
        }
    }
    return zone;
}

std::unique_ptr<TzifZone> TzifZone::from_rule(const PosixTzRule& rule, std::string name) {
    auto zone = std::unique_ptr<TzifZone>(new TzifZone());
    zone->name_ = std::move(name);
    zone->initial_offset_ = rule.offset_at(kFooterTableStart);
    zone->footer_ = rule;
    zone->footer_table_ = rule.table(kFooterTableStart, kFooterTableEnd);
    return zone;
}

std::int64_t TzifZone::offset_at(std::int64_t utc) const {
    // RFC 8536 §3.2: time type 0 before the first transition, the footer's rule from the
    // last one on (the last transition's type when there is no footer). The two agree at the
    // last transition of a well-made file; where they do not (America/Ojinaga as glibc 2.36's
    // zic writes it slim from tzdata 2026f), the C library follows the footer too.
    if (footer_ && (transitions_.empty() || utc >= transitions_.back())) {
        if (footer_table_.empty() || utc < footer_table_.front().at || utc >= kFooterTableEnd) {
            return footer_->offset_at(utc);
        }
        const auto after = std::upper_bound(
            footer_table_.begin(), footer_table_.end(), utc,
            [](std::int64_t instant, const OffsetChange& change) { return instant < change.at; });
        return std::prev(after)->offset;
    }
    const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
    if (after == transitions_.begin()) return initial_offset_;
    return offset_after_[static_cast<std::size_t>(after - transitions_.begin() - 1)];
}

std::vector<std::int64_t> TzifZone::instants_of(const domain::LocalDateTime& local) const {
    // An instant u reads `local` when u + offset_at(u) == reading. Offsets are bounded, so u
    // lies within kMaxZoneOffset of the reading, and its offset is one in force somewhere in
    // that window: the one at its start or one a transition (or the footer) brings. Each
    // candidate offset is kept only when the instant it gives really has it: none in a
    // spring-forward gap, two in a fall-back fold.
    const std::int64_t reading = domain::local_seconds(local);
    const std::int64_t window_start = reading - kMaxZoneOffset;
    const std::int64_t window_end = reading + kMaxZoneOffset;
    std::vector<std::int64_t> candidates{offset_at(window_start)};
    const auto first = std::upper_bound(transitions_.begin(), transitions_.end(), window_start);
    const auto last = std::upper_bound(first, transitions_.end(), window_end);
    for (auto at = first; at != last; ++at) {
        candidates.push_back(offset_after_[static_cast<std::size_t>(at - transitions_.begin())]);
    }
    if (footer_ && (transitions_.empty() || window_end >= transitions_.back())) {
        const std::vector<std::int64_t> footer_offsets = footer_->offsets();
        candidates.insert(candidates.end(), footer_offsets.begin(), footer_offsets.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    std::vector<std::int64_t> instants;
    for (const std::int64_t offset : candidates) {
        const std::int64_t instant = reading - offset;
        if (offset_at(instant) == offset) instants.push_back(instant);
    }
    // A larger offset gives an earlier instant.
    std::reverse(instants.begin(), instants.end());
    return instants;
}

std::string TzifZone::name() const {
    return name_;
}

}  // namespace slash::services
