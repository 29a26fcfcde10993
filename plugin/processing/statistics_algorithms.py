"""landcase:monthlystatistics — the monthly figures as an Excel workbook and, optionally,
the monthly report PDF (月报); landcase:exportsubmission — a round's submission as
GeoPackage, GBK shapefile and workbook.

Both run headless (``qgis_process.bin run landcase:<id>``); the work is in
``cases/statistics.py``, ``cases/excel_export.py``, ``reports/monthly_report.py`` and
``layers/submission_export.py``.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...cases import statistics as st
from ...cases.areas import SQUARE_METRES_PER_MU, figure_text
from ...cases.calendar import as_date
from ...cases.errors import N_
from ...cases.excel_export import write_statistics_workbook
from ...cases.seals import lock_root_text
from ...layers.submission_export import export_submission
from ...reports import register_cjk_font
from ...reports.monthly_report import build_monthly_report, monthly_report_model
from ...toolbelt import settings
from ...toolbelt.i18n import tr
from ...toolbelt.qgis_compat import NUMBER_DOUBLE
from .base import LandCaseAlgorithm, detached_errors


class MonthlyStatisticsAlgorithm(LandCaseAlgorithm):
    DATABASE, PERIOD, BATCH, TODAY = "DATABASE", "PERIOD", "BATCH", "TODAY"
    CAMPAIGN_PLAN = "CAMPAIGN_PLAN"
    OUTPUT_XLSX, OUTPUT_PDF = "OUTPUT_XLSX", "OUTPUT_PDF"

    def name(self) -> str:
        return "monthlystatistics"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Monthly statistics")

    GROUP_ID = "statistics"
    GROUP_NAME = N_("Statistics")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Computes the figures of a period per county, township and village (plots "
            "issued and registered, determinations by category, violations, 耕地 and "
            "永久基本农田 occupied, 新增 and 存量, 违法占耕比例, 整改到位率, 履职到位率, "
            "unrectified area, overdue deadlines), the county and township accountability "
            "figures of the year and the ten townships with most 非农化 and 非粮化 area, and "
            "writes them to an Excel workbook with the definition of every figure. PERIOD is "
            "a month (YYYY-MM), a quarter (YYYY-Q1 … YYYY-Q4), a year (YYYY), the year-end "
            "cut-off (YYYY-年末: the whole year as it stands on 31 December) or a date range "
            "(YYYY-MM-DD/YYYY-MM-DD). The main tables count the plots registered in the period "
            "(by batch date); the table 本期办理情况 counts determinations, filings, referrals, "
            "rectifications and close-outs in the period they happened. CAMPAIGN_PLAN, when "
            "given, stores the planned quantity (亩) of the 2024–2026 three-year campaign "
            "(seed 004) before computing its progress; the township award proposal of seed "
            "002 states its criteria in the workbook. "
            "OUTPUT_PDF, when given, receives the monthly report (月报): the county and "
            "township tables, a bar chart by township, the county flags with the denominator "
            "of 违法占耕比例, the top-ten rankings and the definitions, with the station "
            "(unit name of the LandCase settings) as 填报单位."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                self.PERIOD,
                tr("Period (YYYY-MM, YYYY-Q3, YYYY, YYYY-年末 or YYYY-MM-DD/YYYY-MM-DD)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.BATCH, tr("Batch (name or id)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TODAY, tr("Overdue as of (YYYY-MM-DD; default today)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CAMPAIGN_PLAN,
                tr("Three-year campaign plan quantity (亩; stored when given)"),
                NUMBER_DOUBLE,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_XLSX, tr("Statistics workbook"), "Excel (*.xlsx)"
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF,
                tr("Monthly report PDF"),
                "PDF (*.pdf)",
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PLOTS", tr("Plots in the period")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages of the monthly report")))
        self.addOutput(QgsProcessingOutputNumber("ILLEGAL", tr("Violations (违法宗数)")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        period = self.parameterAsString(parameters, self.PERIOD, context).strip()
        batch = self.parameterAsString(parameters, self.BATCH, context).strip() or None
        today = self.parameterAsString(parameters, self.TODAY, context).strip() or None
        workbook = self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context)
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        try:
            day = as_date(today) if today else None
        except ValueError as error:
            raise QgsProcessingException(
                tr("{value} is not a date (YYYY-MM-DD)").format(value=today)
            ) from error
        plan_mu = (
            self.parameterAsDouble(parameters, self.CAMPAIGN_PLAN, context)
            if parameters.get(self.CAMPAIGN_PLAN) not in (None, "")
            else None
        )
        with self.open_store(parameters, context) as store:
            if plan_mu is not None:
                st.set_campaign_plan(store, plan_mu * float(SQUARE_METRES_PER_MU))
                feedback.pushInfo(
                    tr("Three-year campaign plan quantity stored: {area} 亩").format(
                        area=figure_text(plan_mu)
                    )
                )
            figures = st.compute(store, period, batch=batch, today=day)
            in_database = store.plot_count()
            lock_root = lock_root_text(store)
        feedback.setProgress(60)
        if feedback.isCanceled():
            return {}
        write_statistics_workbook(figures, workbook)
        total = figures.tables["county"].iloc[-1]
        feedback.pushInfo(
            tr("{period}: {plots} plots, {illegal} violations; workbook: {path}").format(
                period=figures.period.label,
                plots=figures.plots,
                illegal=int(total["illegal_count"]),
                path=workbook,
            )
        )
        left_out = in_database - figures.plots
        if left_out:  # issue 11: say how many plots the period (and batch) left out, and why
            feedback.pushInfo(
                (
                    tr(
                        "{count} of the {total} plots of the database are not counted: "
                        "registered outside {period} (batch received date, patrol find "
                        "date, else registration date) or in another batch than {batch}."
                    )
                    if batch
                    else tr(
                        "{count} of the {total} plots of the database are not counted: "
                        "registered outside {period} (batch received date, patrol find "
                        "date, else registration date)."
                    )
                ).format(
                    count=left_out, total=in_database, period=figures.period.label, batch=batch
                )
            )
        feedback.pushInfo(
            tr("违法占耕比例 denominator of the county accountability: {source}").format(
                source=figures.denominator.source
            )
        )
        results = {
            self.OUTPUT_XLSX: workbook,
            "PLOTS": figures.plots,
            "ILLEGAL": int(total["illegal_count"]),
        }
        if pdf:
            feedback.setProgress(80)
            built = self._write_pdf(figures, pdf, lock_root)
            feedback.pushInfo(
                tr("Monthly report: {path} ({pages} pages, hash {hash})").format(
                    path=built.path, pages=built.pages, hash=built.case_hash
                )
            )
            results[self.OUTPUT_PDF] = str(built.path)
            results["PAGES"] = built.pages
        feedback.setProgress(100)
        return results

    @staticmethod
    def _write_pdf(figures, path: str, lock_root: str = ""):
        """The 月报 of ``figures``, in the report font of the settings (else a system
        font), with the station of the settings as 填报单位."""
        try:
            fonts = register_cjk_font(settings.REPORT_FONT.get() or None)
            report = monthly_report_model(figures, settings.UNIT_NAME.get())
            report.lock_root = lock_root
            return build_monthly_report(report, path, fonts=fonts)
        except OSError as error:
            raise QgsProcessingException(
                tr("The monthly report could not be written to {path}: {error}").format(
                    path=path, error=error
                )
            ) from error


class ExportSubmissionAlgorithm(LandCaseAlgorithm):
    DATABASE, ROUND, OUTPUT_FOLDER = "DATABASE", "ROUND", "OUTPUT_FOLDER"

    def name(self) -> str:
        return "exportsubmission"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Export submission (一上 / 二上)")

    GROUP_ID = "statistics"
    GROUP_NAME = N_("Statistics")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Writes the plots of a submission round (一上 or 二上), with their determination "
            "and progress as the round's snapshot holds them, in the national field names "
            "(JCBH, XZQDM, XZQMC, JCPC, JCMJ, TBMJ, PDLX, …): a GeoPackage, a shapefile in "
            "GBK (with its .cpg) and an Excel table, in OUTPUT_FOLDER. ROUND is the round's "
            "id or its name, e.g. '2026-03 一上'."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterString(self.ROUND, tr("Round (id, or e.g. 2026-03 一上)"))
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputFile("GEOPACKAGE", tr("GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("SHAPEFILE", tr("Shapefile (GBK)")))
        self.addOutput(QgsProcessingOutputFile("WORKBOOK", tr("Excel table")))
        self.addOutput(QgsProcessingOutputNumber("FEATURES", tr("Plots exported")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        wanted = self.parameterAsString(parameters, self.ROUND, context).strip()
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        with self.open_store(parameters, context) as store:
            submitted = st.find_round(store, wanted)
            feedback.pushInfo(tr("Exporting round {round}").format(round=submitted.name))
            result = export_submission(store, submitted.id, folder)
        for warning in result.warnings:
            feedback.pushWarning(
                tr("Plot {jcbh}, field {field}: {reason}").format(
                    jcbh=warning.jcbh, field=warning.field, reason=tr(warning.reason)
                )
            )
        feedback.pushInfo(
            tr("{count} plots written to {folder}").format(count=result.features, folder=folder)
        )
        feedback.setProgress(100)
        return {
            self.OUTPUT_FOLDER: str(folder),
            "GEOPACKAGE": str(result.geopackage),
            "SHAPEFILE": str(result.shapefile),
            "WORKBOOK": str(result.workbook),
            "FEATURES": result.features,
        }
