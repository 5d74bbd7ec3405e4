#include "slash/services/import_service.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "slash/domain/client.hpp"
#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/identifiers.hpp"
#include "slash/domain/mission.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/time_zone.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/entry_import.hpp"
#include "slash/storage/entry_store.hpp"
#include "slash/storage/mission_store.hpp"
#include "entry_description.hpp"
#include "text_checks.hpp"

namespace slash::services {

namespace {

constexpr std::int64_t kMaxEntrySeconds = 24 * 3600;
constexpr std::size_t kShownUnmapped = 10;

[[noreturn]] void usage(const std::string& message) { throw Error(ErrorKind::Usage, message); }

// What an entry needs to know of its mission.
struct MissionRef {
    std::int64_t id = 0;
    std::string address;
    bool per_unit = false;
    bool bills_nothing = false;
    std::string unit_name;
};

MissionRef ref_of(const domain::Mission& mission) {
    return {mission.id, mission.address(), mission.billing == domain::BillingMode::Unit,
            mission.billing == domain::BillingMode::None,
            mission.unit_name.empty() ? std::string("unit") : mission.unit_name};
}

// A name of the source read as `client/mission`: both sides turned into handles.
struct NamedAddress {
    std::string client, mission;        // handles
    std::string client_name, title;     // as the source writes them
};

std::optional<NamedAddress> address_in(std::string_view client, std::string_view project) {
    if (client.empty()) {
        auto slash = project.find('/');
        if (slash == std::string_view::npos) return std::nullopt;
        client = project.substr(0, slash);
        project = project.substr(slash + 1);
    }
    NamedAddress address{domain::handle_from_name(client), domain::handle_from_name(project), std::string(client),
                         std::string(project)};
    if (address.client.empty() || address.mission.empty()) return std::nullopt;
    return address;
}

// Finds, and with --create makes, the missions entries go to. Each distinct name is
// resolved once: a million entries of fifty projects cost fifty lookups.
class MissionResolver {
public:
    MissionResolver(storage::Database& db, const ImportRequest& request, std::int64_t now)
        : db_(db), request_(request), now_(now) {
        if (request.mission) everything_ = existing_or_created(storage::parse_mission_address(*request.mission));
        for (const auto& map : request.maps) {
            auto equal = map.rfind('=');
            if (equal == std::string::npos || equal == 0) {
                usage(fmt::format("invalid --map {}: use NAME=CLIENT/MISSION, e.g. --map \"Website=acme/website\"",
                                  domain::quoted(map)));
            }
            maps_[map.substr(0, equal)] = existing_or_created(storage::parse_mission_address(map.substr(equal + 1)));
        }
    }

    [[nodiscard]] bool maps_everything() const { return everything_.has_value(); }
    [[nodiscard]] const std::vector<std::string>& created() const { return created_; }

    // The mission of the entry, and which of its tags named it (Timewarrior), if any.
    struct Resolution {
        std::optional<MissionRef> mission;
        std::optional<std::size_t> naming_tag;
    };

    Resolution resolve(const interchange::SourceEntry& entry) {
        if (everything_) return {everything_, std::nullopt};
        if (request_.format == interchange::SourceFormat::Timewarrior) {
            // Timewarrior has tags only: the first one that names a mission is the mission.
            for (std::size_t i = 0; i < entry.tags.size(); ++i) {
                if (auto mission = lookup("", entry.tags[i])) return {mission, i};
            }
            return {};
        }
        // Exports come in runs of one mission: the last answer is often the next one.
        if (last_ && last_->client == entry.client && last_->project == entry.project) return {last_->mission, {}};
        std::optional<MissionRef> mission;
        if (!entry.client.empty() && !entry.project.empty()) mission = mapped_name(entry.client + "/" + entry.project);
        if (!mission) mission = lookup(entry.client, entry.project);
        last_ = LastName{entry.client, entry.project, mission};
        return {mission, std::nullopt};
    }

private:
    std::optional<MissionRef> mapped_name(const std::string& name) {
        auto map = maps_.find(name);
        if (map == maps_.end()) return std::nullopt;
        return map->second;
    }

