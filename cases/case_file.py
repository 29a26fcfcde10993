"""Everything recorded about one plot's case, read in one place for documents (reports,
dossiers, exports), and the documents printed for it.

The report builders never query the database: this module reads, the printing code maps
what it read onto the report models."""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely

from . import workflow
from .attachments import case_id_of_plot, list_attachments
from .photos import Photo, list_photos
from .recorded_steps import recorded_steps, row_dict

DOCUMENT_KINDS = ("核查报告", "销号报告", "卷宗")


@dataclass(frozen=True)
class CaseFile:
    plot_id: int
    plot: dict  # the plot's fields, with ``batch`` (name) and ``received_date``
    geometry: shapely.Geometry
    state: workflow.CaseState
    verification: dict | None  # the latest field verification
    srid: int
    photos: list[Photo] = field(default_factory=list)
    closeout: dict | None = None  # closed_on, closed_by, joint_recheck_result, note
    attachments: list = field(default_factory=list)  # cases.attachments.Attachment


def read_case_file(store, plot_id: int) -> CaseFile:
    db = store._db
    plot = row_dict(
        db.execute(
            """SELECT p.id, p.jcbh, p.xzqdm, p.xzqmc, p.jcpc, p.qsx, p.hsx, p.jcmj, p.tblx, p.bglx,
                      p.clue_source, p.found_date, p.reporter, p.description, p.township,
                      p.village, p.geometry_repair, p.area_planar_m2, p.area_ellipsoidal_m2,
                      p.created_at, b.name AS batch, b.received_date,
                      X(ST_Centroid(Transform(p.geom, 4490))) AS center_lon,
                      Y(ST_Centroid(Transform(p.geom, 4490))) AS center_lat
               FROM plot AS p LEFT JOIN batch AS b ON b.id = p.batch_id WHERE p.id = ?""",
            (plot_id,),
        )
    )
    if plot is None:
        raise KeyError(plot_id)
    recorded = recorded_steps(store, plot_id)  # the latest verification, the close-out
    return CaseFile(
        plot_id=plot_id,
        plot=plot,
        geometry=store.plot_geometry(plot_id),
        state=workflow.case_state(store, plot_id),
        verification=recorded.verification,
        srid=store.srid,
        photos=list_photos(store, plot_id),
        closeout=recorded.closeout,
        attachments=list_attachments(store, case_id_of_plot(store, plot_id)),
    )


def record_document(
    store, plot_id: int, kind: str, path: str, file_sha256: str, case_hash: str, pages: int
) -> int:
    """Store the hash of a printed PDF on its case (one transaction)."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(kind)
    with store.transaction() as db:
        return db.execute(
            """INSERT INTO document (case_id, kind, path, file_sha256, case_hash, pages)
               SELECT id, ?, ?, ?, ?, ? FROM case_record WHERE plot_id = ? RETURNING id""",
            (kind, path, file_sha256, case_hash, pages, plot_id),
        ).fetchone()[0]


def documents(store, plot_id: int) -> list[dict]:
    cursor = store._db.execute(
        """SELECT d.kind, d.path, d.file_sha256, d.case_hash, d.pages, d.created_at
           FROM document AS d JOIN case_record AS c ON c.id = d.case_id
           WHERE c.plot_id = ? ORDER BY d.id""",
        (plot_id,),
    )
    names = [description[0] for description in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
