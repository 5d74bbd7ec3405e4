// Clockify: the Detailed report exported as CSV. Its header:
//   Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,
//   End Date,End Time,Duration (h),Duration (decimal),Billable Rate (EUR),...
// Dates and times follow the account's settings: MM/DD/YYYY (DD/MM/YYYY with
// ReaderOptions::day_first; DD.MM.YYYY) or YYYY-MM-DD, and "HH:MM:SS", "HH:MM" or the
// 12-hour "hh:mm:ss AM" / "hh:mm AM", in the zone of the account. Tags are joined with
// ", "; Group, durations and amounts are ignored. The rules shared with Toggl (note, uid,
// running entries) are in report_csv_reader.hpp.

#include <array>

#include "readers.hpp"
#include "report_csv_reader.hpp"

namespace slash::interchange {

namespace {

constexpr std::array<ColumnName, 12> kClockifyColumns{{
    {kProject, "Project"},
    {kClient, "Client"},
    {kDescription, "Description"},
    {kTask, "Task"},
    {kUser, "User"},
    {kEmail, "Email"},
    {kTags, "Tags"},
    {kBillable, "Billable"},
    {kStartDate, "Start Date"},
    {kStartTime, "Start Time"},
    {kEndDate, "End Date"},
    {kEndTime, "End Time"},
}};

constexpr ReportFormat kClockify{
    .uid_prefix = "clockify",
    .columns = kClockifyColumns,
    .export_hint = "export Clockify's Detailed report as CSV (Reports > Detailed > Export)",
    .time_forms = "a time (HH:MM:SS, HH:MM, or hh:mm:ss AM/PM)",
    .numeric_date_orders = true,
};

}  // namespace

std::unique_ptr<EntryReader> make_clockify_reader(std::istream& in, std::string source_name,
                                                  const ReaderOptions& options) {
    return make_report_reader(kClockify, in, std::move(source_name), options);
}

}  // namespace slash::interchange
