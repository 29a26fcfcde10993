"""landcase:photorules — the station's photo rules: how many photos a verification needs,
which kinds (全景, 近景), the margin of the date window, the distance from the plot and the
angle within which a photo faces it. Values left empty keep what the database has."""

from __future__ import annotations

from dataclasses import replace

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...cases.errors import N_
from ...cases.photo_rules import photo_rules, set_photo_rules
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors

# parameter name, PhotoRules field, label, integer (True) or decimal
NUMBERS = (
    ("MIN_PHOTOS", "min_photos", N_("Photos a verification needs at least"), True),
    ("WINDOW_MARGIN_DAYS", "window_margin_days", N_("Days the date window is widened by"), True),
    ("MAX_DISTANCE_M", "max_distance_m", N_("Greatest distance from the plot (m)"), False),
    ("FACING_DEGREES", "facing_tolerance_deg", N_("Facing the plot within ± (degrees)"), False),
)


class PhotoRulesAlgorithm(LandCaseAlgorithm):
    KINDS = "REQUIRED_KINDS"
    GROUP_ID = "documents"
    GROUP_NAME = N_("Documents")

    def name(self) -> str:
        return "photorules"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Photo rules of the station")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "Sets the rules a verification's photos are checked against (shown in the case "
            "dialog and the 核查报告): at least N photos, the kinds required (e.g. 全景,近景), "
            "taken within the plot's date window widened by a margin of days, within D metres "
            "of the plot, facing it within ± the angle. A value left empty keeps the one the "
            "database has; the result says the rules now in force."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        for name, _field, label, integer in NUMBERS:
            kind = (
                QgsProcessingParameterNumber.Type.Integer
                if integer
                else QgsProcessingParameterNumber.Type.Double
            )
            self.addParameter(QgsProcessingParameterNumber(name, tr(label), kind, optional=True))
        self.addParameter(
            QgsProcessingParameterString(
                self.KINDS, tr("Kinds required, separated by commas (全景,近景)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString("RULES", tr("Rules in force")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        with self.open_store(parameters, context) as store:
            rules = photo_rules(store)
            changes = {}
            for name, field, _label, integer in NUMBERS:
                if parameters.get(name) not in (None, ""):
                    value = self.parameterAsDouble(parameters, name, context)
                    changes[field] = int(value) if integer else float(value)
            kinds = self.parameterAsString(parameters, self.KINDS, context).strip()
            if kinds:
                text = kinds.replace("，", ",").replace("、", ",")
                changes["required_kinds"] = tuple(k.strip() for k in text.split(",") if k.strip())
            if changes:
                rules = replace(rules, **changes)
                set_photo_rules(store, rules)
            rules = photo_rules(store)
        summary = tr(
            "At least {count} photos, kinds {kinds}, date window ± {days} days, within {metres} m, "
            "facing within ± {degrees}°"
        ).format(
            count=rules.min_photos,
            kinds="、".join(rules.required_kinds) or "—",
            days=rules.window_margin_days,
            metres=f"{rules.max_distance_m:g}",
            degrees=f"{rules.facing_tolerance_deg:g}",
        )
        feedback.pushInfo(summary)
        return {"RULES": summary}
