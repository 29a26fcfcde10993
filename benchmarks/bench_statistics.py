"""Benchmark of the monthly figures (cases/statistics.py) with 100,000 plots.

    .venv/bin/python benchmarks/bench_statistics.py

Builds a synthetic case database quickly (plain SQL with ``executemany`` inside one
``store.transaction()``: batches, plots with their cases, verifications, determinations,
rectifications, close-outs and overlay rows), then times ``statistics.compute`` for a
month, for the whole year and for one batch, and the Excel workbook of the month. Each
figure is the median of 5 runs; the script exits with status 1 when ``compute`` for the
year exceeds the budget (1.5 s: "about a second").

Options: ``--plots N`` (default 100000), ``--database PATH`` keeps the database and reuses
it on the next run (built when missing), ``--budget SECONDS``, ``--runs N``.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SRID = 4549
ORIGIN = (500_000.0, 3_400_000.0)  # inside EPSG:4549, CM 120E
COUNTY = "320123"
TOWNSHIPS = [
    f"{name}镇"
    for name in (
        "青山 白水 东岗 西岭 南湖 北塘 石桥 柳林 枫港 梅岭 桃源 竹园 "
        "杏花 松涛 龙泉 凤鸣 金沙 玉带 银杏 云台"
    ).split()
]
VILLAGES_PER_TOWNSHIP = 20
YEAR = 2026
BUDGET_S = 1.5
RUNS = 5


def _link_plugin() -> None:
    """Import the plugin as ``landcase``, as QGIS does (tools/devpath.py)."""
    sys.path.insert(0, str(ROOT))
    from tools.devpath import link_plugin

    link_plugin()


# -- the database ------------------------------------------------------------------------


def build_database(path: Path, plots: int, seed: int = 11) -> float:
    """A year of 卫片 work: twelve monthly batches (90 % of the plots) and patrol plots,
    every case somewhere along the workflow. Returns the seconds it took."""
    from landcase.cases import CaseStore

    started = time.perf_counter()
    rng = random.Random(seed)
    store = CaseStore.create(path, SRID, overwrite=True, user="benchmark")
    side = int(plots**0.5) + 1
    try:
        with store.transaction() as db:
            db.executemany(
                "INSERT INTO batch (id, name, source, received_date) VALUES (?, ?, '部卫片', ?)",
                [(m, f"{YEAR}年第{m}批部卫片", f"{YEAR}-{m:02d}-05") for m in range(1, 13)],
            )
            plot_rows, case_rows, verifications, determinations = [], [], [], []
            rectifications, closeouts, overlays = [], [], []
            for number in range(1, plots + 1):
                row, column = divmod(number, side)
                x, y = ORIGIN[0] + column * 120.0, ORIGIN[1] + row * 120.0
                size = rng.uniform(10.0, 90.0)
                town = rng.randrange(len(TOWNSHIPS))
                village = f"{TOWNSHIPS[town][:2]}{rng.randrange(VILLAGES_PER_TOWNSHIP) + 1}村"
                month = rng.randrange(1, 13)
                patrol = rng.random() < 0.1
                plot_rows.append(
                    (
                        number,
                        None if patrol else month,
                        f"{COUNTY}{YEAR}{number:07d}",
                        f"{COUNTY}{101 + town:03d}",
                        TOWNSHIPS[town],
                        "属地巡查" if patrol else "部卫片",
                        f"{YEAR}-{month:02d}-{rng.randrange(1, 28):02d}" if patrol else None,
                        TOWNSHIPS[town],
                        village,
                        x,
                        y,
                        x + size,
                        y + size,
                    )
                )
                area = size * size
                crop = area * rng.choice((0.0, 0.3, 0.7, 1.0))
                overlays.append((number, "plot", None, area * 1.0004))
                overlays.append((number, "landuse", None, area * 1.0004))  # 耕地 compared
                if crop:
                    overlays.append((number, "cropland", "耕地", crop))
                if rng.random() < 0.2:
                    overlays.append((number, "farmland", None, crop * 0.5))
                status, category = _case(rng)
                filed = category == "违法" and status != "已判定" and rng.random() < 0.7
                referred = category == "违法" and status != "已判定" and not filed
                case_rows.append(
                    (
                        number,
                        number,
                        status,
                        f"立案{number}" if filed else None,
                        f"{YEAR}-{month:02d}-20" if filed else None,
                        "农业农村" if referred else None,
                        f"{YEAR}-{month:02d}-20" if referred else None,
                        f"{YEAR}-{month:02d}-27" if referred else None,
                    )
                )
                if status != "待核查":
                    use = rng.choice(("厂房", "住宅", "果园", "鱼塘", "堆放", "道路"))
                    verifications.append(
                        (number, "已建成", use, "核查员", f"{YEAR}-{month:02d}-10")
                    )
                if category:
                    determinations.append(
                        (
                            number,
                            category,
                            _subtype(rng, category),
                            rng.choice(("新增", "存量")) if category == "违法" else None,
                        )
                    )
                if status in ("整改中", "待复核", "已销号", "事后巡查"):
                    done = status != "整改中"
                    rectifications.append(
                        (
                            number,
                            "拆除复耕",
                            f"{YEAR}-{month:02d}-25",
                            "整改到位" if done else None,
                            f"{YEAR + (month > 9)}-{(month + 2) % 12 + 1:02d}-10" if done else None,
                        )
                    )
                if status in ("已销号", "事后巡查"):
                    closeouts.append((number, f"{YEAR + (month > 9)}-12-15", "验收员"))
            db.executemany(
                """INSERT INTO plot (id, batch_id, jcbh, xzqdm, xzqmc, clue_source, found_date,
                       township, village, geom)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CastToMulti(BuildMbr(?, ?, ?, ?, 4549)))""",
                plot_rows,
            )
            db.executemany(
                """INSERT INTO case_record (id, plot_id, status, filing_number, filed_on,
                       handling_department, referred_on, reply_due)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                case_rows,
            )
            db.executemany(
                """INSERT INTO verification (case_id, site_status, actual_use, verifier,
                       verified_on) VALUES (?, ?, ?, ?, ?)""",
                verifications,
            )
            db.executemany(
                """INSERT INTO determination (case_id, category, subtype, new_or_existing)
                   VALUES (?, ?, ?, ?)""",
                determinations,
            )
            db.executemany(
                """INSERT INTO rectification (case_id, measures, task_listed_on,
                       reinspection_result, reinspected_on) VALUES (?, ?, ?, ?, ?)""",
                rectifications,
            )
            db.executemany(
                "INSERT INTO closeout (case_id, closed_on, closed_by) VALUES (?, ?, ?)", closeouts
            )
            db.executemany(
                """INSERT INTO overlay (plot_id, role, class_code, area_planar_m2,
                       area_ellipsoidal_m2) VALUES (?, ?, ?, ?, ?)""",
                [(p, role, code, area, area) for p, role, code, area in overlays],
            )
            # the plots' stored areas (schema v5), as the store computes them at import
            db.execute(
                """UPDATE plot SET (area_planar_m2, area_ellipsoidal_m2) = (
                       SELECT area_planar_m2, area_ellipsoidal_m2 FROM overlay
                       WHERE plot_id = plot.id AND role = 'plot')"""
            )
    finally:
        store.close()
    return time.perf_counter() - started


