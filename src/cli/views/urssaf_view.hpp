#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "slash/render/output.hpp"
#include "slash/services/urssaf_service.hpp"

namespace slash::cli {

/// The JSON shape of `slash urssaf --json`: one object with every figure (field names are
/// a stable contract, see slash-report(1)).
render::Record urssaf_record(const services::UrssafDeclaration& declaration);
/// One row per activity, all three, as --csv, --tsv, --template and -q write them.
render::ListView urssaf_activity_rows(const services::UrssafDeclaration& declaration);
/// Writes the declaration: on a terminal a title naming the figures used, the activities
/// in use with a TOTAL row, then the thresholds; piped, the same rows tab-separated; the
/// machine formats as above.
void write_urssaf(std::ostream& out, const services::UrssafDeclaration& declaration,
                  const render::OutputOptions& options);
/// What stderr must say, one line each without the "slash: warning: " prefix: figures
/// borrowed from another year, [urssaf] figures that rates_year keeps unused, a period not
/// over yet, payments without their EUR amount, thresholds at 80 % or crossed.
std::vector<std::string> urssaf_warnings(const services::UrssafDeclaration& declaration);

}  // namespace slash::cli
