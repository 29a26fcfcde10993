"""Corpus inputs about records: text encodings, dates, a .dbf shorter than its .shp,
numbers, text that looks like code."""

from __future__ import annotations

from batch_files import dbf_bytes, square, write_shapefile
from corpus_base import (
    FIELDS,
    BatchRefused,
    Case,
    Refused,
    Rows,
    SourceRefused,
    Stored,
    beside,
    cell,
    record,
    shapefile_case,
)

from landcase.cases.intake import DUPLICATE

# -- 1. text encodings: stored with the exact text -----------------------------------------

SIMPLIFIED = [
    "秣陵街道",
    "湖熟街道",
    "禄口街道",
    "横溪街道",
    "谷里街道",
    "江宁街道",
    "淳化街道",
    "汤山街道",
    "东山街道",
    "麒麟街道",
]
TRADITIONAL = [
    "臺北市大安區",
    "桃園市中壢區",
    "新北市板橋區",
    "高雄市",
    "臺中市西屯區",
    "彰化縣員林市",
    "新竹縣竹北市",
    "嘉義市東區",
    "屏東縣屏東市",
    "宜蘭縣羅東鎮",
]


def encoding_cases() -> list[Case]:
    cases = []
    variants = [
        # (label, texts, encoding of the bytes, .cpg written (None: no .cpg))
        ("utf8-cpg", SIMPLIFIED, "utf-8", "UTF-8"),
        ("utf8-nocpg", SIMPLIFIED, "utf-8", None),
        ("gbk-nocpg", SIMPLIFIED, "gbk", None),
        ("gbk-cpg", SIMPLIFIED, "gbk", "GBK"),
        ("gbk-cpg936", SIMPLIFIED, "gbk", "936"),
        # the .cpg claims UTF-8 over GBK bytes: GBK is detected, no U+FFFD stored
        ("gbk-under-utf8-cpg", SIMPLIFIED, "gbk", "UTF-8"),
        ("big5-nocpg", TRADITIONAL, "big5", None),
        # the .cpg claims UTF-8 over Big5 bytes: Big5 is detected
        ("big5-under-utf8-cpg", TRADITIONAL, "big5", "UTF-8"),
    ]
    for label, texts, encoding, cpg in variants:
        for index, township in enumerate(texts):
            anchor = texts[(index + 1) % len(texts)]
            cases.append(
                shapefile_case(
                    f"enc-{label}-{index}",
                    beside(),
                    {"township": township, "bz": township + "备注" if encoding != "big5" else ""},
                    Stored({"township": township}),
                    encoding=encoding,
                    cpg=cpg,
                    anchor_township=anchor,
                )
            )
    # GB18030-only characters (four-byte sequences) in the text: read as GB18030
    for index, township in enumerate(["𠀀村", "䶮镇", "𪚥乡", "㐀街道", "€镇"]):
        cases.append(
            shapefile_case(
                f"enc-gb18030-{index}",
                beside(),
                {"township": township},
                Stored({"township": township}),
                encoding="gb18030",
                cpg=None,
            )
        )
    # bytes that are text in no encoding LandCase reads: the source is refused, saying so
    for index, junk in enumerate([b"\xff\xff\xff", b"\x80\xff\xfe", b"\xfe\xff\xff\xff"]):

        def build(folder, n, junk=junk, index=index):
            x, y = cell(n)
            return write_shapefile(
                folder / f"junk{index}.shp",
                [square(x, y)],
                FIELDS,
                [[f"A{n}".encode(), junk, b"", b"", b""]],
                cpg="UTF-8",
            )

        cases.append(
            Case(
                f"enc-undecodable-{index}",
                build,
                SourceRefused(("none of the encodings", "UTF-8, GBK, GB18030 or Big5")),
            )
        )
    return cases


# -- 2. dates ----------------------------------------------------------------------------

BAD_DATES = [
    "not a date",
    "2025-13-01",
    "2025-02-30",
    "20251301",
    "2025/02/29",  # 2025 is not a leap year
    "yesterday",
    "31.12.2025",
    "2025-1",
    "1e5",
    "----",
    "2025年13月1日",
    "0000-00-00",
    "2025-00-10",
    "2025-10-32",
    "10/01/2025",
    "2025.13.01",
    "O2025-10-01",
    "2025-10-01x",
    "NULL",
    "2025-10",
]
GOOD_DATES = [
    ("2025-10-01", "2025-10-01"),
    ("2025/10/01", "2025-10-01"),
    ("20251001", "2025-10-01"),
    ("2025.10.01", "2025-10-01"),
    ("2025年10月1日", "2025-10-01"),
    ("2025-1-5", "2025-01-05"),
    ("2024-02-29", "2024-02-29"),  # 2024 is a leap year
    ("2025-10-01 00:00:00", "2025-10-01"),
    ("2025-10-01T08:30:00", "2025-10-01"),
    ("  2025-12-31  ", "2025-12-31"),
    ("2000/1/1", "2000-01-01"),
    ("2025年2月28日", "2025-02-28"),
]
BAD_RECEIVED = [
    "not a date",
    "2026-02-30",
    "02/10/2026",
    "tomorrow",
    "2026-13-01",
    "2026.02.30",
    "2026年2月30日",
    "x",
]
GOOD_RECEIVED = [
    ("2026-02-10", "2026-02-10"),
    ("2026/2/10", "2026-02-10"),
    ("20260210", "2026-02-10"),
    ("2026年2月10日", "2026-02-10"),
]


