// Toggl Track: the "Detailed" report exported as CSV. Its header (Toggl's own names; the
// newer exports say "Member" and "Stop date"/"Stop time"):
//   User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,
//   End time,Duration,Tags,Amount (EUR)
// Dates are YYYY-MM-DD and times HH:MM:SS, in the zone of the account that exported them;
// Tags are joined with ", ". Duration and Amount are derived and ignored. The rules shared
// with Clockify (note, uid, running entries) are in report_csv_reader.hpp.

#include <array>

#include "readers.hpp"
#include "report_csv_reader.hpp"

namespace slash::interchange {

namespace {

constexpr std::array<ColumnName, 15> kTogglColumns{{
    {kUser, "User"},
    {kUser, "Member"},
    {kEmail, "Email"},
    {kClient, "Client"},
    {kProject, "Project"},
    {kTask, "Task"},
    {kDescription, "Description"},
    {kBillable, "Billable"},
    {kStartDate, "Start date"},
    {kStartTime, "Start time"},
    {kEndDate, "End date"},
    {kEndDate, "Stop date"},
    {kEndTime, "End time"},
    {kEndTime, "Stop time"},
    {kTags, "Tags"},
}};

constexpr ReportFormat kToggl{
    .uid_prefix = "toggl",
    .columns = kTogglColumns,
    .export_hint = "export Toggl Track's Detailed report as CSV (Reports > Detailed > Export)",
    .time_forms = "HH:MM:SS",
    .numeric_date_orders = false,
};

}  // namespace

std::unique_ptr<EntryReader> make_toggl_reader(std::istream& in, std::string source_name,
                                               const ReaderOptions& options) {
    return make_report_reader(kToggl, in, std::move(source_name), options);
}

}  // namespace slash::interchange
