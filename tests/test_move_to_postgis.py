"""Moving a station's SpatiaLite file into a PostgreSQL case database (landcase:movetopostgis):
every row with new ids and its references kept, the files, the file's own history archived
and still verifiable, locked rounds locked on the server, nothing added by a second move,
监测编号 of another database refused, a township at a time, a broken chain refused."""

from __future__ import annotations

import json
import sqlite3

import psycopg
import pytest
from photo_files import make_photo
from test_processing import plugin_provider  # noqa: F401

from helpers import file_digest, new_plot, square
from landcase.cases import CaseStore, clues, move_report, rounds, seals, workflow
from landcase.cases.attachments import add_attachment, case_id_of_plot
from landcase.cases.audit_chain import CHANGED, verify_audit_trail
from landcase.cases.move_archive import SEAL_ARCHIVE_BROKEN
from landcase.cases.move_rounds import SAME_ROUND_ON_SERVER
from landcase.cases.move_to_postgis import (
    ON_SERVER_FROM_ELSEWHERE,
    MoveRefused,
    RefusedPlot,
    move,
    origin_of,
    verify_archive,
)
from landcase.cases.photos import add_photos, attachments_folder

TABLES = (
    "batch",
    "plot",
    "case_record",
    "verification",
    "photo",
    "determination",
    "rectification",
    "closeout",
    "attachment",
    "calendar_day",
    "submission_round",
    "round_item",
    "round_seal",
    "round_seal_row",
    "audit_log",
    "moved_row",
    "audit_archive",
)
JCBH = ("320100202601000", "320100202601001", "320100202601002")


def _station(path, incoming, jcbh=JCBH, period="2026-02"):
    """Three plots: the first verified with a photo, determined twice (a revision), filed
    and rectifying, with a scan attached; the second verified and determined; the third
    (another township) untouched. A round of all three, locked; a holiday."""
    store = CaseStore.create(path, 4549, user="站点员")
    batch = store.add_batch("2026年第1批部卫片", received_date="2026-02-01")
    store.add_plots(
        [
            new_plot(0, jcbh=jcbh[0], xzqdm="320101001", jcmj=1.2, extra_fields={"备注": "甲"}),
            new_plot(1, jcbh=jcbh[1], xzqdm="320101001"),
            new_plot(2, jcbh=jcbh[2], xzqdm="320102003", township="白云镇"),
        ],
        batch,
    )
    for plot_id in (1, 2):
        workflow.record_verification(
            store,
            plot_id,
            "已建成",
            "建材厂",
            "厂房",
            "2025-06",
            "厂房一栋",
            "李核查",
            "2026-02-05",
        )
    for plot_id in (1, 2):
        workflow.determine(store, plot_id, "违法", "厂房", decided_by="张", decided_on="2026-02-10")
    workflow.determine(
        store, 1, "违法", "光伏", decided_by="张", decided_on="2026-02-11", reason="复核更正"
    )
    workflow.file_case(store, 1, "青自然资立〔2026〕7号", "2026-02-15", "青山镇")
    workflow.start_rectification(store, 1, ["拆除复耕"], "2026-03-01")
    centre = square(0).centroid
    photo = make_photo(incoming / f"{path.stem}.jpg", xy=(centre.x, centre.y), direction=90)
    add_photos(store, 1, [photo])
    scan = make_photo(incoming / f"{path.stem}-scan.jpg", colour=(200, 10, 10), taken=None)
    add_attachment(store, case_id_of_plot(store, 1), scan, kind="立案文书", title="立案审批表")
    with store.transaction() as db:  # (an older build also pointed forward: superseded_by)
        db.execute("UPDATE determination SET superseded_by = 3 WHERE id = 1")
        db.execute(
            "INSERT INTO calendar_day (day, kind, name) VALUES ('2026-10-01', 'holiday', '国庆节')"
        )
    round_id = rounds.create_round(store, period, "一上")
    rounds.lock_round(store, round_id)
    return store


