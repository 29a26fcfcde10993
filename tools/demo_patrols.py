"""A week of patrols, a stop and a notification in the demo database, so that `make run`
shows the 巡查与问责 panel, the Patrols group and the 制止与抄告 tab with something in them.

Two villages of the first township report; each gets a zone (its village polygon) of
level 中 and 低; the first patrols daily and sends zero reports, the second misses days; a
find on the first plot is stopped by one person of the station (a breach of seed 002
二(三)2) and notified to five recipients, of whom the township head replies on time and 公安
late. Dates are counted back from today, like the batch's.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import shapely
from osgeo import ogr


def _villages(county: Path, count: int) -> list[tuple[str, str, str, shapely.Geometry]]:
    """(name, 行政区代码, township, polygon) of the first villages of the sample."""
    source = ogr.Open(str(county))
    layer = source.GetLayerByName("xzq_village")
    found = []
    for feature in layer:
        name = feature.GetField("XZQMC")
        code = feature.GetField("XZQDM") if feature.GetFieldIndex("XZQDM") >= 0 else None
        geometry = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))
        found.append((name, code, None, geometry))
        if len(found) == count:
            break
    source = None  # noqa: F841
    return found


def add_patrol_demo(store, county: Path, today: datetime.date | None = None) -> dict:
    from landcase.cases import clues, notifications, patrol_reports, patrol_units, stops
    from landcase.cases.patrol_zones import NewZone, save_zone
    from landcase.cases.patrols import NewPatrol, record_patrol

    today = today or datetime.date.today()
    plot = store.list_plots()[0]
    units = []
    for index, (name, code, _township, geometry) in enumerate(_villages(county, 2)):
        unit = f"{name}村民委员会"
        patrol_units.add_unit(
            store,
            patrol_units.NewUnit(
                unit, township=plot.township, xzqdm=code, head=f"{name}书记", deputy=f"{name}主任"
            ),
        )
        if not isinstance(geometry, shapely.MultiPolygon):
            geometry = shapely.MultiPolygon([geometry])
        save_zone(
            store,
            NewZone(f"PQ{index + 1:02d}", f"{name}片区", ("中", "低")[index], unit,
                    f"{name}巡查员", geometry, code),
        )  # fmt: skip
        units.append(unit)
    for back in range(7, 0, -1):
        day = today - datetime.timedelta(days=back)
        record_patrol(store, NewPatrol(day.isoformat(), units[0], "张巡查、李巡查", zone="PQ01"))
        patrol_reports.submit_report(
            store, units[0], "日报", day.isoformat(), f"{day.isoformat()}T18:00", zero=True
        )
        if back % 3 == 0:
            record_patrol(store, NewPatrol(day.isoformat(), units[1], "王巡查", zone="PQ02"))
    found = today - datetime.timedelta(days=6)
    centre = shapely.get_coordinates(plot_point(store, plot.plot_id))[0]
    clue_id = clues.record_clue(
        store,
        clues.NewClue(
            found_at=f"{found.isoformat()}T09:30", kind="动工迹象", signs="机械进场",
            found_by="张巡查", x=float(centre[0]) + 30.0, y=float(centre[1]) + 30.0,
            description="挖掘机进场平整土地",
        ),
    )  # fmt: skip
    stops.record_stop(
        store,
        stops.NewStop(
            found_at=f"{found.isoformat()}T09:30", unit="样例所", unit_kind="国土所",
            jcbh=plot.jcbh, stopped_at=f"{found.isoformat()}T11:00", stopped_by="赵所员",
            persons=1, method="停工通知书", notice_number=f"样国土停〔{found.year}〕1号",
            notice_date=found.isoformat(), result="继续施工",
            reported_at=f"{found.isoformat()}T17:00", reported_to="样例镇人民政府",
        ),
    )  # fmt: skip
    notice = notifications.send_notification(
        store,
        notifications.NewNotification(
            subject="违法用地抄告", sent_on=found.isoformat(),
            number=f"样国土抄〔{found.year}〕1号", jcbh=plot.jcbh, sender="样例所",
            recipients=("镇政府主要负责人", "镇牵头责任领导", "公安", "供电", "综合执法"),
        ),
    )  # fmt: skip
    notifications.record_reply(
        store, notice, "镇政府主要负责人", found + datetime.timedelta(days=1), "请立即组织制止"
    )
    notifications.record_reply(
        store, notice, "公安", found + datetime.timedelta(days=6), "已出警", by="派出所"
    )
    return {"units": len(units), "clue": clue_id, "notification": notice}


def plot_point(store, plot_id: int) -> shapely.Point:
    """A point inside the plot (its representative point), in the database CRS."""
    return store.plot_geometry(plot_id).representative_point()
