"""A throw-away local PostgreSQL 15 cluster with PostGIS under build/pg, for tests and trials.

    python tools/pg_cluster.py start    # initdb if needed, start; last line: the postgresql:// URI
    python tools/pg_cluster.py stop     # pg_ctl stop -m fast
    python tools/pg_cluster.py status   # "running <uri>" (exit 0) or "stopped" (exit 3)
    python tools/pg_cluster.py uri      # the URI of the running cluster (exit 3 when stopped)

Layout: build/pg/data (the cluster), build/pg/log, build/pg/port (the TCP port), and the
unix socket build/pg/.s.PGSQL.<port>. The server listens on that socket and on 127.0.0.1
only, with trust authentication: this cluster is for tests on this machine, never a
deployment. Role ``landcase`` (password ``landcase``, superuser here) owns database
``landcase``; database ``landcase_template`` has PostGIS and serves as the template of the
databases the tests create.

initdb and postgres refuse to run as root: run as root, the cluster belongs to the system
user ``landcase-pg`` (created with useradd --system when missing); otherwise it runs as the
calling user. Debian's binaries in /usr/lib/postgresql/15/bin are used; this tool installs
nothing (``make deps`` installs postgresql-15 and postgresql-15-postgis-3).
"""

from __future__ import annotations

import hashlib
import os
import pwd
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _default_base() -> Path:
    """build/pg of this checkout, unless the server user could not reach it (a clone in a
    private home folder, run as root) or its socket path would be too long for a unix
    socket: then a folder of this checkout's own under /var/tmp."""
    base = ROOT / "build" / "pg"
    reachable = os.geteuid() != 0 or all(
        parent.stat().st_mode & 0o001 for parent in base.parents if parent.exists()
    )
    if reachable and len(str(base)) <= 80:
        return base
    digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:12]
    return Path("/var/tmp") / f"landcase-pg-{digest}"


BASE = _default_base()
BINDIR = Path("/usr/lib/postgresql/15/bin")
SYSTEM_USER = "landcase-pg"
ROLE = "landcase"
PASSWORD = "landcase"
DATABASE = "landcase"
TEMPLATE = "landcase_template"
BOOTSTRAP_USER = "postgres"  # the superuser initdb makes
HOST = "127.0.0.1"
SETTINGS = "landcase.conf"  # written before every start: port, socket folder, listen address
NOT_RUNNING = 3


class ClusterError(RuntimeError):
    """The cluster could not be set up, started or reached; the message says why."""


def data_dir(base: Path = BASE) -> Path:
    return base / "data"


def log_file(base: Path = BASE) -> Path:
    return base / "log"


def port_file(base: Path = BASE) -> Path:
    return base / "port"


def run_as() -> str | None:
    """The system user the cluster runs as, or None to run as the calling user."""
    return SYSTEM_USER if os.geteuid() == 0 else None


def ensure_system_user(name: str = SYSTEM_USER) -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    done = subprocess.run(
        [
            "useradd",
            "--system",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            "--user-group",
            name,
        ],
        capture_output=True,
        text=True,
    )
    try:  # another process may have created it meanwhile
        return pwd.getpwnam(name)
    except KeyError:
        raise ClusterError(f"Cannot create system user {name}: {done.stderr.strip()}") from None


def _binary(name: str) -> str:
    path = BINDIR / name
    if not path.exists():
        raise ClusterError(
            f"{path} is missing: PostgreSQL 15 is not installed (run `make deps`, "
            "which installs postgresql-15 and postgresql-15-postgis-3)."
        )
    return str(path)


def _run(args: list[str], base: Path, check: bool = True) -> subprocess.CompletedProcess:
    """Run a server program as the cluster's user (pg_ctl, initdb refuse root)."""
    user = run_as()
    kwargs: dict = {}
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    if user:
        entry = ensure_system_user(user)
        kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        env.update(HOME=str(base), USER=user, LOGNAME=user)
    done = subprocess.run(args, cwd=base, env=env, capture_output=True, text=True, **kwargs)
    if check and done.returncode != 0:
        raise ClusterError(
            f"{Path(args[0]).name} failed ({done.returncode}): {(done.stderr or done.stdout).strip()}"
            f"\n(server log: {log_file(base)})"
        )
    return done


