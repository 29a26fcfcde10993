"""Printing a case's documents: read the case (cases/), render its maps through QGIS
(reports/map_renderer), fill the report models, build the PDFs (reports/), and store each
PDF's hash on the case. Shared by the Print action and the Processing algorithms.

A file named after the plot's 监测编号 is replaced only when the case data it was made
from changed (the case hash in the PDF differs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsGeometry,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize

from ..cases import CaseStore
from ..cases.case_file import CaseFile, read_case_file, record_document
from ..cases.errors import N_, LandCaseError
from ..cases.photos import FAR_FROM_PLOT_M
from ..reports import (
    build_closeout_report,
    build_dossier,
    build_verification_report,
    map_pixel_size,
    models,
    register_cjk_font,
    should_rebuild,
)
from ..reports.map_renderer import plot_extent, render_map
from ..toolbelt.i18n import tr
from .print_models import (
    CLOSEOUT,
    DOSSIER,
    VERIFICATION,
    closeout_report,
    dossier_of,
    photo_sightings,
    verification_report,
)


@dataclass(frozen=True)
class Printed:
    jcbh: str
    kind: str
    path: Path
    built: bool  # False: the existing file already matched the case data
    pages: int | None


@dataclass(frozen=True)
class Skipped:
    jcbh: str
    status: str
    reason: str  # in Chinese, as the output says it


class PrintRun(list):
    """The documents printed (a list of ``Printed``) and the plots left out (``skipped``),
    so every output can say how many were left out and why."""

    def __init__(self, printed=(), skipped=()):
        super().__init__(printed)
        self.skipped: list[Skipped] = list(skipped)

    def skipped_summary(self) -> str:
        """ "2 个图斑未打印：已办结（未立案处理，无整改销号）2 个（1、2）" or ""."""
        if not self.skipped:
            return ""
        groups: dict[str, list[str]] = {}
        for item in self.skipped:
            groups.setdefault(item.reason, []).append(item.jcbh)
        parts = []
        for reason, numbers in groups.items():
            shown = "、".join(numbers[:10]) + ("等" if len(numbers) > 10 else "")
            parts.append(f"{reason} {len(numbers)} 个（{shown}）")
        return f"{len(self.skipped)} 个图斑未打印：" + "；".join(parts)


class UnitMissing(LandCaseError):
    """A dossier without 立卷单位: the archive rejects it."""

    template = N_(
        "A dossier needs the unit that compiles it (立卷单位): set the unit name in "
        "Settings ▸ Options ▸ LandCase, or give the UNIT parameter."
    )


def _closeout_skip_reason(status: str) -> str:
    if status == "已办结":
        return "已办结（未立案处理，无整改销号，不出具销号报告）"
    return f"尚未销号（状态：{status}，销号报告只为已销号的案件出具）"


# -- maps ---------------------------------------------------------------------------------


def _role_layer(store, role: str):
    stored = store.layer_role(role)
    if stored is None:
        return None
    if role.startswith("raster_"):
        layer = QgsRasterLayer(stored.source, role, stored.provider)
    else:
        layer = QgsVectorLayer(stored.source, role, stored.provider)
    return layer if layer.isValid() else None


def _quiet(layer: QgsVectorLayer, style: dict) -> QgsVectorLayer:
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(style)))
    return layer


class MapMaker:
    """Renders the three maps of verification reports; the role layers are opened once."""

    def __init__(self, store, folder: Path):
        self.store, self.folder = store, folder
        self.crs = QgsCoordinateReferenceSystem(f"EPSG:{store.srid}")
        context = []
        township = _role_layer(store, "township")
        if township is not None:
            context.append(
                _quiet(
                    township, {"style": "no", "outline_color": "#444444", "outline_width": "0.6"}
                )
            )
        landuse = _role_layer(store, "landuse")
        if landuse is not None:
            context.append(
                _quiet(
                    landuse,
                    {"color": "#f1eee3", "outline_color": "#b9b29e", "outline_width": "0.15"},
                )
            )
        self.context = context
        self.rasters = {kind: _role_layer(store, f"raster_{kind}") for kind in ("before", "after")}
        self.sources = {
            "location": "|".join(layer.source() for layer in context) or "plot only",
            **{k: (layer.source() if layer else None) for k, layer in self.rasters.items()},
        }

    def planned(self, case: CaseFile) -> models.MapImages:
        """The maps as the report hash sees them (what they are drawn from), not yet drawn."""
        extent = case.geometry.bounds
        key = "{:.1f},{:.1f},{:.1f},{:.1f}".format(*extent)
        images = models.MapImages(
            location=models.MapImage(source_key=f"{self.sources['location']}@{key}")
        )
        if photo_sightings(case):  # (said here: the report's hash is taken before drawing)
            images.location.caption = "图1　区位图（蓝点为照片拍摄位置及编号，箭头为拍摄方向）"
        for kind in ("before", "after"):
            if self.sources[kind]:
                image = models.MapImage(source_key=f"{self.sources[kind]}@{key}")
                setattr(images, kind, image)
        return images

    def draw(self, case: CaseFile, images: models.MapImages) -> models.MapImages:
        outline = QgsGeometry.fromWkt(case.geometry.wkt)
        jcbh = case.plot["jcbh"]
        width, height = map_pixel_size("location")
        sightings = photo_sightings(case)
        extent = plot_extent(outline, factor=6, minimum_m=400, aspect=width / height)
        with_photos = plot_extent(_with_near_photos(case), 1.4, 400, width / height)
        if with_photos.width() > extent.width():  # the map takes in the photos near the plot
            extent = with_photos
        images.location.path = str(
            render_map(
                self.context,
                extent,
                self.crs,
                self.folder / f"{jcbh}_location.png",
                size=QSize(width, height),
                outline=outline,
                sightings=sightings,
            )
        )
        for kind in ("before", "after"):
            layer = self.rasters[kind]
            if layer is None:
                continue
            width, height = map_pixel_size(kind)
            extent = plot_extent(outline, factor=2.5, minimum_m=150, aspect=width / height)
            getattr(images, kind).path = str(
                render_map(
                    [layer],
                    extent,
                    self.crs,
                    self.folder / f"{jcbh}_{kind}.png",
                    size=QSize(width, height),
                    outline=outline,
                )
            )
        return images


def _with_near_photos(case: CaseFile) -> QgsGeometry:
    """The plot's outline with the positions of its photos within FAR_FROM_PLOT_M (one far
    off, a wrong GPS fix, would shrink the plot to a dot)."""
    points = [
        shapely.Point(p.x, p.y)
        for p in case.photos
        if p.x is not None and (p.distance_to_plot_m or 0) <= FAR_FROM_PLOT_M
    ]
    return QgsGeometry.fromWkt(shapely.GeometryCollection([case.geometry, *points]).wkt)


# -- printing ------------------------------------------------------------------------------


def print_documents(
    store,
    plot_ids: list[int],
    kind: str,
    folder: Path,
    unit: str = "",
    font: str | None = None,
    feedback=None,
    one_volume: bool = False,
) -> PrintRun:
    """Print ``kind`` for each plot into ``folder``; a dossier is one volume per case,
    or one for all of them when ``one_volume``. Returns the documents printed and the
    plots left out with the reason (a 销号报告 only for closed-out cases).

    ``feedback`` (optional) has ``setProgress(percent)`` and ``isCanceled()``, as
    QgsProcessingFeedback and QgsTask do. A dossier without ``unit`` (立卷单位) raises
    UnitMissing before anything is printed."""
    if kind == DOSSIER and not (unit or "").strip():
        raise UnitMissing()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fonts = register_cjk_font(font)
    maps_folder = folder / ".maps"
    maker = MapMaker(store, maps_folder) if kind in (VERIFICATION, DOSSIER) else None
    run = PrintRun()
    reports = []
    for number, plot_id in enumerate(plot_ids):
        if feedback is not None and feedback.isCanceled():
            break
        case = read_case_file(store, plot_id)
        jcbh = case.plot["jcbh"]
        if kind == CLOSEOUT and not case.state.closed_on:
            run.skipped.append(
                Skipped(jcbh, case.state.status, _closeout_skip_reason(case.state.status))
            )
            continue
        if kind == CLOSEOUT:
            report = closeout_report(store, case, unit)
        else:
            report = verification_report(store, case, maker.planned(case), unit)
        if kind == DOSSIER:
            if one_volume:
                reports.append((case, report))
            else:
                run.append(_print_dossier(store, [(case, report)], maker, folder, unit, fonts))
        else:
            path = folder / f"{jcbh}_{kind}.pdf"
            if not should_rebuild(path, report.case_hash()):
                run.append(Printed(jcbh, kind, path, False, None))
            else:
                if kind == VERIFICATION:
                    maker.draw(case, report.maps)
                    result = build_verification_report(report, path, fonts=fonts)
                else:
                    result = build_closeout_report(report, path, fonts=fonts)
                record_document(
                    store, plot_id, kind, str(path), result.sha256, result.case_hash, result.pages
                )
                run.append(Printed(jcbh, kind, path, True, result.pages))
        if feedback is not None:
            feedback.setProgress(100 * (number + 1) / max(1, len(plot_ids)))
    canceled = feedback is not None and feedback.isCanceled()
    if kind == DOSSIER and reports and not canceled:  # never a partial dossier
        run.append(_print_dossier(store, reports, maker, folder, unit, fonts))
    return run


def _print_dossier(store, reports, maker, folder, unit, fonts) -> Printed:
    dossier = dossier_of(store, reports, unit)
    numbers = [case.plot["jcbh"] for case, _ in reports]
    name = numbers[0] if len(numbers) == 1 else f"{numbers[0]}_等{len(numbers)}个"
    path = folder / f"{name}_{DOSSIER}.pdf"
    if not should_rebuild(path, dossier.case_hash()):
        return Printed(name, DOSSIER, path, False, None)
    for case, report in reports:
        maker.draw(case, report.maps)
    result = build_dossier(dossier, path, fonts=fonts)
    for case, _ in reports:
        record_document(
            store, case.plot_id, DOSSIER, str(path), result.sha256, result.case_hash, result.pages
        )
    return Printed(name, DOSSIER, path, True, result.pages)


class PrintTask(QgsTask):
    """Prints in a worker thread with its own connection to the case database (a SQLite
    connection belongs to the thread that opened it)."""

    def __init__(
        self,
        database: str,
        plot_ids: list[int],
        kind: str,
        folder: str,
        unit: str,
        font,
        one_volume: bool = False,
    ):
        super().__init__(tr("Printing {kind}").format(kind=kind), QgsTask.CanCancel)
        self.database, self.plot_ids, self.kind = database, plot_ids, kind
        self.folder, self.unit, self.font = folder, unit, font
        self.one_volume = one_volume
        self.printed = PrintRun()
        self.error: Exception | None = None

    def run(self) -> bool:
        try:
            store = CaseStore.open(self.database)
            try:
                self.printed = print_documents(
                    store,
                    self.plot_ids,
                    self.kind,
                    self.folder,
                    self.unit,
                    self.font,
                    feedback=self,
                    one_volume=self.one_volume,
                )
            finally:
                store.close()
        except Exception as error:  # shown to the user in finished(); the task must not raise
            self.error = error
            return False
        return not self.isCanceled()