def date_cases() -> list[Case]:
    cases = []
    for index, value in enumerate(BAD_DATES):
        cases.append(
            shapefile_case(
                f"date-qsx-bad-{index}",
                beside(),
                {"qsx": value},
                Refused(("QSX", value.strip(), "is not a date", "YYYY-MM-DD")),
            )
        )
    for index, value in enumerate(BAD_DATES[:10]):
        cases.append(
            shapefile_case(
                f"date-hsx-bad-{index}",
                beside(),
                {"qsx": "2025-01-01", "hsx": value},
                Refused(("HSX", value, "is not a date")),
            )
        )
    for index, (value, stored) in enumerate(GOOD_DATES):
        cases.append(
            shapefile_case(
                f"date-good-{index}",
                beside(),
                {"qsx": value, "hsx": value},
                Stored({"qsx": stored, "hsx": stored}),
            )
        )
    for index, value in enumerate(BAD_RECEIVED):
        cases.append(
            shapefile_case(
                f"received-bad-{index}",
                beside(),
                None,
                BatchRefused(("is not a date", value, "Nothing was imported")),
                received=value,
            )
        )
    for index, (value, stored) in enumerate(GOOD_RECEIVED):
        cases.append(
            shapefile_case(
                f"received-good-{index}",
                beside(),
                None,
                Stored({"jcbh": None}),
                received=value,
                received_stored=stored,
            )
        )
    return cases


# -- 4. a .dbf with fewer records than the .shp ---------------------------------------------


def short_dbf_cases() -> list[Case]:
    cases = []
    for shapes in range(2, 7):
        for records in range(1, shapes):

            def build(folder, n, shapes=shapes, records=records):
                x, y = cell(n)
                return write_shapefile(
                    folder / f"short{shapes}_{records}.shp",
                    [square(x + 100 * k, y) for k in range(shapes)],
                    FIELDS,
                    [record(f"R{n}-{k + 1}") for k in range(records)],
                    cpg="UTF-8",
                )

            outcomes = [Stored({"jcbh": None}, row=k) for k in range(1, records + 1)] + [
                Refused(
                    (
                        f"shape {k} of the .shp has no record in the .dbf",
                        f"the .shp holds {shapes} shapes, the .dbf {records} records",
                    ),
                    row=k,
                )
                for k in range(records + 1, shapes + 1)
            ]
            cases.append(Case(f"short-dbf-{shapes}-{records}", build, Rows(tuple(outcomes))))

    # a header that claims 3 records over bytes holding 1: the 1 is read, shapes 2 and 3 named
    def lying(folder, n):
        x, y = cell(n)
        path = write_shapefile(
            folder / "lying.shp",
            [square(x + 100 * k, y) for k in range(3)],
            FIELDS,
            [record(f"R{n}-1")],
            cpg="UTF-8",
        )
        path.with_suffix(".dbf").write_bytes(dbf_bytes(FIELDS, [record(f"R{n}-1")], count=3))
        return path

    cases.append(
        Case(
            "short-dbf-lying-header",
            lying,
            Rows(
                (
                    Stored({"jcbh": None}, row=1),
                    Refused(("shape 2 of the .shp has no record",), row=2),
                    Refused(("shape 3 of the .shp has no record",), row=3),
                )
            ),
        )
    )
    return cases


# -- 7. numbers: missing, repeated, already stored -----------------------------------------


def number_cases() -> list[Case]:
    cases = []
    for index, jcbh in enumerate(("", "   ", "\t")):

        def build(folder, n, jcbh=jcbh, index=index):
            x, y = cell(n)
            return write_shapefile(
                folder / f"nojcbh{index}.shp",
                [square(x, y), square(x + 100, y)],
                FIELDS,
                [record(f"A{n}"), record(jcbh)],
            )

        cases.append(Case(f"jcbh-missing-{index}", build, Refused(("no 监测编号",))))
    for index in range(3):

        def repeat(folder, n, index=index):
            x, y = cell(n)
            return write_shapefile(
                folder / f"repeat{index}.shp",
                [square(x, y), square(x + 100 + index, y)],
                FIELDS,
                [record(f"A{n}"), record(f"A{n}")],
            )

        cases.append(
            Case(f"jcbh-repeated-{index}", repeat, Refused(("repeats row 1",), kind=DUPLICATE))
        )
    for index in range(3):

        def again(folder, n, index=index):
            x, y = cell(n)
            # A0, A1, A2: the anchors stored by the first inputs of the corpus
            return write_shapefile(
                folder / f"again{index}.shp",
                [square(x, y), square(x + 100, y)],
                FIELDS,
                [record(f"A{n}"), record(f"A{index}")],
            )

        cases.append(
            Case(
                f"jcbh-already-stored-{index}",
                again,
                Refused(("already in the database",), kind=DUPLICATE),
            )
        )
    return cases


# -- 8. text that looks like code is stored literally --------------------------------------

LITERAL = [
    "'); DROP TABLE plot; --",
    "Robert'); DELETE FROM batch; --",
    "1 OR 1=1",
    "{jcbh}",
    "{0}{1}",
    "%s%s%s",
    "%(name)s",
    "<b>镇</b>",
    "<script>alert(1)</script>",
    "${HOME}",
    "`rm -rf /`",
    "$(reboot)",
    "\\x00\\n",
    "=CMD|' /C calc'!A0",
    "@SUM(1+1)",
    "../../etc/passwd",
    "NULL",
    "None",
    "☃ 🌾",
    "镇'\"",
    "; ATTACH DATABASE '/tmp/x' AS x; --",
    "0x414243",
    "\\server\\share",
    "%n%n%n",
    "{{}}",
    "}{",
    "' OR ''='",
    "/* 注释 */",
    "-- 注释",
    "SELECT * FROM plot",
]


def literal_cases() -> list[Case]:
    return [
        shapefile_case(
            f"literal-{index}",
            beside(),
            {"township": value, "bz": value},
            Stored({"township": value, "description": value}),
        )
        for index, value in enumerate(LITERAL)
    ]
