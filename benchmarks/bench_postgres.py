"""The PostgreSQL/PostGIS backend beside SpatiaLite, in the same run, on the same data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_postgres.py

The county: the 100,000 plots of bench_statistics.py (its builder, a SpatiaLite file), and
the same rows copied through the store into a PostgreSQL database of the local cluster
(``tools/pg_cluster.py``, started when it is not running) in transactions of 2,000 rows,
then ``VACUUM ANALYZE``. Timed on both, the backends taking turns in every run (median of
``--runs``): the case panel (``store.list_plots()`` and ``CaseDock.set_store`` in an
offscreen QgsApplication), a month's and the year's statistics and their query, importing
the county-size 5,053-plot batch of bench_import.py into a fresh database (the plugin's
``import_layer``, and ``store.register_batch`` alone), and the county's overlay of
bench_overlay.py (cold ``RoleLayers.overlay`` and storing its rows). Then ten clients
(bench_postgres_clients.py) work for ``--seconds`` on a copy of the county, on each
backend; their throughput, latency, errors and the checks after them are printed.

Options: ``--plots N`` (default 100000), ``--database PATH`` keeps the SpatiaLite county,
``--pg-database NAME`` keeps the PostgreSQL county on the cluster (each built when
missing), ``--server URI`` another server (a database there is created from template
``landcase_template``, which must have PostGIS), ``--runs N`` (default 5), ``--seconds S``
(default 60), ``--clients N`` (default 10), ``--shared`` (all clients on one township, so
that they meet on the same cases), ``--no-qgis`` (skips the panel, import and overlay),
``--no-load``, ``--race N`` (rounds of two clients revising one case at the same moment,
default 50; 0 skips), ``--json PATH`` (the figures). Exits with status 1 when a check after the
load fails (a lost write, a write not reported, a broken audit chain, a deadlock or a
crash reaching a client; a determination revised twice in the race).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import bench_postgres_clients as load
import bench_statistics as county

ROOT = Path(__file__).resolve().parent.parent
SRID = county.SRID
COPIED_TABLES = (
    "batch", "plot", "case_record", "verification", "determination", "rectification",
    "closeout", "overlay",
)  # fmt: skip
CHUNK = 2_000  # rows per transaction when copying (see the README: one long one is slow)
BACKENDS = ("SpatiaLite", "PostgreSQL")
TEMPLATE = "landcase_template"


# -- the PostgreSQL server ---------------------------------------------------------------


def _admin(server: str):
    import psycopg

    return psycopg.connect(server, autocommit=True)


def database_uri(server: str, name: str) -> str:
    return server.rsplit("/", 1)[0] + "/" + name


def database_exists(server: str, name: str) -> bool:
    with _admin(server) as admin:
        return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()


def create_database(server: str, name: str, template: str = TEMPLATE) -> str:
    with _admin(server) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return database_uri(server, name)


def drop_database(server: str, name: str) -> None:
    with _admin(server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- the county on both backends ---------------------------------------------------------


def copy_county(source_path: Path, uri: str) -> dict:
    """The SpatiaLite county's rows, ids kept, into a new case database at ``uri``."""
    from landcase.cases import CaseStore, catalog

    started = time.perf_counter()
    source = CaseStore.open(source_path, user="benchmark")
    store = CaseStore.create(uri, SRID, user="benchmark")
    counts = {}
    try:
        for table in COPIED_TABLES:
            geometry = catalog.geometry_columns(source._db, table)
            wanted = set(catalog.columns(store._db, table))
            columns = [c for c in catalog.columns(source._db, table) if c in wanted]
            selected = ", ".join(f"AsBinary({c})" if c in geometry else c for c in columns)
            values = ", ".join(f"GeomFromWKB(?, {SRID})" if c in geometry else "?" for c in columns)
            rows = source._db.execute(f"SELECT {selected} FROM {table} ORDER BY rowid").fetchall()
            insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({values})"
            for start in range(0, len(rows), CHUNK):
                with store.transaction() as db:
                    db.executemany(insert, [tuple(row) for row in rows[start : start + CHUNK]])
            if "id" in columns:  # the identity continues after the copied ids
                store._db.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            copied = store._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            if copied != len(rows):
                raise RuntimeError(f"{table}: {copied} rows copied of {len(rows)}")
            counts[table] = copied
        with store.transaction() as db:
            catalog.upsert_meta(db, "benchmark_county", str(counts["plot"]))
        store._db.execute("VACUUM ANALYZE")
    finally:
        store.close()
        source.close()
    return {"seconds": time.perf_counter() - started, "rows": counts}


