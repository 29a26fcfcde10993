"""landcase:createround and landcase:lockround — the submission rounds' batch actions of
the rounds dialog, headless (一上/一下/二上 of a month; a reviewed round locked and sealed)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)

from ...cases import rounds, seals
from ...cases.submission_table import find_round
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors


class CreateRoundAlgorithm(LandCaseAlgorithm):
    PERIOD, STAGE, ROUND, ROUND_NAME = "PERIOD", "STAGE", "ROUND", "ROUND_NAME"

    def name(self) -> str:
        return "createround"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Take a submission round")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Takes the snapshot of a submission round: PERIOD is the month (YYYY-MM) and "
            "STAGE 一上, 一下 or 二上 (一下 and 二上 need the earlier stage of the same "
            "month). Without PERIOD, the next round due is taken. ROUND is the new round's "
            "number, ROUND_NAME its name."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterString(self.PERIOD, tr("Month (YYYY-MM)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.STAGE, tr("Stage"), options=list(rounds.STAGES), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.ROUND, tr("Round number")))
        self.addOutput(QgsProcessingOutputString(self.ROUND_NAME, tr("Round")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        period = (self.parameterAsString(parameters, self.PERIOD, context) or "").strip()
        with self.open_store(parameters, context) as store:
            if period and parameters.get(self.STAGE) is not None:
                stage = rounds.STAGES[self.parameterAsEnum(parameters, self.STAGE, context)]
            elif period:
                stage = rounds.STAGES[0]
            else:
                period, stage = rounds.next_round(store)
            round_id = rounds.create_round(store, period, stage)
            name = rounds.get_round(store, round_id).name
        feedback.pushInfo(tr("Submission round {name} taken.").format(name=name))
        return {self.ROUND: round_id, self.ROUND_NAME: name}


class LockRoundAlgorithm(LandCaseAlgorithm):
    ROUND, ROUND_NAME, ROOT_HASH = "ROUND", "ROUND_NAME", "ROOT_HASH"

    def name(self) -> str:
        return "lockround"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Lock a submission round")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Locks a reviewed submission round (its number or its name, e.g. 2026-03 二上): "
            "its data can no longer be changed, whichever program opens the file, and every "
            "row it holds is sealed. ROOT_HASH is the seal's root hash, which the documents "
            "printed afterwards and the submission export carry."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString(self.ROUND, tr("Submission round")))
        self.addOutput(QgsProcessingOutputString(self.ROUND_NAME, tr("Round")))
        self.addOutput(QgsProcessingOutputString(self.ROOT_HASH, tr("Root hash of the seal")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        wanted = self.parameterAsString(parameters, self.ROUND, context)
        with self.open_store(parameters, context) as store:
            locked = rounds.lock_round(store, find_round(store, wanted).id)
            root = seals.round_roots(store).get(locked.id, "")
        feedback.pushInfo(
            tr("Submission round {name} locked; root hash of its seal: {root}").format(
                name=locked.name, root=root
            )
        )
        return {self.ROUND_NAME: locked.name, self.ROOT_HASH: root}
