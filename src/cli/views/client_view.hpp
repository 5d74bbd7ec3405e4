#pragma once

#include <vector>

#include "slash/domain/client.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/render/output.hpp"

namespace slash::cli {

/// The JSON shape of a client (field names are a stable contract).
render::Record client_record(const domain::Client& client, const domain::TimeZone& zone);
/// The shape of a client in every output format.
const render::Schema& client_schema();
/// `client list`.
render::ListView client_list_view(const std::vector<domain::Client>& clients, const domain::TimeZone& zone);

}  // namespace slash::cli