def ensure_counties(args, server: str, folder: Path) -> tuple[dict, dict]:
    """{backend: target} and what building them took."""
    from landcase.cases import CaseStore

    built = {}
    path = args.database or folder / "county.sqlite"
    if not path.exists():
        print(f"building {args.plots:,} plots in {path} (bench_statistics) …", flush=True)
        built["SpatiaLite"] = county.build_database(path, args.plots)
    name = args.pg_database or f"bench_county_{uuid.uuid4().hex[:8]}"
    uri = database_uri(server, name)
    complete = False
    if database_exists(server, name):
        try:
            with CaseStore.open(uri, user="benchmark") as store:
                complete = store._meta("benchmark_county") is not None
        except Exception:  # half built, or not a case database: built again
            complete = False
        if not complete:
            drop_database(server, name)
    if not complete:
        print(f"copying the county into PostgreSQL database {name} …", flush=True)
        create_database(server, name)
        copy = copy_county(path, uri)
        built["PostgreSQL"] = copy["seconds"]
        print(f"  copied in {copy['seconds']:.1f} s: {copy['rows']}", flush=True)
    return {"SpatiaLite": path, "PostgreSQL": uri}, built


# -- timing ----------------------------------------------------------------------------


class Results:
    def __init__(self, runs: int):
        self.runs = runs
        self.rows: list[tuple[str, dict, str]] = []
        self.loads: dict[str, str] = {}  # the machine's load average after each step

    def turns(self, name: str, actions: dict, note: str = "", prepare=None) -> dict:
        """Median seconds of each backend's action, the backends taking turns each run.
        ``prepare(backend, run)`` returns the action's argument (not timed)."""
        times = {backend: [] for backend in actions}
        for run in range(self.runs):
            for backend, action in actions.items():
                argument = prepare(backend, run) if prepare else None
                start = time.perf_counter()
                action(argument) if prepare else action()
                times[backend].append(time.perf_counter() - start)
        medians = {backend: statistics.median(values) for backend, values in times.items()}
        self.add(name, medians, note)
        return medians

    def note_last(self, note: str) -> None:
        name, seconds, _note = self.rows[-1]
        self.rows[-1] = (name, seconds, note)

    def add(self, name: str, seconds: dict, note: str = "") -> None:
        self.rows.append((name, seconds, note))
        self.loads[name] = _load()
        shown = "  ".join(f"{b}: {_ms(s)}" for b, s in seconds.items())
        print(f"  {name:<52} {shown}  {note}  (load {self.loads[name]})", flush=True)


def _load() -> str:
    """The load average (1, 5, 15 min): other work on the machine shows in every figure."""
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def single_user(results: Results, targets: dict) -> None:
    import datetime

    from landcase.cases import CaseStore
    from landcase.cases import statistics as stats

    stores = {b: CaseStore.open(t, user="benchmark") for b, t in targets.items()}
    year, today = county.YEAR, datetime.date(county.YEAR, 12, 20)
    try:
        counts = {b: len(s.list_plots()) for b, s in stores.items()}
        if len(set(counts.values())) != 1:
            raise RuntimeError(f"the backends list different plots: {counts}")
        results.turns(
            "case panel: store.list_plots()",
            {b: s.list_plots for b, s in stores.items()},
            f"{counts['SpatiaLite']:,} rows",
        )
        figures = {b: stats.compute(s, str(year), today=today) for b, s in stores.items()}
        if len({f.plots for f in figures.values()}) != 1:
            raise RuntimeError("the backends give different statistics")
        for name, period in (("month", f"{year}-06"), ("year", str(year))):
            results.turns(
                f"statistics: compute, the {name}",
                {
                    b: (lambda s=s, p=period: stats.compute(s, p, today=today))
                    for b, s in stores.items()
                },
            )
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        results.turns(
            "statistics: load_plots for the year (the query)",
            {b: (lambda s=s: stats.load_plots(s, first, last)) for b, s in stores.items()},
        )
    finally:
        for store in stores.values():
            store.close()


