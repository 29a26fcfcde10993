"""Printing a case's documents: read the case (cases/), render its maps through QGIS
(reports/map_renderer), fill the report models, build the PDFs (reports/), and store each
PDF's hash on the case. Shared by the Print action and the Processing algorithms.

A file named after the plot's 监测编号 is replaced only when the case data it was made
from changed (the case hash in the PDF differs)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

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

from ..cases import CaseStore, overlay_records
from ..cases.case_file import CaseFile, read_case_file, record_document
from ..cases.ellipsoid_area import ellipsoidal_area
from ..cases.landuse_codes import three_way_class
from ..cases.photos import photo_path
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

VERIFICATION, CLOSEOUT, DOSSIER = "核查报告", "销号报告", "卷宗"
FLAG_TEXT = {
    "no_time": "无拍摄时间",
    "no_position": "无拍摄位置",
    "far_from_plot": "距图斑超过100米",
    "magnetic_direction": "方向为磁北",
    "exif_unreadable": "EXIF无法读取",
}


@dataclass(frozen=True)
class Printed:
    jcbh: str
    kind: str
    path: Path
    built: bool  # False: the existing file already matched the case data
    pages: int | None


def _text(value) -> str:
    return "" if value is None else str(value)


# -- case → report models -------------------------------------------------------------


def plot_info(case: CaseFile) -> models.PlotInfo:
    plot = case.plot
    return models.PlotInfo(
        jcbh=plot["jcbh"],
        batch=_text(plot["batch"] or plot["jcpc"]),
        clue_source=_text(plot["clue_source"]),
        county=_text(plot["xzqmc"]) if plot["xzqmc"] != plot["township"] else "",
        township=_text(plot["township"]),
        village=_text(plot["village"]),
        qsx=_text(plot["qsx"]),
        hsx=_text(plot["hsx"]),
        change_type=_text(plot["bglx"] or plot["tblx"]),
        area_m2=case.geometry.area,
        area_ellipsoidal_m2=ellipsoidal_area(case.geometry, case.srid),
        center_lon=plot["center_lon"],
        center_lat=plot["center_lat"],
        found_date=_text(plot["found_date"]),
    )


def _photo(store, photo) -> models.PhotoInfo:
    return models.PhotoInfo(
        path=str(photo_path(store, photo)),
        taken_at=_text(photo.taken_at).replace("T", " ")[:19],
        lon=photo.longitude,
        lat=photo.latitude,
        direction=photo.direction,
        flags=[FLAG_TEXT.get(flag, flag) for flag in photo.flags],
    )


def _determination(case: CaseFile) -> models.Determination | None:
    current = case.state.determination
    if current is None:
        return None
    evidence = {
        "批准文号": current.approval_number,
        "批文覆盖比例": f"{current.covered_share:.1%}" if current.covered_share else None,
        "不动产权证号": current.title_number,
        "设施农用地上图入库号": current.facility_record_number,
        "备案面积（m²）": f"{current.filed_area_m2:.2f}" if current.filed_area_m2 else None,
        "判定依据": current.evidence.get("basis"),
    }
    subtype = current.subtype or ""
    if current.detail:
        subtype = f"{subtype}（{current.detail}）"
    return models.Determination(
        category=current.category,
        subtype=subtype,
        new_or_existing=_text(current.new_or_existing),
        evidence={k: str(v) for k, v in evidence.items() if v},
        note="；".join(w.message for w in current.warnings),
        decided_by=_text(current.decided_by),
        decided_on=_text(current.decided_on),
    )


def _overlay_rows(store, plot_id: int):
    breakdown = overlay_records.read_breakdown(store, plot_id)
    if breakdown is None:
        return [], [], []
    landuse = []
    for item in breakdown.landuse:
        try:
            group = three_way_class(item.code) if item.code else ""
        except ValueError:
            group = ""
        landuse.append(
            models.OverlayRow(
                _text(item.code),
                _text(item.name),
                item.area.planar_m2,
                item.area.ellipsoidal_m2,
                group,
            )
        )
    farmland_area = breakdown.masks.get("farmland")
    farmland = (
        [
            models.OverlayRow(
                "", "永久基本农田", farmland_area.planar_m2, farmland_area.ellipsoidal_m2
            )
        ]
        if farmland_area is not None and farmland_area.planar_m2 > 0
        else []
    )
    names = {"redline": "生态保护红线", "urban_boundary": "城镇开发边界", "temporary": "临时用地"}
    other = [
        models.OverlayRow("", names[key], area.planar_m2, area.ellipsoidal_m2)
        for key, area in breakdown.masks.items()
        if key in names and area.planar_m2 > 0
    ]
    other += [
        models.OverlayRow(_text(a.number), "批准用地", a.area.planar_m2, a.area.ellipsoidal_m2)
        for a in breakdown.approvals
    ]
    return landuse, farmland, other


def verification_report(store, case: CaseFile, maps: models.MapImages, unit: str = ""):
    verification = case.verification or {}
    landuse, farmland, other = _overlay_rows(store, case.plot_id)
    return models.VerificationReport(
        plot=plot_info(case),
        verification=models.Verification(
            site_status=_text(verification.get("site_status")),
            land_user=_text(verification.get("land_user")),
            actual_use=_text(verification.get("actual_use")),
            construction_date=_text(verification.get("construction_date")),
            description=_text(verification.get("description")),
            verifier=_text(verification.get("verifier")),
            verified_on=_text(verification.get("verified_on")),
        ),
        determination=_determination(case),
        overlay=landuse,
        farmland=farmland,
        other_layers=other,
        photos=[_photo(store, p) for p in case.photos if p.purpose != "复核"],
        maps=maps,
        signatures=models.Signatures(
            verifier=_text(verification.get("verifier")),
            verifier_date=_text(verification.get("verified_on")),
            unit=unit,
        ),
        unit=unit,
    )


def closeout_report(store, case: CaseFile, unit: str = ""):
    state = case.state
    rectification = state.rectification
    return models.CloseOutReport(
        plot=plot_info(case),
        determination=_determination(case),
        rectification=models.Rectification(
            measures="、".join(rectification.measures) if rectification else "",
            task_listed_on=_text(rectification.task_listed_on) if rectification else "",
            demolished_m2=(rectification.demolished_area_m2 or 0) if rectification else 0,
            restored_m2=(rectification.restored_area_m2 or 0) if rectification else 0,
            legalised_m2=(rectification.legalised_area_m2 or 0) if rectification else 0,
            reinspection_result=_text(rectification.reinspection_result) if rectification else "",
            reinspected_on=_text(rectification.reinspected_on) if rectification else "",
            reinspected_by=_text(rectification.reinspected_by) if rectification else "",
            reinspection_photos=[_photo(store, p) for p in case.photos if p.purpose == "复核"],
            note=_text(rectification.note) if rectification else "",
        ),
        closeout=models.CloseOut(
            closed_by=_text(state.closed_by), closed_on=_text(state.closed_on)
        ),
        filing_number=_text(state.filing_number),
        responsible_unit=_text(state.responsible_unit),
        unit=unit,
    )


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
        for kind in ("before", "after"):
            if self.sources[kind]:
                image = models.MapImage(source_key=f"{self.sources[kind]}@{key}")
                setattr(images, kind, image)
        return images

    def draw(self, case: CaseFile, images: models.MapImages) -> models.MapImages:
        outline = QgsGeometry.fromWkt(case.geometry.wkt)
        jcbh = case.plot["jcbh"]
        width, height = map_pixel_size("location")
        extent = plot_extent(outline, factor=6, minimum_m=400, aspect=width / height)
        images.location.path = str(
            render_map(
                self.context,
                extent,
                self.crs,
                self.folder / f"{jcbh}_location.png",
                size=QSize(width, height),
                outline=outline,
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


# -- printing ------------------------------------------------------------------------------


def print_documents(
    store,
    plot_ids: list[int],
    kind: str,
    folder: Path,
    unit: str = "",
    font: str | None = None,
    feedback=None,
) -> list[Printed]:
    """Print ``kind`` for each plot (a dossier: one for all of them) into ``folder``.

    ``feedback`` (optional) has ``setProgress(percent)`` and ``isCanceled()``, as
    QgsProcessingFeedback and QgsTask do."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fonts = register_cjk_font(font)
    maps_folder = folder / ".maps"
    maker = MapMaker(store, maps_folder) if kind in (VERIFICATION, DOSSIER) else None
    printed: list[Printed] = []
    reports = []
    for number, plot_id in enumerate(plot_ids):
        if feedback is not None and feedback.isCanceled():
            break
        case = read_case_file(store, plot_id)
        jcbh = case.plot["jcbh"]
        if kind == CLOSEOUT and not case.state.closed_on:
            continue  # a 销号报告 is for a closed-out case only
        if kind == CLOSEOUT:
            report = closeout_report(store, case, unit)
        else:
            report = verification_report(store, case, maker.planned(case), unit)
        if kind == DOSSIER:
            reports.append((case, report))
        else:
            path = folder / f"{jcbh}_{kind}.pdf"
            if not should_rebuild(path, report.case_hash()):
                printed.append(Printed(jcbh, kind, path, False, None))
            else:
                if kind == VERIFICATION:
                    maker.draw(case, report.maps)
                    result = build_verification_report(report, path, fonts=fonts)
                else:
                    result = build_closeout_report(report, path, fonts=fonts)
                record_document(
                    store, plot_id, kind, str(path), result.sha256, result.case_hash, result.pages
                )
                printed.append(Printed(jcbh, kind, path, True, result.pages))
        if feedback is not None:
            feedback.setProgress(100 * (number + 1) / max(1, len(plot_ids)))
    canceled = feedback is not None and feedback.isCanceled()
    if kind == DOSSIER and reports and not canceled:  # never a partial dossier
        printed.append(_print_dossier(store, reports, maker, folder, unit, fonts))
    return printed


