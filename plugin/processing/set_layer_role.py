"""landcase:setlayerrole — assign a layer to a role of the desk comparison (地类图斑,
永久基本农田, 批准用地…) in a case database, with the names of the role's fields."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterString,
)

from ...cases.errors import N_
from ...cases.overlay_records import NAME_TO_CODE, ROLES
from ...layers.role_assign import assign_role, unmapped_names
from ...toolbelt.i18n import tr
from .base import LandCaseAlgorithm, detached_errors


class SetLayerRoleAlgorithm(LandCaseAlgorithm):
    DATABASE, ROLE, INPUT, FIELDS = "DATABASE", "ROLE", "INPUT", "FIELDS"

    def name(self) -> str:
        return "setlayerrole"

    def displayName(self) -> str:  # noqa: N802 (Qt API)
        return tr("Set layer role")

    GROUP_ID = "overlay"
    GROUP_NAME = N_("Desk comparison")

    def shortHelpString(self) -> str:  # noqa: N802 (Qt API)
        roles = "; ".join(
            f"{key} ({definition.chinese}: {', '.join(definition.field_keys) or '—'})"
            for key, definition in ROLES.items()
        )
        return tr(
            "Assigns a layer to a role of the desk comparison in a case database: the layer "
            "source and the names of the role's fields are stored, and restored whenever "
            "the database is opened. FIELDS is JSON, role field → layer field, e.g. "
            '{{"code": "DLBM", "name": "DLMC"}}; fields left out are looked for under their '
            "usual names (DLBM or 地类编码, DLMC or 地类名称 …, in any case), never taken from "
            "an unrelated field: a required field that is not found stops the run with a "
            "message. A land-use layer with names only (DLMC) takes its codes from the "
            "names: 三调 names by the 三调 classification, 二调 names (有林地, 村庄, 建制镇 …) by "
            "the 二调→三调 correspondence; the mapping is stored with the role, and the names "
            "that map to nothing are listed (output UNMATCHED) and stored without a code. "
            "Give your own mapping as "
            '{{"name": "DLMC", "name_to_code": {{"村庄": "0702"}}}}. '
            "A layer without a coordinate reference system is refused. "
            "Roles and their fields: {roles}"
        ).format(roles=roles)

    def initAlgorithm(self, config=None):  # noqa: N802 (Qt API)
        self.add_database_parameter()
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ROLE, tr("Role"), options=list(ROLES), usesStaticStrings=True
            )
        )
        self.addParameter(QgsProcessingParameterMapLayer(self.INPUT, tr("Layer")))
        self.addParameter(
            QgsProcessingParameterString(
                self.FIELDS, tr("Fields of the role (JSON)"), optional=True, multiLine=True
            )
        )
        self.addOutput(QgsProcessingOutputString(self.ROLE, tr("Role")))
        self.addOutput(QgsProcessingOutputString("SOURCE", tr("Layer source")))
        self.addOutput(QgsProcessingOutputString(self.FIELDS, tr("Fields of the role")))
        self.addOutput(QgsProcessingOutputString("UNMATCHED", tr("Names mapped to no code")))

    @detached_errors
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (Qt API)
        role = self.parameterAsEnumString(parameters, self.ROLE, context)
        layer = self.parameterAsLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("The layer cannot be opened."))
        text = self.parameterAsString(parameters, self.FIELDS, context).strip()
        fields = None
        if text:
            try:
                fields = json.loads(text)
            except json.JSONDecodeError as error:
                raise QgsProcessingException(
                    tr("FIELDS is not valid JSON: {error}").format(error=error)
                ) from error
            if not isinstance(fields, dict):
                raise QgsProcessingException(
                    tr('FIELDS must be a JSON object, e.g. {{"code": "DLBM"}}')
                )
        with self.open_store(parameters, context) as store:
            stored = assign_role(store, role, layer, fields)
        mapping = stored.get(NAME_TO_CODE)
        unmatched = unmapped_names(layer, stored)
        if mapping:
            feedback.pushInfo(
                tr("Land-use codes taken from the names of {field}: {mapping}").format(
                    field=stored.get("name"),
                    mapping="; ".join(f"{name} → {code}" for name, code in mapping.items()),
                )
            )
            if unmatched:
                feedback.pushWarning(
                    tr(
                        "{count} land-use names map to no code and are left without one "
                        "(their areas count as unknown land use): {names}"
                    ).format(count=len(unmatched), names="、".join(unmatched))
                )
        shown = json.dumps(stored, ensure_ascii=False)
        feedback.pushInfo(
            tr("Role {role}: {source} ({provider}), fields {fields}").format(
                role=role, source=layer.source(), provider=layer.providerType(), fields=shown
            )
        )
        return {
            self.ROLE: role,
            "SOURCE": layer.source(),
            self.FIELDS: shown,
            "UNMATCHED": "、".join(unmatched),
        }