def _prepare_folder(base: Path) -> None:
    base.mkdir(parents=True, exist_ok=True)
    user = run_as()
    uid = os.geteuid()
    if user:
        entry = ensure_system_user(user)
        uid = entry.pw_uid
        os.chown(base, entry.pw_uid, entry.pw_gid)  # the server writes its socket and log here
        # The server user must reach the folder through every parent.
        for parent in base.parents:
            if parent.stat().st_mode & 0o001 == 0:
                raise ClusterError(
                    f"{parent} is not searchable by other users, so {user} cannot reach {base}."
                )
    data = data_dir(base)
    if data.exists() and data.stat().st_uid != uid:
        owner = pwd.getpwuid(data.stat().st_uid).pw_name
        raise ClusterError(
            f"{data} belongs to {owner}, not to {pwd.getpwuid(uid).pw_name}: start the cluster "
            f"as {'root' if owner == SYSTEM_USER else owner}, or remove {base}."
        )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def _recorded_port(base: Path) -> int | None:
    try:
        return int(port_file(base).read_text().strip())
    except (OSError, ValueError):
        return None


def _conf_quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _initdb(base: Path) -> None:
    _run(
        [
            _binary("initdb"),
            "-D",
            str(data_dir(base)),
            "-U",
            BOOTSTRAP_USER,
            "--encoding=UTF8",
            "--no-locale",  # C collation: byte order, as SQLite's BINARY
            "--auth-local=trust",
            "--auth-host=trust",
            "--no-sync",
        ],
        base,
    )
    data = data_dir(base)
    # Clients from 127.0.0.1 only (initdb also allows ::1 and replication; keep IPv4 only).
    (data / "pg_hba.conf").write_text(
        "# LandCase test cluster: this machine only, no passwords checked.\n"
        "local   all  all                trust\n"
        "host    all  all  127.0.0.1/32  trust\n"
    )
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(f"\ninclude_if_exists = {_conf_quote(SETTINGS)}\n")
    if run_as():
        entry = pwd.getpwnam(run_as())
        for name in ("pg_hba.conf", "postgresql.conf"):
            os.chown(data / name, entry.pw_uid, entry.pw_gid)


def _write_settings(base: Path, port: int) -> None:
    path = data_dir(base) / SETTINGS
    path.write_text(
        "# Written by tools/pg_cluster.py before every start.\n"
        f"port = {port}\n"
        f"listen_addresses = {_conf_quote(HOST)}\n"
        f"unix_socket_directories = {_conf_quote(str(base))}\n"
        "logging_collector = off\n"
    )
    if run_as():
        entry = pwd.getpwnam(run_as())
        os.chown(path, entry.pw_uid, entry.pw_gid)


def uri(port: int, database: str = DATABASE) -> str:
    return f"postgresql://{ROLE}:{PASSWORD}@{HOST}:{port}/{database}"


def initialised(base: Path = BASE) -> bool:
    """Whether build/pg holds a cluster; a cluster of another user is named, not hidden."""
    try:
        return (data_dir(base) / "PG_VERSION").exists()
    except PermissionError:
        owner = pwd.getpwuid(data_dir(base).stat().st_uid).pw_name
        raise ClusterError(
            f"The cluster in {base} belongs to {owner}: run this as "
            f"{'root' if owner == SYSTEM_USER else owner}, or remove {base}."
        ) from None


def is_running(base: Path = BASE) -> bool:
    if not initialised(base):
        return False
    done = _run([_binary("pg_ctl"), "status", "-D", str(data_dir(base))], base, check=False)
    return done.returncode == 0


