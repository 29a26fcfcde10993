"""Moving a station's SpatiaLite file into a shared PostgreSQL/PostGIS case database.

``move`` copies, in one server transaction, the file's plots with their batches, cases,
field checks, photos, determinations (revision chains kept), rectifications, close-outs,
documents, attachments and desk comparisons; its layer roles and calendar days; its
patrols, clues, stop actions, notifications and the other records of schema v8
(``move_patrols``); its submission rounds, locked ones locked and sealed again on the
server (``move_rounds``); the photo, attachment and record files into the server's
evidence folder; and, verbatim, the file's audit log and round seals (``move_archive``),
after checking its audit chain.

Which plots: those of ``township`` only when it is given, as a 行政区代码 prefix (digits:
``xzqdm`` starts with it) or as a township's name (``township`` equals it). A plot whose
监测编号 the server already has is not copied: counted as already moved when an earlier
move of this same file wrote it, listed as refused otherwise, and nothing of its case is
copied. So a second move of the same file adds nothing (and a file moved again after the
station worked on adds its new plots, and its new patrol records, only).

The file is recognised by the seal of its first audit row (``origin``): it holds the
file's creation moment and user, and stays the same wherever the file is copied.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
from dataclasses import dataclass, field
from pathlib import Path

from . import audit_chain, catalog, move_archive
from .errors import N_, CaseDatabaseError
from .move_patrols import Renamed, move_patrols
from .move_rounds import RoundLeft, move_rounds
from .move_rows import (
    DEPENDENTS,
    IdMap,
    copy_dependent,
    copy_keyed,
    copy_rows,
    in_township,
    shared_columns,
    source_rows,
)
from .photo_check import Candidate, PhotoRefused
from .photo_exif import ExifFacts
from .photo_storage import attachments_folder, store_copy
from .store import CaseStore

ON_SERVER_FROM_ELSEWHERE = N_("{jcbh}: the server already has this 监测编号 from another database")


class MoveRefused(CaseDatabaseError):
    template = "{path} was not moved to {target}: {reason}"


class BrokenChainRefused(MoveRefused):
    """``reason`` is ``audit_chain``'s, filled with the broken row's id."""

    template = "{path} was not moved to {target}: its audit trail is broken: {reason}"


@dataclass(frozen=True)
class RefusedPlot:
    jcbh: str
    reason: str  # an untranslated template

    def message(self, translate=lambda text: text) -> str:
        return translate(self.reason).format(jcbh=self.jcbh)


@dataclass
class MoveReport:
    """What a move did: rows written per table, plots already there from an earlier move
    of this file, plots refused, rounds left out, files missing beside the station file."""

    origin: str
    moved: dict[str, int] = field(default_factory=dict)
    already_moved: int = 0
    outside_township: int = 0
    refused: list[RefusedPlot] = field(default_factory=list)
    rounds_left: list[RoundLeft] = field(default_factory=list)
    files_copied: int = 0
    files_missing: list[str] = field(default_factory=list)
    audit_rows_archived: int = 0
    seals_archived: int = 0
    renamed: list[Renamed] = field(default_factory=list)  # zones and clues under new codes

    @property
    def plots_moved(self) -> int:
        return self.moved.get("plot", 0)


def origin_of(store: CaseStore) -> str:
    """What identifies a station file across moves: ``sqlite:`` and the seal of its first
    audit row (a file without any: the SHA-256 of its resolved path)."""
    row = store._db.execute(
        "SELECT row_hash FROM audit_log WHERE row_hash IS NOT NULL ORDER BY id LIMIT 1"
    ).fetchone()
    if row is not None:
        return f"sqlite:{row[0]}"
    path = str(Path(store.path).resolve()).encode("utf-8")
    return f"sqlite-path:{hashlib.sha256(path).hexdigest()}"


def move(source_path, target, township: str | None = None) -> MoveReport:
    """Copy the station file ``source_path`` into the PostgreSQL case database ``target``
    (a ``postgresql://`` URI or ``service=``); see the module's docstring."""
    source = CaseStore.open(source_path)
    try:
        if source.is_postgres:
            raise MoveRefused(
                path=source.shown(), target=str(target), reason=N_("it is not a SpatiaLite file")
            )
        server = CaseStore.open(target)
        try:
            if not server.is_postgres:
                raise MoveRefused(
                    path=source.shown(),
                    target=server.shown(),
                    reason=N_("the target is not a PostgreSQL database"),
                )
            return _move(source, server, _township(township))
        finally:
            server.close()
    finally:
        source.close()


def _township(value) -> str | None:
    text = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    return text or None


def _refuse(source: CaseStore, server: CaseStore, reason: str, **params) -> MoveRefused:
    return MoveRefused(path=source.shown(), target=server.shown(), reason=reason, **params)


def _check(source: CaseStore, server: CaseStore) -> None:
    if source.srid != server.srid:
        raise _refuse(
            source,
            server,
            N_("its CRS EPSG:{source_srid} is not the server's EPSG:{server_srid}"),
            source_srid=source.srid,
            server_srid=server.srid,
        )
    trail = audit_chain.verify_audit_trail(source)
    if not trail.ok:
        raise BrokenChainRefused(
            path=source.shown(),
            target=server.shown(),
            reason=trail.reason,
            id=trail.first_broken_id,
            **trail.params,
        )


def _move(source: CaseStore, server: CaseStore, township: str | None) -> MoveReport:
    _check(source, server)
    report = MoveReport(origin_of(source))
    copied: list[Path] = []
    try:
        with server.transaction() as db:
            try:
                move_archive.ensure_tables(db)
            except sqlite3.OperationalError as exc:
                if "permission denied" not in str(exc):
                    raise
                raise _refuse(
                    source, server, N_("only the database's owner may move a file into it")
                ) from exc
            ids = IdMap(move_archive.earlier_moves(db, report.origin))
            _copy_plots(source._db, db, ids, server.srid, township, report)
            for spec in DEPENDENTS:
                report.moved[spec.table] = copy_dependent(source._db, db, spec, ids, server.srid)
            report.moved["layer_role"] = copy_keyed(source._db, db, "layer_role", "role")
            report.moved["calendar_day"] = copy_keyed(source._db, db, "calendar_day", "day")
            patrols, report.renamed = move_patrols(source._db, db, ids, server.srid, township)
            report.moved.update(patrols)
            report.rounds_left = move_rounds(source._db, db, ids, server.srid, report.origin)
            report.moved["submission_round"] = len(ids.fresh.get("submission_round", ()))
            report.audit_rows_archived = move_archive.archive_audit(source._db, db, report.origin)
            report.seals_archived = move_archive.archive_seals(source._db, db, report.origin)
            move_archive.record_moves(db, report.origin, ids.moved())
            _copy_files(source, server, ids, report, copied)
    except BaseException:
        _remove(copied)  # files of a move that was rolled back
        raise
    return report


def _copy_plots(source_db, db, ids: IdMap, srid, township, report: MoveReport) -> None:
    columns = shared_columns(source_db, db, "plot")
    rows = []
    for row in source_rows(source_db, "plot", columns):
        values = dict(zip(columns, tuple(row)[1:]))
        if township is not None and not in_township(values, township):
            report.outside_township += 1
            continue
        if ids.get("plot", row[0]) is not None:
            report.already_moved += 1
            continue
        there = db.execute("SELECT id FROM plot WHERE jcbh = ?", (values["jcbh"],)).fetchone()
        if there is not None:
            report.refused.append(RefusedPlot(values["jcbh"], ON_SERVER_FROM_ELSEWHERE))
            continue
        rows.append(row)
    for batch_id in sorted({row[columns.index("batch_id") + 1] for row in rows} - {None}):
        _map_batch(source_db, db, ids, batch_id, report)

    def remap(column, value):
        return ids.get("batch", value) if column == "batch_id" and value is not None else value

    report.moved["plot"] = copy_rows(source_db, db, "plot", rows, columns, ids, srid, remap)


def _map_batch(source_db, db, ids: IdMap, batch_id: int, report: MoveReport) -> None:
    """The server's batch of the same name, else a copy of the file's."""
    if ids.get("batch", batch_id) is not None:
        return
    columns = shared_columns(source_db, db, "batch")
    (row,) = source_rows(source_db, "batch", columns, "WHERE id = ?", (batch_id,))
    name = row[columns.index("name") + 1]
    there = db.execute("SELECT id FROM batch WHERE name = ?", (name,)).fetchone()
    if there is not None:
        ids.add("batch", batch_id, there[0])
        return
    copy_rows(source_db, db, "batch", [row], columns, ids, 0)
    report.moved["batch"] = report.moved.get("batch", 0) + 1


def _copy_files(source, server, ids: IdMap, report: MoveReport, copied: list[Path]) -> None:
    """The stored copies of the moved photos, attachments and record files into the server's
    evidence folder, hashed again while copied (``photo_storage.store_copy``); a copy
    missing or damaged beside the file is named in the report (its row is moved all the
    same)."""
    wanted = {}
    for table in ("photo", "attachment", "record_file"):
        if not catalog.has_table(source._db, table):
            continue
        moved = ids.fresh.get(table, set())
        for row_id, sha256, stored_name in source._db.execute(
            f"SELECT id, sha256, stored_name FROM {table}"
        ).fetchall():
            if row_id in moved:
                wanted[stored_name] = sha256
    no_exif = ExifFacts(None, None, None, None, False, False)  # (not read: only copied)
    for stored_name, sha256 in sorted(wanted.items()):
        stem, _, extension = stored_name.partition(".")
        path = attachments_folder(source) / sha256[:2] / stored_name
        if stem != sha256 or not path.is_file():
            report.files_missing.append(stored_name)
            continue
        candidate = Candidate(path, sha256, extension, path.stat().st_size, no_exif)
        try:
            store_copy(server, candidate, copied)
        except PhotoRefused:  # not its hash: damaged beside the file
            report.files_missing.append(stored_name)
            continue
        report.files_copied += 1


def _remove(paths: list[Path]) -> None:
    for path in reversed(paths):
        with contextlib.suppress(OSError):
            if path.is_dir():
                path.rmdir()
            else:
                os.chmod(path, stat.S_IWRITE | stat.S_IREAD)
                path.unlink()


def verify_archive(store: CaseStore, origin: str) -> audit_chain.AuditVerification:
    """``move_archive.verify_archive`` of a store."""
    return move_archive.verify_archive(store._db, origin)