@pytest.fixture
def incoming(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    return folder


@pytest.fixture
def station(tmp_path, incoming):
    store = _station(tmp_path / "站点.sqlite", incoming)
    store.close()
    return tmp_path / "站点.sqlite"


@pytest.fixture
def server(pg_database):
    CaseStore.create(pg_database, 4549).close()
    return pg_database


def _counts(uri) -> dict[str, int]:
    with psycopg.connect(uri) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _one(store, sql, params=()):
    return store._db.execute(sql, params).fetchone()


def test_a_station_file_is_moved_whole(station, server):
    source = CaseStore.open(station)
    file_root = seals.latest_lock_root(source)[1]
    origin = origin_of(source)
    file_audit_rows = _one(source, "SELECT count(*) FROM audit_log")[0]
    photo_sha, scan_sha = (
        _one(source, f"SELECT sha256 FROM {t}")[0] for t in ("photo", "attachment")
    )
    source.close()

    report = move(station, server)

    assert report.origin == origin
    assert (report.plots_moved, report.already_moved, report.refused) == (3, 0, [])
    assert report.moved["case_record"] == 3 and report.moved["verification"] == 2
    assert report.moved["determination"] == 3 and report.moved["rectification"] == 1
    assert (report.moved["photo"], report.moved["attachment"]) == (1, 1)
    assert report.moved["submission_round"] == 1 and report.rounds_left == []
    assert (report.files_copied, report.files_missing) == (2, [])
    assert report.audit_rows_archived == file_audit_rows and report.seals_archived == 1
    counts = _counts(server)
    assert {t: counts[t] for t in TABLES[:13]} == {
        "batch": 1,
        "plot": 3,
        "case_record": 3,
        "verification": 2,
        "photo": 1,
        "determination": 3,
        "rectification": 1,
        "closeout": 0,
        "attachment": 1,
        "calendar_day": 1,
        "submission_round": 1,
        "round_item": 3,
        "round_seal": 1,
    }

    store = CaseStore.open(server)
    try:
        # the columns came with the rows, the references follow the new ids
        jcmj, extra, township, area = _one(
            store,
            "SELECT jcmj, extra_fields, township, area_planar_m2 FROM plot WHERE jcbh = ?",
            (JCBH[0],),
        )
        assert (jcmj, json.loads(extra), township) == (1.2, {"备注": "甲"}, "青山镇")
        assert area == pytest.approx(1600.0)  # the 40 m square
        first, revision = store._db.execute(
            "SELECT d.id, d.revises, d.subtype_detail, d.superseded_by FROM determination AS d "
            "JOIN case_record AS c ON c.id = d.case_id JOIN plot AS p ON p.id = c.plot_id "
            "WHERE p.jcbh = ? ORDER BY d.id",
            (JCBH[0],),
        ).fetchall()
        assert first[1] is None and revision[1] == first[0]
        assert (first[3], revision[3]) == (revision[0], None)
        assert (first[2], revision[2]) == ("厂房", "光伏")
        status, filing = _one(
            store,
            "SELECT c.status, c.filing_number FROM case_record AS c JOIN plot AS p "
            "ON p.id = c.plot_id WHERE p.jcbh = ?",
            (JCBH[0],),
        )
        assert (status, filing) == ("整改中", "青自然资立〔2026〕7号")
        case_of_first = _one(
            store,
            "SELECT c.id FROM case_record AS c JOIN plot AS p ON p.id = c.plot_id WHERE jcbh = ?",
            (JCBH[0],),
        )[0]
        assert _one(store, "SELECT case_id FROM photo")[0] == case_of_first
        assert _one(store, "SELECT case_id FROM attachment")[0] == case_of_first
        item = _one(
            store,
            "SELECT i.determination_id FROM round_item AS i JOIN case_record AS c "
            "ON c.id = i.case_id JOIN plot AS p ON p.id = c.plot_id WHERE p.jcbh = ?",
            (JCBH[0],),
        )
        assert item[0] == revision[0]  # the round holds the revision
        # the files, under their hash in the server's evidence folder
        for sha in (photo_sha, scan_sha):
            (copy,) = (attachments_folder(store) / sha[:2]).glob(f"{sha}.*")
            assert file_digest(copy) == sha
        # the server's chain, and the file's history as it was
        assert verify_audit_trail(store).ok
        assert verify_archive(store, origin).ok
        assert verify_archive(store, origin).checked == file_audit_rows
        prefix = _one(store, "SELECT value FROM meta WHERE key = 'role_prefix'")[0]
        readable = _one(
            store,
            "SELECT has_table_privilege(?, 'audit_archive', 'SELECT'), "
            "has_table_privilege(?, 'audit_archive', 'SELECT')",
            (f"{prefix}_readonly", f"{prefix}_station"),
        )
        assert tuple(readable) == (True, False)  # the read-only group reads it, a station not
        mover = store._db.session_user
        assert (
            _one(store, "SELECT DISTINCT user_name FROM audit_log WHERE table_name = 'plot'")[0]
            == mover
        )
        # the round: locked and sealed on the server, naming the file's seal
        locked, snapshot = _one(store, "SELECT locked, snapshot FROM submission_round")
        summary = json.loads(snapshot)
        assert locked == 1 and summary["cases"] == 3
        assert summary["moved_from"]["root_hash"] == file_root
        head = _one(
            store, "SELECT id, row_hash FROM audit_log WHERE id = ?", (summary["audit_head"]["id"],)
        )
        assert head[1] == summary["audit_head"]["row_hash"]
        assert seals.verify_seals(store._db, store.tables()) == []
        with pytest.raises(sqlite3.IntegrityError, match="2026-02 一上"):
            with store.transaction() as db:
                db.execute(
                    "UPDATE determination SET decided_by = '改' WHERE id = ?", (revision[0],)
                )
    finally:
        store.close()


def test_moving_the_same_file_again_adds_nothing(station, server):
    move(station, server)
    before = _counts(server)

    again = move(station, server)

    assert (again.plots_moved, again.already_moved, again.refused) == (0, 3, [])
    assert again.audit_rows_archived == 0 and again.seals_archived == 0
    assert _counts(server) == before  # not even an audit row


def test_a_jcbh_from_another_database_is_refused_with_its_case(station, server, tmp_path, incoming):
    move(station, server)
    other_jcbh = ("320100202601009", JCBH[1], "320100202601008")
    other = _station(tmp_path / "其他.sqlite", incoming, jcbh=other_jcbh)
    other.close()

    report = move(tmp_path / "其他.sqlite", server)

    assert report.refused == [RefusedPlot(JCBH[1], ON_SERVER_FROM_ELSEWHERE)]
    assert report.plots_moved == 2 and report.already_moved == 0
    assert report.moved["determination"] == 2  # the first plot's two; not the refused one's
    # the server has one round of 2026-02 一上 already: the second file's is left out
    assert [(r.name, r.reason) for r in report.rounds_left] == [
        ("2026-02 一上", SAME_ROUND_ON_SERVER)
    ]
    assert JCBH[1] in report.refused[0].message()
    counts = _counts(server)
    assert counts["plot"] == 5 and counts["case_record"] == 5
    assert counts["determination"] == 5 and counts["submission_round"] == 1
    store = CaseStore.open(server)
    try:
        assert verify_audit_trail(store).ok
        assert verify_archive(store, report.origin).ok
    finally:
        store.close()


def test_a_township_at_a_time(station, server):
    by_code = move(station, server, township="320101")

    assert (by_code.plots_moved, by_code.outside_township) == (2, 1)
    store = CaseStore.open(server)
    try:
        snapshot = json.loads(_one(store, "SELECT snapshot FROM submission_round")[0])
        assert snapshot["cases"] == 2 and snapshot["by_status"] == {"整改中": 1, "已判定": 1}
    finally:
        store.close()

    by_name = move(station, server, township="白云镇")

    assert (by_name.plots_moved, by_name.already_moved, by_name.outside_township) == (1, 0, 2)
    counts = _counts(server)
    assert counts["plot"] == 3 and counts["round_item"] == 2  # a locked round takes no new case
    assert counts["batch"] == 1  # the batch of the same name is the same batch


def test_a_file_whose_chain_is_broken_is_not_moved(station, server):
    db = sqlite3.connect(station, isolation_level=None)
    for name in ("audit_log_no_update", "audit_log_no_delete", "audit_log_born_unsealed"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("UPDATE audit_log SET user_name = '无名氏' WHERE id = 5")
    db.close()
    before = _counts_if_any(server)

    with pytest.raises(MoveRefused, match="audit row 5 does not match its seal"):
        move(station, server)

    assert _counts_if_any(server) == before


def _counts_if_any(uri):
    with psycopg.connect(uri) as db:
        return db.execute("SELECT count(*) FROM plot").fetchone()[0], db.execute(
            "SELECT count(*) FROM audit_log"
        ).fetchone()[0]


def test_the_archive_catches_a_changed_row(station, server):
    report = move(station, server)
    with psycopg.connect(server, autocommit=True) as admin:  # the superuser, past the triggers
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            admin.execute("UPDATE audit_archive SET user_name = 'x' WHERE id = 3")
        admin.execute("SET session_replication_role = replica")
        admin.execute("UPDATE audit_archive SET user_name = '无名氏' WHERE id = 3")
    store = CaseStore.open(server)
    try:
        result = verify_archive(store, report.origin)
        assert (result.ok, result.first_broken_id, result.reason) == (False, 3, CHANGED)
    finally:
        store.close()


def test_the_archive_catches_a_changed_seal(station, server):
    report = move(station, server)
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute("SET session_replication_role = replica")
        admin.execute(
            "UPDATE seal_row_archive SET content = replace(content, '违法', '合法') "
            "WHERE table_name = 'determination'"
        )
    store = CaseStore.open(server)
    try:
        result = verify_archive(store, report.origin)
        assert (result.ok, result.reason) == (False, SEAL_ARCHIVE_BROKEN)
        assert "2026-02 一上" in result.message()
    finally:
        store.close()


def test_a_file_of_another_crs_is_refused(tmp_path, pg_database):
    CaseStore.create(pg_database, 4545).close()
    store = CaseStore.create(tmp_path / "a.sqlite", 4549)
    store.close()
    with pytest.raises(MoveRefused, match="EPSG:4549 is not the server's EPSG:4545"):
        move(tmp_path / "a.sqlite", pg_database)


# -- the Processing algorithm ----------------------------------------------------------


def test_movetopostgis_moves_reports_and_refuses(
    plugin_provider,  # noqa: F811
    station,
    server,
    tmp_path,
    incoming,
):
    import processing

    report_csv = tmp_path / "迁移报告.csv"
    result = processing.run(
        "landcase:movetopostgis",
        {"DATABASE": str(station), "TARGET": server, "OUTPUT_REPORT": str(report_csv)},
    )
    assert (result["PLOTS_MOVED"], result["PLOTS_REFUSED"]) == (3, 0)
    lines = report_csv.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "项目,对象,数量或说明"
    assert "迁入,图斑,3" in lines and "迁入,合法性判定,3" in lines

    other = _station(tmp_path / "其他.sqlite", incoming, jcbh=("320100202601009", *JCBH[1:]))
    other.close()
    result = processing.run(
        "landcase:movetopostgis",
        {
            "DATABASE": str(tmp_path / "其他.sqlite"),
            "TARGET": server,
            "OUTPUT_REPORT": str(report_csv),
        },
    )
    assert (result["PLOTS_MOVED"], result["PLOTS_REFUSED"]) == (1, 2)
    lines = report_csv.read_text(encoding="utf-8-sig").splitlines()
    refused = [line for line in lines if line.startswith("拒绝,")]
    assert [line.split(",")[1] for line in refused] == list(JCBH[1:])
    assert "未迁移的报送轮次,2026-02 一上,服务器上已有其他数据库的报送轮次 2026-02 一上" in lines


def test_movetopostgis_wants_a_connection_as_target(plugin_provider, station, tmp_path):  # noqa: F811
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="TARGET must be a PostgreSQL connection"):
        processing.run(
            "landcase:movetopostgis",
            {"DATABASE": str(station), "TARGET": str(tmp_path / "b.sqlite")},
        )


# -- patrols, clues, stops and notifications (schema v8) ---------------------------------

PATROL_TABLES = (
    "patrol_unit",
    "patrol_zone",
    "patrol",
    "clue",
    "patrol_finding",
    "stop_action",
    "notification",
    "notification_recipient",
    "recipient",
    "patrol_level",
)


CLUE_AT = (500_123.5, 3_500_456.25)  # the clue's point in EPSG:4549


def _patrols(path, clue_code="XS20260302-001"):
    """In the station file: a unit with a zone and a day's patrol that found a clue (a
    stop action and a notification to two recipients on the clue), and a stop action and
    a notification to one recipient on the first plot's case."""
    store = CaseStore.open(path, user="站点员")
    with store.transaction() as db:
        unit = db.execute(
            "INSERT INTO patrol_unit (name, township, xzqdm) VALUES ('青山村', '青山镇', "
            "'320101001') RETURNING id"
        ).fetchone()[0]
        zone = db.execute(
            "INSERT INTO patrol_zone (code, name, level, unit_id, xzqdm) VALUES ('PQ-01', "
            "'青山片区', '高', ?, '320101001') RETURNING id",
            (unit,),
        ).fetchone()[0]
        patrol = db.execute(
            "INSERT INTO patrol (unit_id, zone_id, patrol_date, patrollers) "
            "VALUES (?, ?, '2026-03-02', '王巡查') RETURNING id",
            (unit, zone),
        ).fetchone()[0]
    clue = clues.record_clue(
        store,
        clues.NewClue(
            found_at="2026-03-02 09:30", code=clue_code, unit_id=unit, patrol_id=patrol,
            xzqdm="320101001", township="青山镇", kind="动工迹象", signs="机械进场",
            x=CLUE_AT[0], y=CLUE_AT[1],
        ),
    )  # fmt: skip
    case = case_id_of_plot(store, 1)
    with store.transaction() as db:
        db.execute("INSERT INTO patrol_finding (patrol_id, clue_id) VALUES (?, ?)", (patrol, clue))
        for column, value, recipients in (
            ("clue_id", clue, ("规划建设", "综合执法")),
            ("case_id", case, ("公安",)),
        ):
            db.execute(
                f"INSERT INTO stop_action ({column}, found_at, unit, unit_kind, stopped_at, "
                "persons, method, result) VALUES (?, '2026-03-02', '青山村', '村居', "
                "'2026-03-02', 3, '劝阻', '已制止')",
                (value,),
            )
            notification = db.execute(
                f"INSERT INTO notification ({column}, sent_on, subject) "
                "VALUES (?, '2026-03-03', '抄告') RETURNING id",
                (value,),
            ).fetchone()[0]
            for name in recipients:
                db.execute(
                    "INSERT INTO notification_recipient (notification_id, recipient) VALUES (?, ?)",
                    (notification, name),
                )
    store.close()


def _patrol_counts(uri) -> dict[str, int]:
    with psycopg.connect(uri) as db:
        return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PATROL_TABLES}


