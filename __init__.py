"""LandCase QGIS plugin: QGIS calls classFactory; everything else loads on demand."""


def classFactory(iface):  # noqa: N802 (the name QGIS looks for)
    from .plugin.dependencies import MissingDependenciesPlugin, missing_packages

    missing = missing_packages()
    if missing:
        return MissingDependenciesPlugin(iface, missing)
    from .plugin.main import LandCasePlugin

    return LandCasePlugin(iface)
