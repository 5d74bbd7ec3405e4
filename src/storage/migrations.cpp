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
    // Invoicing (docs/contract.md §4-5). A draft reserves the entries it bills (entries.invoice_id)
    // so that two drafts never bill the same hour; deleting a draft frees them. Issuing
    // fills number, series and seq, the frozen seller and buyer identity and the totals in
    // one UPDATE; from then on the triggers below refuse any change but the one status
    // change a credit note makes (issued -> cancelled, once an issued credit note points at
    // the invoice), and any change to its lines or to
    // the entries it bills, whoever sends the SQL. Numbering is gapless per series by
    // construction: a number is only accepted as the next of its series (max(seq) + 1,
    // one index seek on (series, seq)), and numbered invoices are never deleted;
    // number_series shows each series' last number. Credit notes are kind 'credit', with
    // positive amounts, pointing at the invoice they cancel. Money is minor units of the
    // invoice's currency; a payment in another currency than EUR may carry eur_minor, the
    // EUR actually received. entries.invoice_id gets its reference by triggers (SQLite
    // cannot add a FOREIGN KEY to an existing column without rebuilding the table).
    // Clients and missions gain the VAT and rounding overrides.
    {3, R"sql(
ALTER TABLE clients ADD COLUMN vat_regime TEXT
    CHECK (vat_regime IS NULL OR vat_regime IN ('franchise', 'standard', 'reverse-charge', 'export'));
ALTER TABLE clients ADD COLUMN vat_rate_milli INTEGER
    CHECK (vat_rate_milli IS NULL OR vat_rate_milli BETWEEN 0 AND 100000);
ALTER TABLE clients ADD COLUMN rounding_seconds INTEGER
    CHECK (rounding_seconds IS NULL OR rounding_seconds BETWEEN 0 AND 86400);
ALTER TABLE clients ADD COLUMN rounding_mode TEXT
    CHECK (rounding_mode IS NULL OR rounding_mode IN ('up', 'nearest', 'down'));
ALTER TABLE missions ADD COLUMN vat_regime TEXT
    CHECK (vat_regime IS NULL OR vat_regime IN ('franchise', 'standard', 'reverse-charge', 'export'));
ALTER TABLE missions ADD COLUMN vat_rate_milli INTEGER
    CHECK (vat_rate_milli IS NULL OR vat_rate_milli BETWEEN 0 AND 100000);

CREATE TABLE invoices (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    kind                TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit')),
    status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'cancelled')),
    client_id           INTEGER NOT NULL REFERENCES clients(id),
    number              TEXT UNIQUE,
    series              TEXT,
    seq                 INTEGER CHECK (seq IS NULL OR seq > 0),
    issue_date          TEXT,
    due_date            TEXT,
    period_from         TEXT NOT NULL,
    period_to           TEXT NOT NULL,
    currency            TEXT NOT NULL,
    language            TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    vat_regime          TEXT NOT NULL CHECK (vat_regime IN ('franchise', 'standard', 'reverse-charge', 'export')),
    net_minor           INTEGER NOT NULL DEFAULT 0,
    vat_minor           INTEGER NOT NULL DEFAULT 0,
    gross_minor         INTEGER NOT NULL DEFAULT 0,
    seller_name         TEXT NOT NULL DEFAULT '',
    seller_trade_name   TEXT NOT NULL DEFAULT '',
    seller_address      TEXT NOT NULL DEFAULT '',
    seller_country      TEXT NOT NULL DEFAULT '',
    seller_siren        TEXT NOT NULL DEFAULT '',
    seller_siret        TEXT NOT NULL DEFAULT '',
    seller_vat_id       TEXT NOT NULL DEFAULT '',
    seller_email        TEXT NOT NULL DEFAULT '',
    seller_iban         TEXT NOT NULL DEFAULT '',
    seller_bic          TEXT NOT NULL DEFAULT '',
    buyer_name          TEXT NOT NULL DEFAULT '',
    buyer_kind          TEXT NOT NULL DEFAULT 'business' CHECK (buyer_kind IN ('business', 'individual')),
    buyer_address       TEXT NOT NULL DEFAULT '',
    buyer_country       TEXT NOT NULL DEFAULT '',
    buyer_siren         TEXT NOT NULL DEFAULT '',
    buyer_siret         TEXT NOT NULL DEFAULT '',
    buyer_vat_id        TEXT NOT NULL DEFAULT '',
    buyer_email         TEXT NOT NULL DEFAULT '',
    vat_mention         TEXT NOT NULL DEFAULT '',
    penalty_text        TEXT NOT NULL DEFAULT '',
    indemnity_text      TEXT NOT NULL DEFAULT '',
    discount_text       TEXT NOT NULL DEFAULT '',
    footer              TEXT NOT NULL DEFAULT '',
    credited_invoice_id INTEGER REFERENCES invoices(id),
    reason              TEXT NOT NULL DEFAULT '',
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    issued_at           INTEGER,
    UNIQUE (series, seq),
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK ((number IS NULL) = (series IS NULL) AND (number IS NULL) = (seq IS NULL)),
    CHECK (status = 'draft' OR (issue_date IS NOT NULL AND due_date IS NOT NULL AND issued_at IS NOT NULL)),
    CHECK ((kind = 'credit') = (credited_invoice_id IS NOT NULL)),
    CHECK (kind = 'invoice' OR status <> 'cancelled')
);
CREATE INDEX invoices_by_client ON invoices (client_id);
CREATE UNIQUE INDEX invoices_one_credit ON invoices (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;
CREATE VIEW number_series AS
    SELECT series, max(seq) AS last_seq, count(*) AS invoices FROM invoices WHERE series IS NOT NULL GROUP BY series;

CREATE TABLE invoice_lines (
    id               INTEGER PRIMARY KEY,
    invoice_id       INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    mission_id       INTEGER REFERENCES missions(id),
    entry_id         INTEGER,
    description      TEXT NOT NULL,
    quantity_milli   INTEGER NOT NULL,
    unit_code        TEXT NOT NULL,
    unit_name        TEXT NOT NULL DEFAULT '',
    unit_price_minor INTEGER NOT NULL,
    net_minor        INTEGER NOT NULL,
    vat_category     TEXT NOT NULL CHECK (vat_category IN ('S', 'E', 'AE', 'G')),
    vat_rate_milli   INTEGER NOT NULL CHECK (vat_rate_milli BETWEEN 0 AND 100000)
);
CREATE INDEX invoice_lines_by_invoice ON invoice_lines (invoice_id, position);
CREATE INDEX invoice_lines_by_mission ON invoice_lines (mission_id) WHERE mission_id IS NOT NULL;

CREATE TABLE payments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id    INTEGER NOT NULL REFERENCES clients(id),
    invoice_id   INTEGER REFERENCES invoices(id),
    paid_on      TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency     TEXT NOT NULL,
    eur_minor    INTEGER CHECK (eur_minor IS NULL OR eur_minor > 0),
    method       TEXT NOT NULL CHECK (method IN ('transfer', 'card', 'cash', 'check', 'platform')),
    note         TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL
);
CREATE INDEX payments_by_invoice ON payments (invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX payments_by_date ON payments (paid_on);
CREATE INDEX payments_by_client ON payments (client_id);

CREATE INDEX entries_by_invoice ON entries (invoice_id) WHERE invoice_id IS NOT NULL;

CREATE TRIGGER invoices_numbered_in_order BEFORE UPDATE OF number ON invoices
WHEN NEW.number IS NOT NULL AND OLD.number IS NULL
     AND NEW.seq <> coalesce((SELECT max(seq) FROM invoices WHERE series = NEW.series), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'invoice number out of sequence: numbers are gapless per series');
END;
CREATE TRIGGER invoices_inserted_as_drafts BEFORE INSERT ON invoices WHEN NEW.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'an invoice is created as a draft and then issued');
END;
CREATE TRIGGER invoices_issued_frozen BEFORE UPDATE ON invoices
WHEN OLD.status <> 'draft' AND (
       NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.client_id IS NOT OLD.client_id
    OR NEW.number IS NOT OLD.number OR NEW.series IS NOT OLD.series OR NEW.seq IS NOT OLD.seq
    OR NEW.issue_date IS NOT OLD.issue_date OR NEW.due_date IS NOT OLD.due_date
    OR NEW.period_from IS NOT OLD.period_from OR NEW.period_to IS NOT OLD.period_to
    OR NEW.currency IS NOT OLD.currency OR NEW.language IS NOT OLD.language
    OR NEW.vat_regime IS NOT OLD.vat_regime OR NEW.net_minor IS NOT OLD.net_minor
    OR NEW.vat_minor IS NOT OLD.vat_minor OR NEW.gross_minor IS NOT OLD.gross_minor
    OR NEW.seller_name IS NOT OLD.seller_name OR NEW.seller_trade_name IS NOT OLD.seller_trade_name
    OR NEW.seller_address IS NOT OLD.seller_address OR NEW.seller_country IS NOT OLD.seller_country
    OR NEW.seller_siren IS NOT OLD.seller_siren OR NEW.seller_siret IS NOT OLD.seller_siret
    OR NEW.seller_vat_id IS NOT OLD.seller_vat_id OR NEW.seller_email IS NOT OLD.seller_email
    OR NEW.seller_iban IS NOT OLD.seller_iban OR NEW.seller_bic IS NOT OLD.seller_bic
    OR NEW.buyer_name IS NOT OLD.buyer_name OR NEW.buyer_kind IS NOT OLD.buyer_kind
    OR NEW.buyer_address IS NOT OLD.buyer_address OR NEW.buyer_country IS NOT OLD.buyer_country
    OR NEW.buyer_siren IS NOT OLD.buyer_siren OR NEW.buyer_siret IS NOT OLD.buyer_siret
    OR NEW.buyer_vat_id IS NOT OLD.buyer_vat_id OR NEW.buyer_email IS NOT OLD.buyer_email
    OR NEW.vat_mention IS NOT OLD.vat_mention OR NEW.penalty_text IS NOT OLD.penalty_text
    OR NEW.indemnity_text IS NOT OLD.indemnity_text OR NEW.discount_text IS NOT OLD.discount_text
    OR NEW.footer IS NOT OLD.footer OR NEW.credited_invoice_id IS NOT OLD.credited_invoice_id
    OR NEW.reason IS NOT OLD.reason OR NEW.created_at IS NOT OLD.created_at
    OR NEW.issued_at IS NOT OLD.issued_at
    OR NOT (NEW.status = OLD.status
            OR (OLD.status = 'issued' AND NEW.status = 'cancelled'
                AND EXISTS (SELECT 1 FROM invoices c WHERE c.credited_invoice_id = OLD.id AND c.status = 'issued'))))
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: it cannot change; credit it instead');
END;
CREATE TRIGGER invoices_issued_kept BEFORE DELETE ON invoices WHEN OLD.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: it cannot be deleted; credit it instead');
END;
CREATE TRIGGER invoices_draft_deleted AFTER DELETE ON invoices
BEGIN
    UPDATE entries SET invoice_id = NULL WHERE invoice_id = OLD.id;
