"""Errors the case database raises, each naming the file or record and the reason.

Messages are English templates with named fields; the user interface translates the
template and formats it with ``error.params`` (``error.text(tr)``), so that the headless
core needs no Qt and the user still reads the message in their language. Every error a
user reads, in cases/, layers/, reports/ and plugin/, derives from ``LandCaseError``.
"""

from __future__ import annotations

from typing import Callable


def N_(text: str) -> str:  # noqa: N802 (the gettext name translators know)
    """Mark a reason for translation; the forms translate it when they show the error."""
    return text


def _untranslated(text: str) -> str:
    return text


class LandCaseError(Exception):
    """The one base of the errors a user reads: ``template`` is the untranslated English
    message, ``params`` fills it; ``text(translate)`` is the message in the user's language
    (``toolbelt.i18n.error_text`` passes Qt's translation). A marked ``reason`` param is a
    template itself, translated and filled from the other params."""

    template = "{path}: {reason}"

    def __init__(self, **params):
        self.params = params
        super().__init__(self.text())

    def filled_params(self, translate) -> dict:
        """The params, with a marked ``reason`` translated and filled from the others."""
        params = dict(self.params)
        if isinstance(params.get("reason"), str):
            params["reason"] = translate(params["reason"]).format(**self.params)
        return params

    def text(self, translate: Callable[[str], str] = _untranslated) -> str:
        return translate(self.template).format(**self.filled_params(translate))


class CaseDatabaseError(LandCaseError):
    """An error of the case database: a file that cannot be used, a record refused."""


class DatabaseMissing(CaseDatabaseError):
    template = "{path} does not exist."


class NotSqliteFile(CaseDatabaseError):
    template = "{path} is not a SQLite database file."


class NotLandCaseDatabase(CaseDatabaseError):
    template = "{path} is a SQLite file but not a LandCase case database."


class NewerSchema(CaseDatabaseError):
    template = (
        "{path} was written by a newer LandCase (schema version {found}, this version "
        "reads up to {supported}). Update the plugin; the file was not changed."
    )


class ReadOnlyDatabase(CaseDatabaseError):
    template = "{path} is read-only: LandCase needs to write to the case database and its folder."


class DatabaseExists(CaseDatabaseError):
    template = "{path} already exists; it was not overwritten."


class UnsupportedCrs(CaseDatabaseError):
    template = "EPSG:{srid} is not a CGCS2000 3-degree Gauss-Krüger CRS (EPSG:4513 to EPSG:4554)."


class DatabaseLocked(CaseDatabaseError):
    template = "{path} is locked by another program; try again when it has finished. ({reason})"


class InvalidRecord(CaseDatabaseError):
    template = "Record {record}: {reason}"


class NotPermitted(CaseDatabaseError):
    """A shared database refused the user's database role this change."""

    template = (
        "The database user {user} has no right to change {table}; ask the administrator "
        "of the case database if this is part of your work."
    )


class OutsideScope(CaseDatabaseError):
    """Row-level security: the row lies outside the user's townships or assigned plots."""

    template = (
        "The database user {user} may not write this row of {table}: it lies outside the "
        "townships or plots assigned to this user."
    )
