// The status codes of XP Z12-012 (docs/einvoicing.md §Statuses) and small helpers of the
// transport types.

#include <algorithm>
#include <array>
#include <utility>

#include "slash/einvoicing/cdar.hpp"
#include "slash/einvoicing/transport.hpp"

namespace slash::einvoicing {

std::string_view status_label(std::string_view code) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kLabels{{
        {"200", "Déposée"},
        {"201", "Émise"},
        {"202", "Reçue"},
        {"203", "Mise à disposition"},
        {"204", "Prise en charge"},
        {"205", "Approuvée"},
        {"206", "Approuvée partiellement"},
        {"207", "En litige"},
        {"208", "Suspendue"},
        {"209", "Complétée"},
        {"210", "Refusée"},
        {"211", "Paiement transmis"},
        {"212", "Encaissée"},
        {"213", "Rejetée"},
        {"214", "Visée"},
        {"220", "Annulée"},
        {"501", "Irrecevable"},
    }};
    auto found = std::find_if(kLabels.begin(), kLabels.end(), [code](const auto& entry) { return entry.first == code; });
    return found == kLabels.end() ? std::string_view() : found->second;
}

std::optional<std::string> HttpResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (key == name) return value;
    }
    return std::nullopt;
}

}  // namespace slash::einvoicing
