"""The submission export of a round (一上 / 二上): GeoPackage, GBK shapefile and Excel
table, re-imported through the plugin's own reader to check that nothing was lost; and the
two Processing algorithms run in-process."""

from __future__ import annotations

import math

import openpyxl
import pytest
import shapely
from test_statistics import MU, TODAY, build_county

from helpers import new_plot, small_database
from landcase.cases import rounds
from landcase.cases import statistics as st
from landcase.cases import workflow as wf

AREA_FIELDS = [f.name for f in st.SUBMISSION_FIELDS if f.unit == st.AREA]
TEXT_FIELDS = [f.name for f in st.SUBMISSION_FIELDS if f.unit == st.TEXT]


@pytest.fixture(scope="module")
def county(module_target):
    """The hand-built county of test_statistics.py with its March 一上 round, taken after
    all the work below was recorded."""
    store, ids = build_county(module_target)
    round_id = rounds.create_round(store, "2026-03", "一上")
    yield store, ids, round_id
    store.close()


@pytest.fixture(scope="module")
def exported(county, qgis_app, tmp_path_factory):
    from landcase.layers.submission_export import export_submission

    store, _ids, round_id = county
    return export_submission(store, round_id, tmp_path_factory.mktemp("out"))


def _blank(value):
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def _read(path, srid=4549):
    from landcase.layers.source_reader import open_source, read_rows

    opened = open_source(str(path))
    names, rows = read_rows(opened.layer, srid)
    return opened, names, {row.attributes["JCBH"]: row for row in rows}


# -- the table -------------------------------------------------------------------------------


def test_the_submission_table_holds_the_rounds_snapshot(county):
    store, ids, round_id = county
    table = st.submission_table(store, round_id)
    assert table.name == "2026-03 一上" and len(table.frame) == 13
    rows = table.frame.set_index("JCBH")
    p1 = rows.loc["320123202603001"]
    assert (p1["XZQDM"], p1["XZQMC"], p1["XZMC"], p1["CMC"]) == (
        "320123",
        "江宁区",
        "青山镇",
        "东村",
    )
    assert (p1["PDLX"], p1["PDZL"], p1["XZCL"], p1["BLZT"]) == (
        "违法",
        "工矿商服-厂房",
        "新增",
        "已销号",
    )
    assert (p1["CCFS"], p1["LABH"], p1["YJBM"]) == ("立案", "江规资立〔2026〕1号", None)
    assert (p1["ZGCS"], p1["ZGXDRQ"], p1["FHJG"], p1["FHRQ"], p1["XHRQ"]) == (
        "拆除复耕",
        "2026-03-20",
        "整改到位",
        "2026-04-20",
        "2026-04-25",
    )
    assert (p1["TBMJ"], p1["GDMJ"], p1["JBNTMJ"], p1["CCMJ"]) == (9.0, 4.5, 1.8, 1.5)  # 1000 m²
    assert p1["JCPC"] == "2026年第3批部卫片" and p1["SBLC"] == "2026-03 一上"
    p2 = rows.loc["320123202603002"]
    assert (p2["CCFS"], p2["YJBM"], p2["LABH"], p2["XZCL"]) == ("移交", "农业农村", None, "存量")
    # patrol plot, no overlay: its stored ellipsoidal area (a 40 m square, 1,600 m² ≈ 2.40
    # 亩); 耕地 never compared: an empty cell, not 0.00 (issue 11)
    p7 = rows.loc["320123202603007"]
    assert (p7["PDLX"], p7["XSLY"], p7["TBMJ"]) == ("未判定", "属地巡查", 2.4)
    assert _blank(p7["GDMJ"]) and _blank(p7["JBNTMJ"])
    p4 = rows.loc["320123202603004"]
    assert (p4["PDLX"], p4["PDZL"], p4["BLZT"], p4["CCFS"]) == ("合法", "批文", "已办结", None)


def test_later_work_does_not_change_the_round(county):
    """The round keeps its snapshot: P6 determined afterwards still shows 未判定."""
    store, ids, round_id = county
    wf.determine(
        store, ids["P6"], "其他", "生态修复用地", decided_by="判定员", decided_on="2026-04-02"
    )
    table = st.submission_table(store, round_id).frame.set_index("JCBH")
    assert table.loc["320123202603006", "PDLX"] == "未判定"
    assert table.loc["320123202603006", "BLZT"] == "已核查"


def test_only_submissions_are_exported(county):
    store, _ids, _round_id = county
    down = rounds.create_round(store, "2026-03", "一下")
    with pytest.raises(st.StatisticsError, match="一上 and 二上"):
        st.submission_table(store, down)
    up = rounds.create_round(store, "2026-03", "二上")
    assert st.submission_table(store, up).name == "2026-03 二上"
    assert st.find_round(store, "2026-03  二上").id == up
    assert st.find_round(store, str(up)).id == up
    with pytest.raises(st.CaseDatabaseError):
        st.find_round(store, "2026-04 一上")


