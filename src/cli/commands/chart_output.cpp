#include "chart_output.hpp"

#include <fmt/format.h>

#include "slash/domain/error.hpp"

namespace slash::cli {

namespace {

const char* machine_flag(const GlobalOptions& globals) {
    if (globals.json) return "--json";
    if (globals.csv) return "--csv";
    if (globals.tsv) return "--tsv";
    if (globals.template_text) return "--template";
    if (globals.quiet) return "-q";
    return nullptr;
}

}  // namespace

void refuse_chart_with_machine_output(const GlobalOptions& globals, std::string_view chart_flag) {
    if (const char* flag = machine_flag(globals)) {
        throw Error(ErrorKind::Usage, fmt::format("{} does not combine with {}: the chart is for people, {} for programs",
                                                  chart_flag, flag, flag));
    }
}

}  // namespace slash::cli
