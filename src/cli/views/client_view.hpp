#pragma once

#include <vector>

#include "slash/domain/client.hpp"
#include "slash/render/output.hpp"

namespace slash::cli {

/// The JSON shape of a client (field names are a stable contract).
render::Record client_record(const domain::Client& client);
/// `client list`: the table columns and every field.
render::ListView client_list_view(const std::vector<domain::Client>& clients);
/// `client show`: one labelled line per field.
std::vector<render::Column> client_show_labels();

}  // namespace slash::cli