# -- the files ---------------------------------------------------------------------------------


def test_the_files_are_written(exported):
    assert exported.round_name == "2026-03 一上" and exported.features == 13
    assert exported.shapefile.name == "submission_2026-03_1S.shp"
    for path in (exported.geopackage, exported.shapefile, exported.workbook):
        assert path.exists(), path
    assert exported.shapefile.with_suffix(".cpg").read_text(encoding="ascii").strip() == "GBK"
    assert exported.warnings == []


def test_the_gbk_shapefile_reimports_without_loss(county, exported):
    store, _ids, round_id = county
    expected = st.submission_table(store, round_id)
    opened, names, rows = _read(exported.shapefile)
    assert (opened.encoding, opened.encoding_reason.lower().count("cpg") > 0) == ("GBK", True)
    assert names == [f.name for f in st.SUBMISSION_FIELDS]
    assert len(rows) == len(expected.frame) == 13
    # the DBF holds GBK bytes: the Chinese text is really encoded, not UTF-8
    dbf = exported.shapefile.with_suffix(".dbf").read_bytes()
    assert "青山镇".encode("gbk") in dbf and "青山镇".encode() not in dbf
    for record, wkb in zip(expected.frame.to_dict("records"), expected.wkb):
        row = rows[record["JCBH"]]
        for name in TEXT_FIELDS:
            if _blank(record[name]):
                assert _blank(row.attributes[name]), (record["JCBH"], name)
            else:
                assert row.attributes[name] == record[name], (record["JCBH"], name)
        for name in AREA_FIELDS:
            if _blank(record[name]):
                assert _blank(row.attributes[name]), (record["JCBH"], name)
            else:
                assert row.attributes[name] == pytest.approx(record[name], abs=0.01), name
        assert shapely.area(row.geometry) == pytest.approx(shapely.from_wkb(wkb).area, abs=0.01)
    p1 = rows["320123202603001"].attributes
    assert (p1["XZMC"], p1["PDZL"], p1["LABH"]) == (
        "青山镇",
        "工矿商服-厂房",
        "江规资立〔2026〕1号",
    )
    assert p1["TBMJ"] == pytest.approx(9.0, abs=0.01)
    assert rows["320123202603007"].attributes["TBMJ"] == pytest.approx(1600 / MU, abs=0.01)


def test_the_geopackage_reimports_without_loss(county, exported):
    store, _ids, round_id = county
    expected = st.submission_table(store, round_id).frame.set_index("JCBH")
    _opened, names, rows = _read(exported.geopackage)
    assert [f.name for f in st.SUBMISSION_FIELDS] == [n for n in names if n != "fid"]
    assert len(rows) == 13
    for jcbh, row in rows.items():
        for name in TEXT_FIELDS[1:]:  # JCBH is the key
            value = expected.loc[jcbh, name]
            assert (row.attributes[name] or None) == (None if _blank(value) else value), name
        assert row.attributes["TBMJ"] == pytest.approx(expected.loc[jcbh, "TBMJ"], abs=0.01)


def test_the_submission_workbook(exported):
    book = openpyxl.load_workbook(exported.workbook)
    assert book.sheetnames == ["上报图斑", "说明"]  # issue 11: the area basis explained
    notes = " ".join(str(r[0]) for r in book["说明"].iter_rows(values_only=True) if r and r[0])
    assert "椭球面积" in notes and "未比对" in notes
    sheet = book["上报图斑"]
    assert sheet.freeze_panes == "A2"
    headers = [cell.value for cell in sheet[1]]
    assert headers[0] == "监测编号\nJCBH" and "图斑面积(亩)\nTBMJ" in headers
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 13
    record = dict(zip(headers, rows[0]))
    assert record["监测编号\nJCBH"] == "320123202603001"
    assert record["图斑面积(亩)\nTBMJ"] == pytest.approx(9.0)
    assert record["判定类型\nPDLX"] == "违法"
    column = headers.index("图斑面积(亩)\nTBMJ") + 1
    assert sheet.cell(row=2, column=column).number_format == "0.00"
    # P7 (the 7th plot, sheet row 8) was never compared: GDMJ empty, with a note
    gdmj = sheet.cell(row=8, column=headers.index("占用耕地面积(亩)\nGDMJ") + 1)
    assert sheet.cell(row=8, column=1).value == "320123202603007"
    assert gdmj.value is None and "未比对" in gdmj.comment.text


def test_text_gbk_cannot_hold_is_reported(qgis_app, case_target, tmp_path):
    from landcase.layers.submission_export import export_submission

    store = small_database(case_target, plots=1)
    store.add_plot(new_plot(7, village="𠮷村"))  # U+20BB7: in GB18030, not in GBK
    round_id = rounds.create_round(store, "2026-02", "一上")
    result = export_submission(store, round_id, tmp_path / "out")
    assert [(w.jcbh, w.field) for w in result.warnings] == [("320100202601007", "CMC")]
    _opened, _names, rows = _read(result.geopackage)
    assert rows["320100202601007"].attributes["CMC"] == "𠮷村"  # the GeoPackage keeps it
    store.close()


