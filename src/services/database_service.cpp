#include "slash/services/database_service.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "slash/domain/error.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/maintenance.hpp"

namespace slash::services {

namespace fs = std::filesystem;

std::vector<std::string> check_database(storage::Database& db) { return storage::integrity_problems(db); }

void backup_database(storage::Database& db, const fs::path& target, bool force) {
    if (target.empty()) throw Error(ErrorKind::Usage, "empty backup file name: give the path of the copy to write");
    std::error_code ec;
    auto status = fs::symlink_status(target, ec);
    if (fs::exists(status)) {
        // Never over the live database (its -wal would then belong to another file), and
        // never over anything but a plain file: --force is for replacing an old backup.
        if (fs::equivalent(target, db.path(), ec)) {
            throw Error(ErrorKind::Conflict,
                        fmt::format("\"{}\" is the database itself; write the backup to another file", target.string()));
        }
        if (!fs::is_regular_file(status)) {
            throw Error(ErrorKind::Conflict,
                        fmt::format("\"{}\" is not a regular file; write the backup to a file path", target.string()));
        }
        if (!force) {
            throw Error(ErrorKind::Conflict,
                        fmt::format("\"{}\" already exists; choose another file or pass --force", target.string()));
        }
    }
    fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(parent, ec)) {
        // Exit 2, as for `invoice show -o` into a missing directory: the path given is wrong.
        throw Error(ErrorKind::Usage,
                    fmt::format("cannot write backup \"{}\": directory \"{}\" does not exist; create it first",
                                target.string(), parent.string()));
    }
    // VACUUM INTO refuses an existing file, and a crash must not leave half a backup under
    // the final name: write beside it, then rename.
    fs::path temp = target;
    temp += fmt::format(".tmp-{}", ::getpid());
    fs::remove(temp, ec);
    try {
        storage::backup_database(db, temp);
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
    fs::permissions(temp, fs::perms::owner_read | fs::perms::owner_write, ec);
    std::error_code rename_error;
    fs::rename(temp, target, rename_error);
    if (rename_error) {
        fs::remove(temp, ec);
        throw Error(ErrorKind::Failure,
                    fmt::format("cannot write backup \"{}\": {}", target.string(), rename_error.message()));
    }
}

std::vector<std::pair<std::string, std::string>> completion_clients(const fs::path& db_path, bool archived) {
    std::vector<std::pair<std::string, std::string>> result;
    auto db = storage::Database::open_read_only(db_path);
    if (!db) return result;
    try {
        for (const auto& client : storage::ClientStore(*db).list(archived)) {
            if (client.archived() == archived) result.emplace_back(client.handle, client.name);
        }
    } catch (const Error&) {
        // Completion must never print an error into the user's command line.
        result.clear();
    }
    return result;
}

}  // namespace slash::services
