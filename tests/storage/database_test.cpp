#include <doctest/doctest.h>
#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>

#include "slash/domain/error.hpp"
#include "slash/storage/client_store.hpp"
#include "slash/storage/database.hpp"
#include "slash/storage/maintenance.hpp"
#include "support/test_env.hpp"

namespace fs = std::filesystem;
using slash::ErrorKind;
using slash::storage::Database;
using slash::storage::Migration;
using slash::storage::OpenOptions;

namespace {

struct TempDir {
    fs::path path = slash::testing::make_temp_dir("slash-storage");
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

unsigned mode_of(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

int user_version(const fs::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

// Runs `action`, expecting a slash::Error of `kind` whose message contains `needle`.
template <class Action>
void expect_error(Action action, ErrorKind kind, const std::string& needle) {
    try {
        action();
        FAIL("expected an error containing: " << needle);
    } catch (const slash::Error& e) {
        CHECK(e.kind() == kind);
        CHECK_MESSAGE(std::string(e.what()).find(needle) != std::string::npos, e.what());
    }
}

}  // namespace

TEST_CASE("storage/open creates a 0600 database at the latest schema with the pragmas") {
    TempDir tmp;
    fs::path file = tmp.path / "slash.db";
    {
        Database db = Database::open(file);
        CHECK(db.schema_version() == slash::storage::latest_schema_version());
    }
    CHECK(mode_of(file) == 0600);
    SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(raw.execAndGet("PRAGMA application_id").getInt64() == 1936487272);
}

TEST_CASE("storage/open sets synchronous FULL, foreign keys and busy timeout on the connection") {
    TempDir tmp;
    Database db = Database::open(tmp.path / "slash.db");
    CHECK(db.pragma("synchronous") == 2);  // FULL
    CHECK(db.pragma("foreign_keys") == 1);
    CHECK(db.pragma("busy_timeout") == 5000);
    CHECK_THROWS_AS((void)db.pragma("journal_mode; DROP TABLE clients"), slash::Error);
}

TEST_CASE("storage/default location: parent directories are created 0700") {
    TempDir tmp;
    fs::path file = tmp.path / "xdg" / "slash" / "slash.db";
    OpenOptions options;
    options.create_parent_directories = true;
    (void)Database::open(file, options);
    CHECK(mode_of(tmp.path / "xdg") == 0700);
    CHECK(mode_of(tmp.path / "xdg" / "slash") == 0700);
    CHECK(mode_of(file) == 0600);
}

TEST_CASE("storage/an explicit path in a missing or non-directory parent is refused") {
    TempDir tmp;
    expect_error([&] { (void)Database::open(tmp.path / "missing" / "slash.db"); }, ErrorKind::Storage,
                 "directory \"" + (tmp.path / "missing").string() + "\" does not exist (create it first)");
    CHECK_FALSE(fs::exists(tmp.path / "missing"));
    std::ofstream(tmp.path / "plain-file") << "x";
    expect_error([&] { (void)Database::open(tmp.path / "plain-file" / "slash.db"); }, ErrorKind::Storage,
                 "is not a directory");
    fs::create_directory(tmp.path / "dir.db");
    expect_error([&] { (void)Database::open(tmp.path / "dir.db"); }, ErrorKind::Storage, "is a directory");
}

TEST_CASE("storage/a file that is not a SQLite database is refused untouched") {
    TempDir tmp;
    fs::path file = tmp.path / "notes.txt";
    std::string text(4096, 'x');
    std::ofstream(file) << text;
    expect_error([&] { (void)Database::open(file); }, ErrorKind::Storage, "is not a slash database");
    CHECK(slash::testing::read_file(file) == text);
}

TEST_CASE("storage/another program's SQLite database is refused untouched") {
    TempDir tmp;
    fs::path file = tmp.path / "other.db";
    { SQLite::Database(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE).exec("CREATE TABLE t (x)"); }
    std::string before = slash::testing::read_file(file);
    expect_error([&] { (void)Database::open(file); }, ErrorKind::Storage, "of another program");
    CHECK(slash::testing::read_file(file) == before);
}

TEST_CASE("storage/a database from a newer slash is refused untouched") {
    TempDir tmp;
    fs::path file = tmp.path / "slash.db";
    { (void)Database::open(file); }
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 99");
    }
    std::string before = slash::testing::read_file(file);
    expect_error([&] { (void)Database::open(file); }, ErrorKind::Storage,
                 "has schema version 99, newer than this slash understands (" +
                     std::to_string(slash::storage::latest_schema_version()) + "); upgrade slash");
    CHECK(slash::testing::read_file(file) == before);
    CHECK(user_version(file) == 99);
    CHECK_FALSE(Database::open_read_only(file).has_value());
}

TEST_CASE("storage/migrations: each step with its version bump, a failing step changes nothing") {
    TempDir tmp;
    fs::path file = tmp.path / "slash.db";
    static constexpr Migration kFirst[] = {{1, "PRAGMA application_id = 1936487272; CREATE TABLE a (x);"}};
    static constexpr Migration kBroken[] = {
        {1, "PRAGMA application_id = 1936487272; CREATE TABLE a (x);"},
        {2, "CREATE TABLE b (y); INSERT INTO a VALUES (1); CREATE TABLE a (duplicate);"},
    };
    static constexpr Migration kFixed[] = {
        {1, "PRAGMA application_id = 1936487272; CREATE TABLE a (x);"},
        {2, "CREATE TABLE b (y);"},
    };
    OpenOptions options;
    options.migrations = kFirst;
    { (void)Database::open(file, options); }
    CHECK(user_version(file) == 1);

    options.migrations = kBroken;
    expect_error([&] { (void)Database::open(file, options); }, ErrorKind::Storage, "already exists");
    CHECK(user_version(file) == 1);
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'b'").getInt() == 0);
        CHECK(raw.execAndGet("SELECT count(*) FROM a").getInt() == 0);
    }

