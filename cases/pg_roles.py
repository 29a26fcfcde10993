"""Who may do what in a shared PostgreSQL case database: roles, grants, row-level security.

Four group roles per case database (``<prefix>_county`` …), each user a login role that is
a member of one:
- county: every township; reads and writes the case data, makes and locks rounds;
- station: the same, for the plots whose 行政区代码 starts with one of its prefixes
  (``user_scope``); its rows of cases, verifications … follow its plots;
- field: reads the plots assigned to it (``field_assignment``) and records verifications
  and photos for them;
- read-only (督查, 纪委): reads everything.
Patrols, clues, stops and notifications (schema v8) follow the same scope: rows placed by a
行政区代码 (``xzqdm``: patrol units and zones, clues, 问题清单 items) by the station's
prefixes, a row without one only by the county (a station must place what it writes);
rows of a case by their case, those of a clue not yet a case by the clue, the others by
their parent (``PATROL_RULES``). The county's shared lists (patrol levels, recipients and
their deadline rules, campaigns) are read by stations and written by the county only. A
field role has none of them (the issue gives it verifications and photos of its plots); a
village patroller who records patrols and clues himself is a station user whose prefix is
his village's 12-digit code, with a station's rights there.
Nobody but the owner (the role that made the schema) owns a table, so no user can drop a
trigger, disable a trigger or row security, or write the audit log, the audit checkpoint or
a seal: the triggers that write them run as the owner (SECURITY DEFINER). The audit user is
the session user, which a user cannot change.
"""

from __future__ import annotations

import re

from . import catalog
from .errors import CaseDatabaseError
from .schema import AUDITED_TABLES

KINDS = ("county", "station", "field", "readonly")
# Case data every writing role reads and writes (row security narrows a station's rows)
CASE_TABLES = (*AUDITED_TABLES, "overlay", "import_report", "import_report_row", "meta")
# Written once by the rooms and never changed (their guards refuse the rest)
APPEND_TABLES = ("round_seal", "round_seal_row", "integrity_event")
READ_TABLES = ("audit_log", "audit_checkpoint", "audit_actor", "user_scope", "field_assignment")
# Tables whose rows belong to a plot (plot_id) or a case (case_id)
BY_PLOT = ("case_record", "overlay")
BY_CASE = (
    "verification",
    "photo",
    "determination",
    "rectification",
    "closeout",
    "document",
    "attachment",
    "round_item",
)
# Schema v8's lists every township shares: stations read them, the county writes them
COUNTY_LISTS = ("patrol_level", "recipient", "campaign")
_BY_CASE = "case_id IN (SELECT id FROM case_record)"
_CASE_OR_CLUE = (
    f"CASE WHEN case_id IS NOT NULL THEN {_BY_CASE} ELSE clue_id IN (SELECT id FROM clue) END"
)
# record_file's owner is one of these tables (its CHECK); the file follows its owner's rows
_FILE_OWNERS = (
    "patrol", "clue", "stop_action", "notification", "notification_recipient", "transfer",
    "escalation", "revisit", "problem_item", "patrol_report",
)  # fmt: skip
# Schema v8's rows by what they hang on ("{placed}": by their own 行政区代码; "{every}": the
# county and the read-only group). An escalation of a township (no case) is seen by the
# stations that have plots of that township.
PATROL_RULES = {
    "patrol_unit": "{placed}",
    "patrol_zone": "{placed}",
    "clue": "{placed}",
    "problem_item": "{placed}",
    "patrol": "unit_id IN (SELECT id FROM patrol_unit)",
    "patrol_report": "unit_id IN (SELECT id FROM patrol_unit)",
    "patrol_finding": "patrol_id IN (SELECT id FROM patrol)",
    "stop_action": _CASE_OR_CLUE,
    "notification": _CASE_OR_CLUE,
    "notification_recipient": "notification_id IN (SELECT id FROM notification)",
    "transfer": _BY_CASE,
    "revisit": _BY_CASE,
    "escalation": (
        f"CASE WHEN case_id IS NOT NULL THEN {_BY_CASE} "
        "ELSE ({every}) OR township IN (SELECT p.township FROM plot AS p) END"
    ),
    "feedback": "plot_id IN (SELECT id FROM plot)",
    "record_file": "CASE owner_table "
    + " ".join(f"WHEN '{t}' THEN owner_id IN (SELECT id FROM {t})" for t in _FILE_OWNERS)
    + " END",
}
# Raised when the grants or policies change: a database whose rules are older gets them
# again when its owner opens it (store_pg.open_database).
RULES_VERSION = "2"
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def default_prefix(db) -> str:
    """``lc_<database>``: group roles are cluster-wide, a county's databases differ."""
    name = db.execute("SELECT current_database()").fetchone()[0].lower()
    return "lc_" + re.sub(r"[^a-z0-9_]", "_", name)[:40]


