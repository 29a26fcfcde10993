"""Printing verification reports: one report with its three maps, and a 200-plot batch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_reports.py [--plots 200]

Builds the demo database from the small sample county (tools/build_demo.py), assigns the
land-use and township layers and the sample's land use as a stand-in for the 前时相 and
后时相 images (so that all three maps are drawn), then times print_documents.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tools.devpath import link_plugin  # noqa: E402

link_plugin()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plots", type=int, default=200)
    arguments = parser.parse_args()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from landcase.cases import CaseStore
    from landcase.plugin.printing import VERIFICATION, print_documents
    from tools.build_demo import build
    from tools.sample_county import generate

    work = Path(tempfile.mkdtemp(prefix="landcase-bench-reports-"))
    try:
        generate(work / "sample", size="small", seed=42)
        database = work / "demo.sqlite"
        build(work / "sample", database)
        store = CaseStore.open(database)
        county = work / "sample" / "county.gpkg"
        store.set_layer_role(
            "landuse", f"{county}|layername=dltb", "ogr", {"code": "DLBM", "name": "DLMC"}
        )
        # No imagery ships with the sample: a rasterised land use stands in for both images.
        raster = work / "landuse.tif"
        from osgeo import gdal

        gdal.Rasterize(
            str(raster),
            str(county),
            layers=["dltb"],
            xRes=2,
            yRes=2,
            burnValues=[120],
            outputType=gdal.GDT_Byte,
        )
        store.set_layer_role("raster_before", str(raster), "gdal")
        store.set_layer_role("raster_after", str(raster), "gdal")
        plot_ids = [row.plot_id for row in store.list_plots()][: arguments.plots]

        single = []
        for run in range(3):
            out = work / f"single{run}"
            start = time.perf_counter()
            print_documents(store, plot_ids[:1], VERIFICATION, out)
            single.append(time.perf_counter() - start)
        start = time.perf_counter()
        printed = print_documents(store, plot_ids, VERIFICATION, work / "batch")
        batch = time.perf_counter() - start
        start = time.perf_counter()
        again = print_documents(store, plot_ids, VERIFICATION, work / "batch")
        unchanged = time.perf_counter() - start
        store.close()
        assert all(p.built for p in printed) and not any(p.built for p in again)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print("Verification reports (核查报告) with location, 前时相 and 后时相 maps")
        print(f"  one report (median of 3, incl. maps)   {sorted(single)[1]:.2f} s")
        print(
            f"  {len(plot_ids)} reports                         {batch:.1f} s "
            f"({batch / len(plot_ids):.2f} s each)"
        )
        print(f"  {len(plot_ids)} again, nothing changed          {unchanged:.1f} s (files kept)")
        print(f"  peak memory                           {peak:.0f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        app.exitQgis()


if __name__ == "__main__":
    main()
