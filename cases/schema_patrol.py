"""Migration 8: patrols, finds, stopping, notifying and the records the accountability
rules of seeds 000–004 are judged on.

- ``patrol_unit``: a reporting unit (村居, 镇属公司 …) with its 主要负责人 and 分管负责人,
  the persons seed 002 holds accountable; ``patrol_zone`` (片区) with a level whose visit
  frequency is the station's (``patrol_level``); ``patrol``: a day's patrol (route as a
  line, or 无发现) and its ``patrol_finding`` rows; ``patrol_report``: the 日报 (零报
  included) and 月报 a unit submits.
- ``clue``: a find recorded as a point (疑似违法, or 动工迹象 before any violation), later
  outlined as a plot (``plot_id``); a rebound after 销号 is a clue with ``rebound_of``.
- ``stop_action``: each attempt to stop (制止) a find: when found, when stopped, by whom
  and how many, how, the result, the written report.
- ``notification`` (抄告/函告) to several ``notification_recipient`` rows, each answered
  on its own; ``recipient``: the editable list of recipients and their deadline rules.
- ``transfer`` (移送 to 公安 / 纪委监委) beside a filed case; ``escalation`` (督办,
  挂牌督办, 通报); ``campaign`` and ``revisit`` (事后巡查, 回头看); ``problem_item`` (the
  问题清单 of seed 003); ``feedback`` (the city's 一下 comments on a plot).
- ``record_file``: photos, video, scans and documents of these records, content-hash
  keyed in the evidence folder like a case's attachments.

Times are ISO text. Clocks are not stored: they are computed from these dates and the
official calendar when read (``cases/clocks.py``), so a corrected date or a calendar
entered later moves every deadline that depends on it.
"""

from __future__ import annotations

from typing import Any

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

