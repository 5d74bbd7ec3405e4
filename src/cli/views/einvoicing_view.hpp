#pragma once

#include <string>
#include <utility>
#include <vector>

#include "slash/domain/einvoicing.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/einvoicing/platform.hpp"
#include "slash/render/output.hpp"

namespace slash::cli {

/// A life-cycle status of an invoice (`invoice status`, `einvoicing sync`): stable field
/// names invoice, code, status, at, reason, amount, by, flow.
render::Record invoice_status_record(const std::string& invoice, const domain::InvoiceStatus& status,
                                     const domain::TimeZone& zone);
const render::Schema& invoice_status_schema();

/// The directory lines of `client lookup`.
render::ListView directory_view(const einvoicing::DirectoryEntry& entry);

/// "205 Approuvée": the latest status as `invoice list` and `invoice show` print it.
std::string status_text(const domain::InvoiceStatus& status);

}  // namespace slash::cli