END;
CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: its lines cannot change');
END;
CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) IN ('issued', 'cancelled')
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) IN ('issued', 'cancelled')
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: its lines cannot change');
END;
-- A draft's lines go with it (ON DELETE CASCADE runs after the invoice row is gone, so
-- an unknown status is a deleted draft, not an issued invoice).
CREATE TRIGGER invoice_lines_frozen_delete BEFORE DELETE ON invoice_lines
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) IN ('issued', 'cancelled')
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: its lines cannot change');
END;
-- Only a draft takes entries: an issued invoice bills exactly the entries it had when it
-- was issued.
CREATE TRIGGER entries_invoice_exists_insert BEFORE INSERT ON entries
WHEN NEW.invoice_id IS NOT NULL AND (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'an entry can only be billed by a draft invoice that exists');
END;
CREATE TRIGGER entries_invoice_exists_update BEFORE UPDATE OF invoice_id ON entries
WHEN NEW.invoice_id IS NOT NULL AND NEW.invoice_id IS NOT OLD.invoice_id
     AND (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'an entry can only be billed by a draft invoice that exists');
END;
CREATE TRIGGER entries_billed_frozen BEFORE UPDATE ON entries
WHEN OLD.invoice_id IS NOT NULL AND (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'entry is billed on an issued invoice: it cannot change');
END;
CREATE TRIGGER entries_billed_kept BEFORE DELETE ON entries
WHEN OLD.invoice_id IS NOT NULL AND (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
BEGIN
    SELECT RAISE(ABORT, 'entry is billed on an issued invoice: it cannot be deleted');
END;
CREATE TRIGGER payments_of_issued_invoices BEFORE INSERT ON payments
WHEN NEW.invoice_id IS NOT NULL
     AND (SELECT kind || ':' || status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'invoice:issued'
BEGIN
    SELECT RAISE(ABORT, 'only an issued invoice can be paid');
END;
CREATE TRIGGER payments_of_issued_invoices_update BEFORE UPDATE OF invoice_id ON payments
WHEN NEW.invoice_id IS NOT NULL AND NEW.invoice_id IS NOT OLD.invoice_id
     AND (SELECT kind || ':' || status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'invoice:issued'
BEGIN
    SELECT RAISE(ABORT, 'only an issued invoice can be paid');
END;
)sql"},
    // The URSSAF activity (issue 6): a mission may declare another activity than [urssaf]
    // activity of the config, and so may a receipt without invoice (a platform payout).
    // NULL: the config's activity. A payment of an invoice leaves it NULL: the missions of
    // the invoice's lines decide.
    {4, R"sql(
ALTER TABLE missions ADD COLUMN activity TEXT
    CHECK (activity IS NULL OR activity IN ('bnc', 'bic-services', 'bic-sales'));
ALTER TABLE payments ADD COLUMN activity TEXT
    CHECK (activity IS NULL OR activity IN ('bnc', 'bic-services', 'bic-sales'));
)sql"},
    // E-invoicing (issue 20, docs/einvoicing.md): what slash sent to the user's approved
    // platform (an invoice, or a 212 Encaissée it wrote on payment) and every life-cycle
    // status of an invoice, each stored once. A flow with no flow_id is queued: its file
    // waits in `content` for `einvoicing sync`. The token is never stored. The directory's
    // electronic address of a client lives beside the client, not in its row.
    {5, R"sql(
CREATE TABLE einvoicing_flows (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id   INTEGER NOT NULL REFERENCES invoices(id),
    payment_id   INTEGER,
    kind         TEXT NOT NULL CHECK (kind IN ('invoice', 'status')),
    tracking_id  TEXT NOT NULL UNIQUE,
    flow_id      TEXT UNIQUE,
    syntax       TEXT NOT NULL CHECK (syntax IN ('Factur-X', 'CII', 'CDAR')),
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    content      BLOB,
    ack_status   TEXT NOT NULL DEFAULT '' CHECK (ack_status IN ('', 'Pending', 'Ok', 'Error')),
    ack_details  TEXT NOT NULL DEFAULT '',
    submitted_at INTEGER,
    created_at   INTEGER NOT NULL,
    CHECK ((flow_id IS NULL) = (submitted_at IS NULL)),
    CHECK (kind = 'status' OR content IS NULL)
);
CREATE UNIQUE INDEX einvoicing_one_invoice_flow ON einvoicing_flows (invoice_id) WHERE kind = 'invoice';
CREATE INDEX einvoicing_queued ON einvoicing_flows (id) WHERE flow_id IS NULL;
CREATE TABLE einvoicing_statuses (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id   INTEGER NOT NULL REFERENCES invoices(id),
    code         TEXT NOT NULL,
    label        TEXT NOT NULL,
    status_at    INTEGER NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    amount_minor INTEGER,
    currency     TEXT NOT NULL DEFAULT '',
    origin       TEXT NOT NULL CHECK (origin IN ('platform', 'slash')),
    source       TEXT NOT NULL,
    recorded_at  INTEGER NOT NULL,
    UNIQUE (source, invoice_id, code)
);
CREATE INDEX einvoicing_statuses_by_invoice ON einvoicing_statuses (invoice_id, status_at, id);
CREATE TABLE einvoicing_sync (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    updated_after TEXT NOT NULL,
    synced_at     INTEGER NOT NULL
);
CREATE TABLE client_einvoicing (
    client_id   INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
    address     TEXT NOT NULL,
    looked_up_at INTEGER NOT NULL
);
CREATE TRIGGER einvoicing_statuses_kept BEFORE DELETE ON einvoicing_statuses
BEGIN
    SELECT RAISE(ABORT, 'a life-cycle status is a record of the platform: it is never deleted');
END;
)sql"},
    // Unbilled work kept per mission (issue 16): the finished billable entries no invoice
    // has billed yet, counted, with their durations rounded as invoices round them and
    // their units, so that `status`, `missions` and `plan` read one row per mission
    // instead of every unbilled entry (an imported history has a million of them).
    // Triggers keep it in the transaction of every write, whatever the path (CLI, import,
    // a user's own sqlite3 session). The rounding step and mode come from the config,
    // which the database cannot see: unbilled_rule records the rule the sums were made
    // under, and storage recomputes them in one pass (unbilled_work_computed) when the
    // rule in force differs; step -1 means "never computed". A client's own step or mode
    // replaces the rule's, as on its invoices, and a change of it recomputes that
    // client's missions.
    {6, R"sql(
CREATE TABLE unbilled_rule (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    step INTEGER NOT NULL,
    mode TEXT NOT NULL
);
INSERT INTO unbilled_rule (id, step, mode) VALUES (1, -1, '');
CREATE TABLE unbilled_work (
    mission_id      INTEGER PRIMARY KEY REFERENCES missions(id) ON DELETE CASCADE,
    entries         INTEGER NOT NULL,
    rounded_seconds INTEGER NOT NULL,
    units_milli     INTEGER NOT NULL
);
-- One unbilled entry as billed: its duration rounded up, to the nearest (half away from
-- zero) or down to a multiple of the step in force, as domain::round_duration does.
CREATE VIEW unbilled_entries AS
SELECT id, mission_id,
       CASE WHEN step <= 0 THEN seconds
            WHEN mode = 'down' THEN seconds / step * step
            WHEN mode = 'nearest' THEN (2 * seconds + step) / (2 * step) * step
            ELSE (seconds + step - 1) / step * step END AS rounded_seconds,
       units_milli
FROM (SELECT e.id, e.mission_id, e.end_at - e.start_at AS seconds, coalesce(e.units_milli, 0) AS units_milli,
             coalesce(c.rounding_seconds, r.step) AS step, coalesce(c.rounding_mode, r.mode) AS mode
      FROM entries e JOIN missions m ON m.id = e.mission_id JOIN clients c ON c.id = m.client_id
      JOIN unbilled_rule r ON r.id = 1
      WHERE e.invoice_id IS NULL AND e.billable = 1 AND e.end_at IS NOT NULL);
CREATE VIEW unbilled_work_computed AS
SELECT mission_id, count(*) AS entries, sum(rounded_seconds) AS rounded_seconds, sum(units_milli) AS units_milli
FROM unbilled_entries GROUP BY mission_id;
CREATE TRIGGER entries_unbilled_work_insert AFTER INSERT ON entries
WHEN NEW.invoice_id IS NULL AND NEW.billable = 1 AND NEW.end_at IS NOT NULL
BEGIN
    INSERT INTO unbilled_work (mission_id, entries, rounded_seconds, units_milli)
    SELECT mission_id, 1, rounded_seconds, units_milli FROM unbilled_entries WHERE id = NEW.id
    ON CONFLICT (mission_id) DO UPDATE SET entries = entries + 1,
        rounded_seconds = rounded_seconds + excluded.rounded_seconds,
        units_milli = units_milli + excluded.units_milli;
END;
-- BEFORE: the view still sees the old row. The triggers change only unbilled_work.
CREATE TRIGGER entries_unbilled_work_delete BEFORE DELETE ON entries
WHEN OLD.invoice_id IS NULL AND OLD.billable = 1 AND OLD.end_at IS NOT NULL
BEGIN
    UPDATE unbilled_work SET entries = entries - 1,
        rounded_seconds = rounded_seconds - (SELECT rounded_seconds FROM unbilled_entries WHERE id = OLD.id),
        units_milli = units_milli - coalesce(OLD.units_milli, 0)
    WHERE mission_id = OLD.mission_id;
END;
CREATE TRIGGER entries_unbilled_work_update_old BEFORE UPDATE OF mission_id, start_at, end_at, billable, invoice_id, units_milli ON entries
WHEN OLD.invoice_id IS NULL AND OLD.billable = 1 AND OLD.end_at IS NOT NULL
BEGIN
    UPDATE unbilled_work SET entries = entries - 1,
        rounded_seconds = rounded_seconds - (SELECT rounded_seconds FROM unbilled_entries WHERE id = OLD.id),
        units_milli = units_milli - coalesce(OLD.units_milli, 0)
    WHERE mission_id = OLD.mission_id;
END;
CREATE TRIGGER entries_unbilled_work_update_new AFTER UPDATE OF mission_id, start_at, end_at, billable, invoice_id, units_milli ON entries
WHEN NEW.invoice_id IS NULL AND NEW.billable = 1 AND NEW.end_at IS NOT NULL
BEGIN
    INSERT INTO unbilled_work (mission_id, entries, rounded_seconds, units_milli)
    SELECT mission_id, 1, rounded_seconds, units_milli FROM unbilled_entries WHERE id = NEW.id
    ON CONFLICT (mission_id) DO UPDATE SET entries = entries + 1,
        rounded_seconds = rounded_seconds + excluded.rounded_seconds,
        units_milli = units_milli + excluded.units_milli;
END;
CREATE TRIGGER clients_rounding_unbilled_work AFTER UPDATE OF rounding_seconds, rounding_mode ON clients
BEGIN
    DELETE FROM unbilled_work WHERE mission_id IN (SELECT id FROM missions WHERE client_id = NEW.id);
    INSERT INTO unbilled_work (mission_id, entries, rounded_seconds, units_milli)
    SELECT mission_id, entries, rounded_seconds, units_milli FROM unbilled_work_computed
    WHERE mission_id IN (SELECT id FROM missions WHERE client_id = NEW.id);
END;
)sql"},
    // The money loop (issue 19). A deposit invoice (facture d'acompte, type 386) is an
    // invoice whose deposit_mission_id names the fixed-price mission it is an advance on.
    // A final invoice deducts deposits: invoice_deposits records each one with the gross
    // amount deducted, frozen with the invoice that deducts it (EN 16931 BT-113 is their
    // sum). Reminders (relances) and the e-mails sent are records: never changed, never
    // deleted, so `invoice show` tells what the client was sent and when.
    {7, R"sql(
ALTER TABLE invoices ADD COLUMN deposit_mission_id INTEGER REFERENCES missions(id);
CREATE INDEX invoices_by_deposit_mission ON invoices (deposit_mission_id) WHERE deposit_mission_id IS NOT NULL;
CREATE TRIGGER invoices_deposit_frozen BEFORE UPDATE OF deposit_mission_id ON invoices
WHEN OLD.status <> 'draft' AND NEW.deposit_mission_id IS NOT OLD.deposit_mission_id
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: it cannot change; credit it instead');
END;
CREATE TABLE invoice_deposits (
    invoice_id  INTEGER NOT NULL REFERENCES invoices(id) ON DELETE CASCADE,
    deposit_id  INTEGER NOT NULL REFERENCES invoices(id),
    gross_minor INTEGER NOT NULL CHECK (gross_minor > 0),
    PRIMARY KEY (invoice_id, deposit_id),
    CHECK (invoice_id <> deposit_id)
);
CREATE INDEX invoice_deposits_by_deposit ON invoice_deposits (deposit_id);
CREATE TRIGGER invoice_deposits_frozen_insert BEFORE INSERT ON invoice_deposits
WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: its deposits cannot change');
END;
CREATE TRIGGER invoice_deposits_frozen_update BEFORE UPDATE ON invoice_deposits
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) IN ('issued', 'cancelled')
  OR (SELECT status FROM invoices WHERE id = NEW.invoice_id) IN ('issued', 'cancelled')
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: its deposits cannot change');
END;
CREATE TRIGGER invoice_deposits_frozen_delete BEFORE DELETE ON invoice_deposits
WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) IN ('issued', 'cancelled')
BEGIN
    SELECT RAISE(ABORT, 'invoice is issued: its deposits cannot change');
END;

CREATE TABLE invoice_reminders (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id      INTEGER NOT NULL REFERENCES invoices(id),
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    reminded_on     TEXT NOT NULL,
    days_late       INTEGER NOT NULL CHECK (days_late >= 0),
    due_minor       INTEGER NOT NULL,
    late_rate_milli INTEGER NOT NULL CHECK (late_rate_milli >= 0),
    penalty_minor   INTEGER NOT NULL CHECK (penalty_minor >= 0),
    indemnity_minor INTEGER NOT NULL CHECK (indemnity_minor >= 0),
    created_at      INTEGER NOT NULL
);
CREATE INDEX invoice_reminders_by_invoice ON invoice_reminders (invoice_id, reminded_on, id);
CREATE TRIGGER invoice_reminders_of_issued_invoices BEFORE INSERT ON invoice_reminders
WHEN (SELECT kind || ':' || status FROM invoices WHERE id = NEW.invoice_id) IS NOT 'invoice:issued'
BEGIN
    SELECT RAISE(ABORT, 'only an issued invoice can be reminded');
END;
CREATE TRIGGER invoice_reminders_kept_update BEFORE UPDATE ON invoice_reminders
BEGIN
    SELECT RAISE(ABORT, 'a reminder is a record of what was sent: it never changes');
END;
CREATE TRIGGER invoice_reminders_kept_delete BEFORE DELETE ON invoice_reminders
BEGIN
    SELECT RAISE(ABORT, 'a reminder is a record of what was sent: it is never deleted');
END;

CREATE TABLE mails_sent (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    invoice_id  INTEGER REFERENCES invoices(id),
    reminder_id INTEGER REFERENCES invoice_reminders(id),
    recipient   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    message_id  TEXT NOT NULL UNIQUE,
    sent_at     INTEGER NOT NULL
);
CREATE INDEX mails_sent_by_invoice ON mails_sent (invoice_id, sent_at) WHERE invoice_id IS NOT NULL;
CREATE TRIGGER mails_sent_kept_update BEFORE UPDATE ON mails_sent
BEGIN
    SELECT RAISE(ABORT, 'a sent e-mail is a record: it never changes');
END;
CREATE TRIGGER mails_sent_kept_delete BEFORE DELETE ON mails_sent
BEGIN
    SELECT RAISE(ABORT, 'a sent e-mail is a record: it is never deleted');
END;
)sql"},
    // Quotes (devis, issue 19). A quote is a draft until issued; issuing numbers it in its
    // own gapless series (D2026-0001, never shared with invoices) and freezes it and its
    // lines: from then on only its status moves, once, issued -> accepted or declined.
    // Accepting creates the missions it priced; missions.quote_id says which quote.
    {8, R"sql(
CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'accepted', 'declined')),
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    number      TEXT UNIQUE,
    series      TEXT,
    seq         INTEGER CHECK (seq IS NULL OR seq > 0),
    issue_date  TEXT,
    valid_until TEXT,
    title       TEXT NOT NULL DEFAULT '',
    currency    TEXT NOT NULL,
    language    TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    net_minor   INTEGER NOT NULL DEFAULT 0,
    vat_minor   INTEGER NOT NULL DEFAULT 0,
    gross_minor INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    issued_at   INTEGER,
    accepted_at INTEGER,
    declined_at INTEGER,
    UNIQUE (series, seq),
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK ((number IS NULL) = (series IS NULL) AND (number IS NULL) = (seq IS NULL)),
    CHECK (status = 'draft' OR (issue_date IS NOT NULL AND valid_until IS NOT NULL AND issued_at IS NOT NULL)),
    CHECK ((status = 'accepted') = (accepted_at IS NOT NULL)),
    CHECK ((status = 'declined') = (declined_at IS NOT NULL))
);
CREATE INDEX quotes_by_client ON quotes (client_id);
CREATE TABLE quote_lines (
    id               INTEGER PRIMARY KEY,
    quote_id         INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    description      TEXT NOT NULL,
    quantity_milli   INTEGER NOT NULL CHECK (quantity_milli > 0),
    unit_code        TEXT NOT NULL CHECK (unit_code IN ('HUR', 'DAY', 'C62')),
    unit_price_minor INTEGER NOT NULL,
    net_minor        INTEGER NOT NULL,
    vat_category     TEXT NOT NULL CHECK (vat_category IN ('S', 'E', 'AE', 'G')),
    vat_rate_milli   INTEGER NOT NULL CHECK (vat_rate_milli BETWEEN 0 AND 100000)
);
CREATE INDEX quote_lines_by_quote ON quote_lines (quote_id, position);
ALTER TABLE missions ADD COLUMN quote_id INTEGER REFERENCES quotes(id);
CREATE TRIGGER quotes_numbered_in_order BEFORE UPDATE OF number ON quotes
WHEN NEW.number IS NOT NULL AND OLD.number IS NULL
     AND NEW.seq <> coalesce((SELECT max(seq) FROM quotes WHERE series = NEW.series), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'quote number out of sequence: numbers are gapless per series');