# -- the parts that need QGIS ------------------------------------------------------------


def with_qgis(results: Results, targets: dict, server: str, folder: Path) -> None:
    import bench_case_panel
    import bench_import
    import bench_overlay
    from qgis.PyQt.QtWidgets import QApplication

    from landcase.cases import CaseStore
    from landcase.cases import overlay_store as rec
    from landcase.forms.case_dock import CaseDock
    from landcase.layers.role_layers import RoleLayers

    stores = {b: CaseStore.open(t, user="benchmark") for b, t in targets.items()}
    dock = CaseDock(bench_case_panel._Iface())
    dock.resize(520, 900)
    dock.show()

    def open_panel(store):
        dock.set_store(store, None)
        QApplication.processEvents()

    results.turns(
        "case panel: CaseDock.set_store (query + panel)",
        {b: (lambda s=s: open_panel(s)) for b, s in stores.items()},
    )
    results.note_last(f"{dock.model.rowCount():,} rows in the model")
    dock.close()
    for store in stores.values():
        store.close()

    sample = bench_import.DEFAULT_SAMPLE
    expected = bench_import.expected_plots(bench_import.ensure_sample(sample))
    shapefile = sample / "batch" / bench_import.SHAPEFILE
    fresh: dict[str, list] = {b: [] for b in BACKENDS}

    def fresh_target(backend, run):
        if backend == "SpatiaLite":
            target = folder / f"import-{run}-{len(fresh[backend])}.sqlite"
        else:
            name = f"bench_import_{uuid.uuid4().hex[:8]}"
            target = create_database(server, name)
        fresh[backend].append(target)
        return target

    def import_layer(target):
        report = bench_import._import_once(shapefile, target)[2]
        if report.imported != expected:
            raise RuntimeError(f"imported {report.imported} plots, expected {expected}")

    results.turns(
        "import 5,053 plots: open_source + import_layer",
        dict.fromkeys(BACKENDS, import_layer),
        "fresh database",
        prepare=fresh_target,
    )
    imported = {b: fresh[b][-1] for b in BACKENDS}
    plots = _prepared_plots(shapefile)
    created: dict = {}

    def make_store(backend, run):
        target = fresh_target(backend, run)
        created[backend] = CaseStore.create(target, SRID, overwrite=True, user="benchmark")
        return created[backend]

    def register(store):
        store.register_batch(bench_import.BATCH, plots, received_date=bench_import.RECEIVED)
        store.close()

    results.turns(
        "import 5,053 plots: store.register_batch alone",
        dict.fromkeys(BACKENDS, register),
        "fresh database",
        prepare=make_store,
    )

    # the overlay of the county on the last import of each backend
    county_gpkg = sample / "county.gpkg"
    stores = {b: CaseStore.open(imported[b], user="benchmark") for b in BACKENDS}
    for store in stores.values():
        for role, (table, fields) in bench_overlay.ROLES.items():
            store.set_layer_role(role, f"{county_gpkg}|layername={table}", "ogr", fields)
    outcome = {}

    def overlay(backend, store):
        ids, geometries = bench_overlay._plots(store)
        layers = RoleLayers(store)
        try:
            outcome[backend] = layers.overlay(ids, geometries, reuse=False)
        finally:
            layers.close()

    results.turns(
        "overlay of the county: plots read from the store",
        {b: (lambda s=s: bench_overlay._plots(s)) for b, s in stores.items()},
    )
    results.turns(
        "overlay of the county: cold RoleLayers.overlay",
        {b: (lambda b=b, s=s: overlay(b, s)) for b, s in stores.items()},
        "5,053 plots × dltb, yjjbnt (GeoPackage)",
    )
    rows = {b: len(r.rows) for b, r in outcome.items()}
    if len(set(rows.values())) != 1:
        raise RuntimeError(f"the overlays differ: {rows}")
    results.turns(
        "overlay of the county: storing its rows",
        {
            b: (lambda b=b, s=s: rec.save_overlay(s, outcome[b].rows, outcome[b].plot_ids))
            for b, s in stores.items()
        },
        f"{rows['SpatiaLite']:,} rows",
    )
    for store in stores.values():
        store.close()
    for target in fresh["PostgreSQL"]:
        drop_database(server, target.rsplit("/", 1)[1])


