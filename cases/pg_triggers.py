"""The triggers of a PostgreSQL case database: audit with the hash chain, locks and guards.

They do in PL/pgSQL what ``audit.py``, ``audit_chain.py``, ``locks.py`` and ``guards.py`` do
in a SpatiaLite file, with what a server adds:
- the audit user is the session user (no ``audit_actor`` to write: a user cannot name
  another), and the server seals each audit row, with the same SHA-256 over the same JSON
  array that ``audit_chain.row_hash`` computes, so ``verify_audit_trail`` checks both
  backends alike. A transaction's audit rows wait in ``audit_pending`` and move into the
  log at its COMMIT (a deferred trigger), under one advisory lock: ids follow the chain's
  order, and a long transaction (QGIS's transaction group while a user edits) holds the
  lock only for its commit, never while the user works;
- a lock trigger reads the locked rounds when it fires: no regeneration when a round is
  locked, the message names the round as the SQLite trigger's does.
The functions run as their owner (SECURITY DEFINER): users of a shared database get no
right on ``audit_log`` and the seals, only these triggers write them (``pg_roles.py``).
"""

from __future__ import annotations

import re

from . import catalog, guards, locks
from .audit import APPEND_ONLY_MESSAGE
from .audit_chain import GENESIS
from .schema import AUDITED_TABLES

# pg_advisory_xact_lock key of the audit chain ('LNDC' as in the SQLite application id)
CHAIN_LOCK = 0x4C4E4443
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _value(row: str, column: str, geometry: set[str]) -> str:
    return f"ST_AsText({row}.{column})" if column in geometry else f"{row}.{column}"


def _object(row: str, columns: list[str], geometry: set[str]) -> str:
    pairs = ", ".join(f"'{c}', {_value(row, c, geometry)}" for c in columns)
    return f"json_build_object({pairs})::text"


def _changed_fields(columns: list[str], geometry: set[str]) -> str:
    parts = [
        f"CASE WHEN OLD.{c} IS DISTINCT FROM NEW.{c} THEN '\"{c}\":' || "
        f"json_build_array({_value('OLD', c, geometry)}, {_value('NEW', c, geometry)})::text"
        " || ',' ELSE '' END"
        for c in columns
    ]
    return "'{' || rtrim(" + " || ".join(parts) + ", ',') || '}'"


def audit_statements(db, table: str) -> list[str]:
    columns = catalog.columns(db, table)
    geometry = catalog.geometry_columns(db, table)
    inserted = [c for c in columns if c not in geometry]
    # (calendar_day is keyed by its day: no row id, as SQLite's rowid means nothing there)
    key = "{row}.id" if "id" in columns else "NULL"
    log = "INSERT INTO audit_pending (table_name, row_id, action, changes, user_name) VALUES"
    return [
        f"""CREATE OR REPLACE FUNCTION audit_{table}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {log} ('{table}', {key.format(row="NEW")}, 'INSERT', {_object("NEW", inserted, geometry)}, session_user);
    ELSIF TG_OP = 'UPDATE' THEN
        IF ROW(OLD.*) IS DISTINCT FROM ROW(NEW.*) THEN
            {log} ('{table}', {key.format(row="NEW")}, 'UPDATE', {_changed_fields(columns, geometry)},
                   session_user);
        END IF;
    ELSE
        {log} ('{table}', {key.format(row="OLD")}, 'DELETE', {_object("OLD", columns, geometry)}, session_user);
    END IF;
    RETURN NULL;
END $$""",
        f"DROP TRIGGER IF EXISTS audit_{table} ON {table}",
        f"CREATE TRIGGER audit_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION audit_{table}()",
    ]


def _json(expression: str) -> str:
    return f"coalesce(to_json({expression})::text, 'null')"


