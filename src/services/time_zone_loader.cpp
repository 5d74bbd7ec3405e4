#include "slash/services/time_zone_loader.hpp"

#include <date/tz.h>

#include <chrono>
#include <exception>
#include <string_view>
#include <utility>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"

namespace slash::services {
namespace {

using std::chrono::seconds;

// A zone of the tz database; the pointer is owned by date's database, which lives as long as
// the program.
class TzdbZone final : public domain::TimeZone {
  public:
    explicit TzdbZone(const date::time_zone* zone) : zone_(zone) {}

    std::int64_t offset_at(std::int64_t utc) const override {
        const date::sys_seconds instant{seconds{utc}};
        return zone_->get_info(instant).offset.count();
    }

    std::vector<std::int64_t> instants_of(const domain::LocalDateTime& local) const override {
        const std::int64_t reading = domain::local_seconds(local);
        const date::local_info info = zone_->get_info(date::local_seconds{seconds{reading}});
        switch (info.result) {
            case date::local_info::unique:
                return {reading - info.first.offset.count()};
            case date::local_info::ambiguous:
                // `first` is the rule before the transition: its larger offset gives the
                // earlier instant.
                return {reading - info.first.offset.count(), reading - info.second.offset.count()};
            case date::local_info::nonexistent:
                break;
        }
        return {};
    }

    std::string name() const override { return zone_->name(); }

  private:
    const date::time_zone* zone_;
};

std::unique_ptr<domain::TimeZone> utc() {
    return std::make_unique<domain::FixedOffsetZone>(0, "UTC");
}

// The zone name in a TZ value: POSIX lets it start with ':', and a path into a zoneinfo
// directory names the zone after that directory.
std::string_view zone_name(std::string_view tz) {
    if (tz.starts_with(':')) tz.remove_prefix(1);
    constexpr std::string_view kZoneinfo = "zoneinfo/";
    if (tz.starts_with('/')) {
        if (const auto at = tz.rfind(kZoneinfo); at != std::string_view::npos) {
            tz.remove_prefix(at + kZoneinfo.size());
        }
    }
    return tz;
}

}  // namespace

std::unique_ptr<domain::TimeZone> load_time_zone(const std::optional<std::string>& tz) {
    if (!tz) {
        try {
            return std::make_unique<TzdbZone>(date::current_zone());
        } catch (const std::exception&) {
            // No readable /etc/localtime (minimal containers): UTC, as the C library does.
            return utc();
        }
    }
    const std::string_view name = zone_name(*tz);
    // POSIX: an empty TZ is UTC; "UTC0" and "GMT0" are the POSIX spellings of it.
    if (name.empty() || name == "UTC0" || name == "GMT0") return utc();
    try {
        return std::make_unique<TzdbZone>(date::locate_zone(name));
    } catch (const std::runtime_error&) {
        throw Error(ErrorKind::Usage, "unknown time zone " + domain::quoted(*tz) +
                                          " in TZ; use a name such as Europe/Paris");
    }
}

}  // namespace slash::services
