"""Small helpers shared by the QGIS-facing packages: translation, settings, logging."""
