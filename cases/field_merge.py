"""*Merge field package*: what a verifier recorded in QField comes back into the case
database through the workflow, with the same rules and refusals as at the desk.

- A field record (``verification`` table of the package) of a plot due for 核查 becomes a
  verification (``workflow.record_verification``), one for 复核 a re-inspection
  (``workflow.record_reinspection``); its photos are stored by hash with their EXIF read
  and checked as desktop photos are (``photos.add_photos``), with the record's purpose.
  One for 事后巡查 is a post-closure visit (``revisits.record_revisit``: a 反弹 opens a
  clue linked to the case), its photos the visit's record files (``field_visits``).
- A new find (``new_find``) becomes a point clue (``clues.insert_clue``), its photos
  (``find_photo``) the clue's record files, in the clue's transaction.
- A case changed in the office after the package was made (its ``updated_at`` is not the
  one the package recorded, or a post-closure visit was recorded since) is a conflict: the office's values and the field's are listed
  side by side and nothing of the field is written.
- A photo a record names that is not in the folder is listed; the record is merged
  without it (merging again once the file is there adds it).
- Merging again adds nothing: merged plots and finds are recorded in ``field_package_case``
  and ``field_package.merged_finds``, in the same transaction as what they wrote.

One transaction per plot (its records, their photos and the mark that it is merged), and
one per new find, not one for the package: a verifier brings back a day of plots, and one
refused record (a step the case's status does not allow, a damaged photo) or one conflict
must not hold back the others the station is waiting for. Each plot is written whole or
not at all; the report names each plot that was not, and merging again after the cause is
put right writes just those.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import field_cases, field_visits, workflow
from . import field_codes as fc
from .clues import NewClue, insert_clue
from .errors import N_, CaseDatabaseError, LandCaseError
from .field_package_read import ReturnedPackage, opened, photo_file
from .photos import add_photos
from .workflow_guards import _last_change, local_time_text

MERGED = "merged"
ALREADY_MERGED = "already_merged"
CONFLICT = "conflict"
REFUSED = "refused"
MISSING_PHOTO = "missing_photo"
NOT_IN_PACKAGE = "not_in_package"
FIND = "新发现"  # the kind of record of a new find (the others: 核查, 复核, 事后巡查)
PHOTO = "照片"

# What a conflict compares, office beside field
COMPARED = (
    "status",
    "site_status",
    "land_user",
    "actual_use",
    "construction_date",
    "reinspection_result",
    "revisit_result",
    "verifier",
    "verified_on",
)


class FieldRecordRefused(CaseDatabaseError):
    template = N_("Plot {jcbh}: {reason}")


@dataclass
class Outcome:
    subject: str  # the plot's 监测编号, or the new find's UUID
    record: str  # the field record's UUID (a photo's path for a missing photo)
    kind: str  # 核查, 复核, 新发现, 照片
    result: str  # MERGED …
    detail: LandCaseError | str | None = None
    office: dict | None = None
    field: dict | None = None


@dataclass
class MergeResult:
    package: field_cases.Package
    outcomes: list[Outcome] = field(default_factory=list)
    verifications: int = 0
    reinspections: int = 0
    revisits: int = 0
    rebounds: int = 0  # visits that found a rebound (each opened a clue)
    photos: int = 0
    clues: int = 0

    def count(self, result: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.result == result)

    @property
    def wrote(self) -> bool:
        return bool(
            self.verifications or self.reinspections or self.revisits or self.photos or self.clues
        )


def merge_package(store, path: Path | str) -> MergeResult:
    """Merge the package at ``path`` (its folder or zip) into ``store``."""
    with opened(path) as returned:
        package = field_cases.package(store, returned.code)
        result = MergeResult(package)
        cases = field_cases.package_cases(store, package.id)
        photos = defaultdict(list)
        for photo in returned.photos:
            photos[photo["verification_uuid"]].append(photo)
        by_plot: dict[str, list[dict]] = defaultdict(list)
        for record in returned.records:
            by_plot[record["jcbh"] or ""].append(record)
        for jcbh, records in by_plot.items():
            case = cases.get(jcbh)
            if case is None:
                for record in records:
                    result.outcomes.append(
                        Outcome(jcbh, record["uuid"], _task(record), NOT_IN_PACKAGE, N_NOT_OUT)
                    )
                continue
            _merge_plot(store, result, case, records, photos, returned)
        known = {record["uuid"] for record in returned.records}
        for uuid, orphans in photos.items():
            if uuid not in known:
                for photo in orphans:
                    result.outcomes.append(
                        Outcome("", photo["path"] or "", PHOTO, REFUSED, N_NO_RECORD)
                    )
        find_photos = defaultdict(list)
        for photo in returned.find_photos:
            find_photos[photo["find_uuid"]].append(photo)
        for find in returned.finds:
            uuid = find["uuid"] or ""
            files = present_files(returned, find_photos.get(uuid, ()), result, uuid)
            _merge_find(store, result, find, files)
    if result.wrote:
        field_cases.mark_package_merged(store, package.id)
    return result


N_NO_RECORD = N_("the photo names a field record that is not in the package")
N_MISSING = N_("the photo is not in the package's folder: merge again once it is there")
N_NOT_OUT = N_("the plot did not go out in this package")


def _task(record: dict) -> str:
    return record.get("task") or ""


def _field_values(case, record: dict) -> dict:
    values = {name: record.get(name) for name in COMPARED}
    values["status"] = case.sent_status  # what the verifier had in hand
    values["verified_on"] = (record.get("verified_at") or "")[:10] or None
    return values


def _office_values(db, case_id: int) -> dict:
    status, updated_at = field_cases.current_case(db, case_id)
    user, at = _last_change(db, case_id)
    values: dict[str, str | None] = {"status": status, "changed_by": user, "changed_at": at}
    latest = db.execute(
        "SELECT site_status, land_user, actual_use, construction_date, verifier, verified_on "
        "FROM verification WHERE case_id = ? ORDER BY id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    names = ("site_status", "land_user", "actual_use", "construction_date", "verifier")
    values.update(zip((*names, "verified_on"), tuple(latest) if latest else (None,) * 6))
    values["revisit_result"] = field_visits.last_visit_result(db, case_id)
    row = db.execute(
        "SELECT reinspection_result, reinspected_by, reinspected_on FROM rectification "
        "WHERE case_id = ? ORDER BY id DESC LIMIT 1",
        (case_id,),
    ).fetchone()
    if row is not None and row[0] is not None:
        values["reinspection_result"] = row[0]
        values["verifier"], values["verified_on"] = row[1], row[2]
    else:
        values["reinspection_result"] = None
    values["updated_at"] = local_time_text(updated_at) if updated_at else None
    return values


def _photo_files(returned: ReturnedPackage, photos: dict, record: dict, result, jcbh: str):
    """The record's photo files in the folder, each with its kind (全景 …); the missing
    ones are listed."""
    return present_files(returned, photos.get(record["uuid"], ()), result, jcbh)


def present_files(
    returned: ReturnedPackage, photos, result, subject: str
) -> dict[Path, str | None]:
    """The files of ``photos`` (photo rows) in the folder with their kinds; the missing ones
    are listed."""
    present: dict[Path, str | None] = {}
    for photo in photos:
        found = photo_file(returned.folder, photo["path"])
        if found is None or not found.is_file():
            result.outcomes.append(
                Outcome(subject, photo["path"] or "", PHOTO, MISSING_PHOTO, N_MISSING)
            )
        else:
            kind = photo.get("kind")  # one the form does not offer counts as unsaid
            present[found] = kind if kind in fc.PHOTO_KINDS else None
    return present


def _merge_plot(store, result: MergeResult, case, records, photos, returned) -> None:
    if case.merged_at is not None:
        for record in records:
            result.outcomes.append(
                Outcome(case.jcbh, record["uuid"], _task(record), ALREADY_MERGED)
            )
            files = _photo_files(returned, photos, record, result, case.jcbh)
            _attach_found_later(store, result, case, record, files)
        return
    db = store._db
    _status, updated_at = field_cases.current_case(db, case.case_id)
    visited_since = field_visits.visited_since(db, case.case_id, result.package.created_at)
    if updated_at != case.sent_updated_at or visited_since:
        office = _office_values(db, case.case_id)
        for record in records:
            result.outcomes.append(
                Outcome(
                    case.jcbh,
                    record["uuid"],
                    _task(record),
                    CONFLICT,
                    N_("the case was changed in the office after the package was made"),
                    office,
                    _field_values(case, record),
                )
            )
        return
    counts = {fc.DUE_VERIFICATION: 0, fc.DUE_REINSPECTION: 0, fc.DUE_REVISIT: 0, PHOTO: 0}
    merged: list[Outcome] = []
    missing_before = len(result.outcomes)
    copies: list[Path] = []  # the visits' photos copied, removed if the plot is refused
    rebounds = 0
    try:
        with store.transaction() as db:
            verification_id = None
            for record in records:
                files = _photo_files(returned, photos, record, result, case.jcbh)
                if _task(record) == fc.DUE_REVISIT:
                    visit = field_visits.write_visit(store, db, case, record, list(files), copies)
                    counts[PHOTO] += visit.photos
                    counts[fc.DUE_REVISIT] += 1
                    rebounds += visit.clue_code is not None
                    merged.append(
                        Outcome(case.jcbh, record["uuid"], fc.DUE_REVISIT, MERGED, visit.clue_code)
                    )
                    continue
                made = _write_record(store, case, record)
                verification_id = made if made is not None else verification_id
                if files:
                    added = add_photos(store, case.plot_id, files, _task(record), made, kinds=files)
                    counts[PHOTO] += len(added.added)
                counts[_task(record)] += 1
                merged.append(Outcome(case.jcbh, record["uuid"], _task(record), MERGED))
            field_cases.mark_case_merged(
                db, case.package_id, case.case_id, [r["uuid"] for r in records], verification_id
            )
    except LandCaseError as error:
        field_visits.remove_copies(store, copies)
        del result.outcomes[missing_before:]  # listed again when the plot is merged
        for record in records:
            result.outcomes.append(
                Outcome(case.jcbh, record["uuid"], _task(record), REFUSED, error)
            )
        return
    result.outcomes.extend(merged)
    result.verifications += counts[fc.DUE_VERIFICATION]
    result.reinspections += counts[fc.DUE_REINSPECTION]
    result.revisits += counts[fc.DUE_REVISIT]
    result.rebounds += rebounds
    result.photos += counts[PHOTO]


def _write_record(store, case, record: dict) -> int | None:
    """Write one field record through the workflow; the verification's id (None for a
    re-inspection)."""
    task = _task(record)
    day = (record.get("verified_at") or "")[:10] or None
    if task == fc.DUE_VERIFICATION:
        return workflow.record_verification(
            store,
            case.plot_id,
            record.get("site_status") or "",
            land_user=record.get("land_user"),
            actual_use=record.get("actual_use"),
            construction_date=record.get("construction_date"),
            description=record.get("description"),
            verifier=record.get("verifier"),
            verified_on=day,
        )
    if task == fc.DUE_REINSPECTION:
        workflow.record_reinspection(
            store,
            case.plot_id,
            record.get("reinspection_result"),
            reinspected_on=day,
            reinspected_by=record.get("verifier"),
            note=record.get("description"),
        )
        return None
    raise FieldRecordRefused(
        jcbh=case.jcbh,
        reason=N_("the field record's visit {value} is not 核查, 复核 or 事后巡查"),
        value=task,
    )


def _attach_found_later(store, result: MergeResult, case, record: dict, files) -> None:
    """Photos of a merged record that were missing then and are in the folder now."""
    task = _task(record)
    if task == fc.DUE_REVISIT:
        revisit_id = field_visits.merged_visit(store._db, case.case_id, record)
        if revisit_id is not None:
            _attach_later(store, result, case.jcbh, record["uuid"], "revisit", revisit_id, files)
        return
    new = {path: kind for path, kind in files.items() if not _attached(store, case.case_id, path)}
    if not new:
        return
    verification_id = case.verification_id if task == fc.DUE_VERIFICATION else None
    try:
        added = add_photos(store, case.plot_id, new, task, verification_id, kinds=new)
    except LandCaseError as error:
        result.outcomes.append(Outcome(case.jcbh, record["uuid"], PHOTO, REFUSED, error))
        return
    result.photos += len(added.added)


def _attach_later(store, result, subject: str, record: str, owner: str, owner_id, files):
    """Record-file photos of a merged visit or find that are in the folder now."""
    if not files:
        return
    try:
        result.photos += field_visits.attach_later(store, owner, owner_id, list(files))
    except LandCaseError as error:
        result.outcomes.append(Outcome(subject, record, PHOTO, REFUSED, error))


def _attached(store, case_id: int, path: Path) -> bool:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    row = store._db.execute(
        "SELECT 1 FROM photo WHERE case_id = ? AND sha256 = ?", (case_id, digest)
    ).fetchone()
    return row is not None


def _merge_find(store, result: MergeResult, find: dict, files: dict[Path, str | None]) -> None:
    uuid = find["uuid"] or ""
    if uuid in result.package.merged_finds:
        result.outcomes.append(Outcome(uuid, uuid, FIND, ALREADY_MERGED))
        _attach_later(store, result, uuid, uuid, "clue", result.package.merged_finds[uuid], files)
        return
    clue = NewClue(
        found_at=find.get("found_at") or "",
        kind=find.get("kind") or "疑似违法",
        signs=find.get("signs"),
        found_by=find.get("found_by"),
        township=find.get("township"),
        village=find.get("village"),
        address=find.get("address"),
        party=find.get("party"),
        description=find.get("description"),
        x=find.get("x"),
        y=find.get("y"),
    )
    copies: list[Path] = []
    try:
        with store.transaction() as db:
            clue_id = insert_clue(db, clue, store.srid)
            photos = field_visits.attach_photos(store, db, "clue", clue_id, list(files), copies)
            field_cases.mark_find_merged(db, result.package.id, uuid, clue_id)
            code = db.execute("SELECT code FROM clue WHERE id = ?", (clue_id,)).fetchone()[0]
    except LandCaseError as error:
        field_visits.remove_copies(store, copies)
        result.outcomes.append(Outcome(uuid, uuid, FIND, REFUSED, error))
        return
    result.package.merged_finds[uuid] = clue_id
    result.clues += 1
    result.photos += photos
    result.outcomes.append(Outcome(uuid, uuid, FIND, MERGED, code))
