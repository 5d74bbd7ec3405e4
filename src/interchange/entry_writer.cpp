#include "slash/interchange/entry_writer.hpp"

#include "slash/domain/error.hpp"
#include "slash/domain/money.hpp"
#include "writers.hpp"

namespace slash::interchange {

std::optional<ExportFormat> parse_export_format(std::string_view name) {
    if (name == "jsonl") return ExportFormat::Jsonl;
    if (name == "csv") return ExportFormat::Csv;
    if (name == "timeclock") return ExportFormat::Timeclock;
    if (name == "ical") return ExportFormat::Ical;
    return std::nullopt;
}

std::string format_units(std::int64_t milli) {
    // format_amount is exact and always writes three decimals; the trailing zeros (and a
    // bare dot) carry no information, and "2.5" is what people write by hand.
    std::string text = domain::format_amount(milli, 3);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

std::unique_ptr<EntryWriter> open_writer(ExportFormat format, std::ostream& out,
                                         const domain::TimeZone& zone, std::string_view version) {
    switch (format) {
        case ExportFormat::Jsonl:
            return make_jsonl_writer(out, zone);
        case ExportFormat::Csv:
            return make_csv_writer(out, zone);
        case ExportFormat::Timeclock:
            return make_timeclock_writer(out, zone);
        case ExportFormat::Ical:
            return make_ical_writer(out, version);
    }
    // Only an integer cast to ExportFormat outside its enumerators gets here.
    throw Error(ErrorKind::Usage, "unknown export format");
}

}  // namespace slash::interchange
