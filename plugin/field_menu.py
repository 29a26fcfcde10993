"""The LandCase menu's entries for field work with QField: *Prepare field package…* and
*Merge field package…* open their Processing algorithms' dialogs for the open case
database; after a merge the plugin's layers and panels are refreshed (new verifications,
visits, photos and clues)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QAction

from ..toolbelt.i18n import tr

PREPARE_ALGORITHM = "landcase:fieldpackage"
MERGE_ALGORITHM = "landcase:mergefieldpackage"


def _run(plugin, algorithm: str) -> dict:
    import processing  # QGIS's Processing plugin, loaded by the time a menu is used

    if plugin.store is None:  # (the actions are disabled without a database)
        return {}
    return processing.execAlgorithmDialog(algorithm, {"DATABASE": plugin.store.location}) or {}


def field_package_actions(plugin) -> tuple[QAction, QAction]:
    """Add the two entries to the plugin's menu (enabled with a database open)."""

    def prepare_field_package() -> None:
        _run(plugin, PREPARE_ALGORITHM)

    def merge_field_package() -> None:
        if _run(plugin, MERGE_ALGORITHM) and plugin.store is not None:
            plugin._case_changed()

    return (
        plugin._menu_action(tr("Prepare field package…"), prepare_field_package),
        plugin._menu_action(tr("Merge field package…"), merge_field_package),
    )