    std::optional<MissionRef> lookup(const std::string& client, const std::string& project) {
        if (auto mapped = mapped_name(project)) return mapped;
        auto address = address_in(client, project);
        // Only names that read as an address are remembered: a Timewarrior history with a
        // ticket tag per interval would otherwise grow the cache by one name per entry.
        if (!address) return std::nullopt;
        std::string key = client + '\n' + project;
        if (auto known = resolved_.find(key); known != resolved_.end()) return known->second;
        std::optional<MissionRef> found = find(address->client, address->mission);
        if (!found && request_.create) found = create(*address);
        resolved_.emplace(std::move(key), found);
        return found;
    }

    std::optional<MissionRef> find(const std::string& client_handle, const std::string& mission_handle) {
        auto client = storage::ClientStore(db_).find(client_handle);
        if (!client) return std::nullopt;
        auto mission = storage::MissionStore(db_).find(client->id, mission_handle);
        if (!mission) return std::nullopt;
        return ref_of(*mission);
    }

    MissionRef existing_or_created(const storage::MissionAddress& address) {
        if (auto found = find(address.client, address.mission)) return *found;
        if (!request_.create) return ref_of(storage::MissionStore(db_).get(address.client + "/" + address.mission));
        return create({address.client, address.mission, address.client, address.mission});
    }

    // A created mission takes its client's default rate, or bills nothing until
    // `slash mission edit --hourly RATE` says otherwise: an import never invents a price.
    MissionRef create(const NamedAddress& address) {
        storage::ClientStore clients(db_);
        auto client = clients.find(address.client);
        if (!client) {
            domain::Client made;
            made.handle = address.client;
            made.name = address.client_name;
            made.created_at = made.updated_at = now_;
            made.id = clients.insert(made);
            created_.push_back("client " + made.handle);
            client = made;
        }
        domain::Mission mission;
        mission.client_id = client->id;
        mission.client_handle = client->handle;
        mission.handle = address.mission;
        mission.title = address.title;
        mission.currency = client->currency;
        if (client->rate_mode && client->rate_minor) {
            mission.billing = *client->rate_mode;
            mission.rate_minor = client->rate_minor;
        }
        mission.created_at = mission.updated_at = now_;
        mission.id = storage::MissionStore(db_).insert(mission);
        created_.push_back("mission " + mission.address());
        return ref_of(mission);
    }

    storage::Database& db_;
    const ImportRequest& request_;
    std::int64_t now_;
    std::optional<MissionRef> everything_;
    std::map<std::string, MissionRef> maps_;
    std::map<std::string, std::optional<MissionRef>> resolved_;
    struct LastName {
        std::string client, project;
        std::optional<MissionRef> mission;
    };
    std::optional<LastName> last_;
    std::vector<std::string> created_;
};

// How the unmapped entries are named when the import lists them.
std::string unmapped_name(const interchange::SourceEntry& entry, interchange::SourceFormat format) {
    if (format == interchange::SourceFormat::Timewarrior) {
        if (entry.tags.empty()) return "(no tags)";
        std::string joined;
        for (const auto& tag : entry.tags) joined += (joined.empty() ? "" : " ") + tag;
        return joined;
    }
    if (entry.project.empty()) return entry.client.empty() ? "(no project)" : entry.client + "/(no project)";
    return entry.client.empty() ? entry.project : entry.client + "/" + entry.project;
}

std::string unmapped_message(const std::map<std::string, std::int64_t>& unmapped, interchange::SourceFormat format) {
    std::vector<std::pair<std::string, std::int64_t>> names(unmapped.begin(), unmapped.end());
    std::stable_sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < kShownUnmapped; ++i) {
        list += fmt::format("{}{} ({} {})", i == 0 ? "" : ", ", domain::quoted(names[i].first), names[i].second,
                            names[i].second == 1 ? "entry" : "entries");
    }
    if (names.size() > kShownUnmapped) list += fmt::format(" and {} more", names.size() - kShownUnmapped);
    const bool tags = format == interchange::SourceFormat::Timewarrior;
    return fmt::format("{} {} no mission: {}; map them with --map NAME=CLIENT/MISSION, send everything to one with "
                       "--mission CLIENT/MISSION, or {}",
                       names.size(), names.size() == 1 ? (tags ? "tag set names" : "name maps to")
                                                       : (tags ? "tag sets name" : "names map to"),
                       list,
                       tags ? "tag entries with an existing CLIENT/MISSION"
                            : "pass --create to create the clients and missions they name");
}

std::vector<std::string> entry_tags(const interchange::SourceEntry& entry, std::optional<std::size_t> skip) {
    std::vector<std::string> tags;
    for (std::size_t i = 0; i < entry.tags.size(); ++i) {
        if (skip && *skip == i) continue;
        std::string tag = domain::handle_from_name(entry.tags[i]);
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
    }
    return tags;
}

class Importer {
public:
    Importer(storage::Database& db, const ImportRequest& request, const domain::TimeContext& context)
        : db_(db), request_(request), context_(context), entries_(db), resolver_(db, request, context.now),
          first_new_id_(entries_.highest_id() + 1), free_from_(entries_.latest_end(context.now)) {}

