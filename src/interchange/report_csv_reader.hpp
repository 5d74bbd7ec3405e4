#pragma once

#include <istream>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "column_map.hpp"
#include "slash/interchange/entry_reader.hpp"

namespace slash::interchange {

/// The columns Toggl's and Clockify's detailed reports share, under different names.
enum ReportColumn {
    kUser,
    kEmail,
    kClient,
    kProject,
    kTask,
    kDescription,
    kBillable,
    kStartDate,
    kStartTime,
    kEndDate,
    kEndTime,
    kTags,
    kReportColumnCount,
};

/// What tells one tracker's detailed report from another's.
struct ReportFormat {
    std::string_view uid_prefix;          ///< "toggl"
    std::span<const ColumnName> columns;  ///< header names; others are ignored
    std::string_view export_hint;         ///< how to get the right file, for a missing column
    std::string_view time_forms;          ///< "HH:MM:SS", for a bad time
    bool numeric_date_orders;             ///< MM/DD/YYYY (or day first) besides YYYY-MM-DD
};

/// A time tracker's "detailed report" CSV, one row per time entry, wall-clock dates and
/// times in the account's zone (ReaderOptions::zone; UTC when none is given), a time in an
/// autumn fold read as its first occurrence, except an end that would then not be after the
/// start, read as its second (02:50 -> 02:10 the night clocks go back):
/// - note: the description; a row with a task gives "Task: Description" (or the task alone),
///   since slash has no task and an invoice line should still say what was done;
/// - tags: the Tags cell cut at ','; billable: Yes or No, empty when the cell is;
/// - end date and time both empty: still running;
/// - uid: "<prefix>:" + fnv1a64_hex(user, email, client, project, task, description, start,
///   end), the times as format_local writes them, so the same row always has the same uid.
[[nodiscard]] std::unique_ptr<EntryReader> make_report_reader(const ReportFormat& format,
                                                              std::istream& in,
                                                              std::string source_name,
                                                              const ReaderOptions& options);

}  // namespace slash::interchange
