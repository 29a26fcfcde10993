"""A field package's life for the tests: a case database with plots in each state a
package meets, and a day in the field written into the package with GDAL/OGR, as QField
writes it (and JPEGs with EXIF, GPSImgDirection included, in its DCIM folder)."""

from __future__ import annotations

from pathlib import Path

from osgeo import ogr
from photo_files import make_photo

from helpers import ORIGIN, small_database
from landcase.cases import workflow

PLOT_NUMBERS = [f"320100202601{i:03d}" for i in range(6)]
# plot ids 1..6: 1, 2, 5, 6 待核查; 3 整改中; 4 已判定 (not due)
RECTIFYING_PLOT, DETERMINED_PLOT = 3, 4


def database(target) -> object:
    store = small_database(target, plots=6)
    for plot_id in (RECTIFYING_PLOT, DETERMINED_PLOT):
        workflow.record_verification(
            store, plot_id, "已建成", "青山建材厂", "厂房", "2025-06", None, "李核查", "2026-02-05"
        )
        workflow.determine(
            store, plot_id, "违法", "厂房", decided_by="张判定", decided_on="2026-02-10"
        )
    workflow.file_case(store, RECTIFYING_PLOT, "立3", "2026-02-15")
    workflow.start_rectification(store, RECTIFYING_PLOT, "拆除复耕", "2026-03-01")
    return store


def centre(index: int) -> tuple[float, float]:
    """The centre of plot ``index`` (0-based) of ``helpers.square``."""
    return ORIGIN[0] + index * 100.0 + 20.0, ORIGIN[1] + 20.0


def add_record(layer, uuid: str, jcbh: str, task: str, verified_at: str, **values) -> None:
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("uuid", uuid)
    feature.SetField("jcbh", jcbh)
    feature.SetField("task", task)
    feature.SetField("verified_at", verified_at)
    feature.SetField("verifier", values.pop("verifier", "张三"))
    for name, value in values.items():
        feature.SetField(name, value)
    assert layer.CreateFeature(feature) == 0


def add_photo(layer, uuid: str, record: str, path: str, kind: str) -> None:
    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("uuid", uuid), ("verification_uuid", record), ("path", path),
                        ("kind", kind)):  # fmt: skip
        feature.SetField(name, value)
    assert layer.CreateFeature(feature) == 0


def add_find(layer, uuid: str, xy: tuple[float, float], found_at: str, **values) -> None:
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("uuid", uuid)
    feature.SetField("found_at", found_at)
    for name, value in values.items():
        feature.SetField(name, value)
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(*xy)
    feature.SetGeometry(point)
    assert layer.CreateFeature(feature) == 0


FIND_XY = (ORIGIN[0] + 850.0, ORIGIN[1] + 60.0)


def spend_the_day(folder: Path) -> dict:
    """What a verifier records in QField: returns the photo files written."""
    source = ogr.Open(str(folder / "field.gpkg"), 1)
    records, photos, finds = (
        source.GetLayerByName(n) for n in ("verification", "photo", "new_find")
    )
    add_record(records, "{r-1}", PLOT_NUMBERS[0], "核查", "2026-03-04T01:10:00Z",
               site_status="在建", land_user="青山物流", actual_use="硬化",
               construction_date="2026-01", description="正在硬化场地")  # fmt: skip
    add_record(records, "{r-2}", PLOT_NUMBERS[1], "核查", "2026-03-04T02:00:00Z",
               site_status="未动工")  # fmt: skip
    add_record(records, "{r-3}", PLOT_NUMBERS[2], "复核", "2026-03-04T03:00:00Z",
               reinspection_result="整改到位", description="已拆除复耕")  # fmt: skip
    add_record(records, "{r-5}", PLOT_NUMBERS[4], "核查", "2026-03-04T05:00:00Z",
               site_status="已建成")  # fmt: skip
    # a re-inspection of a plot that is due for its verification: the workflow refuses it
    add_record(records, "{r-6}", PLOT_NUMBERS[5], "复核", "2026-03-04T06:00:00Z",
               reinspection_result="整改到位")  # fmt: skip
    x, y = centre(0)
    files = {
        "wide": make_photo(folder / "DCIM" / "wide.jpg", (x, y - 50.0), direction=0.0),
        "close": make_photo(
            folder / "DCIM" / "close.jpg", (x + 5.0, y - 25.0), direction=350.5, colour=(1, 2, 3)
        ),
        "refused_plot": make_photo(
            folder / "DCIM" / "p6.jpg", centre(5), direction=90.0, colour=(9, 9, 9)
        ),
    }
    add_photo(photos, "{p-1}", "{r-1}", "DCIM/wide.jpg", "全景")
    add_photo(photos, "{p-2}", "{r-1}", "DCIM/close.jpg", "近景")
    add_photo(photos, "{p-3}", "{r-5}", "DCIM/lost.jpg", "全景")  # never copied off the phone
    add_photo(photos, "{p-4}", "{r-6}", "DCIM/p6.jpg", "全景")
    add_find(finds, "{f-1}", FIND_XY, "2026-03-04T07:30:00Z", kind="动工迹象",
             signs="机械进场", found_by="张三", village="东村")  # fmt: skip
    source = None  # noqa: F841 (GDAL writes the file when the last reference goes)
    return files