END;
CREATE TRIGGER quotes_inserted_as_drafts BEFORE INSERT ON quotes WHEN NEW.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'a quote is created as a draft and then issued');
END;
CREATE TRIGGER quotes_issued_frozen BEFORE UPDATE ON quotes
WHEN OLD.status <> 'draft' AND (
       NEW.id IS NOT OLD.id OR NEW.client_id IS NOT OLD.client_id
    OR NEW.number IS NOT OLD.number OR NEW.series IS NOT OLD.series OR NEW.seq IS NOT OLD.seq
    OR NEW.issue_date IS NOT OLD.issue_date OR NEW.valid_until IS NOT OLD.valid_until
    OR NEW.title IS NOT OLD.title OR NEW.currency IS NOT OLD.currency OR NEW.language IS NOT OLD.language
    OR NEW.net_minor IS NOT OLD.net_minor OR NEW.vat_minor IS NOT OLD.vat_minor
    OR NEW.gross_minor IS NOT OLD.gross_minor OR NEW.created_at IS NOT OLD.created_at
    OR NEW.issued_at IS NOT OLD.issued_at
    OR (OLD.accepted_at IS NOT NULL AND NEW.accepted_at IS NOT OLD.accepted_at)
    OR (OLD.declined_at IS NOT NULL AND NEW.declined_at IS NOT OLD.declined_at)
    OR NOT (NEW.status = OLD.status AND NEW.accepted_at IS OLD.accepted_at AND NEW.declined_at IS OLD.declined_at
            OR (OLD.status = 'issued' AND NEW.status IN ('accepted', 'declined'))))