def test_patrols_clues_stops_and_notifications_are_moved_once(station, server):
    _patrols(station)
    before = _patrol_counts(server)

    report = move(station, server)

    expected = {
        "patrol_unit": 1,
        "patrol_zone": 1,
        "patrol": 1,
        "clue": 1,
        "patrol_finding": 1,
        "stop_action": 2,
        "notification": 2,
        "notification_recipient": 3,
        "recipient": 0,  # the server has the same 16 default recipients and 3 levels
        "patrol_level": 0,
    }
    assert {t: report.moved[t] for t in PATROL_TABLES} == expected
    assert report.renamed == []
    after = _patrol_counts(server)
    assert {t: after[t] - before[t] for t in PATROL_TABLES} == expected
    store = CaseStore.open(server)
    try:
        # the references follow the server's ids
        unit, zone_unit, patrol_unit, clue_unit, clue_patrol, signs = _one(
            store,
            "SELECT u.id, z.unit_id, p.unit_id, c.unit_id, c.patrol_id, c.signs "
            "FROM patrol_unit AS u, patrol_zone AS z, patrol AS p, clue AS c "
            "WHERE c.code = 'XS20260302-001'",
        )
        assert zone_unit == patrol_unit == clue_unit == unit and signs == "机械进场"
        assert clue_patrol == _one(store, "SELECT id FROM patrol")[0]
        assert (
            _one(store, "SELECT clue_id FROM patrol_finding")[0]
            == _one(store, "SELECT id FROM clue")[0]
        )
        by_clue = store._db.execute(
            "SELECT r.recipient FROM notification_recipient AS r JOIN notification AS n "
            "ON n.id = r.notification_id JOIN clue AS c ON c.id = n.clue_id ORDER BY r.id"
        ).fetchall()
        assert [row[0] for row in by_clue] == ["规划建设", "综合执法"]
        stopped = _one(
            store,
            "SELECT s.persons, s.result FROM stop_action AS s JOIN case_record AS c "
            "ON c.id = s.case_id JOIN plot AS p ON p.id = c.plot_id WHERE p.jcbh = ?",
            (JCBH[0],),
        )
        assert tuple(stopped) == (3, "已制止")
        (case_recipient,) = store._db.execute(
            "SELECT r.recipient FROM notification_recipient AS r JOIN notification AS n "
            "ON n.id = r.notification_id WHERE n.case_id IS NOT NULL"
        ).fetchall()
        assert case_recipient[0] == "公安"
        moved_clue = clues.get_clue(store, _one(store, "SELECT id FROM clue")[0])
        assert (moved_clue.x, moved_clue.y) == CLUE_AT
        assert verify_audit_trail(store).ok
    finally:
        store.close()

    again = move(station, server)

    assert all(again.moved.get(t, 0) == 0 for t in PATROL_TABLES)
    assert _patrol_counts(server) == after


def test_a_clue_code_the_server_has_from_another_file_is_renamed(
    station, server, tmp_path, incoming
):
    _patrols(station)
    move(station, server)
    other_jcbh = ("320100202601009", "320100202601008", "320100202601007")
    other = _station(tmp_path / "其他.sqlite", incoming, jcbh=other_jcbh)
    other.close()
    _patrols(tmp_path / "其他.sqlite")  # the same unit, zone code and clue code

    report = move(tmp_path / "其他.sqlite", server, township="320101")

    assert [(r.table, r.code, r.new_code) for r in report.renamed] == [
        ("patrol_zone", "PQ-01", "PQ-01-2"),
        ("clue", "XS20260302-001", "XS20260302-001-2"),
    ]
    # the unit of the same name is the same unit: its second patrol is added to it
    assert (report.moved["patrol_unit"], report.moved["patrol"]) == (0, 1)
    counts = _patrol_counts(server)
    assert (counts["patrol_unit"], counts["patrol"], counts["clue"]) == (1, 2, 2)
    lines = move_report.rows(report)
    assert (
        "改号（线索）",
        "XS20260302-001",
        "服务器上已有该编号（来自其他数据库），迁入后编号为 XS20260302-001-2",
    ) in lines