    ImportResult run() {
        interchange::ReaderOptions options;
        options.zone = &context_.zone;
        options.day_first = request_.day_first;
        auto reader = interchange::open_reader(request_.format, *request_.input, request_.source_name, options);
        entries_.begin();
        while (auto source = reader->next()) {
            take(*source);
            if (request_.on_progress && result_.read % ImportRequest::kProgressEvery == 0) {
                request_.on_progress(result_.read);
            }
        }
        if (request_.on_progress) request_.on_progress(result_.read);
        if (!unmapped_.empty()) usage(unmapped_message(unmapped_, request_.format));
        entries_.finish();
        result_.created = resolver_.created();
        return result_;
    }

private:
    void take(const interchange::SourceEntry& source) {
        ++result_.read;
        auto resolution = resolver_.resolve(source);
        if (!resolution.mission) {
            ++unmapped_[unmapped_name(source, request_.format)];
            return;
        }
        if (!unmapped_.empty()) return;  // the import fails: checking the rest is moot
        // The uid decides first: an entry already there is a duplicate whatever the rules
        // would say of it now. The common cases need no lookup of their own: a duplicate
        // overlaps itself, and a new entry is inserted unless its uid is taken.
        std::int64_t until = domain::occupied_until(source.start, source.end, context_.now);
        // Exports run by start, so most entries begin after everything there is: no seek.
        std::optional<storage::EntryImport::Neighbour> neighbour;
        if (free_from_ && source.start < *free_from_) neighbour = entries_.overlapping(source.start, until, context_.now);
        if (neighbour && neighbour->uid == source.uid) return duplicate(source, neighbour->id);
        const MissionRef& mission = *resolution.mission;
        // A refused entry leaves no row to collide with, so its uid is remembered here (a
        // refusal is rare, the set stays small) and a second copy is the file's error too.
        if (!refused_uids_.empty() && refused_uids_.count(source.uid) != 0) repeated_uid(source);
        if (auto reason = refusal(source, mission, neighbour)) {
            if (auto existing = entries_.id_of_uid(source.uid)) return duplicate(source, *existing);
            refused_uids_.insert(source.uid);
            ++result_.refused;
            if (result_.refusals.size() < ImportResult::kShownRefusals) {
                result_.refusals.push_back({request_.source_name + " " + source.where, *reason});
            }
            return;
        }
        domain::Entry entry;
        entry.uid = source.uid;
        entry.mission_id = mission.id;
        entry.start = source.start;
        entry.end = source.end;
        entry.note = source.note;
        entry.tags = entry_tags(source, resolution.naming_tag);
        entry.units_milli = source.units_milli;
        entry.billable = source.billable.value_or(true);
        entry.created_at = entry.updated_at = context_.now;
        if (!entries_.insert_if_new(entry)) return duplicate(source, entries_.id_of_uid(source.uid).value_or(0));
        ++result_.added;
        result_.added_seconds += entry.duration(context_.now);
        free_from_ = std::max(free_from_.value_or(until), until);
    }

