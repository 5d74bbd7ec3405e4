// slash_mock_platform: the tests' mock approved platform as a program, for the tour
// (examples/tour.sh). Prints its port on the first line of stdout, then serves on
// 127.0.0.1 until killed.
//
//   slash_mock_platform --kit tests/einvoicing/kit --token TOKEN
//                       [--on-invoice 200,202,203,205] [--company SIREN,NAME,ADDRESS]...
//                       [--seller SIREN] [--start 2026-11-28T09:00:00Z]

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "slash/domain/calendar.hpp"
#include "support/mock_platform.hpp"

namespace {

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> parts;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
    return parts;
}

}  // namespace

int main(int argc, char** argv) {
    std::string kit, token, seller, start;
    std::vector<std::string> codes{"200"};
    std::vector<std::vector<std::string>> companies;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--kit") kit = value;
        else if (flag == "--token") token = value;
        else if (flag == "--on-invoice") codes = split(value);
        else if (flag == "--company") companies.push_back(split(value));
        else if (flag == "--seller") seller = value;
        else if (flag == "--start") start = value;
        else {
            std::cerr << "slash_mock_platform: unknown flag " << flag << "\n";
            return 2;
        }
    }
    if (kit.empty() || token.empty()) {
        std::cerr << "usage: slash_mock_platform --kit DIR --token TOKEN [--on-invoice CODES] [--company S,N,A]\n";
        return 2;
    }
    slash::testing::MockPlatform platform(kit, token);
    platform.on_invoice(codes);
    if (!seller.empty()) platform.set_seller(seller);
    if (!start.empty()) {
        auto instant = slash::domain::parse_iso_instant(start);
        if (!instant) {
            std::cerr << "slash_mock_platform: --start must be ISO 8601 with an offset\n";
            return 2;
        }
        platform.set_clock(*instant);
    }
    for (const auto& c : companies) {
        if (c.size() >= 3) platform.add_company(c[0], c[1], std::vector<std::string>(c.begin() + 2, c.end()));
    }
    std::cout << platform.port() << std::endl;
    platform.run();
    return 0;
}
