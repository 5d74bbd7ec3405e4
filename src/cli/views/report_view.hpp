#pragma once

#include <string>

#include "slash/render/output.hpp"
#include "slash/services/report_service.hpp"

namespace slash::cli {

/// The JSON shape of a row of `slash report`: one field per grouping in --by order
/// (client, mission, tag, day, week, month), then raw_seconds, raw_hours,
/// billable_seconds, billable_hours, and amount, billed, unbilled, effective_rate as money
/// objects of the row's currency (effective_rate per hour, null without time).
render::Record report_record(const services::Report& report, const services::ReportRow& row);
render::Schema report_schema(const services::Report& report);
/// The rows; the table (on a terminal or piped) ends with one TOTAL row per currency,
/// which --json, --csv, --tsv, --template and -q never carry.
render::ListView report_view(const services::Report& report, const render::OutputOptions& options);
/// `--chart`: a bar per row (its keys as the label) of its amount, one chart per currency;
/// of its raw hours when no row has an amount. "" for no rows.
std::string report_chart(const services::Report& report, bool ascii, render::DurationStyle durations);

}  // namespace slash::cli