CHAIN = f"""
CREATE TABLE IF NOT EXISTS audit_pending (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    txid BIGINT NOT NULL DEFAULT txid_current(),
    table_name TEXT NOT NULL,
    row_id BIGINT,
    action TEXT NOT NULL,
    changes TEXT NOT NULL,
    user_name TEXT NOT NULL,
    changed_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE INDEX IF NOT EXISTS audit_pending_txid ON audit_pending (txid);
CREATE OR REPLACE FUNCTION audit_flush() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    moved bigint;
BEGIN
    -- one firing per pending row: the first moves them all (this row's seq is then at or
    -- below the last moved; rows pended later in the transaction have higher ones)
    IF NEW.seq <= coalesce(nullif(current_setting('landcase.moved', true), '')::bigint, 0) THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock({CHAIN_LOCK});
    SELECT max(seq) INTO moved FROM audit_pending WHERE txid = txid_current();
    INSERT INTO audit_log (table_name, row_id, action, changes, user_name, changed_at)
        SELECT table_name, row_id, action, changes, user_name, changed_at FROM audit_pending
        WHERE txid = txid_current() AND seq <= moved ORDER BY seq;
    DELETE FROM audit_pending WHERE txid = txid_current() AND seq <= moved;
    PERFORM set_config('landcase.moved', moved::text, true);
    {{checkpoint}}
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS audit_pending_flush ON audit_pending;
CREATE CONSTRAINT TRIGGER audit_pending_flush AFTER INSERT ON audit_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_flush();
CREATE OR REPLACE FUNCTION audit_log_seal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    previous text;
BEGIN
    PERFORM pg_advisory_xact_lock({CHAIN_LOCK});
    IF NEW.prev_hash IS NOT NULL OR NEW.row_hash IS NOT NULL THEN
        RAISE EXCEPTION {_literal(APPEND_ONLY_MESSAGE + ": new rows are sealed by LandCase")};
    END IF;
    SELECT row_hash INTO previous FROM audit_log WHERE row_hash IS NOT NULL
        ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := coalesce(previous, '{GENESIS}');
    -- audit_chain.row_hash: compact JSON [prev, id, table, row_id, action, changes, user, at]
    NEW.row_hash := encode(sha256(convert_to('[' || {_json("NEW.prev_hash")} || ',' ||
        {_json("NEW.id")} || ',' || {_json("NEW.table_name")} || ',' ||
        {_json("NEW.row_id")} || ',' || {_json("NEW.action")} || ',' ||
        {_json("NEW.changes")} || ',' || {_json("NEW.user_name")} || ',' ||
        {_json("NEW.changed_at")} || ']', 'UTF8')), 'hex');
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_log_seal ON audit_log;
CREATE TRIGGER audit_log_seal BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_seal();
CREATE OR REPLACE FUNCTION landcase_refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END $$;
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION landcase_refuse({_literal(APPEND_ONLY_MESSAGE)});
"""


def _round_message(kind: str) -> str:
    return _literal(locks.MESSAGES[kind])


