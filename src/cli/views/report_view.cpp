#include "report_view.hpp"

#include <algorithm>

#include "slash/domain/duration.hpp"
#include "slash/domain/money.hpp"
#include "slash/render/bar_chart.hpp"
#include "values.hpp"

namespace slash::cli {

namespace {

using render::Value;

constexpr const char* kTotal = "TOTAL";

std::string header_of(services::ReportGroup group) {
    std::string header(services::group_name(group));
    std::transform(header.begin(), header.end(), header.begin(), [](char c) { return static_cast<char>(c - 'a' + 'A'); });
    return header;
}

std::string label_of(const services::ReportRow& row) {
    std::string label;
    for (const auto& key : row.keys) label += (label.empty() ? "" : " ") + key;
    return label;
}

}  // namespace

render::Record report_record(const services::Report& report, const services::ReportRow& row) {
    render::Record record;
    for (std::size_t i = 0; i < report.groups.size(); ++i) {
        record.emplace_back(std::string(services::group_name(report.groups[i])),
                            i < row.keys.size() ? Value(row.keys[i]) : Value());
    }
    const auto& f = row.figures;
    const auto rate = f.effective_rate_minor();
    record.emplace_back("raw_seconds", f.raw_seconds);
    record.emplace_back("raw_hours", domain::format_hours(f.raw_seconds));
    record.emplace_back("billable_seconds", f.billable_seconds);
    record.emplace_back("billable_hours", domain::format_hours(f.billable_seconds));
    record.emplace_back("amount", money_value(f.amount_minor, row.currency));
    record.emplace_back("billed", money_value(f.billed_minor, row.currency));
    record.emplace_back("unbilled", money_value(f.unbilled_minor(), row.currency));
    record.emplace_back("effective_rate", rate ? money_value(*rate, row.currency) : Value());
    return record;
}

render::Schema report_schema(const services::Report& report) {
    render::Schema schema;
    services::ReportRow prototype;
    prototype.currency = "EUR";
    prototype.figures.raw_seconds = 1;  // so that effective_rate is an object with its two fields
    schema.fields = render::flat_field_names(report_record(report, prototype));
    for (auto group : report.groups) schema.columns.push_back({std::string(services::group_name(group)), header_of(group)});
    schema.columns.insert(schema.columns.end(), {{"raw_hours", "HOURS", true, "raw_seconds"},
                                                 {"billable_hours", "BILLABLE", true, "billable_seconds"},
                                                 {"amount", "AMOUNT", true},
                                                 {"billed", "BILLED", true},
                                                 {"unbilled", "UNBILLED", true},
                                                 {"effective_rate", "RATE/H", true}});
    schema.id_field = std::string(services::group_name(report.groups.front()));
    return schema;
}

render::ListView report_view(const services::Report& report, const render::OutputOptions& options) {
    render::ListView view{report_schema(report), {}};
    for (const auto& row : report.rows) view.rows.push_back(report_record(report, row));
    // The totals belong to the table a person reads, on a terminal or piped as the same rows.
    if (options.format == render::Format::Auto) {
        for (auto total : report.totals) {
            total.keys.assign(report.groups.size(), "");
            total.keys.front() = kTotal;
            view.rows.push_back(report_record(report, total));
        }
    }
    return view;
}

std::string report_chart(const services::Report& report, bool ascii, render::DurationStyle durations) {
    if (report.rows.empty()) return "";
    render::ChartOptions options;
    options.ascii = ascii;
    // Labels are handles, tags and dates (ASCII): padded here to the widest of all rows, so
    // that the charts of several currencies line up.
    std::size_t width = 0;
    for (const auto& row : report.rows) width = std::max(width, label_of(row).size());
    auto padded = [width](const services::ReportRow& row) {
        auto label = label_of(row);
        label.append(width - label.size(), ' ');
        return label;
    };
    const bool any_amount = std::any_of(report.rows.begin(), report.rows.end(),
                                        [](const auto& row) { return row.figures.amount_minor != 0; });
    if (!any_amount) {
        std::vector<render::Bar> bars;
        for (const auto& row : report.rows) {
            bars.push_back({padded(row), row.figures.raw_seconds, render::spoken_duration(row.figures.raw_seconds, durations)});
        }
        return render::bar_chart(bars, options);
    }
    std::vector<std::string> currencies;
    for (const auto& row : report.rows) {
        if (std::find(currencies.begin(), currencies.end(), row.currency) == currencies.end()) {
            currencies.push_back(row.currency);
        }
    }
    std::sort(currencies.begin(), currencies.end());
    std::string out;
    for (const auto& currency : currencies) {
        std::vector<render::Bar> bars;
        for (const auto& row : report.rows) {
            if (row.currency != currency) continue;
            bars.push_back({padded(row), row.figures.amount_minor,
                            domain::format_money(row.figures.amount_minor, row.currency)});
        }
        if (!out.empty()) out += '\n';
        out += render::bar_chart(bars, options);
    }
    return out;
}

}  // namespace slash::cli
