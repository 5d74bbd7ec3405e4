// Reaching the platform: the [einvoicing] keys, the token and the environment's proxies
// (docs/einvoicing.md §Token), and the rule of `paid_status = "auto"`.

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "einvoicing_internal.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"
#include "slash/services/einvoicing_service.hpp"

namespace slash::services {

namespace {

std::string expand_home(const std::string& path, const EinvoicingEnvironment& env) {
    if (!path.starts_with("~/")) return path;
    if (!env.home) throw Error(ErrorKind::Config, fmt::format("cannot expand \"{}\": $HOME is not set", path));
    return *env.home + path.substr(1);
}

// The token as a header value: one line of visible ASCII, or it could forge headers.
std::string checked_token(std::string token, const std::string& origin) {
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (token.empty()) throw Error(ErrorKind::Config, fmt::format("the e-invoicing token in {} is empty", origin));
    for (char c : token) {
        if (c <= ' ' || c == 0x7F) {
            throw Error(ErrorKind::Config,
                        fmt::format("the e-invoicing token in {} is not one line of visible characters", origin));
        }
    }
    return token;
}

}  // namespace

std::string load_token(const config::EinvoicingConfig& config, const EinvoicingEnvironment& env) {
    if (env.token) return checked_token(*env.token, "SLASH_EINVOICING_TOKEN");
    if (config.token_file.empty()) {
        throw Error(ErrorKind::Config, "no e-invoicing token: set SLASH_EINVOICING_TOKEN, or put the token in a file "
                                       "(chmod 600) and set einvoicing.token_file");
    }
    const std::string path = expand_home(config.token_file, env);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        throw Error(ErrorKind::Config, fmt::format("cannot read the token file \"{}\": {}", path, std::strerror(errno)));
    }
    if ((info.st_mode & (S_IRGRP | S_IROTH)) != 0) {
        throw Error(ErrorKind::Config, fmt::format("the token file \"{}\" is readable by others (mode {:04o}); "
                                                   "chmod 600 \"{}\"",
                                                   path, info.st_mode & 07777, path));
    }
    std::ifstream in(path, std::ios::binary);
    std::string first;
    if (!in || !std::getline(in, first)) {
        throw Error(ErrorKind::Config, fmt::format("cannot read the token file \"{}\"", path));
    }
    return checked_token(first, "\"" + path + "\"");
}

bool encaissee_required(const domain::Invoice& invoice, const config::Config& config) {
    // VAT on services is due when paid (CGI art. 269-2-c) unless the seller opted for
    // debits, which slash does not model; on goods it is due on delivery. No VAT (the
    // franchise of art. 293 B, reverse charge, export) means nothing is due at all.
    return invoice.vat_minor > 0 && config.urssaf.activity != "bic-sales";
}

einvoicing::PlatformAccess& EinvoicingService::access(bool directory) {
    const auto& c = config_.einvoicing;
    if (directory && c.directory_url.empty()) {
        throw Error(ErrorKind::Config, "no directory: set einvoicing.directory_url to your platform's Directory "
                                       "Service URL (slash config set einvoicing.directory_url https://...)");
    }
    if (!directory && c.platform_url.empty()) {
        throw Error(ErrorKind::Config, "no e-invoicing platform: set einvoicing.platform_url to your platform's Flow "
                                       "Service URL (slash config set einvoicing.platform_url https://...)");
    }
    if (!access_) {
        einvoicing::PlatformAccess a;
        a.flow_url = c.platform_url;
        a.directory_url = c.directory_url;
        a.token = load_token(c, env_);
        a.transport.total_timeout_ms = c.timeout * 1000;
        a.transport.connect_timeout_ms = std::min<std::int64_t>(10, c.timeout) * 1000;
        a.transport.proxy = env_.proxy;
        a.transport.no_proxy = env_.no_proxy;
        a.transport.user_agent = "slash/" SLASH_EINVOICING_VERSION;
        a.wait = env_.wait;
        a.notice = env_.notice;
        access_ = std::move(a);
    }
    return *access_;
}

namespace einvoicing_detail {

std::string cdar_time(std::int64_t utc, const domain::TimeZone& zone) {
    const auto l = domain::to_local(utc, zone);
    return fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}", l.date.year, l.date.month, l.date.day, l.hour, l.minute,
                       l.second);
}

std::optional<std::int64_t> cdar_instant(std::string_view text, const domain::TimeZone& zone) {
    if (text.size() != 14 && text.size() != 8) return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    auto number = [&](std::size_t at, std::size_t n) { return std::stoi(std::string(text.substr(at, n))); };
    domain::LocalDateTime local;
    local.date = {number(0, 4), number(4, 2), number(6, 2)};
    if (!domain::is_valid_date(local.date)) return std::nullopt;
    if (text.size() == 14) {
        local.hour = number(8, 2);
        local.minute = number(10, 2);
        local.second = number(12, 2);
        if (local.hour > 23 || local.minute > 59 || local.second > 59) return std::nullopt;
    }
    auto instants = zone.instants_of(local);
    if (instants.empty()) return domain::local_seconds(local) - zone.offset_at(domain::local_seconds(local));
    return instants.front();
}

std::int64_t platform_instant(const std::string& text, std::int64_t fallback) {
    // "2025-07-01T15:10:00.123Z": fractions of a second are dropped.
    std::string trimmed = text;
    if (auto dot = trimmed.find('.'); dot != std::string::npos) {
        auto zone = trimmed.find_first_of("Z+-", dot);
        trimmed.erase(dot, zone == std::string::npos ? std::string::npos : zone - dot);
    }
    return domain::parse_iso_instant(trimmed).value_or(fallback);
}

}  // namespace einvoicing_detail

}  // namespace slash::services