LOCKS = f"""
CREATE OR REPLACE FUNCTION landcase_locked_round(round_ids bigint[]) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT period || ' ' || stage FROM submission_round
    WHERE locked = 1 AND id = ANY(round_ids) ORDER BY id LIMIT 1
$$;
CREATE OR REPLACE FUNCTION lock_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    found text;
    kind text := TG_TABLE_NAME;
BEGIN
    IF TG_TABLE_NAME = 'submission_round' THEN
        IF TG_OP = 'DELETE' THEN
            found := landcase_locked_round(ARRAY[OLD.id]);
        ELSE
            found := landcase_locked_round(ARRAY(
                SELECT id FROM submission_round WHERE id = NEW.id
                    OR (period = NEW.period AND stage = NEW.stage)
                    OR (TG_OP = 'UPDATE' AND id = OLD.id)));
        END IF;
    ELSIF TG_TABLE_NAME = 'round_item' THEN
        IF TG_OP = 'DELETE' THEN
            found := landcase_locked_round(ARRAY[OLD.round_id]);
        ELSIF TG_OP = 'INSERT' THEN
            found := landcase_locked_round(ARRAY[NEW.round_id]);
        ELSE
            found := landcase_locked_round(ARRAY[OLD.round_id, NEW.round_id]);
        END IF;
    ELSE  -- determination, rectification: rows a locked round's items reference
        IF TG_OP = 'INSERT' THEN
            RETURN NEW;
        END IF;
        EXECUTE format('SELECT landcase_locked_round(ARRAY(SELECT round_id FROM round_item '
                       'WHERE %I IN ($1, $2)))', TG_TABLE_NAME || '_id')
            INTO found USING OLD.id, CASE WHEN TG_OP = 'UPDATE' THEN NEW.id END;
    END IF;
    IF found IS NOT NULL THEN
        RAISE EXCEPTION '%', replace(CASE kind
            WHEN 'submission_round' THEN {_round_message("submission_round")}
            WHEN 'round_item' THEN {_round_message("round_item")}
            WHEN 'determination' THEN {_round_message("determination")}
            ELSE {_round_message("rectification")} END, '{{name}}', found);
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
"""

GUARDS = f"""
CREATE OR REPLACE FUNCTION guard_meta_srid() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP = 'DELETE' AND OLD.key = 'srid')
       OR (TG_OP = 'UPDATE' AND (OLD.key = 'srid' OR NEW.key = 'srid')
           AND (NEW.key IS DISTINCT FROM OLD.key OR NEW.value IS DISTINCT FROM OLD.value))
       OR (TG_OP = 'INSERT' AND NEW.key = 'srid'
           AND EXISTS (SELECT 1 FROM meta WHERE key = 'srid')) THEN
        RAISE EXCEPTION '%', {_literal(guards.SRID_REFUSED)};
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS guard_meta_srid ON meta;
CREATE TRIGGER guard_meta_srid BEFORE INSERT OR UPDATE OR DELETE ON meta
    FOR EACH ROW EXECUTE FUNCTION guard_meta_srid();
CREATE OR REPLACE FUNCTION guard_seal_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'round_seal_row'
       AND EXISTS (SELECT 1 FROM round_seal WHERE round_id = NEW.round_id) THEN
        RAISE EXCEPTION '%', {_literal(guards.SEAL_REFUSED)};
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS guard_round_seal_row_insert ON round_seal_row;
CREATE TRIGGER guard_round_seal_row_insert BEFORE INSERT ON round_seal_row
    FOR EACH ROW EXECUTE FUNCTION guard_seal_insert();
DROP TRIGGER IF EXISTS guard_round_seal_change ON round_seal;
CREATE TRIGGER guard_round_seal_change BEFORE UPDATE OR DELETE ON round_seal
    FOR EACH ROW EXECUTE FUNCTION landcase_refuse({_literal(guards.SEAL_REFUSED)});
DROP TRIGGER IF EXISTS guard_round_seal_row_change ON round_seal_row;
CREATE TRIGGER guard_round_seal_row_change BEFORE UPDATE OR DELETE ON round_seal_row
    FOR EACH ROW EXECUTE FUNCTION landcase_refuse({_literal(guards.SEAL_REFUSED)});
DROP TRIGGER IF EXISTS guard_integrity_event_change ON integrity_event;
CREATE TRIGGER guard_integrity_event_change BEFORE UPDATE OR DELETE ON integrity_event
    FOR EACH ROW EXECUTE FUNCTION landcase_refuse({_literal(guards.EVENT_REFUSED)});
DROP TRIGGER IF EXISTS guard_audit_checkpoint_delete ON audit_checkpoint;
CREATE TRIGGER guard_audit_checkpoint_delete BEFORE DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION landcase_refuse({_literal(guards.CHECKPOINT_REFUSED)});
DROP TRIGGER IF EXISTS guard_audit_checkpoint_back ON audit_checkpoint;
CREATE TRIGGER guard_audit_checkpoint_back BEFORE UPDATE ON audit_checkpoint
    FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.audit_id < OLD.audit_id)
    EXECUTE FUNCTION landcase_refuse({_literal(guards.CHECKPOINT_REFUSED)});
CREATE OR REPLACE FUNCTION plot_area_stale() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE plot SET area_planar_m2 = NULL, area_ellipsoidal_m2 = NULL WHERE id = NEW.id;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS plot_area_stale ON plot;
CREATE TRIGGER plot_area_stale AFTER UPDATE OF geom ON plot
    FOR EACH ROW WHEN (NEW.geom IS DISTINCT FROM OLD.geom) EXECUTE FUNCTION plot_area_stale();
"""

