"""File dialog filters shared by the dialogs and the Processing algorithms."""

from __future__ import annotations

DATABASE_FILTER = "SpatiaLite (*.sqlite *.db)"