def psql(base: Path, sql: str, database: str = "postgres", user: str = BOOTSTRAP_USER) -> str:
    """Run SQL through the unix socket (trust), return psql's unaligned output."""
    port = _recorded_port(base)
    done = subprocess.run(
        [
            _binary("psql"),
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(base),
            "-p",
            str(port),
            "-U",
            user,
            "-d",
            database,
            "-c",
            sql,
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise ClusterError(f"psql failed on {database}: {done.stderr.strip()}")
    return done.stdout.strip()


def _set_up_roles(base: Path) -> None:
    """Role landcase, its database and the PostGIS template; done once, checked each start."""
    if psql(base, f"SELECT 1 FROM pg_database WHERE datname = '{TEMPLATE}'") == "1":
        return
    available = psql(base, "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")
    if available != "1":
        raise ClusterError(
            "PostGIS is not installed for PostgreSQL 15 (run `make deps`, which installs "
            "postgresql-15-postgis-3)."
        )
    if psql(base, f"SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}'") != "1":
        psql(base, f"CREATE ROLE {ROLE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
    if psql(base, f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'") != "1":
        psql(base, f"CREATE DATABASE {DATABASE} OWNER {ROLE}")
        psql(base, "CREATE EXTENSION IF NOT EXISTS postgis", database=DATABASE)
    # The template is made last: its presence means the set-up is complete.
    psql(base, f"CREATE DATABASE {TEMPLATE}_new OWNER {ROLE}")
    psql(base, "CREATE EXTENSION postgis", database=f"{TEMPLATE}_new")
    psql(base, f"ALTER DATABASE {TEMPLATE}_new RENAME TO {TEMPLATE}")
    psql(base, f"ALTER DATABASE {TEMPLATE} WITH IS_TEMPLATE true")


def start(base: Path = BASE) -> str:
    """Start the cluster (initdb first when there is none); return its URI. Idempotent."""
    if is_running(base):
        port = _recorded_port(base)
        if port is None:
            raise ClusterError(f"The cluster in {base} runs but {port_file(base)} is missing.")
        return uri(port)
    _binary("postgres")
    _prepare_folder(base)
    if not initialised(base):
        if data_dir(base).exists() and any(data_dir(base).iterdir()):
            raise ClusterError(f"{data_dir(base)} holds no cluster but is not empty; remove it.")
        _initdb(base)
    port = _recorded_port(base)
    if port is None or not _port_is_free(port):
        port = _free_port()
    socket_path = base / f".s.PGSQL.{port}"
    if len(str(socket_path).encode()) > 107:
        raise ClusterError(f"The socket path {socket_path} is too long for a unix socket.")
    _write_settings(base, port)
    port_file(base).write_text(f"{port}\n")
    _run(
        [
            _binary("pg_ctl"),
            "start",
            "-D",
            str(data_dir(base)),
            "-l",
            str(log_file(base)),
            "-w",
            "-t",
            "60",
        ],
        base,
    )
    _set_up_roles(base)
    return uri(port)


def drop_database(server_uri: str, name: str, roles: tuple[str, ...] = ()) -> None:
    """Drop database ``name`` (its sessions ended), the group roles a case database made
    for it (``lc_<name>_…``, cases/pg_roles.py: roles are the cluster's) and ``roles``."""
    import psycopg

    with psycopg.connect(server_uri, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        made = admin.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (f"lc_{name}%",)
        ).fetchall()
        for role in [*(row[0] for row in made), *roles]:
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')


def stop(base: Path = BASE) -> bool:
    """Stop the cluster (fast shutdown); False when it was not running."""
    if not is_running(base):
        return False
    _run(
        [_binary("pg_ctl"), "stop", "-D", str(data_dir(base)), "-m", "fast", "-w", "-t", "60"], base
    )
    return True


def running_uri(base: Path = BASE) -> str | None:
    if not is_running(base):
        return None
    port = _recorded_port(base)
    return uri(port) if port is not None else None


def server_user(base: Path = BASE) -> str:
    """The operating-system user the running postmaster belongs to."""
    pid = int((data_dir(base) / "postmaster.pid").read_text().split()[0])
    return pwd.getpwuid(os.stat(f"/proc/{pid}").st_uid).pw_name


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "status"
    try:
        if command == "start":
            began = time.monotonic()
            cold = not initialised()
            was_running = is_running()
            address = start()
            if not was_running:
                kind = "initdb and start" if cold else "start"
                print(f"PostgreSQL cluster in {BASE} ({kind}: {time.monotonic() - began:.1f} s)")
            print(address)
        elif command == "stop":
            print("stopped" if stop() else "not running")
        elif command in ("status", "uri"):
            address = running_uri()
            if address is None:
                print("stopped")
                return NOT_RUNNING
            print(address if command == "uri" else f"running {address}")
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except ClusterError as error:
        print(f"pg_cluster: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
