"""landcase:overlay — the desk comparison (内业比对) of the plots of a case database with
the role layers: areas by land-use class, 耕地, 永久基本农田, red line, urban boundary,
approvals and filings, stored in the database; optionally a CSV."""

from __future__ import annotations

from collections import Counter

import shapely
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...cases import overlay_records as rec
from ...cases.errors import N_
from ...layers.plot_filter import plot_ids_matching
from ...layers.role_layers import RoleLayers
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors


class OverlayAlgorithm(LandCaseAlgorithm):
    DATABASE, FILTER, OUTPUT = "DATABASE", "FILTER", "OUTPUT"

    def name(self) -> str:
        return "overlay"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Desk comparison (overlay)")

    GROUP_ID = "overlay"
    GROUP_NAME = N_("Desk comparison")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Overlays the plots of a case database with the layers assigned to roles "
            "(landcase:setlayerrole): area by land-use code and by 三大类, 耕地, permanent "
            "basic farmland, ecological red line, urban development boundary, approvals "
            "with their 批准文号 and covered share, facility filings with their filed area; "
            "planar and ellipsoidal (椭球面积) m². The results replace the plots' earlier "
            "results in the database, in one transaction. FILTER is a QGIS expression over "
            "the plot table's fields (e.g. \"jcbh LIKE '3201%'\"); without it every plot is "
            "computed. OUTPUT, when given, is a CSV in Chinese (UTF-8 with BOM, for Excel) "
            "with one line per plot, layer role and class: 监测编号, 图层角色, 地类编码, 地类名称, "
            "编号, 名称, 平面面积(平方米), 椭球面积(平方米), 椭球面积(亩), 说明."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                self.FILTER, tr("Plots to compute (expression)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                tr("Overlay table (CSV)"),
                "CSV (*.csv)",
                optional=True,
                createByDefault=False,
            )
        )
        for name, label in (
            ("PLOTS", tr("Plots computed")),
            ("ROWS", tr("Rows stored")),
            ("CHECKS", tr("Plots with findings to check")),
            ("REPAIRED", tr("Geometries repaired")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        expression = self.parameterAsString(parameters, self.FILTER, context).strip()
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        layers = None
        with self.open_store(parameters, context) as store:
            try:
                plot_ids = plot_ids_matching(store, expression) if expression else None
                layers = RoleLayers(store, use_project_layers=False)
                for problem in layers.problems:
                    feedback.reportError(
                        tr("Role left out: {problem}").format(problem=problem.text(tr)), False
                    )
                if not layers.roles:
                    raise QgsProcessingException(
                        tr(
                            "No layer is assigned to an overlay role in this database; assign "
                            "them with landcase:setlayerrole."
                        )
                    )
                feedback.pushInfo(
                    tr("Roles compared: {roles}").format(roles=", ".join(layers.roles))
                )
                plots = (
                    rec.plot_geometries(store)
                    if plot_ids is None
                    else rec.plots_by_id(store, plot_ids)
                )
                if not plots:
                    feedback.pushInfo(tr("No plot to compute."))
                numbers = {plot_id: jcbh for plot_id, jcbh, _wkb in plots}
                geometries = shapely.from_wkb([wkb for _id, _jcbh, wkb in plots])
                result = layers.overlay(
                    list(numbers), geometries, feedback.setProgress, feedback.isCanceled
                )
                if feedback.isCanceled():
                    raise QgsProcessingException(tr("Canceled: nothing was stored."))
                written = rec.save_overlay(store, result.rows, result.plot_ids)
            finally:
                if layers is not None:
                    layers.close()

        checks = Counter(row.class_code for row in result.rows if row.role == rec.CHECK)
        flagged = {row.plot_id for row in result.rows if row.role == rec.CHECK}
        repaired = {(row.plot_id, row.class_code) for row in result.rows if row.role == rec.REPAIR}
        for code, count in sorted(checks.items()):
            feedback.pushWarning(
                tr("{count} findings {code} (see the plots' overlay)").format(
                    count=count, code=code
                )
            )
        unmapped = sorted(
            {
                row.class_name
                for row in result.rows
                if row.role == rec.LANDUSE and row.class_code == "" and row.class_name
            }
        )
        if unmapped:
            feedback.pushWarning(
                tr(
                    "Land-use names without a code under the plots (not counted in 三大类 or "
                    "耕地; map them with landcase:setlayerrole): {names}"
                ).format(names="、".join(unmapped))
            )
        feedback.pushInfo(
            tr("Computed {plots} plots; {rows} rows stored.").format(
                plots=len(result.plot_ids), rows=written
            )
        )
        results = {
            "PLOTS": len(result.plot_ids),
            "ROWS": written,
            "CHECKS": len(flagged),
            "REPAIRED": len(repaired),
        }
        if output:
            rec.write_csv(result.rows, numbers, output)
            feedback.pushInfo(tr("Overlay table: {path}").format(path=output))
            results[self.OUTPUT] = output
        return results