_STATUSES = (
    ("待核查", None),
    ("已核查", None),
    ("已判定", "违法"),
    ("已办结", "合法"),
    ("已办结", "其他"),
    ("已办结", "伪变化"),
    ("已办结", "设施农用地"),
    ("已办结", "农村道路"),
    ("已立案", "违法"),
    ("整改中", "违法"),
    ("待复核", "违法"),
    ("已销号", "违法"),
    ("事后巡查", "违法"),
)
_WEIGHTS = (10, 8, 5, 20, 8, 5, 4, 2, 8, 12, 5, 10, 3)


def _case(rng: random.Random) -> tuple[str, str | None]:
    return rng.choices(_STATUSES, weights=_WEIGHTS)[0]


def _subtype(rng: random.Random, category: str) -> str | None:
    return {
        "合法": "批文",
        "违法": rng.choice(("工矿商服", "民生公益", "道路交通", "圈占堆放等")),
        "其他": rng.choice(("农村宅基地", "灾毁地块", "电力设施")),
    }.get(category)


# -- timing ------------------------------------------------------------------------------


def _median(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plots", type=int, default=100_000)
    parser.add_argument("--database", type=Path)
    parser.add_argument("--budget", type=float, default=BUDGET_S)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    _link_plugin()
    from landcase.cases import CaseStore
    from landcase.cases import statistics as stats
    from landcase.cases.excel_export import write_statistics_workbook

    folder = Path(tempfile.mkdtemp(prefix="landcase-bench-statistics-"))
    path = args.database or folder / "statistics.sqlite"
    if not path.exists():
        print(f"building {args.plots:,} plots in {path} …", flush=True)
        print(f"  built in {build_database(path, args.plots):.1f} s", flush=True)
    store = CaseStore.open(path, user="benchmark")
    today = datetime.date(YEAR, 12, 20)
    failed = False
    try:
        plots = store.plot_count()
        print(f"{plots:,} plots; figures as of {today}", flush=True)
        month = stats.compute(store, f"{YEAR}-06", today=today)
        year = stats.compute(store, str(YEAR), today=today)
        print(
            f"  month: {month.plots:,} plots, year: {year.plots:,} plots, "
            f"{len(year['township']) - 1} townships, {len(year['village']) - 1} villages",
            flush=True,
        )
        results = []
        for name, action in (
            ("compute: month (YYYY-MM)", lambda: stats.compute(store, f"{YEAR}-06", today=today)),
            ("compute: year (YYYY)", lambda: stats.compute(store, str(YEAR), today=today)),
            (
                "compute: one batch in the year",
                lambda: stats.compute(store, str(YEAR), batch=f"{YEAR}年第6批部卫片", today=today),
            ),
            (
                "load_plots: the year's query + terms",
                lambda: stats.load_plots(
                    store, datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)
                ),
            ),
            (
                "Excel workbook of the year (openpyxl)",
                lambda: write_statistics_workbook(year, folder / "year.xlsx"),
            ),
        ):
            seconds = _median(action, args.runs)
            results.append((name, seconds))
            print(f"  {name:<40} {seconds * 1000:8.0f} ms", flush=True)
        yearly = dict(results)["compute: year (YYYY)"]
        if yearly > args.budget:
            print(f"over budget: {yearly:.2f} s > {args.budget:.2f} s")
            failed = True
    finally:
        store.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