    options.migrations = kFixed;
    { (void)Database::open(file, options); }
    CHECK(user_version(file) == 2);
}

TEST_CASE("storage/every earlier schema version migrates to the latest") {
    auto all = slash::storage::builtin_migrations();
    for (std::size_t upto = 1; upto <= all.size(); ++upto) {
        TempDir tmp;
        fs::path file = tmp.path / "slash.db";
        OpenOptions options;
        options.migrations = all.first(upto);
        { (void)Database::open(file, options); }
        CHECK(user_version(file) == all[upto - 1].version);
        Database db = Database::open(file);
        CHECK(db.schema_version() == slash::storage::latest_schema_version());
        CHECK(slash::storage::integrity_problems(db).empty());
    }
}

TEST_CASE("storage/read-only open never creates or migrates") {
    TempDir tmp;
    fs::path file = tmp.path / "slash.db";
    CHECK_FALSE(Database::open_read_only(file).has_value());
    CHECK_FALSE(fs::exists(file));
    { (void)Database::open(file); }
    auto db = Database::open_read_only(file);
    REQUIRE(db.has_value());
    CHECK(slash::storage::ClientStore(*db).list(true).empty());
}

TEST_CASE("storage/backup is a valid database with the same rows") {
    TempDir tmp;
    Database db = Database::open(tmp.path / "slash.db");
    slash::domain::Client client;
    client.handle = "acme";
    client.name = "ACME";
    client.address = {"1 rue X", "75002 Paris"};
    {
        slash::storage::WriteTransaction tx(db);
        slash::storage::ClientStore(db).insert(client);
        tx.commit();
    }
    slash::storage::backup_database(db, tmp.path / "copy.db");
    Database copy = Database::open(tmp.path / "copy.db");
    auto clients = slash::storage::ClientStore(copy).list(true);
    REQUIRE(clients.size() == 1);
    CHECK(clients[0].address == client.address);
}

TEST_CASE("storage/a write transaction rolls back unless committed") {
    TempDir tmp;
    Database db = Database::open(tmp.path / "slash.db");
    slash::domain::Client client;
    client.handle = "acme";
    client.name = "ACME";
    {
        slash::storage::WriteTransaction tx(db);
        slash::storage::ClientStore(db).insert(client);
    }
    CHECK(slash::storage::ClientStore(db).list(true).empty());
}

TEST_CASE("storage/the read-only connection refuses writes and leaves no -wal/-shm behind") {
    TempDir tmp;
    fs::path file = tmp.path / "slash.db";
    { (void)Database::open(file); }
    std::string before = slash::testing::read_file(file);
    {
        auto db = Database::open_read_only(file);
        REQUIRE(db.has_value());
        slash::domain::Client client;
        client.handle = "acme";
        client.name = "ACME";
        expect_error([&] { slash::storage::ClientStore(*db).insert(client); }, ErrorKind::Storage, "read-only");
    }
    CHECK(slash::testing::read_file(file) == before);
    CHECK_FALSE(fs::exists(tmp.path / "slash.db-wal"));
    CHECK_FALSE(fs::exists(tmp.path / "slash.db-shm"));
}

TEST_CASE("storage/the read-only connection does not touch an older schema") {
    TempDir tmp;
    fs::path file = tmp.path / "slash.db";
    { (void)Database::open(file); }
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(slash::storage::latest_schema_version() - 1));
    }
    std::string before = slash::testing::read_file(file);
    CHECK_FALSE(Database::open_read_only(file).has_value());
    CHECK(slash::testing::read_file(file) == before);
    CHECK(user_version(file) == slash::storage::latest_schema_version() - 1);
}
