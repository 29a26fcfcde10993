"""Dialog for importing an issued batch: the source, the batch, the encoding, the CRS when
the source has none, and the field mapping (suggested, or remembered from last time)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsMapLayerProxyModel, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from ..cases.codes import CLUE_SOURCES
from ..cases.encoding import reason_text
from ..cases.field_mapping import (
    JCMJ_UNIT,
    MU,
    SQUARE_METRE,
    fields_signature,
    matched_to,
    suggest_mapping,
)
from ..layers.source_reader import SeveralLayers, SourceError, open_source
from ..toolbelt.i18n import tr

VECTOR_FILTER = "Vector files (*.shp *.zip *.gpkg *.geojson *.json);;All files (*)"
ENCODINGS = ("", "UTF-8", "GBK", "GB18030", "BIG5")
NONE_FIELD = "—"


def field_labels() -> dict[str, str]:
    return {
        "jcbh": tr("Plot number (JCBH)"),
        "xzqdm": tr("Administrative code (XZQDM)"),
        "xzqmc": tr("Administrative name (XZQMC)"),
        "jcpc": tr("Monitoring batch (JCPC)"),
        "qsx": tr("Earlier image date (QSX)"),
        "hsx": tr("Later image date (HSX)"),
        "jcmj": tr("Monitored area (JCMJ)"),
        "tblx": tr("Plot type (TBLX)"),
        "bglx": tr("Change type (BGLX)"),
        "township": tr("Township"),
        "village": tr("Village"),
        "description": tr("Remarks"),
    }


class ImportDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import plot batch"))
        self.setMinimumWidth(560)
        self._store = store
        self._layer: QgsVectorLayer | None = None
        self._source_name = ""

        self.from_file = QRadioButton(tr("File"))
        self.from_layer = QRadioButton(tr("Project layer"))
        self.from_file.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.from_file)
        group.addButton(self.from_layer)
        self.file = QgsFileWidget()
        self.file.setFilter(VECTOR_FILTER)
        self.layer = QgsMapLayerComboBox()
        self.layer.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.encoding = QComboBox()
        for name in ENCODINGS:
            self.encoding.addItem(name or tr("Detect"), name)
        self.encoding_note = QLabel()
        self.crs = QgsProjectionSelectionWidget()
        self.crs.setOptionVisible(QgsProjectionSelectionWidget.CrsNotSet, True)
        self.crs.setNotSetText(tr("As the source says"))
        self.crs.setCrs(QgsCoordinateReferenceSystem())

        self.batch = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems(CLUE_SOURCES[:2])
        self.received = QDateEdit(QDate.currentDate())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.other_zone = QCheckBox(tr("Import plots outside the database's Gauss-Krüger zone"))
        self.other_zone.setToolTip(
            tr(
                "Plots beyond the database's 3° zone and 0.5° more are refused, the zone that "
                "fits them named. Tick only when they belong in this database."
            )
        )

        source_box = QGroupBox(tr("Source"))
        source_form = QFormLayout(source_box)
        choice = QHBoxLayout()
        choice.addWidget(self.from_file)
        choice.addWidget(self.from_layer)
        source_form.addRow(choice)
        source_form.addRow(tr("File"), self.file)
        source_form.addRow(tr("Layer"), self.layer)
        source_form.addRow(tr("Text encoding"), self.encoding)
        source_form.addRow("", self.encoding_note)
        source_form.addRow(tr("CRS of the source"), self.crs)

        batch_box = QGroupBox(tr("Batch"))
        batch_form = QFormLayout(batch_box)
        batch_form.addRow(tr("Batch name"), self.batch)
        batch_form.addRow(tr("Issued by"), self.kind)
        batch_form.addRow(tr("Received on"), self.received)
        batch_form.addRow("", self.other_zone)

        mapping_box = QGroupBox(tr("Fields"))
        self.mapping_form = QFormLayout(mapping_box)
        self.mapping: dict[str, QComboBox] = {}
        for attribute, label in field_labels().items():
            combo = QComboBox()
            self.mapping[attribute] = combo
            self.mapping_form.addRow(label, combo)
            if attribute == "jcmj":
                self.jcmj_unit = QComboBox()
                self.jcmj_unit.addItem(tr("Guess from the values"), "")
                self.jcmj_unit.addItem(MU, MU)
                self.jcmj_unit.addItem(SQUARE_METRE, SQUARE_METRE)
                self.jcmj_unit.setToolTip(
                    tr(
                        "The unit of the issued area. Each plot's issued area is checked "
                        "against its ellipsoidal area; beyond 5 % it is listed in the report."
                    )
                )
                self.mapping_form.addRow(tr("Unit of the monitored area"), self.jcmj_unit)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b03a2e")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(source_box)
        layout.addWidget(batch_box)
        layout.addWidget(mapping_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.file.fileChanged.connect(self._source_changed)
        self.layer.layerChanged.connect(self._layer_changed)
        self.from_file.toggled.connect(self._source_changed)
        self.encoding.currentIndexChanged.connect(self._source_changed)
        self._source_changed()

    # -- the source ------------------------------------------------------------------

    def _layer_changed(self, *_args) -> None:
        # Layers come and go in the project while the dialog is open: only the chosen
        # kind of source matters.
        if self.from_layer.isChecked():
            self._source_changed()

    def _source_changed(self, *_args) -> None:
        self.file.setEnabled(self.from_file.isChecked())
        self.layer.setEnabled(self.from_layer.isChecked())
        self.message.clear()
        self.encoding_note.clear()
        self._layer = None
        try:
            if self.from_file.isChecked():
                path = self.file.filePath().strip()
                if path:
                    opened = self._open(path)
                    self._layer, self._source_name = opened.layer, opened.name
                    if opened.encoding:
                        self.encoding_note.setText(
                            tr("Reading as {encoding} ({reason}).").format(
                                encoding=opened.encoding,
                                reason=reason_text(opened.encoding_reason),
                            )
                        )
                    if not self.batch.text():
                        self.batch.setText(Path(path).stem)
            else:
                self._layer = self.layer.currentLayer()
                self._source_name = self._layer.name() if self._layer else ""
        except (SourceError, ValueError) as error:
            self.message.setText(error.text(tr) if isinstance(error, SourceError) else str(error))
        self._fill_mapping()
        self.ok_button.setEnabled(self._layer is not None)

    def _open(self, path: str):
        """Open the file; a zip, GeoPackage or folder with several layers asks which one."""
        encoding = self.encoding.currentData() or None
        try:
            return open_source(path, encoding)
        except SeveralLayers as several:
            chosen = self._choose_layer(several)
            if chosen is None:
                raise
            return open_source(path, encoding, layer_name=chosen)

    def _choose_layer(self, several: SeveralLayers) -> str | None:
        """The layer the user picks among several; None when they cancel."""
        chosen, accepted = QInputDialog.getItem(
            self,
            tr("Choose a layer"),
            tr("{source} holds several layers. Import which one?").format(
                source=Path(several.source).name
            ),
            several.layers,
            0,
            False,
        )
        return chosen if accepted and chosen else None

    def _fill_mapping(self) -> None:
        names = self._layer.fields().names() if self._layer is not None else []
        mapping = suggest_mapping(names)
        saved = self._store.saved_field_mapping(fields_signature(names)) if names else None
        if saved:
            mapping.update({k: v for k, v in matched_to(saved, names).items() if v in names})
        for attribute, combo in self.mapping.items():
            combo.clear()
            combo.addItem(NONE_FIELD, "")
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(attribute, ""))))
        unit = (saved or {}).get(JCMJ_UNIT, "")
        self.jcmj_unit.setCurrentIndex(max(0, self.jcmj_unit.findData(unit)))

    # -- the answer ------------------------------------------------------------------

    def chosen_mapping(self) -> dict[str, str]:
        """plot attribute → source field, and the unit of 监测面积 when one is chosen."""
        mapping = {a: c.currentData() for a, c in self.mapping.items() if c.currentData()}
        if "jcmj" in mapping and self.jcmj_unit.currentData():
            mapping[JCMJ_UNIT] = self.jcmj_unit.currentData()
        return mapping

    def source_layer(self) -> QgsVectorLayer | None:
        return self._layer

    def source_name(self) -> str:
        return self._source_name

    def source_crs(self):
        crs = self.crs.crs()
        return crs if crs.isValid() else None

    def _accept(self) -> None:
        if self._layer is None:
            self.message.setText(tr("Choose a file or a layer to import."))
            return
        if not self.batch.text().strip():
            self.message.setText(tr("Name the batch."))
            return
        if "jcbh" not in self.chosen_mapping():
            self.message.setText(tr("Choose the field that holds the plot number (JCBH)."))
            return
        if not self._layer.crs().isValid() and self.source_crs() is None:
            self.message.setText(
                tr("The source has no coordinate reference system: name the one it uses.")
            )
            return
        self.accept()

    def allow_other_zone(self) -> bool:
        return self.other_zone.isChecked()

    def batch_fields(self) -> dict:
        return {
            "batch": self.batch.text().strip(),
            "source_kind": self.kind.currentText(),
            "received_date": self.received.date().toString("yyyy-MM-dd"),
        }
