#include "slash/services/export_service.hpp"

#include <limits>

#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/entry_store.hpp"
#include "slash/storage/mission_store.hpp"

namespace slash::services {

namespace {

interchange::ExportEntry exported(const domain::Entry& entry) {
    interchange::ExportEntry row;
    row.uid = entry.uid;
    row.start = entry.start;
    row.end = entry.end;
    auto slash = entry.mission_address.find('/');
    row.client = entry.mission_address.substr(0, slash);
    row.mission = entry.mission_address.substr(slash + 1);
    row.units_milli = entry.units_milli;
    row.billable = entry.billable;
    row.tags = entry.tags;
    row.note = entry.note;
    row.updated_at = entry.updated_at;
    return row;
}

}  // namespace

ExportSelection ExportService::select(const ExportRequest& request) {
    ExportSelection selection;
    selection.from = std::numeric_limits<std::int64_t>::min();
    selection.to = std::numeric_limits<std::int64_t>::max();
    if (request.period) {
        auto period = domain::parse_period(*request.period, context_);
        selection.from = period.from;
        selection.to = period.to;
    }
    if (request.client) selection.client_id = storage::ClientStore(db_).get(*request.client).id;
    if (request.mission) selection.mission_id = storage::MissionStore(db_).get(*request.mission).id;
    return selection;
}

std::int64_t ExportService::write(const ExportSelection& selection, interchange::EntryWriter& writer,
                                  const std::function<void(std::int64_t written)>& on_progress) {
    storage::EntryFilter filter;
    filter.from = selection.from;
    filter.to = selection.to;
    filter.client_id = selection.client_id;
    filter.mission_id = selection.mission_id;
    std::int64_t count = 0;
    storage::EntryStore(db_).each(filter, [&](const domain::Entry& entry) {
        writer.write(exported(entry));
        if (++count % kProgressEvery == 0 && on_progress) on_progress(count);
    });
    writer.finish();
    return count;
}

}  // namespace slash::services
