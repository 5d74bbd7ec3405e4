#include "slash/storage/database.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fmt/format.h>
#include <fmt/std.h>

#include "sqlite_access.hpp"

namespace slash::storage {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;
// A connection is only ever used by the thread that opened it, so SQLite's per-call
// mutex is pure cost: a listing of 6,000 invoices spent 5% of its time locking it.
constexpr int kNoMutex = SQLITE_OPEN_NOMUTEX;
constexpr std::int64_t kApplicationId = 1936487272;  // 'slsh'

[[noreturn]] void fail(const std::string& message) { throw Error(ErrorKind::Storage, message); }

void create_parent_directories(const fs::path& dir) {
    if (dir.empty() || fs::exists(dir)) return;
    create_parent_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        fail(fmt::format("cannot create directory \"{}\": {}", dir.string(), std::strerror(errno)));
    }
}

// Creates the empty file with mode 0600 before SQLite sees it: SQLite would use the umask,
// and an empty file is a valid empty database. SQLite gives -wal/-shm the same mode.
void create_private_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return;
        fail(fmt::format("cannot create database \"{}\": {}", path.string(), std::strerror(errno)));
    }
    ::close(fd);
}

void ensure_file(const fs::path& path, const OpenOptions& options) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (fs::exists(status)) {
        if (fs::is_directory(status)) {
            fail(fmt::format("database path \"{}\" is a directory; give a file path", path.string()));
        }
        return;
    }
    fs::path parent = path.parent_path();
    if (parent.empty()) parent = ".";
    if (!fs::exists(parent, ec)) {
        if (!options.create_parent_directories) {
            fail(fmt::format("cannot create database \"{}\": directory \"{}\" does not exist (create it first)",
                             path.string(), parent.string()));
        }
        create_parent_directories(parent);
    } else if (!fs::is_directory(parent, ec)) {
        fail(fmt::format("cannot create database \"{}\": \"{}\" is not a directory", path.string(),
                         parent.string()));
    }
    create_private_file(path);
}

fs::path directory_of(const fs::path& path) { return path.parent_path().empty() ? fs::path(".") : path.parent_path(); }

// A file nobody may write to (its mode, a read-only mount): SQLite could not even read it
// in WAL mode, where readers write the -shm index. Root ignores file modes, not mounts.
bool read_only_file(const fs::path& path) {
    struct statvfs fs_info {};
    if (::statvfs(path.c_str(), &fs_info) == 0 && (fs_info.f_flag & ST_RDONLY) != 0) return true;
    return ::access(path.c_str(), W_OK) != 0 || ::access(directory_of(path).c_str(), W_OK) != 0;
}

// Why a write failed with a full-disk or I/O error, in the user's terms.
std::string space_problem(const fs::path& path) {
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        return fmt::format("the file size limit of this process ({} bytes, ulimit -f) is reached", limit.rlim_cur);
    }
    struct statvfs fs_info {};
    if (::statvfs(directory_of(path).c_str(), &fs_info) == 0 && fs_info.f_bavail * fs_info.f_frsize < 1024 * 1024) {
        return "the disk is full; free some space and try again";
    }
    return "";
}

int read_user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

// A file with tables but neither our application_id nor a user_version belongs to
// another program: migrating it would graft our tables onto someone else's data.
void refuse_foreign_database(SQLite::Database& db, const fs::path& path, int version) {
    std::int64_t app_id = db.execAndGet("PRAGMA application_id").getInt64();
    if (app_id == kApplicationId) return;
    bool has_tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt64() > 0;
    if (app_id != 0 || version != 0 || has_tables) {
        fail(fmt::format("\"{}\" is a SQLite database of another program, not slash's; choose another --db path",
                         path.string()));
    }
}

void migrate(SQLite::Database& db, std::span<const Migration> migrations) {
    for (const Migration& migration : migrations) {
        // Each step re-reads the version inside its own write transaction, so two processes
        // opening a fresh file at once never apply the same step twice.
        SQLite::Transaction step(db, SQLite::TransactionBehavior::IMMEDIATE);
        if (read_user_version(db) < migration.version) {
            db.exec(std::string(migration.sql));
            db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
        }
        step.commit();
    }
}

}  // namespace