# -- Processing ----------------------------------------------------------------------------


# PostgreSQL: Processing's DATABASE parameter is a file parameter (QgsProcessingParameterFile),
# which refuses a connection URI before the algorithm runs
@pytest.mark.spatialite_only
def test_exportsubmission_algorithm(county, qgis_processing, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from landcase.plugin.processing.statistics_algorithms import ExportSubmissionAlgorithm

    store, _ids, _round_id = county
    algorithm = ExportSubmissionAlgorithm()
    algorithm.initAlgorithm()
    result = processing.run(
        algorithm,
        {"DATABASE": store.location, "ROUND": "2026-03 一上", "OUTPUT_FOLDER": str(tmp_path)},
    )
    assert result["FEATURES"] == 13
    _opened, _names, rows = _read(result["SHAPEFILE"])
    assert len(rows) == 13
    assert rows["320123202603002"].attributes["YJBM"] == "农业农村"
    assert result["WORKBOOK"].endswith(".xlsx") and result["GEOPACKAGE"].endswith(".gpkg")
    # The traceback of the refusal below keeps this frame's locals: no QGIS layer among them
    # may outlive QGIS (destroying one after exitQgis crashes the interpreter).
    del _opened

    algorithm = ExportSubmissionAlgorithm()
    algorithm.initAlgorithm()
    with pytest.raises(QgsProcessingException, match="2030-01"):
        processing.run(
            algorithm,
            {"DATABASE": store.location, "ROUND": "2030-01 一上", "OUTPUT_FOLDER": str(tmp_path)},
        )


# PostgreSQL: Processing's DATABASE parameter is a file parameter (QgsProcessingParameterFile),
# which refuses a connection URI before the algorithm runs
@pytest.mark.spatialite_only
def test_monthlystatistics_algorithm(county, qgis_processing, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    from landcase.plugin.processing.statistics_algorithms import MonthlyStatisticsAlgorithm

    store, _ids, _round_id = county
    algorithm = MonthlyStatisticsAlgorithm()
    algorithm.initAlgorithm()
    workbook, pdf = tmp_path / "2026-03.xlsx", tmp_path / "2026-03.pdf"
    result = processing.run(
        algorithm,
        {
            "DATABASE": store.location,
            "PERIOD": "2026-03",
            "TODAY": TODAY,
            "OUTPUT_XLSX": str(workbook),
            "OUTPUT_PDF": str(pdf),
        },
    )
    assert (result["PLOTS"], result["ILLEGAL"]) == (7, 3)
    assert result["OUTPUT_XLSX"] == str(workbook)
    sheet = openpyxl.load_workbook(workbook)["县级汇总"]
    headers = [cell.value for cell in sheet[1]]
    county_row = dict(zip(headers, next(sheet.iter_rows(min_row=2, values_only=True))))
    assert county_row["违法宗数"] == 3 and county_row["登记图斑数"] == 7
    assert county_row["违法面积(亩)"] == pytest.approx(17.1)
    assert pdf.exists() and result["PAGES"] >= 1  # the 月报 comes with the workbook

    algorithm = MonthlyStatisticsAlgorithm()
    algorithm.initAlgorithm()
    with pytest.raises(QgsProcessingException, match="2026-13"):
        processing.run(
            algorithm,
            {
                "DATABASE": store.location,
                "PERIOD": "2026-13",
                "OUTPUT_XLSX": str(tmp_path / "x.xlsx"),
            },
        )


def test_jcmj_is_exported_in_mu_whatever_unit_it_was_issued_in(case_target):
    """JCMJ is 监测面积(亩): a JCMJ issued in m² (plot.jcmj_unit 'm²') is converted; one in
    亩 (or of an old row, unit NULL) is kept, rounded half up to two decimals."""
    store = small_database(case_target, plots=3)
    for plot_id, jcmj, unit in ((1, 6300.0, "m²"), (2, 9.455, None), (3, 670.0, "m²")):
        store._db.execute(
            "UPDATE plot SET jcmj = ?, jcmj_unit = ? WHERE id = ?", (jcmj, unit, plot_id)
        )
    store._db.commit()
    round_id = rounds.create_round(store, "2026-02", "一上")
    rows = st.submission_table(store, round_id).frame.set_index("JCBH")
    # 6,300 × 15 / 10,000 = 9.45 亩; 9.455 亩 → 9.46; 670 m² = 1.005 亩 → 1.01
    assert rows.loc["320100202601000", "JCMJ"] == 9.45
    assert rows.loc["320100202601001", "JCMJ"] == 9.46
    assert rows.loc["320100202601002", "JCMJ"] == 1.01
    # TBMJ: the stored ellipsoidal area of the 40 m squares, ≈ 1,600 m² = 2.40 亩
    assert rows["TBMJ"].tolist() == [2.4, 2.4, 2.4]
    store.close()
