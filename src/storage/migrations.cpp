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
    // Missions and time entries. Rates and prices are minor units of the mission's
    // currency (copied from its client at creation); units are thousandths, so that
    // "--units 2.5" stays exact. Entries never overlap (checked by the service) and at
    // most one runs: the partial unique index makes a second running timer impossible
    // even for two processes racing. Entry ids are never reused (AUTOINCREMENT), so an id
    // in a script or a note always means the entry it meant.
    // invoice_id marks an entry billed (the invoices table and its reference come with
    // invoicing); entries_unbilled indexes the few entries not billed yet, so that valuing
    // unbilled work never reads the years already invoiced. mission_totals keeps each
    // mission's count and logged seconds of finished entries, maintained by triggers in
    // the same transaction as the entry, so that `slash missions` reads 500 rows, not a
    // million.
    {2, R"sql(
CREATE TABLE missions (
    id               INTEGER PRIMARY KEY,
    client_id        INTEGER NOT NULL REFERENCES clients(id),
    handle           TEXT NOT NULL,
    title            TEXT NOT NULL DEFAULT '',
    billing          TEXT NOT NULL CHECK (billing IN ('hourly', 'daily', 'unit', 'fixed', 'none')),
    rate_minor       INTEGER CHECK ((billing = 'none') = (rate_minor IS NULL)),
    currency         TEXT NOT NULL,
    unit_name        TEXT NOT NULL DEFAULT '',
    budget_seconds   INTEGER CHECK (budget_seconds IS NULL OR budget_seconds > 0),
    budget_minor     INTEGER CHECK (budget_minor IS NULL OR budget_minor > 0),
    estimate_seconds INTEGER CHECK (estimate_seconds IS NULL OR estimate_seconds > 0),
    start_date       TEXT,
    due_date         TEXT,
    tags             TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'paused', 'done')),
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (client_id, handle),
    CHECK (budget_seconds IS NULL OR budget_minor IS NULL)
);
CREATE TABLE entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uid         TEXT NOT NULL UNIQUE,
    mission_id  INTEGER NOT NULL REFERENCES missions(id),
    start_at    INTEGER NOT NULL,
    end_at      INTEGER CHECK (end_at IS NULL OR end_at > start_at),
    note        TEXT NOT NULL DEFAULT '',
    tags        TEXT NOT NULL DEFAULT '',
    units_milli INTEGER CHECK (units_milli IS NULL OR units_milli > 0),
    billable    INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1)),
    invoice_id  INTEGER,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX entries_one_running ON entries ((end_at IS NULL)) WHERE end_at IS NULL;
CREATE INDEX entries_by_start ON entries (start_at);
CREATE INDEX entries_by_mission ON entries (mission_id, start_at);
CREATE INDEX entries_unbilled ON entries (mission_id) WHERE invoice_id IS NULL AND billable = 1;
CREATE TABLE mission_totals (
    mission_id     INTEGER PRIMARY KEY REFERENCES missions(id) ON DELETE CASCADE,
    entries        INTEGER NOT NULL DEFAULT 0,
    logged_seconds INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER entries_totals_insert AFTER INSERT ON entries BEGIN
    INSERT INTO mission_totals (mission_id, entries, logged_seconds)
    VALUES (NEW.mission_id, 1, coalesce(NEW.end_at - NEW.start_at, 0))
    ON CONFLICT (mission_id) DO UPDATE SET entries = entries + 1,
        logged_seconds = logged_seconds + coalesce(NEW.end_at - NEW.start_at, 0);
END;
CREATE TRIGGER entries_totals_delete AFTER DELETE ON entries BEGIN
    UPDATE mission_totals SET entries = entries - 1,
        logged_seconds = logged_seconds - coalesce(OLD.end_at - OLD.start_at, 0)
    WHERE mission_id = OLD.mission_id;
END;
CREATE TRIGGER entries_totals_update AFTER UPDATE OF mission_id, start_at, end_at ON entries BEGIN
    UPDATE mission_totals SET entries = entries - 1,
        logged_seconds = logged_seconds - coalesce(OLD.end_at - OLD.start_at, 0)
    WHERE mission_id = OLD.mission_id;
    INSERT INTO mission_totals (mission_id, entries, logged_seconds)
    VALUES (NEW.mission_id, 1, coalesce(NEW.end_at - NEW.start_at, 0))
    ON CONFLICT (mission_id) DO UPDATE SET entries = entries + 1,
        logged_seconds = logged_seconds + coalesce(NEW.end_at - NEW.start_at, 0);
END;
)sql"},
};

}  // namespace

std::span<const Migration> builtin_migrations() { return kMigrations; }

int latest_schema_version() { return builtin_migrations().back().version; }

}  // namespace slash::storage
