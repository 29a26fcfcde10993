"""Ten clients doing a day's work at once on one case database (for bench_postgres.py).

Each client is a separate process (multiprocessing, spawn) with its own ``CaseStore`` on
the same database (a SpatiaLite file or a PostgreSQL database). In a loop until the time is
up it picks a random case of its own townships and does what a station clerk does with it:
reads the case (``workflow.case_state``), records a field verification
(``workflow.record_verification``) or a determination (``workflow.determine``, a revision
with its reason when the case has one), and now and then reloads the case list
(``store.list_plots``). Every action is timed; its outcome is counted as committed,
refused (``WorkflowRefused``: a step the case's status does not allow), or an error (with
its message: a deadlock, a serialization failure, a locked file would appear there).

After the clients stop, ``check`` looks in the database for every write a client reported
committed, counts the rows added against the writes reported (a write committed but
reported as failed would show as a surplus), verifies the audit chain, and looks for
revisions of one determination made twice (two clients deciding the same case at once).
"""

from __future__ import annotations

import multiprocessing
import random
import statistics
import time
import traceback
from collections import Counter
from functools import partial

POOL_STATUSES = ("待核查", "已核查", "已判定", "已办结")
LIST_EVERY = 25  # one case-list reload per this many cases handled
TODAY = "2026-12-20"


# -- the clients -----------------------------------------------------------------------


def _ids_of(store, townships: list[str]) -> list[int]:
    marks = ", ".join("?" * len(townships))
    states = ", ".join("?" * len(POOL_STATUSES))
    rows = store._db.execute(
        f"""SELECT p.id FROM plot AS p JOIN case_record AS c ON c.plot_id = p.id
            WHERE p.township IN ({marks}) AND c.status IN ({states}) ORDER BY p.id""",
        (*townships, *POOL_STATUSES),
    ).fetchall()
    return [row[0] for row in rows]


def _error_text(exc: BaseException) -> str:
    code = getattr(exc, "sqlstate", None) or getattr(exc.__cause__, "sqlstate", None)
    first = (str(exc).strip().splitlines() or [""])[0][:120]
    return f"{type(exc).__name__}{f' [{code}]' if code else ''}: {first}"


def client(index, target, townships, seconds, seed, ready, start, results) -> None:
    """One client's day (runs in its own process); puts its report on ``results``."""
    import sys

    report = {"client": index, "times": {}, "outcomes": Counter(), "errors": Counter()}
    report["committed"] = {"verification": [], "determination": []}
    try:
        from bench_statistics import _link_plugin

        _link_plugin()
        from landcase.cases import CaseStore, workflow

        rng = random.Random(seed)
        store = CaseStore.open(target, user=f"client{index}")
        pool = _ids_of(store, townships)
        report["pool"] = len(pool)
        ready.put(index)
        start.wait()
        deadline = time.perf_counter() + seconds

        def act(kind, function):
            began = time.perf_counter()
            try:
                value = function()
                outcome = "ok"
            except workflow.WorkflowRefused:
                value, outcome = None, "refused"
            except Exception as exc:  # counted and named, never hidden
                value, outcome = None, "error"
                report["errors"][f"{kind}: {_error_text(exc)}"] += 1
            report["times"].setdefault(kind, []).append(time.perf_counter() - began)
            report["outcomes"][(kind, outcome)] += 1
            return value, outcome

        handled = 0
        while time.perf_counter() < deadline:
            plot_id = rng.choice(pool)
            state, outcome = act("read case", partial(workflow.case_state, store, plot_id))
            if state is None:
                continue
            if state.status == "待核查" or (
                state.status in ("已核查", "已判定") and rng.random() < 0.4
            ):
                row_id, outcome = act(
                    "record_verification",
                    partial(
                        workflow.record_verification,
                        *(store, plot_id, rng.choice(("已建成", "在建", "未动工", "已拆除"))),
                        *("某建材厂", "厂房", "2025-06", "彩钢板厂房", f"核查员{index}", TODAY),
                    ),
                )
                if outcome == "ok":
                    report["committed"]["verification"].append((row_id, plot_id))
            else:
                revision = state.determination is not None
                illegal = rng.random() < 0.5
                row_id, outcome = act(
                    "determine",
                    partial(
                        workflow.determine,
                        *(store, plot_id, "违法" if illegal else "伪变化"),
                        *("厂房" if illegal else None, None, f"判定员{index}", TODAY),
                        reason="复核后改判" if revision else None,
                    ),
                )
                if outcome == "ok":
                    report["committed"]["determination"].append((row_id, plot_id))
            handled += 1
            if handled % LIST_EVERY == 0:
                act("list_plots", store.list_plots)
        store.close()
    except BaseException:
        report["crash"] = traceback.format_exc()
        try:
            ready.put(index)  # do not leave the driver waiting
        except Exception:
            pass
        print(report["crash"], file=sys.stderr)
    results.put(report)


def run_load(target, township_groups, seconds: float, seed: int = 5) -> dict:
    """Start one client per township group, wait for all to be ready, let them work for
    ``seconds``, gather their reports."""
    context = multiprocessing.get_context("spawn")
    ready, results, start = context.Queue(), context.Queue(), context.Event()
    processes = [
        context.Process(
            target=client,
            args=(
                i,
                str(target),
                group,
                seconds,
                seed + i,
                ready,
                start,
                results,
            ),
        )
        for i, group in enumerate(township_groups)
    ]
    for process in processes:
        process.start()
    for _ in processes:
        ready.get(timeout=600)
    began = time.perf_counter()
    start.set()
    reports = [results.get(timeout=seconds + 900) for _ in processes]
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join(timeout=60)
    return {"reports": reports, "elapsed": elapsed}


