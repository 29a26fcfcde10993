"""Reading the land use near the plots from a GeoPackage: row by row, or in one row.

    .venv/bin/python benchmarks/bench_gpkg_read.py [--boxes N]

Reads the county sample's land-use features (dltb, 200,000 polygons in county.gpkg) whose
R*-tree box meets one of the 卫片 batch's plot boxes (the sample of bench_overlay.py,
generated into build/bench-sample-county/ when missing), two ways:

- row by row: one ``sqlite3_step`` per feature (Python's sqlite3 lets go of the GIL inside
  each step and takes it back after it);
- in one row: ``layers/gpkg_reader.read_near``, the aggregated query the overlay uses.

Each is timed alone and beside a thread doing plain Python work (as the overlay's compute
threads and QGIS's own Python do between their GEOS calls). Beside such a thread, every
return from a step may wait up to the switch interval (5 ms) for the GIL. The row-by-row
read beside the busy thread uses the first ``--boxes`` boxes only (default 300): with all
of them it takes minutes. Prints the times; exits 1 when the two ways read different
features.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "build" / "bench-sample-county"


def plot_bounds():
    import numpy as np
    import shapely
    from osgeo import ogr

    ogr.UseExceptions()
    source = ogr.Open(str(SAMPLE / "batch" / "wpzf_2026_01.shp"))
    layer = source.GetLayer(0)
    wkbs = [bytes(f.GetGeometryRef().ExportToWkb()) for f in layer]
    return np.asarray(shapely.bounds(shapely.from_wkb(wkbs)))


def read_rows(path, bounds):
    from landcase.layers.gpkg_reader import connect_read_only

    connection = connect_read_only(path)
    try:
        connection.execute("CREATE TEMP TABLE boxes (minx REAL, maxx REAL, miny REAL, maxy REAL)")
        connection.executemany(
            "INSERT INTO temp.boxes VALUES (?, ?, ?, ?)", bounds[:, [0, 2, 1, 3]].tolist()
        )
        rows = connection.execute(
            "SELECT fid, geom, DLBM, DLMC, TBMJ FROM dltb WHERE fid IN (SELECT r.id FROM temp.boxes "
            "AS b CROSS JOIN rtree_dltb_geom AS r WHERE r.minx <= b.maxx AND r.maxx >= b.minx "
            "AND r.miny <= b.maxy AND r.maxy >= b.miny)"
        ).fetchall()
    finally:
        connection.close()
    # what the overlay gets: the WKB after the GeoPackage header (these blobs carry an xy
    # envelope, 32 bytes) and the values
    return {row[0]: (bytes(row[1][8 + 32 :]), *row[2:]) for row in rows}


def read_one_row(path, bounds):
    from landcase.layers.gpkg_reader import read_near

    ids, wkbs, values = read_near(
        path, "dltb", "geom", "fid", "rtree_dltb_geom", ["DLBM", "DLMC", "TBMJ"], bounds
    )
    return {
        fid: (wkb, *(column[i] for column in values)) for i, (fid, wkb) in enumerate(zip(ids, wkbs))
    }


def timed(function, busy: bool):
    stop = threading.Event()

    def python_work():
        total = 0
        while not stop.is_set():
            total += sum(range(100))

    worker = threading.Thread(target=python_work) if busy else None
    if worker:
        worker.start()
    try:
        start = time.perf_counter()
        value = function()
        return time.perf_counter() - start, value
    finally:
        stop.set()
        if worker:
            worker.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boxes", type=int, default=300)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tools.devpath import link_plugin

    link_plugin()
    if not (SAMPLE / "county.gpkg").exists():
        from tools.sample_county import generate

        print(f"Generating the county sample in {SAMPLE} (about 15 s)…", flush=True)
        generate(SAMPLE, size="county", seed=42)
    path = SAMPLE / "county.gpkg"
    bounds = plot_bounds()
    few = bounds[: args.boxes]
    print(f"Land use near {len(bounds)} plot boxes (county sample, {path.name})")
    read_one_row(path, bounds)  # untimed: the file in the page cache for both ways
    failed = False
    for label, boxes in ((f"all {len(bounds)} boxes", bounds), (f"{len(few)} boxes", few)):
        rows_alone, by_rows = timed(lambda b=boxes: read_rows(path, b), busy=False)
        one_alone, by_one = timed(lambda b=boxes: read_one_row(path, b), busy=False)
        one_busy, _ = timed(lambda b=boxes: read_one_row(path, b), busy=True)
        print(f"  {label}: {len(by_one)} features")
        print(f"    row by row, alone                  {rows_alone * 1000:9.1f} ms")
        if boxes is few:
            rows_busy, _ = timed(lambda b=boxes: read_rows(path, b), busy=True)
            print(f"    row by row, beside Python work     {rows_busy * 1000:9.1f} ms")
        print(f"    one row (gpkg_reader), alone       {one_alone * 1000:9.1f} ms")
        print(f"    one row (gpkg_reader), beside work {one_busy * 1000:9.1f} ms")
        if by_rows != by_one:
            print("    the two ways read different features, geometries or values")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
