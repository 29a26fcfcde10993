"""landcase:grantuser — a login role of the server gets the rights of a county technician,
a station (its townships), a field verifier (its plots) or a reader (督查, 纪委)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
)

from ...cases import pg_roles
from ...cases.errors import N_
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors

KIND_NAMES = (
    N_("county (every township)"),
    N_("station (the townships of SCOPE)"),
    N_("field (the plots of SCOPE, by 监测编号)"),
    N_("read-only (督查, 纪委)"),
)


class GrantUserAlgorithm(LandCaseAlgorithm):
    USER, KIND, SCOPE, GROUP = "USER", "KIND", "SCOPE", "GROUP"

    def name(self) -> str:
        return "grantuser"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Give a user rights in a shared case database")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        return tr(
            "For a case database on a PostgreSQL server (DATABASE: postgresql://… or "
            "service=…), run by its owner: the login role USER (created beforehand by the "
            "administrator) becomes a county user (every township), a station user (the "
            "行政区代码 prefixes in SCOPE, comma-separated, e.g. 320101,320102), a field "
            "user (the plots whose 监测编号 are in SCOPE) or a reader (督查, 纪委). The server enforces it: "
            "rows outside the scope are neither shown nor written. GROUP is the group role given."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(QgsProcessingParameterString(self.USER, tr("Login role")))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.KIND, tr("Rights"), options=[tr(k) for k in KIND_NAMES], defaultValue=1
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCOPE, tr("Townships (行政区代码 prefixes) or plots (监测编号)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString(self.GROUP, tr("Group role")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        user = self.parameterAsString(parameters, self.USER, context).strip()
        kind = pg_roles.KINDS[self.parameterAsEnum(parameters, self.KIND, context)]
        given = self.parameterAsString(parameters, self.SCOPE, context) or ""
        scopes = tuple(part.strip() for part in given.replace("，", ",").split(",") if part.strip())
        with self.open_store(parameters, context) as store:
            granted = pg_roles.grant(store, user, kind, scopes)
        feedback.pushInfo(
            tr("{user} now has the rights of {group}.").format(user=user, group=granted)
        )
        return {self.GROUP: granted}
