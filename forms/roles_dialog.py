"""Layer roles: which project layer is the land use (with its DLBM field), the permanent
basic farmland, the approvals (with 批准文号), the 前时相/后时相 images… Stored in the case
database, so that they come back when the database is opened.

A field is preselected only when the layer has it under a recognised name (DLBM, 地类编码,
DLMC, 地类名称 …, in any case); otherwise it stays empty and saving names what is missing.
A land-use layer with names only (DLMC) shows the mapping of its distinct names to 三调
codes, editable; names that map to nothing are listed and stored without a code."""

from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..cases import overlay_records as rec
from ..cases.landuse_codes import LANDUSE_NAMES
from ..layers.role_assign import RoleLayerError, assign_role, name_mapping
from ..toolbelt.i18n import tr
from .messages import error_text


class RoleRow:
    """The layer and field choosers of one role (and, for land use named only, the
    mapping of its names to codes)."""

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
            combo.setAllowEmptyFieldName(True)  # never a first field chosen silently
            self.fields[role_field.key] = combo
        self.mapping = None
        self.unmatched = None
        self.by_names = False  # land use: codes taken from the names (mapping shown)
        if definition.code_from_names:
            self.mapping = QTableWidget(0, 3)
            self.mapping.setHorizontalHeaderLabels(
                [tr("Land-use name"), tr("Code (三调)"), tr("Class of the code (三调)")]
            )
            self.mapping.itemChanged.connect(self._code_edited)
            self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            self.mapping.setMinimumHeight(180)
            self.unmatched = QLabel()
            self.unmatched.setWordWrap(True)
            self.unmatched.setStyleSheet("color: #b03a2e")
            for key in definition.code_from_names:
                self.fields[key].fieldChanged.connect(self._fields_changed)
            self._show_mapping(False)
        self.layer.layerChanged.connect(self._layer_changed)

    def _layer_changed(self, layer) -> None:
        names = layer.fields().names() if layer is not None and hasattr(layer, "fields") else []
        suggested = rec.suggest_role_fields(self.definition.key, names)
        for key, combo in self.fields.items():
            combo.blockSignals(True)
            combo.setLayer(layer if names else None)
            combo.setField(suggested.get(key, ""))
            combo.blockSignals(False)
        self._fields_changed()

    def _fields_changed(self, *_args) -> None:
        """Land use: with a name field and no code field, list the names and their codes."""
        if self.mapping is None:
            return
        code_key, name_key = self.definition.code_from_names
        layer = self.layer.currentLayer()
        by_names = (
            layer is not None
            and not self.fields[code_key].currentField()
            and bool(self.fields[name_key].currentField())
        )
        self.by_names = by_names
        self._show_mapping(by_names)
        if not by_names:
            return
        mapping, unmatched = name_mapping(layer, self.fields[name_key].currentField())
        self.set_mapping(mapping, unmatched)

    def _show_mapping(self, shown: bool) -> None:
        self.mapping.setVisible(shown)
        self.unmatched.setVisible(shown)

    def set_mapping(self, mapping: dict, unmatched: list) -> None:
        """Fill the table: the unmatched names first (in red, no code), then every name
        with its code and the 三调 class of that code."""
        rows = [(name, "") for name in unmatched] + sorted(mapping.items())
        self.mapping.blockSignals(True)
        self.mapping.setRowCount(len(rows))
        for row, (name, code) in enumerate(rows):
            name_item = QTableWidgetItem(name)
            name_item.setFlags(name_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if not code:
                name_item.setForeground(QColor("#b03a2e"))
            class_item = QTableWidgetItem(LANDUSE_NAMES.get(code, ""))
            class_item.setFlags(class_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping.setItem(row, 0, name_item)
            self.mapping.setItem(row, 1, QTableWidgetItem(code))
            self.mapping.setItem(row, 2, class_item)
        self.mapping.blockSignals(False)
        self.unmatched.setText(
            tr(
                "{count} names map to no code; enter a code or they are stored without one: {names}"
            ).format(count=len(unmatched), names="、".join(unmatched))
            if unmatched
            else tr("Every name maps to a code (edit a code to change it).")
        )

    def _code_edited(self, item) -> None:
        """Show the 三调 class of an edited code (empty when it is not a 三调 code)."""
        if item.column() != 1:
            return
        shown = self.mapping.item(item.row(), 2)
        if shown is not None:
            shown.setText(LANDUSE_NAMES.get(item.text().strip().upper(), ""))

    def edited_mapping(self) -> dict[str, str]:
        """The names with a code, as the table holds them now."""
        mapping = {}
        for row in range(self.mapping.rowCount()):
            name, code = self.mapping.item(row, 0), self.mapping.item(row, 1)
            if name is not None and code is not None and code.text().strip():
                mapping[name.text()] = code.text().strip()
        return mapping

    def chosen_fields(self) -> dict:
        chosen = {
            key: combo.currentField() for key, combo in self.fields.items() if combo.currentField()
        }
        if self.by_names:
            chosen[rec.NAME_TO_CODE] = self.edited_mapping()
        return chosen


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
        number = 0
        for key, definition in rec.ROLES.items():
            number += 1
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
            if row.mapping is not None:  # the names and their codes, below the role
                mapping = QVBoxLayout()
                mapping.setContentsMargins(0, 0, 0, 0)
                mapping.addWidget(row.unmatched)
                mapping.addWidget(row.mapping)
                number += 1
                grid.addLayout(mapping, number, 1, 1, 2)
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
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