def _prepared_plots(shapefile: Path) -> list:
    from landcase.cases.field_mapping import suggest_mapping
    from landcase.cases.intake import prepare
    from landcase.layers.source_reader import open_source, read_rows

    names, rows = read_rows(open_source(str(shapefile)).layer, SRID)
    return [plot for _row, plot in prepare(rows, suggest_mapping(names), set(), "bench")[0]]


# -- the ten clients ---------------------------------------------------------------------


def ten_clients(args, targets: dict, server: str, folder: Path) -> dict:
    from landcase.cases import CaseStore

    townships = county.TOWNSHIPS
    if args.shared:
        groups = [townships[:1]] * args.clients
    else:
        groups = [townships[i :: args.clients] for i in range(args.clients)]
    outcome = {}
    for backend in BACKENDS:
        copy = _copy(backend, targets[backend], server, folder)
        print(f"  {backend}: {args.clients} clients for {args.seconds:g} s …", flush=True)
        with CaseStore.open(copy, user="benchmark") as store:
            before = load.baseline(store)
        run = load.run_load(copy, groups, args.seconds)
        with CaseStore.open(copy, user="benchmark") as store:
            found = load.check(store, before, run["reports"])
        outcome[backend] = {"summary": load.summary(run), "check": found, "load": _load()}
        _print_load(backend, outcome[backend])
        _drop_copy(backend, copy, server)
    return outcome


def _copy(backend: str, target, server: str, folder: Path):
    """A copy of the county to write into (the county stays as built)."""
    if backend == "SpatiaLite":
        copy = folder / f"load-{uuid.uuid4().hex[:8]}.sqlite"
        shutil.copyfile(target, copy)
        return copy
    name = f"bench_load_{uuid.uuid4().hex[:8]}"
    return create_database(server, name, template=target.rsplit("/", 1)[1])


def _drop_copy(backend: str, copy, server: str) -> None:
    if backend == "SpatiaLite":
        Path(copy).unlink()
    else:
        drop_database(server, copy.rsplit("/", 1)[1])


def races(args, targets: dict, server: str, folder: Path) -> dict:
    """Two clients revising one case at the same moment, ``--race`` times, per backend."""
    from landcase.cases import CaseStore

    found = {}
    for backend in BACKENDS:
        copy = _copy(backend, targets[backend], server, folder)
        found[backend] = load.race(CaseStore.open(copy, user="benchmark"), copy, args.race)
        print(f"  same case, two clients at once, {backend}: {found[backend]}", flush=True)
        _drop_copy(backend, copy, server)
    return found


