"""Outlining a point clue: the find a patroller recorded as a point becomes a plot with its
case once the station has drawn its outline (issue 15, "turned into a plot later").

One transaction: the plot and its case are stored (its ``clue_source`` from the clue), the
clue names the plot (``clue.plot_id``), and the stopping and notifying already recorded
against the clue follow the new case (``stop_action`` and ``notification`` get its
``case_id`` and keep their ``clue_id``). Every refusal names the clue by its code.
"""

from __future__ import annotations

import shapely
import shapely.errors

from . import errors
from .codes import CLUE_SOURCES
from .errors import N_
from .store_records import NewPlot

# Where a clue found by a patrol, a village unit or a post-closure revisit came from.
PATROL_SOURCE = "属地巡查"


def _refuse(code: str, reason: str, **params) -> errors.InvalidRecord:
    return errors.InvalidRecord(record=code, reason=reason, **params)


def _source(code: str, given: str | None, patrol_id, unit_id, rebound_of) -> str:
    """The plot's clue source: as given, else 属地巡查 for a find of a patrol, of a
    reporting unit or of a revisit; a clue with none of these must be told (群众举报 …)."""
    source = (given or "").strip()
    if not source:
        if patrol_id is None and unit_id is None and rebound_of is None:
            raise _refuse(
                code,
                N_("say where the clue came from ({allowed}): it was not found by a patrol"),
                allowed="、".join(CLUE_SOURCES),
            )
        return PATROL_SOURCE
    if source not in CLUE_SOURCES:
        raise _refuse(
            code,
            N_("the clue source {value} is not one of {allowed}"),
            value=source,
            allowed="、".join(CLUE_SOURCES),
        )
    return source


def outline_clue(
    store,
    clue_id: int,
    outline: shapely.Geometry,
    jcbh: str | None = None,
    clue_source: str | None = None,
    description: str | None = None,
) -> int:
    """Store the plot outlined for clue ``clue_id`` (``outline`` a shapely polygon in the
    database CRS) with its case, in one transaction; returns the plot's id.

    The 监测编号 is ``jcbh`` or the next patrol number of the day the clue was found
    (XC + date + sequence). The plot takes the clue's township, village, 行政区代码,
    finder (reporter), found date and description; its extra fields name the clue's code
    and, for a rebound, the 监测编号 of the case it rebounds on."""
    if isinstance(outline, str):  # WKT, as a form or an algorithm may give it
        try:
            outline = shapely.from_wkt(outline)
        except shapely.errors.GEOSException:
            outline = None
    with store.transaction() as db:
        row = db.execute(
            """SELECT c.code, c.found_at, c.found_by, c.township, c.village, c.xzqdm,
                   c.address, c.description, c.plot_id, c.closed_on, c.patrol_id, c.unit_id,
                   c.rebound_of, p.jcbh
               FROM clue AS c
               LEFT JOIN case_record AS old ON old.id = c.rebound_of
               LEFT JOIN plot AS p ON p.id = old.plot_id
               WHERE c.id = ?""",
            (clue_id,),
        ).fetchone()
        if row is None:
            raise _refuse(str(clue_id), N_("there is no clue with this id"))
        (code, found_at, found_by, township, village, xzqdm, address, clue_text, plot_id,
         closed_on, patrol_id, unit_id, rebound_of, rebound_jcbh) = row  # fmt: skip
        if plot_id is not None:
            outlined = db.execute("SELECT jcbh FROM plot WHERE id = ?", (plot_id,)).fetchone()
            raise _refuse(
                code,
                N_("the clue is already outlined as plot {jcbh}"),
                jcbh=outlined[0] if outlined else plot_id,
            )
        if closed_on is not None:
            raise _refuse(code, N_("the clue was closed on {date}"), date=closed_on)
        source = _source(code, clue_source, patrol_id, unit_id, rebound_of)
        found_date = str(found_at)[:10]  # a stored moment: YYYY-MM-DD[THH:MM]
        number = (jcbh or "").strip() or store.next_patrol_number(found_date)
        extra = {"线索编号": code}
        if rebound_jcbh is not None:
            extra["反弹原图斑"] = rebound_jcbh
        plot = NewPlot(
            jcbh=number,
            geometry=outline,
            xzqdm=xzqdm,
            clue_source=source,
            found_date=found_date,
            reporter=found_by,
            description=(description or "").strip() or clue_text or address,
            township=township,
            village=village,
            extra_fields=extra,
        )
        try:
            [new_plot] = store._insert_plots(db, [plot], None)
        except errors.InvalidRecord as refused:  # the plot's reason, named by the clue
            raise errors.InvalidRecord(
                **{**refused.params, "record": f"{code} ({number})"}
            ) from None
        case_id = db.execute(
            "SELECT id FROM case_record WHERE plot_id = ?", (new_plot,)
        ).fetchone()[0]
        db.execute("UPDATE clue SET plot_id = ? WHERE id = ?", (new_plot, clue_id))
        for table in ("stop_action", "notification"):
            db.execute(
                f"UPDATE {table} SET case_id = ? WHERE clue_id = ? AND case_id IS NULL",
                (case_id, clue_id),
            )
        return new_plot