    // An entry whose uid is taken: by an earlier entry of this very file (an error in the
    // file), or by one the database had before (skipped: importing twice adds nothing).
    void duplicate(const interchange::SourceEntry& source, std::int64_t existing_id) {
        if (existing_id >= first_new_id_) repeated_uid(source);
        ++result_.duplicates;
    }

    [[noreturn]] void repeated_uid(const interchange::SourceEntry& source) {
        usage(fmt::format("{} {}: uid {} appears earlier in this file; each entry needs its own uid",
                          request_.source_name, source.where, domain::quoted(source.uid)));
    }

    // Why slash's rules refuse the entry (the rules `log` and `start` apply), if they do.
    std::optional<std::string> refusal(const interchange::SourceEntry& source, const MissionRef& mission,
                                       const std::optional<storage::EntryImport::Neighbour>& neighbour) {
        const auto& zone = context_.zone;
        if (std::size_t length = character_count(source.note); length > kMaxTextCharacters) {
            return fmt::format("its note is {} characters long, more than {}; shorten it in the source", length,
                               kMaxTextCharacters);
        }
        if (source.end) {
            if (*source.end - source.start > kMaxEntrySeconds) {
                return fmt::format("lasts {}, more than 24 h; split it in the source", 
                                   domain::format_duration(*source.end - source.start));
            }
            if (*source.end > context_.now && !request_.allow_future) {
                return fmt::format("ends in the future ({}); pass --allow-future to import it anyway",
                                   domain::format_local_iso(*source.end, zone));
            }
        } else {
            if (source.start > context_.now && !request_.allow_future) {
                return fmt::format("a timer starting in the future ({}); pass --allow-future to import it anyway",
                                   domain::format_local_iso(source.start, zone));
            }
            if (context_.now - source.start > kMaxEntrySeconds) {
                return "still running and started more than 24 h ago; stop it in the source first";
            }
            if (entries_.timer_running()) return "still running, and a timer already runs; stop one of them first";
        }
        if (mission.per_unit && !source.units_milli) {
            return fmt::format("mission {} is billed per {}: give the entry its units", mission.address,
                               mission.unit_name);
        }
        // A mission that bills nothing keeps units as information: a mission --create made
        // has no price yet, and export -> import into an empty database must keep them.
        if (!mission.per_unit && !mission.bills_nothing && source.units_milli) {
            return fmt::format("has units but mission {} is not billed per unit", mission.address);
        }
        if (neighbour) return fmt::format("overlaps {}", describe(neighbour->id));
        return std::nullopt;
    }

    // An entry that was there before is named as log and start name it; one this import
    // added, by its span and where it came from.
    std::string describe(std::int64_t id) {
        auto other = storage::EntryStore(db_).get(id);
        if (id < first_new_id_) return describe_entry(other, context_.zone);
        return fmt::format("{}, earlier in this file", entry_span(other, context_.zone));
    }

    storage::Database& db_;
    const ImportRequest& request_;
    const domain::TimeContext& context_;
    storage::EntryImport entries_;
    MissionResolver resolver_;
    std::int64_t first_new_id_;
    /// The end of the entries so far (nullopt: none); an entry starting then or later
    /// overlaps nothing.
    std::optional<std::int64_t> free_from_;
    std::map<std::string, std::int64_t> unmapped_;
    std::unordered_set<std::string> refused_uids_;
    ImportResult result_;
};

}  // namespace

ImportResult ImportService::import(const ImportRequest& request) {
    storage::EntryImport::prepare_connection(db_);
    storage::WriteTransaction tx(db_);
    ImportResult result = Importer(db_, request, context_).run();
    result.written = !request.dry_run && (result.refused == 0 || request.skip_refused);
    if (result.written) tx.commit();
    return result;
}

}  // namespace slash::services