def group(prefix: str, kind: str) -> str:
    if kind not in KINDS or not _NAME.match(prefix):
        raise ValueError(f"{prefix}_{kind}")
    return f"{prefix}_{kind}"


def _member(prefix: str, kind: str) -> str:
    return f"pg_has_role(session_user, '{group(prefix, kind)}', 'MEMBER')"


def install(db, prefix: str | None = None) -> str:
    """Group roles, grants and row security (inside the caller's transaction, as the owner
    with CREATEROLE). Returns the prefix, recorded in ``meta``."""
    prefix = prefix or default_prefix(db)
    db.execute(
        "CREATE TABLE IF NOT EXISTS user_scope (role_name TEXT NOT NULL, xzqdm_prefix TEXT "
        "NOT NULL, PRIMARY KEY (role_name, xzqdm_prefix))"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS field_assignment (plot_id BIGINT NOT NULL REFERENCES plot "
        "(id) ON DELETE CASCADE, role_name TEXT NOT NULL, PRIMARY KEY (plot_id, role_name))"
    )
    for kind in KINDS:
        name = group(prefix, kind)
        exists = db.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone()
        if exists is None:
            db.execute(f"CREATE ROLE {_ident(name)} NOLOGIN")
    county, station, field, readonly = (_ident(group(prefix, k)) for k in KINDS)
    writers = f"{county}, {station}"
    everyone = f"{county}, {station}, {field}, {readonly}"
    db.execute(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    tables = catalog.table_names(db)
    for table in CASE_TABLES:
        if table in COUNTY_LISTS and table in tables:
            db.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {county}")
            db.execute(f"REVOKE INSERT, UPDATE, DELETE ON {table} FROM {station}")
            db.execute(f"GRANT SELECT ON {table} TO {station}")
        elif table in tables:
            db.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {writers}")
    for table in (*APPEND_TABLES, *READ_TABLES):
        if table in tables:
            db.execute(f"GRANT SELECT ON {table} TO {everyone}")
    for table in APPEND_TABLES:
        if table in tables:
            db.execute(f"GRANT INSERT ON {table} TO {writers}")
    db.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {readonly}")
    db.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {writers}, {field}")
    db.execute(f"GRANT SELECT ON plot, case_record, batch, meta, calendar_day TO {field}")
    db.execute(f"GRANT SELECT, INSERT ON verification, photo TO {field}")
    db.execute(f"GRANT UPDATE (status, updated_at) ON case_record TO {field}")
    # what the workflow reads of a case (workflow.case_state) to take its step
    reads = [
        t
        for t in (
            "layer_role",
            "overlay",
            "determination",
            "rectification",
            "closeout",
            "document",
            "attachment",
        )
        if t in tables
    ]
    db.execute(f"GRANT SELECT ON {', '.join(reads)} TO {field}")
    _policies(db, prefix, tables)
    catalog.upsert_meta(db, "role_prefix", prefix)
    catalog.upsert_meta(db, "role_rules", RULES_VERSION)
    return prefix


def outdated(db) -> bool:
    """Whether the database has LandCase's roles with grants and policies older than these."""
    rows = dict(
        db.execute(
            "SELECT key, value FROM meta WHERE key IN ('role_prefix', 'role_rules')"
        ).fetchall()
    )
    return "role_prefix" in rows and rows.get("role_rules") != RULES_VERSION


def _in_scope(prefix: str, table: str) -> str:
    """The session is a station with a prefix of ``table``'s row's 行政区代码."""
    return (
        f"{_member(prefix, 'station')} AND EXISTS (SELECT 1 FROM user_scope AS s "
        f"WHERE s.role_name = session_user AND {table}.xzqdm LIKE s.xzqdm_prefix || '%')"
    )


def _policies(db, prefix: str, tables) -> None:
    every = f"{_member(prefix, 'county')} OR {_member(prefix, 'readonly')}"
    station = _in_scope(prefix, "plot")
    field = (
        f"{_member(prefix, 'field')} AND EXISTS (SELECT 1 FROM field_assignment AS f "
        "WHERE f.role_name = session_user AND f.plot_id = plot.id)"
    )
    rules = {"plot": f"({every}) OR ({station}) OR ({field})"}
    rules.update({table: "plot_id IN (SELECT id FROM plot)" for table in BY_PLOT})
    rules.update({table: _BY_CASE for table in BY_CASE})
    for table, rule in PATROL_RULES.items():
        if table in tables:  # (a database before schema v8, during its upgrade)
            placed = f"({every}) OR ({_in_scope(prefix, table)})"
            rules[table] = rule.format(placed=placed, every=every)
    for table, rule in rules.items():
        db.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        db.execute(f"DROP POLICY IF EXISTS landcase_scope ON {table}")
        db.execute(f"CREATE POLICY landcase_scope ON {table} USING ({rule}) WITH CHECK ({rule})")


def add_user(db, prefix: str, role: str, kind: str, scopes: tuple[str, ...] = ()) -> None:
    """Make login role ``role`` a member of ``kind``; a station's 行政区代码 prefixes, or a
    field role's plots (监测编号), in ``scopes`` (inside the caller's transaction)."""
    db.execute(f"GRANT {_ident(group(prefix, kind))} TO {_ident(role)}")
    if kind == "station":
        for code in scopes:
            db.execute(
                "INSERT INTO user_scope (role_name, xzqdm_prefix) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                (role, str(code)),
            )
    elif kind == "field":
        for jcbh in scopes:  # plots by their 监测编号
            db.execute(
                "INSERT INTO field_assignment (plot_id, role_name) "
                "SELECT id, ? FROM plot WHERE jcbh = ? ON CONFLICT DO NOTHING",
                (role, str(jcbh)),
            )


class NotOnServer(CaseDatabaseError):
    template = "{path} is a case database file: users and their rights belong to a server database."


class NoSuchRole(CaseDatabaseError):
    template = (
        "There is no login role {role} on the server: the administrator creates it first "
        "(CREATE ROLE {role} LOGIN PASSWORD '…')."
    )


class NoRoles(CaseDatabaseError):
    template = (
        "{path} has no LandCase group roles yet: whoever made the case database had no right "
        "to create roles; a user with CREATEROLE runs this once to make them."
    )


def grant(store, role: str, kind: str, scopes: tuple[str, ...] = ()) -> str:
    """Give login role ``role`` the rights of ``kind`` in ``store``'s server database (one
    transaction; run by the owner or an administrator). Returns the group role."""
    if not store.is_postgres:
        raise NotOnServer(path=store.shown())
    with store.transaction() as db:
        if db.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (role,)).fetchone() is None:
            raise NoSuchRole(role=role)
        row = db.execute("SELECT value FROM meta WHERE key = 'role_prefix'").fetchone()
        prefix = row[0] if row else install(db)
        if prefix is None:
            raise NoRoles(path=store.shown())
        add_user(db, prefix, role, kind, scopes)
    return group(prefix, kind)