def baseline(store) -> dict:
    """The last row ids before the load (rows added after them are the load's)."""
    db = store._db
    return {
        table: db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        for table in ("verification", "determination", "audit_log")
    }


def check(store, before: dict, reports: list[dict]) -> dict:
    """Lost writes, phantom writes, the audit chain and double revisions after the load."""
    from landcase.cases.audit_chain import verify_audit_trail

    db = store._db
    found: dict[str, object] = {}
    for table in ("verification", "determination"):
        reported = [pair for r in reports for pair in r["committed"][table]]
        rows = {
            row[0]: row[1]
            for row in db.execute(
                f"""SELECT t.id, c.plot_id FROM {table} AS t
                    JOIN case_record AS c ON c.id = t.case_id WHERE t.id > ?""",
                (before[table],),
            )
        }
        found[f"{table}: reported committed"] = len(reported)
        found[f"{table}: lost"] = sum(1 for row_id, plot in reported if rows.get(row_id) != plot)
        found[f"{table}: in database, not reported"] = len(rows) - len(
            {row_id for row_id, _plot in reported} & set(rows)
        )
    found["determinations revised twice"] = db.execute(
        """SELECT count(*) FROM (SELECT revises FROM determination WHERE id > ?
               AND revises IS NOT NULL GROUP BY revises HAVING count(*) > 1) AS twice""",
        (before["determination"],),
    ).fetchone()[0]
    started = time.perf_counter()
    verification = verify_audit_trail(store)
    found["audit chain"] = "intact" if verification.ok else f"BROKEN: {verification.message()}"
    found["audit rows checked"] = verification.checked
    found["audit check seconds"] = time.perf_counter() - started
    errors = Counter()
    for report in reports:
        errors.update(report["errors"])
    found["deadlocks reaching a client"] = sum(
        n for text, n in errors.items() if "deadlock" in text.lower() or "40P01" in text
    )
    found["serialization failures"] = sum(n for text, n in errors.items() if "40001" in text)
    return found


def summary(run: dict) -> dict:
    """Throughput and latency per action kind, outcomes and errors of all clients."""
    reports, elapsed = run["reports"], run["elapsed"]
    times: dict[str, list[float]] = {}
    outcomes, errors = Counter(), Counter()
    for report in reports:
        for kind, values in report["times"].items():
            times.setdefault(kind, []).extend(values)
        outcomes.update(report["outcomes"])
        errors.update(report["errors"])
    every = [t for values in times.values() for t in values]
    kinds = {}
    for kind, values in sorted(times.items()):
        kinds[kind] = {
            "count": len(values),
            "p50": statistics.median(values),
            "p95": _percentile(values, 95),
            "max": max(values),
            "ok": outcomes[(kind, "ok")],
            "refused": outcomes[(kind, "refused")],
            "error": outcomes[(kind, "error")],
        }
    writes = sum(outcomes[(k, "ok")] for k in ("record_verification", "determine"))
    return {
        "clients": len(reports),
        "crashed": [r["client"] for r in reports if "crash" in r],
        "elapsed": elapsed,
        "actions": len(every),
        "actions_per_s": len(every) / elapsed,
        "writes_per_s": writes / elapsed,
        "p50": statistics.median(every) if every else float("nan"),
        "p95": _percentile(every, 95) if every else float("nan"),
        "kinds": kinds,
        "errors": errors,
        "pool": sum(r.get("pool", 0) for r in reports),
    }


def _percentile(values: list[float], percent: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(percent / 100 * (len(ordered) - 1))))]


# -- two clients deciding the same case at the same moment --------------------------------


def _race_client(target, plot_id, rounds, barrier, results) -> None:
    from bench_statistics import _link_plugin

    _link_plugin()
    from landcase.cases import CaseStore, workflow

    outcomes = Counter()
    with CaseStore.open(target, user="racer") as store:
        for _ in range(rounds):
            barrier.wait(timeout=120)
            try:
                workflow.determine(
                    store, plot_id, "伪变化", None, None, "判定员", TODAY, reason="复核"
                )
                outcomes["ok"] += 1
            except workflow.WorkflowRefused:
                outcomes["refused"] += 1
            except Exception as exc:
                outcomes[_error_text(exc)] += 1
    results.put(outcomes)


def race(store, target, rounds: int = 50) -> dict:
    """Two processes revise the determination of one case ``rounds`` times, released
    together each time: how many revisions then revise the same earlier row (each read
    the case before the other wrote)."""
    db = store._db
    plot_id = db.execute(
        "SELECT c.plot_id FROM case_record AS c WHERE c.status = '已判定' ORDER BY c.id LIMIT 1"
    ).fetchone()[0]
    before = baseline(store)["determination"]
    store.close()
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    processes = [
        context.Process(
            target=_race_client,
            args=(str(target), plot_id, rounds, barrier, results),
        )
        for _ in range(2)
    ]
    for process in processes:
        process.start()
    outcomes = Counter()
    for _ in processes:
        outcomes.update(results.get(timeout=rounds * 120))
    for process in processes:
        process.join(timeout=60)
    from landcase.cases import CaseStore

    with CaseStore.open(target, user="benchmark") as again:
        forks = again._db.execute(
            """SELECT count(*) FROM (SELECT revises FROM determination WHERE id > ?
                   GROUP BY revises HAVING count(*) > 1) AS twice""",
            (before,),
        ).fetchone()[0]
    return {"outcomes": dict(outcomes), "revised twice": forks, "rounds": rounds}
