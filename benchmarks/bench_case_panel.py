"""Benchmark of the case panel with 50,000 plots.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_case_panel.py

Builds a real case database through the store (townships, villages, statuses,
determinations and deadlines varied), opens it in the case dock inside an offscreen
QgsApplication, and times the store query, opening, sorting by each column, each filter
and the search. Each figure is the median of 5 runs; the script exits with status 1 when
one exceeds the budget (0.5 s).

Options: ``--plots N`` (default 50000), ``--database PATH`` to keep the database and
reuse it on the next run (it is built when missing), ``--budget SECONDS``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RUNS = 5
BUDGET_S = 0.5
SRID = 4549
ORIGIN = (500_000.0, 3_400_000.0)  # inside EPSG:4549, CM 120E
TOWNSHIPS = [
    f"{name}镇" for name in "青山 白水 东岗 西岭 南湖 北塘 石桥 柳林 枫港 梅岭 桃源 竹园".split()
]
VILLAGES_PER_TOWNSHIP = 25
DETERMINATIONS = ("违法", "合法", "其他", "伪变化", "设施农用地")


def _link_plugin() -> None:
    """Import the plugin as ``landcase``, as QGIS does (tools/devpath.py)."""
    sys.path.insert(0, str(ROOT))
    from tools.devpath import link_plugin

    link_plugin()


# -- the database ------------------------------------------------------------------------


def build_database(path: Path, plots: int, seed: int = 7) -> None:
    """``plots`` plots in four batches received at different dates (deadlines past, near
    and far), with varied places, statuses, determinations and rectification tasks."""
    import shapely

    from landcase.cases import CaseStore, NewPlot
    from landcase.cases.codes import CASE_STATUSES

    rng = random.Random(seed)
    today = datetime.date.today()
    store = CaseStore.create(path, SRID, overwrite=True, user="benchmark")
    try:
        batches = [
            store.add_batch(
                f"2026年第{number}批部卫片",
                received_date=(today - datetime.timedelta(days=ago)).isoformat(),
            )
            for number, ago in enumerate((40, 22, 15, 3), start=1)
        ]
        per_batch = -(-plots // len(batches))
        side = int(plots**0.5) + 1
        number = 0
        for batch in batches:
            new = []
            for _ in range(min(per_batch, plots - number)):
                row, column = divmod(number, side)
                x, y = ORIGIN[0] + column * 120.0, ORIGIN[1] + row * 120.0
                size = rng.uniform(8.0, 90.0)
                township = rng.randrange(len(TOWNSHIPS))
                new.append(
                    NewPlot(
                        jcbh=f"3201002026{number:07d}",
                        geometry=shapely.box(x, y, x + size, y + size * rng.uniform(0.5, 1.5)),
                        township=TOWNSHIPS[township],
                        village=f"{TOWNSHIPS[township][:2]}{rng.randrange(VILLAGES_PER_TOWNSHIP) + 1}村",
                    )
                )
                number += 1
            store.add_plots(new, batch)

        statuses = [
            (rng.choices(CASE_STATUSES, weights=(40, 15, 10, 5, 5, 10, 5, 5, 2, 3))[0],)
            for _ in range(plots)
        ]
        with store.transaction() as db:
            ids = [row[0] for row in db.execute("SELECT id FROM case_record ORDER BY id")]
            db.executemany(
                "UPDATE case_record SET status = ? WHERE id = ?",
                [(status, case_id) for (status,), case_id in zip(statuses, ids)],
            )
            determined = [
                (case_id, rng.choice(DETERMINATIONS))
                for (status,), case_id in zip(statuses, ids)
                if status not in ("待核查", "已核查")
            ]
            db.executemany(
                "INSERT INTO determination (case_id, category) VALUES (?, ?)", determined
            )
            rectifying = [
                (case_id, (today - datetime.timedelta(days=rng.randrange(0, 80))).isoformat())
                for (status,), case_id in zip(statuses, ids)
                if status in ("已立案", "已移交", "整改中")
            ]
            db.executemany(
                "INSERT INTO rectification (case_id, task_listed_on) VALUES (?, ?)", rectifying
            )
    finally:
        store.close()


# -- timing ------------------------------------------------------------------------------


class _Iface:
    """What the dock asks of QGIS's iface: the map canvas."""

    def __init__(self):
        from qgis.gui import QgsMapCanvas

        self._canvas = QgsMapCanvas()

    def mapCanvas(self):
        return self._canvas