BEGIN
    SELECT RAISE(ABORT, 'quote is issued: only its acceptance or refusal can be recorded');
END;
CREATE TRIGGER quotes_issued_kept BEFORE DELETE ON quotes WHEN OLD.status <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'quote is issued: it cannot be deleted');
END;
CREATE TRIGGER quote_lines_frozen_insert BEFORE INSERT ON quote_lines
WHEN (SELECT status FROM quotes WHERE id = NEW.quote_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'quote is issued: its lines cannot change');
END;
CREATE TRIGGER quote_lines_frozen_update BEFORE UPDATE ON quote_lines
WHEN (SELECT status FROM quotes WHERE id = OLD.quote_id) IN ('issued', 'accepted', 'declined')
  OR (SELECT status FROM quotes WHERE id = NEW.quote_id) IN ('issued', 'accepted', 'declined')
BEGIN
    SELECT RAISE(ABORT, 'quote is issued: its lines cannot change');
END;
CREATE TRIGGER quote_lines_frozen_delete BEFORE DELETE ON quote_lines
WHEN (SELECT status FROM quotes WHERE id = OLD.quote_id) IN ('issued', 'accepted', 'declined')
BEGIN
    SELECT RAISE(ABORT, 'quote is issued: its lines cannot change');
END;
CREATE TRIGGER missions_quote_frozen BEFORE UPDATE OF quote_id ON missions
WHEN OLD.quote_id IS NOT NULL AND NEW.quote_id IS NOT OLD.quote_id
BEGIN
    SELECT RAISE(ABORT, 'a mission made from a quote keeps its quote');
END;
)sql"},
};

}  // namespace

std::span<const Migration> builtin_migrations() { return kMigrations; }

int latest_schema_version() { return builtin_migrations().back().version; }

}  // namespace slash::storage
