"""Build the demo case database from a generated sample county (tools/sample_county.py).

    python tools/build_demo.py build/sample build/demo/landcase_demo.sqlite

It registers the sample's 卫片 batch through the plugin's own importer, the way a station
technician would: encoding detected, invalid plots repaired, duplicates skipped. The sample
county's layers are assigned to their roles (townships and villages, 地类图斑, 永久基本农田,
批准用地, 设施农用地 filings) and the desk comparison (内业比对) of every plot is stored, so
that the case panel shows each plot's breakdown and suggested determination at once. A week
of patrols, a stop and a notification are added (``demo_patrols``) for the patrol panels.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.devpath import link_plugin  # noqa: E402

link_plugin()

BATCH_NAME = "2026年第1批部卫片"
# Received ten days ago, whenever the demo is built: the 20-day determination deadline is
# then running, as in a station's real week, not long overdue.
RECEIVED = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
# role → (table of the sample's county.gpkg, the role's fields)
ROLES = {
    "township": ("xzq_township", {"name": "XZQMC"}),
    "village": ("xzq_village", {"name": "XZQMC"}),
    "landuse": ("dltb", {"code": "DLBM", "name": "DLMC"}),
    "farmland": ("yjjbnt", {"number": "BHTBBH"}),
    "approval": ("pzyd", {"number": "PZWH", "name": "XMMC", "date": "PZRQ"}),
    "facility": ("ssnyd", {"number": "SBBH", "filed_area": "BAMJ", "name": "YDMC"}),
}


def build(sample: Path, target) -> dict:
    """Create ``target`` (a file, or an empty PostgreSQL database) and import the sample
    batch; QGIS reads the shapefile, so a QgsApplication must exist (``main`` makes one when
    run as a script)."""
    from landcase.cases import CaseStore, targets
    from landcase.cases.field_mapping import fields_signature, suggest_mapping
    from landcase.cases.intake import import_batch
    from landcase.layers.admin_lookup import AdminIndex
    from landcase.layers.role_layers import RoleLayers
    from landcase.layers.source_reader import open_source, read_rows
    from tools.demo_patrols import add_patrol_demo

    on_server = targets.is_postgres(str(target))
    if not on_server:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    store = CaseStore.create(str(target), 4549, overwrite=True, user="demo")
    county = sample / "county.gpkg"
    for role, (table, fields) in ROLES.items():
        store.set_layer_role(role, f"{county}|layername={table}", "ogr", fields)
    try:
        opened = open_source(str(sample / "batch" / "wpzf_2026_01.shp"))
        names, rows = read_rows(opened.layer, store.srid)
        admin = AdminIndex.from_store(store)  # 乡镇 and 村 from their layers, as the dock does
        report = import_batch(
            store,
            rows,
            suggest_mapping(names),
            BATCH_NAME,
            opened.name,
            received_date=RECEIVED,
            fields_signature=fields_signature(names),
            report_folder=store.path.parent / "import_reports",
            locate=admin.names_at if admin else None,
        )
        layers = RoleLayers(store, use_project_layers=False)
        try:
            if layers.problems:  # a role left out would make a misleading demo
                raise RuntimeError("; ".join(problem.text() for problem in layers.problems))
            overlay = layers.overlay_store()
        finally:
            layers.close()
        add_patrol_demo(store, county)
    finally:
        store.close()
    return {
        "plots": report.imported,
        "rows": report.rows,
        "report": report.report_file,
        "compared": len(overlay.plot_ids),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path)
    parser.add_argument(
        "target", help="a .sqlite path, or a postgresql:// URI of an empty database"
    )
    arguments = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    summary = build(arguments.sample, arguments.target)
    print(
        f"{arguments.target}: {summary['plots']} of {summary['rows']} rows imported, "
        f"{summary['compared']} compared with the role layers; report {summary['report']}"
    )
    app.exitQgis()


if __name__ == "__main__":
    main()
