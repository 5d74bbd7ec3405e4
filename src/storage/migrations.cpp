#include "slash/storage/database.hpp"

namespace slash::storage {

namespace {

// Append-only: a released migration is never edited, a change is a new migration.
// application_id marks the file as slash's ('slsh') so that another program's SQLite file
// is refused rather than migrated.
constexpr Migration kMigrations[] = {
    {1, R"sql(
PRAGMA application_id = 1936487272;
CREATE TABLE clients (
    id          INTEGER PRIMARY KEY,
    handle      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'business' CHECK (kind IN ('business', 'individual')),
    address     TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT 'FR',
    siren       TEXT NOT NULL DEFAULT '',
    siret       TEXT NOT NULL DEFAULT '',
    vat_id      TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    currency    TEXT NOT NULL DEFAULT 'EUR',
    terms_days  INTEGER CHECK (terms_days IS NULL OR terms_days BETWEEN 0 AND 365),
    language    TEXT CHECK (language IS NULL OR language IN ('fr', 'en')),
    rate_mode   TEXT CHECK (rate_mode IS NULL OR rate_mode IN ('hourly', 'daily')),
    rate_minor  INTEGER,
    notes       TEXT NOT NULL DEFAULT '',
    archived_at INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    CHECK ((rate_mode IS NULL) = (rate_minor IS NULL))
);
)sql"},
};

}  // namespace

std::span<const Migration> builtin_migrations() { return kMigrations; }

int latest_schema_version() { return builtin_migrations().back().version; }

}  // namespace slash::storage
