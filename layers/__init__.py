"""QGIS layers of the case database, layer roles, overlay engine, styles and map rendering."""
