"""The patrol records on the map (issue 15): opening a case database adds a 'Patrols' group
with the zones by level, the routes, the point clues by kind (open or outlined) and the
问题清单 items with an outline, read-only, on both backends; rendered as a user sees them."""

from __future__ import annotations

import csv

import pytest
import shapely
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage

import landcase
from helpers import ORIGIN, small_database
from landcase.cases import clue_outline, clues, patrol_units, patrol_zones, patrols, problem_items
from landcase.layers.patrol_layers import find_patrol_group, find_patrol_layers
from landcase.layers.plot_layer import GROUP_NAME, ROLE_PROPERTY

X, Y = ORIGIN
# clue code → (x, y, kind): two open, one outlined below
CLUE_POINTS = {
    "XS20261203-001": (X + 150, Y + 120, "疑似违法"),
    "XS20261203-002": (X + 450, Y + 100, "动工迹象"),
    "XS20261203-003": (X + 250, Y + 300, "疑似违法"),
}


@pytest.fixture
def plugin(qgis_iface, qgis_new_project, qgis_processing):
    instance = landcase.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


def _patrol_database(target, tmp_path) -> None:
    """Three zones (高, 中, 低), one route, three clues (one outlined), two 问题清单 items
    (one with an outline)."""
    store = small_database(target, plots=0)
    patrol_units.add_unit(store, patrol_units.NewUnit("东村"))
    for code, level, box in (
        ("PQ01", "高", (X, Y, X + 300, Y + 200)),
        ("PQ02", "中", (X + 300, Y, X + 600, Y + 200)),
        ("PQ03", "低", (X, Y + 200, X + 600, Y + 400)),
    ):
        patrol_zones.save_zone(
            store, patrol_zones.NewZone(code, f"片区{code}", level, "东村", None, shapely.box(*box))
        )
    patrols.record_patrol(
        store,
        patrols.NewPatrol(
            "2026-12-03", "东村", "张三", zone="PQ01",
            route=shapely.LineString([(X + 10, Y + 180), (X + 590, Y + 30)]),
        ),
    )  # fmt: skip
    ids = {
        code: clues.record_clue(
            store, clues.NewClue(found_at="2026-12-03 09:00", kind=kind, x=x, y=y, code=code)
        )
        for code, (x, y, kind) in CLUE_POINTS.items()
    }
    outline = shapely.box(X + 230, Y + 280, X + 270, Y + 320)
    clue_outline.outline_clue(store, ids["XS20261203-003"], outline, clue_source="群众举报")
    sheet = tmp_path / "清单.csv"
    with sheet.open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["来源", "清单名称", "列入日期", "序号", "问题描述", "WKT"])
        wkt = shapely.box(X + 400, Y + 250, X + 560, Y + 380).wkt
        rows.writerow(["督察", "2026督察", "2026-03-10", "1", "占用耕地建房", wkt])
        rows.writerow(["督察", "2026督察", "2026-03-10", "2", "无图形的问题", ""])
    assert len(problem_items.import_problem_list(store, sheet).imported) == 2
    store.close()


def _rule_counts(layer) -> dict[str, int]:
    """How many features each rule of the clue renderer draws (its filter evaluated)."""
    counts = {}
    for rule in layer.renderer().rootRule().children():
        expression = QgsExpression(rule.filterExpression())
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        count = 0
        for feature in layer.getFeatures():
            context.setFeature(feature)
            count += bool(expression.evaluate(context))
        counts[rule.label()] = count
    return counts


def test_opening_a_database_adds_the_patrol_group_styled(plugin, case_target, tmp_path):
    _patrol_database(case_target, tmp_path)
    assert plugin.open_database(case_target) is not None
    project = QgsProject.instance()
    group = find_patrol_group(project)
    assert group is not None and group.name() == "Patrols"
    assert group.parent().name() == GROUP_NAME
    # points over lines over areas
    order = [node.layer().customProperty(ROLE_PROPERTY) for node in group.findLayers()]
    assert order == ["clue", "patrol", "problem_item", "patrol_zone"]
    layers = find_patrol_layers(project, case_target)
    counts = {table: layer.featureCount() for table, layer in layers.items()}
    assert counts == {"patrol_zone": 3, "patrol": 1, "clue": 3, "problem_item": 1}
    assert all(layer.readOnly() for layer in layers.values())
    assert [layer.name() for layer in layers.values()] == [
        "Patrol zones", "Problem list items", "Patrol routes", "Point clues",
    ]  # fmt: skip

    zones = layers["patrol_zone"]
    renderer = zones.renderer()
    assert renderer.classAttribute() == "level"
    fills = {c.value(): c.symbol().color().getRgb()[:3] for c in renderer.categories()}
    assert fills == {"高": (231, 76, 60), "中": (243, 156, 18), "低": (39, 174, 96)}
    assert zones.labelsEnabled() and zones.labeling().settings().fieldName == "code"

    assert _rule_counts(layers["clue"]) == {
        "疑似违法, open": 1,
        "疑似违法, outlined or closed": 1,
        "动工迹象, open": 1,
        "动工迹象, outlined or closed": 0,
    }

    plugin.close_database()
    assert find_patrol_group(project) is None
    assert find_patrol_layers(project, case_target) == {}
    assert project.layerTreeRoot().findGroup(GROUP_NAME) is None


def _pixel(image: QImage, settings: QgsMapSettings, x: float, y: float) -> tuple:
    point = settings.mapToPixel().transform(QgsPointXY(x, y))
    return QColor(image.pixel(round(point.x()), round(point.y()))).getRgb()[:3]


def test_the_map_shows_zones_by_level_and_clues_by_kind(plugin, tmp_path, artifacts):
    path = tmp_path / "patrols.sqlite"
    _patrol_database(path, tmp_path)
    plugin.open_database(str(path))
    project = QgsProject.instance()
    layers = find_patrol_layers(project, path)
    settings = QgsMapSettings()
    settings.setLayers(
        [layers[t] for t in ("clue", "patrol", "problem_item", "patrol_zone")] + [plugin.plot_layer]
    )
    settings.setDestinationCrs(layers["patrol_zone"].crs())
    settings.setOutputSize(QSize(700, 480))
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setExtent(QgsRectangle(X - 20, Y - 20, X + 620, Y + 420))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(str(artifacts / "patrol_layers.png"))

    # an open 疑似违法 clue: filled red; an open 动工迹象: filled orange
    assert _pixel(image, settings, X + 150, Y + 120) == (192, 57, 43)
    assert _pixel(image, settings, X + 450, Y + 98) == (230, 126, 34)
    # inside a zone, away from everything: its level's colour at alpha 45 over white,
    # 高 (231, 76, 60) → 231·45/255 + 255·210/255 ≈ 251, 76 → 223, 60 → 221
    assert _pixel(image, settings, X + 60, Y + 60) == pytest.approx((251, 223, 221), abs=2)
    # 低 (39, 174, 96) → 217, 241, 227
    assert _pixel(image, settings, X + 60, Y + 380) == pytest.approx((217, 241, 227), abs=2)