def _median(action, prepare=None, runs: int = RUNS) -> float:
    from qgis.PyQt.QtWidgets import QApplication

    times = []
    for run in range(runs):
        if prepare is not None:
            prepare(run)
            QApplication.processEvents()
        start = time.perf_counter()
        action(run)
        QApplication.processEvents()  # the table repaints what changed
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_benchmarks(path: Path) -> list[tuple[str, float, str]]:
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QApplication

    from landcase.cases import CaseStore
    from landcase.forms.case_dock import CaseDock

    store = CaseStore.open(path, user="benchmark")
    results: list[tuple[str, float, str]] = []

    def record(name, seconds, shown=""):
        results.append((name, seconds, str(shown)))
        print(f"  {name:<42} {seconds * 1000:8.1f} ms  {shown}", flush=True)

    rows = store.list_plots()
    record("store.list_plots()", _median(lambda _run: store.list_plots()), len(rows))

    iface = _Iface()
    dock = CaseDock(iface)
    dock.resize(520, 900)
    dock.show()
    # Opening runs the store's query, then fills the panel: time both, and the panel's
    # share per run (the store's query is timed inside each run).
    query_times: list[float] = []
    list_plots = store.list_plots

    def timed_list_plots(today=None):
        start = time.perf_counter()
        result = list_plots(today=today)
        query_times.append(time.perf_counter() - start)
        return result

    store.list_plots = timed_list_plots
    opening = []

    def open_once(_run):
        start = time.perf_counter()
        dock.set_store(store, None)
        QApplication.processEvents()
        opening.append(time.perf_counter() - start)

    record("open: CaseDock.set_store (query + panel)", _median(open_once), dock.plot_count())
    record(
        "open: panel share (set_store - query)",
        statistics.median(total - query for total, query in zip(opening, query_times)),
    )
    store.list_plots = list_plots
    record(
        "model reset: model.set_rows",
        _median(lambda _run: dock.model.set_rows(rows)),
        dock.plot_count(),
    )
    record("reload (query + panel)", _median(lambda _run: dock.reload()))

    orders = (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder)
    for column in range(dock.model.columnCount()):
        title = dock.model.headerData(column, Qt.Orientation.Horizontal)
        record(
            f"sort by column {column} ({title})",
            _median(lambda run, c=column: dock.table.sortByColumn(c, orders[run % 2])),
        )
    dock.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def choose(combo, place):
        return lambda _run: combo.setCurrentIndex(place)

    def back_to_all(combo):
        return lambda _run: combo.setCurrentIndex(0)

    for name, combo in dock._combos().items():
        place = 1 if name != "status" else min(2, combo.count() - 1)
        record(
            f"filter: {name} = {combo.itemText(place)}",
            _median(choose(combo, place), prepare=back_to_all(combo)),
            dock.plot_count(),
        )
        record(
            f"filter: {name} back to All",
            _median(back_to_all(combo), prepare=choose(combo, place)),
            dock.plot_count(),
        )
    for label, box in (("overdue only", dock.overdue_only), ("due within 7 days", dock.due_soon)):
        record(
            f"filter: {label}",
            _median(
                lambda _run, b=box: b.setChecked(True),
                prepare=lambda _run, b=box: b.setChecked(False),
            ),
            dock.plot_count(),
        )
        record(
            f"filter: {label} off",
            _median(
                lambda _run, b=box: b.setChecked(False),
                prepare=lambda _run, b=box: b.setChecked(True),
            ),
            dock.plot_count(),
        )
    dock.township_filter.setCurrentIndex(1)
    dock.status_filter.setCurrentIndex(1)
    record(
        "filter: overdue within township + status",
        _median(
            lambda _run: dock.overdue_only.setChecked(True),
            prepare=lambda _run: dock.overdue_only.setChecked(False),
        ),
        dock.plot_count(),
    )
    dock._clear_filters()

    for text in ("青山", "3201002026001", "白水7村", "no such plot"):
        record(
            f"search: {text}",
            _median(
                lambda _run, t=text: dock.search.setText(t),
                prepare=lambda _run: dock.search.clear(),
            ),
            dock.plot_count(),
        )
    record(
        "search: cleared",
        _median(lambda _run: dock.search.clear(), prepare=lambda _run: dock.search.setText("青山")),
        dock.plot_count(),
    )
    dock.search.setText("青山")
    record(
        "sort by days left while searching",
        _median(lambda run: dock.table.sortByColumn(7, orders[run % 2])),
        dock.plot_count(),
    )
    dock.search.clear()

    def set_several(_run):
        dock.township_filter.setCurrentIndex(1)
        dock.overdue_only.setChecked(True)
        dock.search.setText("村")

    record(
        "clear filters (township + overdue + search)",
        _median(lambda _run: dock.clear_filters.click(), prepare=set_several),
        dock.plot_count(),
    )

    dock.set_store(None, None)
    dock.close()
    dock.deleteLater()
    iface.mapCanvas().deleteLater()
    store.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plots", type=int, default=50_000)
    parser.add_argument("--database", type=Path, help="keep the database here and reuse it")
    parser.add_argument("--budget", type=float, default=BUDGET_S, help="seconds per step")
    arguments = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _link_plugin()
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import qInstallMessageHandler

    def quiet(_mode, _context, message):  # the offscreen platform's chatter
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QgsApplication([], True)
    app.initQgis()
    with tempfile.TemporaryDirectory(prefix="landcase-bench-") as folder:
        path = arguments.database or Path(folder) / "bench.sqlite"
        if not path.exists():
            print(f"Building {path} with {arguments.plots} plots…", flush=True)
            start = time.perf_counter()
            path.parent.mkdir(parents=True, exist_ok=True)
            build_database(path, arguments.plots)
            print(f"  built in {time.perf_counter() - start:.1f} s", flush=True)
        print(f"Case panel, median of {RUNS} runs (budget {arguments.budget:.2f} s):")
        results = run_benchmarks(path)
    slow = [(name, seconds) for name, seconds, _shown in results if seconds > arguments.budget]
    worst = max(results, key=lambda result: result[1])
    print(f"Slowest: {worst[0]} {worst[1] * 1000:.1f} ms")
    if slow:
        print("Over budget:")
        for name, seconds in slow:
            print(f"  {name}: {seconds:.3f} s")
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.exitQgis()
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