# name, days, working days (1) or calendar days (0), counted from ('sent' | 'instructed':
# the township head's 批示), who answers for it, the rule. Seed 002, 二 and 二(二).
# fmt: off
DEFAULT_RECIPIENTS = (
    ("镇政府主要负责人", 2, 0, "sent", "镇（园区）主要负责人", "seed 002 二(二)2：超过2天未批示"),
    ("镇牵头责任领导", 2, 0, "instructed", "牵头责任领导", "seed 002 二(二)2：批示后2日内组织到场制止"),
    ("规划建设", 1, 0, "sent", "规划建设部门负责人", "seed 002 二(二)4：一天内下发停工通知书并到场制止"),
    ("综合执法", 1, 0, "sent", "综合执法部门负责人", "seed 002 二(二)4：一天内下发停工通知书并到场制止"),
    ("纪委监委", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("公安", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("供电", 5, 1, "sent", "相关部门主要负责人", "seed 002 二(二)6 与协作处置：5个工作日内处置并函复"),
    ("供水", 5, 1, "sent", "相关部门主要负责人", "seed 002 二(二)6 与协作处置：5个工作日内处置并函复"),
    ("农业农村", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("林业", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("水务", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("经信", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("市场监管", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("交通", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("文旅", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
    ("生态环境", 5, 1, "sent", "相关部门负责人", "seed 002 二 协作处置：5个工作日内处置并函复"),
)
# fmt: on

# Days between visits a zone's level asks for: the station's own choice (seed 000 names
# the levels, not the frequency); editable in ``patrol_level``.
DEFAULT_LEVELS = (("高", 1), ("中", 3), ("低", 7))


def _split(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


_TABLES = f"""
CREATE TABLE patrol_unit (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT '村居',
    township TEXT,
    xzqdm TEXT,
    head TEXT,
    deputy TEXT,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE TABLE patrol_level (
    level TEXT PRIMARY KEY CHECK (level IN ('高', '中', '低')),
    visit_every_days INTEGER NOT NULL CHECK (visit_every_days > 0)
);
CREATE TABLE patrol_zone (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    level TEXT NOT NULL REFERENCES patrol_level (level),
    unit_id INTEGER REFERENCES patrol_unit (id) ON DELETE RESTRICT,
    person TEXT,
    xzqdm TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE TABLE patrol (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES patrol_unit (id) ON DELETE RESTRICT,
    zone_id INTEGER REFERENCES patrol_zone (id) ON DELETE RESTRICT,
    patrol_date TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT,
    patrollers TEXT NOT NULL,
    no_finding INTEGER NOT NULL DEFAULT 0 CHECK (no_finding IN (0, 1)),
    route_source TEXT,
    note TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE INDEX patrol_unit_date ON patrol (unit_id, patrol_date);
CREATE INDEX patrol_zone_date ON patrol (zone_id, patrol_date);
CREATE TABLE clue (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT '疑似违法' CHECK (kind IN ('疑似违法', '动工迹象')),
    signs TEXT,
    found_at TEXT NOT NULL,
    found_by TEXT,
    unit_id INTEGER REFERENCES patrol_unit (id) ON DELETE RESTRICT,
    patrol_id INTEGER REFERENCES patrol (id) ON DELETE SET NULL,
    township TEXT,
    village TEXT,
    xzqdm TEXT,
    address TEXT,
    party TEXT,
    description TEXT,
    plot_id INTEGER REFERENCES plot (id) ON DELETE SET NULL,
    rebound_of INTEGER REFERENCES case_record (id) ON DELETE RESTRICT,
    closed_on TEXT,
    closed_reason TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE INDEX clue_plot ON clue (plot_id);
CREATE TABLE patrol_finding (
    id INTEGER PRIMARY KEY,
    patrol_id INTEGER NOT NULL REFERENCES patrol (id) ON DELETE CASCADE,
    plot_id INTEGER REFERENCES plot (id) ON DELETE CASCADE,
    clue_id INTEGER REFERENCES clue (id) ON DELETE CASCADE,
    CHECK (plot_id IS NOT NULL OR clue_id IS NOT NULL)
);
CREATE INDEX patrol_finding_patrol ON patrol_finding (patrol_id);
CREATE TABLE patrol_report (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES patrol_unit (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('日报', '月报')),
    period TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    zero INTEGER NOT NULL DEFAULT 0 CHECK (zero IN (0, 1)),
    findings INTEGER,
    content TEXT,
    submitted_by TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    UNIQUE (unit_id, kind, period)
);
CREATE TABLE stop_action (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES case_record (id) ON DELETE CASCADE,
    clue_id INTEGER REFERENCES clue (id) ON DELETE CASCADE,
    found_at TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_kind TEXT NOT NULL CHECK (unit_kind IN ('村居', '国土所', '镇属公司', '综合执法', '规划建设', '其他')),
    stopped_at TEXT,
    stopped_by TEXT,
    persons INTEGER CHECK (persons IS NULL OR persons >= 0),
    method TEXT CHECK (method IS NULL OR method IN ('劝阻', '停工通知书', '责令停止违法行为通知书', '其他')),
    notice_number TEXT,
    notice_date TEXT,
    result TEXT CHECK (result IS NULL OR result IN ('已制止', '继续施工')),
    reported_at TEXT,
    reported_to TEXT,
    note TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    CHECK (case_id IS NOT NULL OR clue_id IS NOT NULL)
);
CREATE INDEX stop_action_case ON stop_action (case_id);
CREATE INDEX stop_action_clue ON stop_action (clue_id);
CREATE TABLE recipient (
    name TEXT PRIMARY KEY,
    deadline_days INTEGER NOT NULL CHECK (deadline_days > 0),
    working_days INTEGER NOT NULL DEFAULT 0 CHECK (working_days IN (0, 1)),
    counted_from TEXT NOT NULL DEFAULT 'sent' CHECK (counted_from IN ('sent', 'instructed')),
    accountable TEXT,
    rule TEXT,
    sort INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE notification (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES case_record (id) ON DELETE CASCADE,
    clue_id INTEGER REFERENCES clue (id) ON DELETE CASCADE,
    number TEXT,
    sent_on TEXT NOT NULL,
    sender TEXT,
    subject TEXT NOT NULL,
    content TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    CHECK (case_id IS NOT NULL OR clue_id IS NOT NULL)
);
CREATE INDEX notification_case ON notification (case_id);
CREATE TABLE notification_recipient (
    id INTEGER PRIMARY KEY,
    notification_id INTEGER NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    replied_on TEXT,
    reply_text TEXT,
    replied_by TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    UNIQUE (notification_id, recipient)
);
CREATE TABLE transfer (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    receiver TEXT NOT NULL CHECK (receiver IN ('公安', '纪委监委')),
    transferred_on TEXT NOT NULL,
    number TEXT,
    reason TEXT,
    accepted_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE INDEX transfer_case ON transfer (case_id);
CREATE TABLE escalation (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES case_record (id) ON DELETE CASCADE,
    township TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('督办', '挂牌督办', '通报批评', '公开通报', '警示约谈')),
    issued_on TEXT NOT NULL,
    issuer TEXT NOT NULL,
    number TEXT,
    content TEXT,
    due_on TEXT,
    resolved_on TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    CHECK (case_id IS NOT NULL OR township IS NOT NULL)
);
CREATE TABLE campaign (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    issuer TEXT,
    started_on TEXT NOT NULL,
    ends_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE TABLE revisit (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    campaign_id INTEGER REFERENCES campaign (id) ON DELETE RESTRICT,
    due_on TEXT,
    visited_on TEXT,
    visitor TEXT,
    result TEXT CHECK (result IS NULL OR result IN ('无反弹', '反弹')),
    clue_id INTEGER REFERENCES clue (id) ON DELETE SET NULL,
    note TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE INDEX revisit_case ON revisit (case_id);
CREATE TABLE problem_item (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('督察', '审计', '巡察', '举报', '媒体', '卫片', '其他')),
    list_name TEXT NOT NULL,
    listed_on TEXT NOT NULL,
    item_number TEXT NOT NULL,
    description TEXT NOT NULL,
    township TEXT,
    xzqdm TEXT,
    responsible TEXT,
    plan TEXT,
    case_id INTEGER REFERENCES case_record (id) ON DELETE SET NULL,
    extended_to TEXT,
    extension_reason TEXT,
    extension_approved_by TEXT,
    extension_approved_on TEXT,
    rectified_on TEXT,
    note TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    UNIQUE (list_name, item_number),
    CHECK (extended_to IS NULL OR (extension_reason IS NOT NULL
        AND extension_approved_by IS NOT NULL AND extension_approved_on IS NOT NULL))
);
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL,
    plot_id INTEGER NOT NULL REFERENCES plot (id) ON DELETE CASCADE,
    comment TEXT NOT NULL,
    received_on TEXT NOT NULL,
    corrected_on TEXT,
    correction TEXT,
    created_at TEXT NOT NULL DEFAULT ({NOW}),
    UNIQUE (period, plot_id)
);
CREATE TABLE record_file (
    id INTEGER PRIMARY KEY,
    owner_table TEXT NOT NULL CHECK (owner_table IN ('patrol', 'clue', 'stop_action',
        'notification', 'notification_recipient', 'transfer', 'escalation', 'revisit',
        'problem_item', 'patrol_report')),
    owner_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('照片', '视频', '文件', '扫描件')),
    title TEXT,
    sha256 TEXT NOT NULL,
    stored_name TEXT NOT NULL,
    original_name TEXT,
    taken_at TEXT,
    longitude REAL,
    latitude REAL,
    direction REAL,
    created_at TEXT NOT NULL DEFAULT ({NOW})
);
CREATE INDEX record_file_owner ON record_file (owner_table, owner_id)
"""

# Audited like the case tables (every change leaves an audit row).
TABLES = (
    "patrol_unit",
    "patrol_level",
    "patrol_zone",
    "patrol",
    "clue",
    "patrol_finding",
    "patrol_report",
    "stop_action",
    "recipient",
    "notification",
    "notification_recipient",
    "transfer",
    "escalation",
    "campaign",
    "revisit",
    "problem_item",
    "feedback",
    "record_file",
)


def v8_patrols_stops_and_notifications(db: Any, srid: int) -> None:
    for statement in _split(_TABLES):
        db.execute(statement)
    for table, kind in (
        ("patrol_zone", "MULTIPOLYGON"),
        ("patrol", "MULTILINESTRING"),
        ("clue", "POINT"),
        ("problem_item", "MULTIPOLYGON"),
    ):
        db.execute(f"SELECT AddGeometryColumn('{table}', 'geom', {srid}, '{kind}', 'XY', 0)")
        db.execute(f"SELECT CreateSpatialIndex('{table}', 'geom')")
    for level, days in DEFAULT_LEVELS:
        db.execute(
            "INSERT INTO patrol_level (level, visit_every_days) VALUES (?, ?)", (level, days)
        )
    for sort, row in enumerate(DEFAULT_RECIPIENTS):
        db.execute(
            "INSERT INTO recipient (name, deadline_days, working_days, counted_from, "
            "accountable, rule, sort) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (*row, sort),
        )
