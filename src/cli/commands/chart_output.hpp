#pragma once

#include <string_view>

#include "../context.hpp"

namespace slash::cli {

/// `--chart` and `--ascii` draw for people: with an output flag meant for programs
/// (--json, --csv, --tsv, --template, -q) they are a usage error naming both flags.
void refuse_chart_with_machine_output(const GlobalOptions& globals, std::string_view chart_flag);

}  // namespace slash::cli
