"""Layer roles: which project layer is the land use (with its DLBM field), the permanent
basic farmland, the approvals (with 批准文号), the 前时相/后时相 images… Stored in the case
database, so that they come back when the database is opened."""

from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..cases import overlay_records as rec
from ..layers.role_layers import RoleLayerError, assign_role
from ..toolbelt.i18n import tr
from .messages import error_text


class RoleRow:
    """The layer and field choosers of one role."""

    def __init__(self, definition):
        self.definition = definition
        self.layer = QgsMapLayerComboBox()
        self.layer.setAllowEmptyLayer(True)
        self.layer.setFilters(
            QgsMapLayerProxyModel.RasterLayer
            if definition.kind == "raster"
            else QgsMapLayerProxyModel.PolygonLayer
        )
        self.layer.setLayer(None)
        self.fields: dict[str, QgsFieldComboBox] = {}
        for role_field in definition.fields:
            combo = QgsFieldComboBox()
            combo.setAllowEmptyFieldName(not role_field.required)
            self.fields[role_field.key] = combo
        self.layer.layerChanged.connect(self._layer_changed)

    def _layer_changed(self, layer) -> None:
        names = layer.fields().names() if layer is not None and hasattr(layer, "fields") else []
        suggested = rec.suggest_role_fields(self.definition.key, names)
        for key, combo in self.fields.items():
            combo.setLayer(layer if names else None)
            if key in suggested:
                combo.setField(suggested[key])

    def chosen_fields(self) -> dict[str, str]:
        return {
            key: combo.currentField() for key, combo in self.fields.items() if combo.currentField()
        }


class RolesDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(tr("Layer roles"))
        self.resize(760, 560)
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Role")), 0, 0)
        grid.addWidget(QLabel(tr("Layer")), 0, 1)
        grid.addWidget(QLabel(tr("Fields")), 0, 2)
        self.rows: dict[str, RoleRow] = {}
        for number, (key, definition) in enumerate(rec.ROLES.items(), start=1):
            row = RoleRow(definition)
            self.rows[key] = row
            grid.addWidget(QLabel(tr(definition.label)), number, 0)
            grid.addWidget(row.layer, number, 1)
            fields = QGridLayout()
            for column, role_field in enumerate(definition.fields):
                fields.addWidget(QLabel(tr(role_field.label)), 0, column)
                fields.addWidget(row.fields[role_field.key], 1, column)
            holder = QWidget()
            holder.setLayout(fields)
            grid.addWidget(holder, number, 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> bool:
        """Assign every role given a layer; a refused one is named and nothing closes."""
        problems = []
        for key, row in self.rows.items():
            layer = row.layer.currentLayer()
            if layer is None:
                continue
            try:
                assign_role(self.store, key, layer, row.chosen_fields())
            except RoleLayerError as error:
                problems.append(error.text(tr))
            except rec.RoleError as error:
                problems.append(error_text(error))
        if problems:
            self.message.setStyleSheet("color: #b03a2e")
            self.message.setText("\n".join(problems))
            return False
        self.accept()
        return True