void throw_storage_error(const SQLite::Exception& e, const fs::path& path) {
    switch (e.getErrorCode()) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            fail(fmt::format("database \"{}\" is locked by another process (waited {} s); try again",
                             path.string(), kBusyTimeoutMs / 1000));
        case SQLITE_READONLY:
            fail(fmt::format("database \"{}\" is read-only (its permissions or a read-only filesystem) and this "
                             "command writes; nothing was changed",
                             path.string()));
        case SQLITE_FULL: {
            const std::string why = space_problem(path);
            fail(fmt::format("cannot write database \"{}\": {}; nothing was changed", path.string(),
                             why.empty() ? "the disk is full; free some space and try again" : why));
        }
        case SQLITE_NOTADB:
            fail(fmt::format("\"{}\" is not a slash database (not a SQLite file); choose another --db path",
                             path.string()));
        case SQLITE_CORRUPT:
            fail(fmt::format("database \"{}\" is corrupt; restore a backup (see slash db backup)",
                             path.string()));
        case SQLITE_IOERR:
            if (const std::string why = space_problem(path); !why.empty()) {
                fail(fmt::format("cannot write database \"{}\": {}; nothing was changed", path.string(), why));
            }
            fail(fmt::format("cannot open database \"{}\": {}", path.string(), e.getErrorStr()));
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
            fail(fmt::format("cannot open database \"{}\": {}", path.string(), e.getErrorStr()));
        default:
            fail(fmt::format("database \"{}\": {}", path.string(), e.what()));
    }
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const fs::path& Database::path() const { return impl_->path; }

int Database::schema_version() {
    return guarded(*this, [&] { return read_user_version(impl_->connection); });
}

std::int64_t Database::pragma(std::string_view name) {
    // Never text from a user: only the fixed names below reach the SQL.
    for (const char* known : {"synchronous", "foreign_keys", "busy_timeout", "application_id", "user_version"}) {
        if (name == known) {
            return guarded(*this, [&] {
                return impl_->connection.execAndGet(fmt::format("PRAGMA {}", known)).getInt64();
            });
        }
    }
    throw Error(ErrorKind::Usage, fmt::format("unknown pragma \"{}\"", name));
}

Database Database::open(const fs::path& path, const OpenOptions& options) {
    ensure_file(path, options);
    // A database nobody can write is still read: as immutable (no -wal/-shm, no locks), which
    // is exact because no process can change it either. Writes then fail as read-only.
    if (read_only_file(path)) {
        try {
            auto impl = std::make_unique<Impl>(Impl{
                path, SQLite::Database(fmt::format("file:{}?immutable=1", path.string()),
                                       SQLite::OPEN_READONLY | SQLite::OPEN_URI | kNoMutex, kBusyTimeoutMs)});
            SQLite::Database& db = impl->connection;
            const int version = read_user_version(db);
            const int latest = options.migrations.empty() ? 0 : options.migrations.back().version;
            refuse_foreign_database(db, path, version);
            if (version != latest) {
                fail(fmt::format("database \"{}\" is read-only and has schema version {}, not {}: make it "
                                 "writable once so that slash can upgrade it",
                                 path.string(), version, latest));
            }
            db.exec("PRAGMA foreign_keys = ON");
            return Database(std::move(impl));
        } catch (const SQLite::Exception& e) {
            throw_storage_error(e, path);
        }
    }
    try {
        auto impl = std::make_unique<Impl>(Impl{path, SQLite::Database(path.string(), SQLite::OPEN_READWRITE | kNoMutex,
                                                                     kBusyTimeoutMs)});
        SQLite::Database& db = impl->connection;
        int version = read_user_version(db);
        int latest = options.migrations.empty() ? 0 : options.migrations.back().version;
        if (version > latest) {
            fail(fmt::format("database \"{}\" has schema version {}, newer than this slash understands ({}); "
                             "upgrade slash",
                             path.string(), version, latest));
        }
        refuse_foreign_database(db, path, version);
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        if (version < latest) migrate(db, options.migrations);
        return Database(std::move(impl));
    } catch (const SQLite::Exception& e) {
        throw_storage_error(e, path);
    }
}

std::optional<Database> Database::open_read_only(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    // query_only makes SQLite refuse every write on this connection. It is opened
    // read-write (never created) only so that, as the last connection, it can tidy away
    // the -wal/-shm files instead of leaving them beside the database after each Tab;
    // a file without write permission falls back to a plain read-only open.
    for (int flags : {SQLite::OPEN_READWRITE, SQLite::OPEN_READONLY}) {
        try {
            auto impl = std::make_unique<Impl>(Impl{path, SQLite::Database(path.string(), flags | kNoMutex, kBusyTimeoutMs)});
            impl->connection.exec("PRAGMA query_only = ON");
            if (read_user_version(impl->connection) != latest_schema_version()) return std::nullopt;
            return Database(std::move(impl));
        } catch (const SQLite::Exception&) {
            continue;
        }
    }
    return std::nullopt;
}

WriteTransaction::WriteTransaction(Database& db) : db_(db) {
    guarded(db_, [&] {
        transaction_ = std::make_unique<SQLite::Transaction>(connection(db_), SQLite::TransactionBehavior::IMMEDIATE);
    });
}

// SQLiteCpp's destructor rolls back an uncommitted transaction, and ignores the error of
// one SQLite already rolled back (after SQLITE_FULL, for instance).
WriteTransaction::~WriteTransaction() = default;

void WriteTransaction::commit() {
    guarded(db_, [&] { transaction_->commit(); });
}

}  // namespace slash::storage
