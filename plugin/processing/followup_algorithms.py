"""landcase:importproblemlist — the 问题清单 from a spreadsheet; landcase:importfeedback —
the city's 一下 questioned plots of a month; landcase:schedulerevisits — post-closure
visits after 销号, or a 回头看 campaign, for the plots selected."""

from __future__ import annotations

import datetime
import re

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ...cases import campaigns, problem_items, revisits
from ...cases import feedback as city_feedback
from ...cases.deadlines import RECTIFICATION_DAYS
from ...cases.errors import N_, LandCaseError
from ...toolbelt.i18n import error_text, tr
from .base import LandCaseAlgorithm, detached_errors

SHEET_FILTER = "Excel, CSV (*.xlsx *.csv)"
_LIST_SEPARATORS = re.compile(r"[\s,;，；、]+")


class _FollowUpAlgorithm(LandCaseAlgorithm):
    GROUP_ID = "followup"
    GROUP_NAME = N_("Ledgers and post-closure patrol")

    def add_sheet_parameter(self, description: str) -> None:
        self.addParameter(QgsProcessingParameterFile("INPUT", description, fileFilter=SHEET_FILTER))


class ImportProblemListAlgorithm(_FollowUpAlgorithm):
    LIST_NAME, SOURCE = "LIST_NAME", "SOURCE"

    def name(self) -> str:
        return "importproblemlist"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Import a problem list (问题清单)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Adds the items of a 问题清单 (from 督察, 审计, 巡察, 举报, 媒体 …) from an Excel "
            "workbook (.xlsx, first sheet) or a CSV file whose first row names the columns: "
            "来源, 清单名称, 列入日期, 序号, 问题描述, and optionally 镇街, 行政区代码, 责任单位, "
            "整改计划, 监测编号 (links the item to its plot's case), WKT (an outline in the "
            "database's CRS or in CGCS2000 degrees) or 经度 and 纬度. LIST_NAME and SOURCE "
            "stand in for a missing 清单名称 or 来源 column. Each item is due {days} days "
            "after its list date unless a later date is approved. Rows that cannot be used "
            "are named with their row and reason, the others are stored; an item already in "
            "the ledger (same 清单名称 and 序号) is not added again."
        ).format(days=RECTIFICATION_DAYS)

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.add_sheet_parameter(tr("Problem list (.xlsx or .csv)"))
        self.addParameter(
            QgsProcessingParameterString(self.LIST_NAME, tr("List name (清单名称)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SOURCE, tr("Source (来源)"), options=list(problem_items.SOURCES),
                optional=True,
            )
        )  # fmt: skip
        self.addOutput(QgsProcessingOutputNumber("IMPORTED", tr("Items added")))
        self.addOutput(QgsProcessingOutputNumber("ALREADY", tr("Items already in the ledger")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED", tr("Rows left out")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        path = self.parameterAsFile(parameters, "INPUT", context)
        list_name = self.parameterAsString(parameters, self.LIST_NAME, context).strip() or None
        source = None
        if parameters.get(self.SOURCE) is not None:
            source = problem_items.SOURCES[self.parameterAsEnum(parameters, self.SOURCE, context)]
        with self.open_store(parameters, context) as store:
            result = problem_items.import_problem_list(store, path, list_name, source)
        for problem in result.problems:
            feedback.reportError(problem.text(tr), fatalError=False)
        for note in result.notes:
            feedback.pushWarning(note.text(tr))
        feedback.pushInfo(
            tr("{added} items added, {already} already in the ledger, {rejected} rows left out.")
            .format(added=len(result.imported), already=result.already,
                    rejected=len(result.problems))
        )  # fmt: skip
        return {
            "IMPORTED": len(result.imported),
            "ALREADY": result.already,
            "REJECTED": len(result.problems),
        }


class ImportFeedbackAlgorithm(_FollowUpAlgorithm):
    PERIOD, RECEIVED_ON = "PERIOD", "RECEIVED_ON"

    def name(self) -> str:
        return "importfeedback"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Import the city's questioned plots (一下)")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Stores the plots the city questioned in its 一下 of a month (PERIOD, YYYY-MM), "
            "received on RECEIVED_ON (today when empty), from an Excel workbook or a CSV file "
            "with the columns 监测编号 and 意见 (or 审核意见). Each is then tracked until the "
            "month's 二上: 待更正, 已更正, or 已二上 once corrected before the 二上 was taken. "
            "Rows that cannot be used are named with their row and reason; a plot already "
            "questioned in the month is not added again."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.add_sheet_parameter(tr("Questioned plots (.xlsx or .csv)"))
        self.addParameter(QgsProcessingParameterString(self.PERIOD, tr("Month (YYYY-MM)")))
        self.addParameter(
            QgsProcessingParameterString(
                self.RECEIVED_ON, tr("Received on (YYYY-MM-DD)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("IMPORTED", tr("Plots added")))
        self.addOutput(QgsProcessingOutputNumber("ALREADY", tr("Plots already questioned")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED", tr("Rows left out")))
        self.addOutput(QgsProcessingOutputNumber("UNCORRECTED", tr("Plots not corrected")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        path = self.parameterAsFile(parameters, "INPUT", context)
        period = self.parameterAsString(parameters, self.PERIOD, context).strip()
        received = self.parameterAsString(parameters, self.RECEIVED_ON, context).strip()
        received = received or datetime.date.today().isoformat()
        with self.open_store(parameters, context) as store:
            result = city_feedback.import_feedback(store, path, period, received)
            open_items = city_feedback.uncorrected(store, period)
        for problem in result.problems:
            feedback.reportError(problem.text(tr), fatalError=False)
        feedback.pushInfo(
            tr("{added} plots added, {already} already questioned, {rejected} rows left out; "
               "{open} of the month not corrected.")
            .format(added=len(result.imported), already=result.already,
                    rejected=len(result.problems), open=len(open_items))
        )  # fmt: skip
        return {
            "IMPORTED": len(result.imported),
            "ALREADY": result.already,
            "REJECTED": len(result.problems),
            "UNCORRECTED": len(open_items),
        }


class ScheduleRevisitsAlgorithm(_FollowUpAlgorithm):
    JCBH, TOWNSHIP, CLOSED_BEFORE, MONTHS = "JCBH", "TOWNSHIP", "CLOSED_BEFORE", "MONTHS"
    CAMPAIGN, ISSUER, STARTED_ON, ENDS_ON = "CAMPAIGN", "ISSUER", "STARTED_ON", "ENDS_ON"

    def name(self) -> str:
        return "schedulerevisits"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Schedule post-closure visits or a 回头看")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Selects closed-out plots (已销号 or 事后巡查): those of JCBH (监测编号 separated "
            "by commas, spaces or lines), or else those of TOWNSHIP closed out before "
            "CLOSED_BEFORE (each optional). Without CAMPAIGN, each gets its post-closure "
            "visits (事后巡查) at the station's schedule, months after its close-out (by "
            "default {months}; MONTHS, e.g. 1,3,6, changes the station's schedule first): the "
            "intervals are the station's choice, no seed sets them. With CAMPAIGN, the plots "
            "join that 回头看 campaign (created with ISSUER, STARTED_ON and ENDS_ON when "
            "new), each a visit due on its end date. Plots left out are named with the "
            "reason."
        ).format(months="、".join(str(m) for m in revisits.DEFAULT_SCHEDULE_MONTHS))

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        for name, description in (
            (self.JCBH, tr("Plot numbers (监测编号)")),
            (self.TOWNSHIP, tr("Township (镇街)")),
            (self.CLOSED_BEFORE, tr("Closed out before (YYYY-MM-DD)")),
            (self.MONTHS, tr("Station's schedule, months after 销号 (e.g. 1,3,6)")),
            (self.CAMPAIGN, tr("回头看 campaign name")),
            (self.ISSUER, tr("Campaign issued by")),
            (self.STARTED_ON, tr("Campaign starts on (YYYY-MM-DD)")),
            (self.ENDS_ON, tr("Campaign ends on (YYYY-MM-DD)")),
        ):
            self.addParameter(
                QgsProcessingParameterString(name, description, optional=True, multiLine=False)
            )
        self.addOutput(QgsProcessingOutputNumber("SCHEDULED", tr("Visits scheduled")))
        self.addOutput(QgsProcessingOutputNumber("SKIPPED", tr("Plots left out")))

    def _text(self, parameters, name, context) -> str | None:
        return self.parameterAsString(parameters, name, context).strip() or None

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        given = {n: self._text(parameters, n, context) for n in (
            self.JCBH, self.TOWNSHIP, self.CLOSED_BEFORE, self.MONTHS, self.CAMPAIGN,
            self.ISSUER, self.STARTED_ON, self.ENDS_ON)}  # fmt: skip
        jcbhs = _LIST_SEPARATORS.split(given[self.JCBH]) if given[self.JCBH] else None
        with self.open_store(parameters, context) as store:
            if given[self.CAMPAIGN]:
                scheduled, skipped = self._campaign(store, given, jcbhs)
            else:
                scheduled, skipped = self._schedule(store, given, jcbhs, feedback)
        for left in skipped:
            feedback.reportError(left.text(tr), fatalError=False)
        feedback.pushInfo(
            tr("{scheduled} visits scheduled, {skipped} plots left out.").format(
                scheduled=scheduled, skipped=len(skipped)
            )
        )
        return {"SCHEDULED": scheduled, "SKIPPED": len(skipped)}

    def _campaign(self, store, given, jcbhs):
        name = given[self.CAMPAIGN]
        campaign_id = campaigns.campaign_by_name(store, name)
        if campaign_id is None:
            campaign_id = campaigns.create_campaign(
                store,
                name,
                given[self.STARTED_ON] or datetime.date.today().isoformat(),
                issuer=given[self.ISSUER],
                ends_on=given[self.ENDS_ON],
            )
        selection = campaigns.select_for_campaign(
            store, campaign_id, jcbhs, given[self.TOWNSHIP], given[self.CLOSED_BEFORE]
        )
        return len(selection.added), list(selection.skipped)

    def _schedule(self, store, given, jcbhs, feedback):
        if given[self.MONTHS]:
            try:
                months = [int(m) for m in _LIST_SEPARATORS.split(given[self.MONTHS]) if m]
            except ValueError:
                raise QgsProcessingException(
                    tr("MONTHS must be whole numbers of months, e.g. 1,3,6")
                ) from None
            months = revisits.set_revisit_schedule(store, months)
            feedback.pushInfo(
                tr("The station's schedule is now {months} months after 销号.").format(
                    months="、".join(str(m) for m in months)
                )
            )
        plots, skipped = campaigns.closed_out_plots(
            store, jcbhs, given[self.TOWNSHIP], given[self.CLOSED_BEFORE]
        )
        scheduled = 0
        for plot in plots:
            try:
                scheduled += len(revisits.schedule_revisits(store, plot.plot_id))
            except LandCaseError as refused:  # one plot: the others go on
                feedback.reportError(error_text(refused), fatalError=False)
        return scheduled, skipped