def _print_dossier(store, reports, maker, folder, unit, fonts) -> Printed:
    documents = []
    for case, report in reports:
        documents.append(
            models.DossierDocument(
                kind=VERIFICATION, title=f"{case.plot['jcbh']} 图斑核查报告", content=report
            )
        )
        if case.state.closed_on:
            documents.append(
                models.DossierDocument(
                    kind=CLOSEOUT,
                    title=f"{case.plot['jcbh']} 图斑销号报告",
                    content=closeout_report(store, case, unit),
                )
            )
    numbers = [case.plot["jcbh"] for case, _ in reports]
    title = f"卫片执法图斑核查卷宗（{numbers[0]}" + (
        f" 等{len(numbers)}个图斑）" if len(numbers) > 1 else "）"
    )
    dossier = models.Dossier(
        cover=models.DossierCover(
            title=title, unit=unit, start_date=datetime.date.today().isoformat()
        ),
        documents=documents,
    )
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

    def __init__(self, database: str, plot_ids: list[int], kind: str, folder: str, unit: str, font):
        super().__init__(tr("Printing {kind}").format(kind=kind), QgsTask.CanCancel)
        self.database, self.plot_ids, self.kind = database, plot_ids, kind
        self.folder, self.unit, self.font = folder, unit, font
        self.printed = []
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
                )
            finally:
                store.close()
        except Exception as error:  # shown to the user in finished(); the task must not raise
            self.error = error
            return False
        return not self.isCanceled()