def _print_load(backend: str, result: dict) -> None:
    s = result["summary"]
    print(f"    load average after: {result['load']}")
    print(
        f"  {backend}: {s['actions']:,} actions in {s['elapsed']:.1f} s = "
        f"{s['actions_per_s']:.1f}/s ({s['writes_per_s']:.1f} writes/s committed); "
        f"p50 {_ms(s['p50'])}, p95 {_ms(s['p95'])}; cases in the clients' pools {s['pool']:,}"
    )
    print(f"    {'action':<22}{'count':>7}{'ok':>7}{'refused':>8}{'error':>7}"
          f"{'p50':>10}{'p95':>10}{'max':>10}")  # fmt: skip
    for kind, k in s["kinds"].items():
        print(
            f"    {kind:<22}{k['count']:>7}{k['ok']:>7}{k['refused']:>8}{k['error']:>7}"
            f"{_ms(k['p50']):>10}{_ms(k['p95']):>10}{_ms(k['max']):>10}"
        )
    for text, count in s["errors"].most_common(8):
        print(f"    error ×{count}: {text}")
    if s["crashed"]:
        print(f"    CRASHED clients: {s['crashed']}")
    for key, value in result["check"].items():
        shown = f"{value:.1f} s" if key.endswith("seconds") else value
        print(f"    {key}: {shown}")


def failures(loads: dict) -> list[str]:
    found = []
    for backend, result in loads.items():
        check, summary = result["check"], result["summary"]
        for key, value in check.items():
            bad = (key.endswith(": lost") or key.endswith("not reported")) and value
            bad = bad or (key.startswith("deadlocks") and value)
            bad = bad or (key == "audit chain" and value != "intact")
            if bad:
                found.append(f"{backend}: {key} = {value}")
        if summary["crashed"]:
            found.append(f"{backend}: clients crashed {summary['crashed']}")
    return found


# -- main ------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plots", type=int, default=100_000)
    parser.add_argument("--database", type=Path, help="keep the SpatiaLite county here")
    parser.add_argument("--pg-database", help="keep the PostgreSQL county under this name")
    parser.add_argument("--server", help="postgresql:// URI (default: tools/pg_cluster.py)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--shared", action="store_true", help="all clients on one township")
    parser.add_argument("--no-qgis", action="store_true")
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--race", type=int, default=50, help="rounds of the same-case race")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    county._link_plugin()
    import psycopg

    if args.server:
        server = args.server
    else:
        from tools import pg_cluster

        server = pg_cluster.start()
    print(f"server: {server.rsplit('@', 1)[-1]}; psycopg {psycopg.__version__} "
          f"({psycopg.pq.__impl__} implementation, libpq {psycopg.pq.version()}); "
          f"load average {_load()}", flush=True)  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="landcase-bench-postgres-"))
    targets, built = ensure_counties(args, server, folder)
    results = Results(args.runs)
    if built:
        note = "once; SpatiaLite: bench_statistics builder, PostgreSQL: its rows copied"
        results.rows.append(("build the county", built, note))
    print(f"median of {args.runs} runs, the backends taking turns:", flush=True)
    try:
        single_user(results, targets)
        if not args.no_qgis:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from qgis.core import QgsApplication

            app = QgsApplication([], True)
            app.initQgis()
            with_qgis(results, targets, server, folder)
        loads = {} if args.no_load else ten_clients(args, targets, server, folder)
        raced = races(args, targets, server, folder) if args.race else {}
    finally:
        if not args.pg_database:
            drop_database(server, targets["PostgreSQL"].rsplit("/", 1)[1])
        shutil.rmtree(folder, ignore_errors=True)
    _print_table(results)
    if args.json:
        args.json.write_text(
            json.dumps(
                {"single": results.rows, "loads": results.loads, "load": loads, "race": raced},
                default=str,
            )
        )
    problems = failures(loads) + [
        f"{backend}: {found['revised twice']} revisions revised the same determination"
        for backend, found in raced.items()
        if found["revised twice"]
    ]
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0


def _print_table(results: Results) -> None:
    print()
    print(f"| step (median of {results.runs}) | SpatiaLite | PostgreSQL | PG ÷ SL | load | |")
    print("|---|---:|---:|---:|---|---|")
    for name, seconds, note in results.rows:
        sl, pg = seconds.get("SpatiaLite"), seconds.get("PostgreSQL")
        ratio = f"{pg / sl:.1f}×" if sl and pg else ""
        load = results.loads.get(name, "")
        print(f"| {name} | {_ms(sl)} | {_ms(pg)} | {ratio} | {load} | {note} |")


if __name__ == "__main__":
    sys.exit(main())
