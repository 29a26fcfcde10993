"""Where a case database lives: a SpatiaLite file or a PostgreSQL/PostGIS database.

Everywhere a case database is taken (dialogs, Processing DATABASE parameters) the user gives
one text: a path to a ``.sqlite`` file, a ``postgresql://`` (or ``postgres://``) URI, a
QGIS-style ``service=<name>`` naming an entry of pg_service.conf, or a libpq connection
string (``host=… dbname=…``). ``parse`` tells them apart; nothing here connects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SPATIALITE = "spatialite"
POSTGRES = "postgres"

_URI = re.compile(r"^postgres(ql)?://", re.IGNORECASE)
# libpq keywords a connection string starts with (``service=station``, ``host=… dbname=…``)
_CONNINFO = re.compile(
    r"^\s*(service|host|hostaddr|port|dbname|user|sslmode|options)\s*=", re.IGNORECASE
)


@dataclass(frozen=True)
class Target:
    kind: str  # SPATIALITE or POSTGRES
    text: str  # the path, or the libpq connection string / URI as given

    @property
    def is_postgres(self) -> bool:
        return self.kind == POSTGRES

    @property
    def path(self) -> Path:
        return Path(self.text)

    def shown(self) -> str:
        """The target as messages and documents show it: never a password."""
        if self.kind == SPATIALITE:
            return self.text
        return hide_password(self.text)


def parse(target) -> Target:
    """The ``Target`` a user's text (or a ``Path``) names."""
    if isinstance(target, Target):
        return target
    if isinstance(target, Path):
        return Target(SPATIALITE, str(target))
    text = str(target).strip()
    if _URI.match(text) or _CONNINFO.match(text):
        return Target(POSTGRES, text)
    return Target(SPATIALITE, text)


def is_postgres(target) -> bool:
    return parse(target).is_postgres


def hide_password(text: str) -> str:
    if _URI.match(text):
        parts = urlsplit(text)
        if parts.password is not None:
            host = parts.hostname or ""
            if parts.port:
                host = f"{host}:{parts.port}"
            netloc = f"{parts.username}:***@{host}" if parts.username else host
            return urlunsplit(parts._replace(netloc=netloc))
        return text
    return re.sub(r"(password\s*=\s*)('[^']*'|\S+)", r"\1***", text, flags=re.IGNORECASE)


def libpq_params(text: str) -> dict[str, str]:
    """The libpq keywords of a URI or connection string (host, port, dbname, user,
    password, service …), as QGIS's postgres provider takes them one by one."""
    from psycopg.conninfo import conninfo_to_dict  # psycopg only when a server is used

    return {key: str(value) for key, value in conninfo_to_dict(text).items()}


def layer_key(target) -> str:
    """What identifies the database on a QGIS layer (a custom property saved with the
    project): the resolved file path, or the connection without its password."""
    parsed = parse(target)
    if parsed.is_postgres:
        return parsed.shown()
    return str(Path(parsed.text).resolve())
