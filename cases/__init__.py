"""The headless case database: plain Python, sqlite3 + mod_spatialite + shapely, no Qt."""

from .errors import CaseDatabaseError
from .store import CaseStore, NewPlot, PlotSummary, inspect_file

__all__ = ["CaseDatabaseError", "CaseStore", "NewPlot", "PlotSummary", "inspect_file"]
