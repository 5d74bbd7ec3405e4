#include "slash/services/time_zone_loader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "tzif_zone.hpp"

namespace slash::services {
namespace {

namespace fs = std::filesystem;

// Zone files are a few kilobytes; anything much larger is not one.
constexpr std::size_t kMaxZoneFileSize = std::size_t{1} << 20;

std::unique_ptr<domain::TimeZone> utc() {
    return std::make_unique<domain::FixedOffsetZone>(0, "UTC");
}

// The whole file, or nullopt when it cannot be read or is larger than kMaxZoneFileSize.
std::optional<std::string> read_small_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string bytes;
    char buffer[16384];
    bool ok = true;
    while (true) {
        const ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) {
            ok = count == 0;
            break;
        }
        bytes.append(buffer, static_cast<std::size_t>(count));
        if (bytes.size() > kMaxZoneFileSize) {
            ok = false;
            break;
        }
    }
    ::close(fd);
    if (!ok) return std::nullopt;
    return bytes;
}

// The zoneinfo tree: TZDIR, which the C library honours too, else the system's.
fs::path zone_directory(const std::optional<std::string>& tzdir) {
    return tzdir && !tzdir->empty() ? fs::path(*tzdir) : fs::path("/usr/share/zoneinfo");
}

// A zone name is a relative path that stays inside the zoneinfo tree: TZ="../../etc/passwd"
// must not read a file elsewhere, even to refuse it.
bool is_zone_name(std::string_view name) {
    if (name.empty() || name.starts_with('/')) return false;
    while (true) {
        const auto slash = name.find('/');
        const std::string_view component = name.substr(0, slash);
        if (component.empty() || component == "." || component == "..") return false;
        if (slash == std::string_view::npos) return true;
        name.remove_prefix(slash + 1);
    }
}

// The zone of that name in the zoneinfo tree, or nullptr.
std::unique_ptr<domain::TimeZone> read_zone(std::string_view name, const fs::path& directory) {
    if (!is_zone_name(name)) return nullptr;
    const auto bytes = read_small_file(directory / name);
    if (!bytes) return nullptr;
    return TzifZone::parse(*bytes, std::string(name));
}

// The zone name in a TZ value: POSIX lets it start with ':', and a path into a zoneinfo
// directory names the zone after that directory.
std::string_view name_in_tz(std::string_view tz) {
    if (tz.starts_with(':')) tz.remove_prefix(1);
    constexpr std::string_view kZoneinfo = "zoneinfo/";
    if (tz.starts_with('/')) {
        if (const auto at = tz.rfind(kZoneinfo); at != std::string_view::npos) {
            tz.remove_prefix(at + kZoneinfo.size());
        }
    }
    return tz;
}

constexpr const char* kLocaltime = "/etc/localtime";

// The first line of /etc/timezone (Debian's record of the zone's name), if any.
std::optional<std::string> name_in_etc_timezone() {
    auto text = read_small_file("/etc/timezone");
    if (!text) return std::nullopt;
    text->erase(std::min(text->find('\n'), text->size()));
    if (text->empty()) return std::nullopt;
    return text;
}

// The name the system zone goes by in messages, the one date::current_zone gave: the
// resolved path of the /etc/localtime symlink after its last "zoneinfo/"
// ("/usr/share/zoneinfo/Europe/Paris"), else /etc/timezone, else "localtime".
std::string system_zone_name() {
    std::error_code error;
    if (fs::is_symlink(kLocaltime, error)) {
        const std::string target = fs::canonical(kLocaltime, error).string();
        constexpr std::string_view kZoneinfo = "zoneinfo/";
        if (const auto at = target.rfind(kZoneinfo); at != std::string::npos) {
            return target.substr(at + kZoneinfo.size());
        }
    }
    if (auto name = name_in_etc_timezone()) return std::move(*name);
    return "localtime";
}

// /etc/localtime as the C library reads it; without one, the zone /etc/timezone names; else
// UTC, as the C library does (minimal containers).
std::unique_ptr<domain::TimeZone> system_zone(const fs::path& directory) {
    if (const auto bytes = read_small_file(kLocaltime)) {
        if (auto zone = TzifZone::parse(*bytes, system_zone_name())) return zone;
    }
    if (const auto name = name_in_etc_timezone()) {
        if (auto zone = read_zone(*name, directory)) return zone;
    }
    return utc();
}

}  // namespace

std::unique_ptr<domain::TimeZone> load_time_zone(const std::optional<std::string>& tz,
                                                 const std::optional<std::string>& tzdir) {
    const fs::path directory = zone_directory(tzdir);
    if (!tz) return system_zone(directory);
    const std::string_view name = name_in_tz(*tz);
    // POSIX: an empty TZ is UTC; "UTC0" and "GMT0" are the POSIX spellings of it.
    if (name.empty() || name == "UTC0" || name == "GMT0") return utc();
    if (auto zone = read_zone(name, directory)) return zone;
    // Not a zone file: a POSIX rule string, as the C library reads TZ. A leading ':' always
    // means a name (POSIX leaves it to the implementation; glibc reads a file), so
    // ":CET-1CEST,M3.5.0,M10.5.0/3" stays refused.
    if (!tz->starts_with(':')) {
        if (auto rule = PosixTzRule::parse(*tz)) return TzifZone::from_rule(*rule, *tz);
    }
    throw Error(ErrorKind::Usage, "unknown time zone " + domain::quoted(*tz) +
                                      " in TZ; use a name such as Europe/Paris, or a POSIX rule such as "
                                      "CET-1CEST,M3.5.0,M10.5.0/3");
}

}  // namespace slash::services
