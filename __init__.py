"""LandCase QGIS plugin: QGIS calls classFactory; everything else loads on demand."""


def classFactory(iface):  # noqa: N802 (the name QGIS looks for)
    from .plugin.main import LandCasePlugin

    return LandCasePlugin(iface)
