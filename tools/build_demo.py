"""Build the demo case database from a generated sample county (tools/sample_county.py).

    python tools/build_demo.py build/sample build/demo/landcase_demo.sqlite

It registers the sample's 卫片 batch. This is a plain loader for the demo: rows whose
geometry is invalid or whose 监测编号 repeats are left out and counted; the plugin's own
importer (encoding detection, repair, duplicate and overlap checks) does this for users.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import shapely
from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parent.parent
# The plugin is imported as 'landcase', the way QGIS does: a link to the repository root.
_LINK = ROOT / "build" / "pythonpath" / "landcase"
_LINK.parent.mkdir(parents=True, exist_ok=True)
if not _LINK.is_symlink():
    _LINK.symlink_to(ROOT, target_is_directory=True)
sys.path.insert(0, str(_LINK.parent))
from landcase.cases import CaseStore, NewPlot  # noqa: E402

ogr.UseExceptions()
BATCH_NAME = "2026年第1批部卫片"
TEXT_FIELDS = ("XZQDM", "XZQMC", "JCPC", "QSX", "HSX", "TBLX", "BGLX")


def _villages(county_gpkg: Path) -> tuple[shapely.STRtree, list[shapely.Geometry], list[str]]:
    source = ogr.Open(str(county_gpkg))
    layer = source.GetLayerByName("xzq_village")
    geometries, names = [], []
    for feature in layer:
        geometries.append(shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb())))
        names.append(feature.GetField("XZQMC"))
    return shapely.STRtree(geometries), geometries, names


def read_batch(shapefile: Path, county_gpkg: Path) -> tuple[list[NewPlot], dict]:
    tree, villages, village_names = _villages(county_gpkg)
    source = gdal.OpenEx(str(shapefile), gdal.OF_VECTOR, open_options=["ENCODING=GBK"])
    plots, seen, skipped = [], set(), {"invalid": 0, "duplicate": 0}
    for feature in source.GetLayer():
        jcbh = feature.GetField("JCBH")
        geometry = shapely.from_wkb(bytes(feature.GetGeometryRef().ExportToWkb()))
        if geometry.is_empty or not geometry.is_valid or geometry.area <= 0:
            skipped["invalid"] += 1
            continue
        if jcbh in seen:
            skipped["duplicate"] += 1
            continue
        seen.add(jcbh)
        hit = tree.query(geometry.representative_point(), predicate="within")
        fields = {name.lower(): feature.GetField(name) for name in TEXT_FIELDS}
        plots.append(
            NewPlot(
                jcbh=jcbh,
                geometry=geometry,
                jcmj=feature.GetField("JCMJ"),
                township=fields["xzqmc"],
                village=village_names[hit[0]] if len(hit) else None,
                **fields,
            )
        )
    return plots, skipped


def build(sample: Path, target: Path) -> dict:
    plots, skipped = read_batch(sample / "batch" / "wpzf_2026_01.shp", sample / "county.gpkg")
    target.parent.mkdir(parents=True, exist_ok=True)
    store = CaseStore.create(target, 4549, overwrite=True, user="demo")
    batch = store.add_batch(BATCH_NAME, source="部卫片", received_date="2026-02-10")
    store.add_plots(plots, batch)
    count = store.plot_count()
    store.close()
    return {"plots": count, **skipped}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path)
    parser.add_argument("target", type=Path)
    arguments = parser.parse_args()
    summary = build(arguments.sample, arguments.target)
    print(
        f"{arguments.target}: {summary['plots']} plots "
        f"({summary['invalid']} invalid and {summary['duplicate']} duplicate rows left out)"
    )
