#include "slash/config/config.hpp"

#include <array>
#include <utility>

#include "internal.hpp"

namespace slash::config {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kSectionComments{{
    {"seller", "Who you are, as printed on every invoice."},
    {"tax", "VAT."},
    {"invoice", "Numbering, payment terms and the legal sentences of invoices."},
    {"time", "How time is counted, rounded for billing and planned."},
    {"urssaf", "What the URSSAF declaration of turnover needs."},
    {"display", "Terminal output."},
    {"einvoicing", "Your approved e-invoicing platform (slash-einvoicing(1))."},
    {"mail", "How `slash invoice mail` sends e-mail: the local MTA."},
    {"quote", "Quotes (devis): numbering and validity."},
}};

std::string_view section_comment(std::string_view section) {
    for (const auto& [name, comment] : kSectionComments) {
        if (name == section) return comment;
    }
    return {};
}

}  // namespace

std::string initial_config_text(const SellerConfig& seller) {
    Config config;
    config.seller = seller;
    std::string out =
        "# slash configuration. Edit it by hand or with `slash config set KEY VALUE`,\n"
        "# which keeps these comments. Rates and hours are strings (\"20\", \"0.5\") so\n"
        "# that no value ever goes through a float.\n";
    std::string_view section;
    for (const detail::KeySpec& spec : detail::schema()) {
        if (spec.section() != section) {
            section = spec.section();
            out += "\n# ";
            out += section_comment(section);
            out += "\n[";
            out += section;
            out += "]\n";
        }
        out += "# ";
        out += spec.comment;
        out += '\n';
        out += spec.name();
        out += " = ";
        out += detail::toml_literal(spec.get(config));
        out += '\n';
    }
    return out;
}

}  // namespace slash::config
