"""Names vulture (`make lint`) cannot see used: attributes set on other libraries' objects,
which those libraries read. Qt/QGIS overrides, Processing methods, pytest hooks and
fixtures are called by name: they are in pyproject.toml, [tool.vulture] ignore_names.
Not imported by anything; vulture reads it beside the sources."""

# ruff: noqa: B018, F821
# sqlite3 connections
_.row_factory
_.text_factory
_.isolation_level
# openpyxl cells and sheets
_.alignment
# QgsVectorFileWriter.SaveVectorOptions (layers/submission_export.py)
_.driverName
_.fileEncoding
_.layerName
_.actionOnExistingFile
# reportlab flowables, charts and legends (reports/)
_.hAlign
_.initialFontName
_.strokeColor
_.fillColor
_.groupSpacing
_.barSpacing
_.categoryNames
_.dy
_.boxAnchor
_.tickDown
_.valueMin
_.valueMax
_.valueStep
_.labelTextFormat
_.visibleGrid
_.gridStrokeColor
_.gridStrokeWidth
_.forceZero
_.barLabelFormat
_.barLabelArray
_.nudge
_.columnMaximum
_.deltax
_.dxTextSpace
_.colorNamePairs
_._lc_ctx  # read back by getattr in reports/pdf_build.py
# configparser (tools/qgis_profile.py)
_.optionxform
# QActions kept on the plugin so that they live as long as it (plugin/main.py)
_.roles_action
_.overlay_action
_.rounds_action
_.verify_action
# names of a whole unpacking, a column enumeration or a table of constants
COL_BATCH
COL_TOWNSHIP
COL_VILLAGE
COL_DETERMINATION
PAIR_EXACT
first_case  # plugin/print_models.py
# found dead, in plugin/ (another room's owner removes it): plugin/dependencies.py
missing_packages
# QgsPalLayerSettings (layers/patrol_layers.py)
_.isExpression
_.placement