# The last sealed row, kept once a transaction's rows are in the log (schema 6 and later:
# ``audit_checkpoint``); once, not per row: a row updated thousands of times in one
# transaction makes each update slower than the last
CHECKPOINT = f"""INSERT INTO audit_checkpoint (id, audit_id, audit_hash)
        SELECT 1, id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1
        ON CONFLICT (id) DO UPDATE SET audit_id = excluded.audit_id,
            audit_hash = excluded.audit_hash, updated_at = {NOW};"""

LOCKED_TABLES = ("submission_round", "round_item", "determination", "rectification")
_ON_TABLE = re.compile(r"^(?:DROP|CREATE) TRIGGER (?:IF EXISTS )?\w+ (?:.*? )?ON (\w+)", re.S)


def _statements(script: str) -> list[str]:
    """Split on the statement ends outside $$ bodies."""
    statements, current, in_body = [], [], False
    for line in script.splitlines():
        current.append(line)
        if line.count("$$") % 2:
            in_body = not in_body
        if not in_body and line.rstrip().endswith(";"):
            statements.append("\n".join(current).strip().rstrip(";"))
            current = []
    if "".join(current).strip():
        statements.append("\n".join(current).strip())
    return statements


def install(db) -> None:
    """Every trigger of the schema (inside the caller's transaction); also after a
    migration, so new columns are audited."""
    for table in AUDITED_TABLES:
        if catalog.has_table(db, table):
            for statement in audit_statements(db, table):
                db.execute(statement)
    present = catalog.table_names(db)
    chain = CHAIN.replace("{checkpoint}", CHECKPOINT if "audit_checkpoint" in present else "")
    for statement in _statements(chain) + _statements(LOCKS) + _statements(GUARDS):
        on_table = _ON_TABLE.search(statement)
        if on_table is None or on_table.group(1) in present:  # (an older schema's database)
            db.execute(statement)
    for table in (t for t in LOCKED_TABLES if t in present):
        db.execute(f"DROP TRIGGER IF EXISTS lock_{table} ON {table}")
        db.execute(
            f"CREATE TRIGGER lock_{table} BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION lock_check()"
        )


def expected_triggers(db) -> dict[str, str]:
    """trigger name -> table of every trigger this version installs (for the checks)."""
    present = catalog.table_names(db)
    names = {f"audit_{t}": t for t in AUDITED_TABLES if t in present}
    names.update({f"lock_{t}": t for t in LOCKED_TABLES if t in present})
    names.update(
        {
            "audit_log_seal": "audit_log",
            "audit_pending_flush": "audit_pending",
            "audit_log_append_only": "audit_log",
            "guard_meta_srid": "meta",
            "guard_round_seal_row_insert": "round_seal_row",
            "guard_round_seal_change": "round_seal",
            "guard_round_seal_row_change": "round_seal_row",
            "guard_integrity_event_change": "integrity_event",
            "guard_audit_checkpoint_delete": "audit_checkpoint",
            "guard_audit_checkpoint_back": "audit_checkpoint",
            "plot_area_stale": "plot",
        }
    )
    return {name: table for name, table in names.items() if table in present}
