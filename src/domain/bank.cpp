#include "slash/domain/bank.hpp"

#include <cctype>

#include "slash/domain/error.hpp"

namespace slash::domain {

namespace {

std::string compact_upper(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == ' ') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    return out;
}

bool is_alnum(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; }
bool is_alpha(char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; }

}  // namespace

std::string normalize_iban(std::string_view text) {
    std::string iban = compact_upper(text);
    auto refuse = [&](const char* why) {
        throw Error(ErrorKind::Usage, "invalid IBAN \"" + std::string(text) + "\": " + why);
    };
    if (iban.size() < 15 || iban.size() > 34) refuse("it must have 15 to 34 characters");
    if (!is_alpha(iban[0]) || !is_alpha(iban[1]) || !std::isdigit(static_cast<unsigned char>(iban[2])) ||
        !std::isdigit(static_cast<unsigned char>(iban[3]))) {
        refuse("it must start with a country code and two check digits");
    }
    // ISO 13616: move the first four characters to the end, letters become 10..35, and
    // the number must be 1 modulo 97; computed digit by digit to stay in integers.
    std::string rearranged = iban.substr(4) + iban.substr(0, 4);
    unsigned remainder = 0;
    for (char ch : rearranged) {
        if (!is_alnum(ch)) refuse("it may only contain letters and digits");
        unsigned value = std::isdigit(static_cast<unsigned char>(ch)) ? static_cast<unsigned>(ch - '0')
                                                                       : static_cast<unsigned>(ch - 'A' + 10);
        remainder = (value >= 10 ? remainder * 100 : remainder * 10) + value;
        remainder %= 97;
    }
    if (remainder != 1) refuse("the check digits are wrong; copy it again from your bank");
    return iban;
}

std::string normalize_bic(std::string_view text) {
    std::string bic = compact_upper(text);
    bool ok = bic.size() == 8 || bic.size() == 11;
    for (std::size_t i = 0; ok && i < bic.size(); ++i) ok = i < 6 ? is_alpha(bic[i]) : is_alnum(bic[i]);
    if (!ok) {
        throw Error(ErrorKind::Usage, "invalid BIC \"" + std::string(text) +
                                          "\": use 8 or 11 characters, e.g. AGRIFRPP or AGRIFRPP882");
    }
    return bic;
}

}  // namespace slash::domain
