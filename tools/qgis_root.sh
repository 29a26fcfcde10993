#!/bin/bash
# Run LandCase's QGIS tests inside a Debian root that carries another QGIS.
#
#   tools/qgis_root.sh build <qgis-version>   debootstrap + QGIS + the plugin's dependencies
#   tools/qgis_root.sh test  <qgis-version> [pytest args]   copy the plugin in, run the QGIS tests
#
# Needs root (debootstrap, chroot, mount), debootstrap and network access to deb.debian.org
# and PyPI. The roots live outside the repository, in $QGIS_ROOTS
# (default /var/cache/landcase/qgis-roots/<qgis-version>); a built root is reused.
# Everything comes from Debian's own packages; only what Debian does not package
# (chinesecalendar, pytest-qgis) is installed with pip into a venv inside the root that
# sees Debian's packages (--system-site-packages).
set -euo pipefail

# QGIS version -> the Debian suite that carries it. When Debian ships QGIS 4, add
# its line here (e.g. "4.0 sid") and `make test-qgis QGIS=4.0` takes it.
SUITES="
3.40 trixie
3.44 sid
"
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ROOTS=${QGIS_ROOTS:-/var/cache/landcase/qgis-roots}
HERE=$(cd "$(dirname "$0")/.." && pwd)
# Debian packages inside the root: QGIS and the plugin's dependencies where Debian has them.
PACKAGES="qgis python3-qgis qgis-providers libsqlite3-mod-spatialite python3-gdal python3-pyproj
python3-pil python3-numpy python3-shapely python3-pandas python3-reportlab python3-openpyxl
python3-exifread python3-pypdf python3-psycopg python3-pytest python3-venv python3-pip fonts-wqy-zenhei poppler-utils
zbar-tools xvfb xauth ca-certificates locales"
# Pinned in pyproject.toml, not packaged by Debian (exifread: Debian 13's 3.0.0 is older
# than the 3.1 the plugin needs; the venv's copy comes first on the path).
PIP_PACKAGES="chinesecalendar pytest-qgis exifread"

usage() { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 2 ] || usage
action=$1 version=$2
shift 2
suite=$(awk -v v="$version" '$1 == v {print $2}' <<<"$SUITES")
if [ -z "$suite" ]; then
  echo "No Debian suite known for QGIS $version; known:" $(awk 'NF {print $1}' <<<"$SUITES") >&2
  exit 2
fi
root=$ROOTS/$version
[ "$(id -u)" = 0 ] || { echo "$0 needs root (debootstrap, chroot, mount): run it with sudo" >&2; exit 1; }

mounted=()
unmount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  mounted=()
}
trap unmount_all EXIT
mount_into() {  # mount_into <target-in-root> <mount args...>
  local target=$root$1
  shift
  mkdir -p "$target"
  mountpoint -q "$target" || { mount "$@" "$target"; mounted+=("$target"); }
}
enter() {
  mount_into /proc -t proc proc
  mount_into /sys -t sysfs sysfs
  mount_into /dev --bind /dev
  mount_into /dev/pts --bind /dev/pts
  mount_into /dev/shm -t tmpfs tmpfs
  mount_into /tmp -t tmpfs tmpfs
  mount_into /run -t tmpfs tmpfs
  cp /etc/resolv.conf "$root/etc/resolv.conf"
}
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/opt/venv/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen \
    PIP_CERT=/opt/host-ca.crt "$@"
}

pins() {  # the pyproject.toml pins of the given names
  local name
  for name in "$@"; do
    python3 "$HERE/tools/requirements.py" dev | tr ' ' '\n' | grep -i "^$name==" || echo "$name"
  done
}

build() {
  if [ -e "$root/.landcase-ready" ] && [ "$root/.landcase-ready" -nt "$0" ]; then
    echo "QGIS $version root ready: $root"
    return
  fi
  command -v debootstrap >/dev/null || apt-get install -y -q debootstrap
  if [ ! -e "$root/.debootstrap-done" ]; then
    rm -rf "$root"
    mkdir -p "$root"
    debootstrap --variant=minbase "$suite" "$root" "$MIRROR"
    touch "$root/.debootstrap-done"
  fi
  enter
  # sid's Release file is valid for a week only; a mirror that lags behind the clock would
  # refuse it. Signatures are still checked.
  echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99landcase"
  in_root apt-get update -q
  # shellcheck disable=SC2086
  in_root apt-get install -y -q --no-install-recommends $PACKAGES
  [ -x "$root/opt/venv/bin/python" ] || in_root python3 -m venv --system-site-packages /opt/venv
  # pip inside the root trusts what the host trusts (a proxy's CA, if the host has one).
  cp "${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}" "$root/opt/host-ca.crt"
  # shellcheck disable=SC2046
  in_root /opt/venv/bin/python -m pip install -q --disable-pip-version-check \
    --cert /opt/host-ca.crt $(pins $PIP_PACKAGES)
  in_root apt-get clean
  in_root python3 -c 'from qgis.core import Qgis; print("QGIS", Qgis.QGIS_VERSION)'
  touch "$root/.landcase-ready"
  unmount_all
}

run_tests() {
  build
  enter
  # A copy of the plugin, not a bind: the root's test run writes its own build/ and artifacts.
  rm -rf "$root/opt/landcase"
  mkdir -p "$root/opt/landcase"
  tar -C "$HERE" --exclude=./.venv --exclude=./build --exclude=./dist --exclude=./.git \
    --exclude=./tests/artifacts --exclude='__pycache__' -cf - . | tar -C "$root/opt/landcase" -xf -
  echo "QGIS $version ($suite): $(in_root python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)')"
  local status=0 report=$root/opt/landcase/build/junit.xml
  # The PostgreSQL tests use the host's throw-away cluster (the root shares its network):
  # started here when it is not running, stopped again at the end.
  local host_python=python3 pg_started=""
  [ -x "$HERE/.venv/bin/python" ] && host_python=$HERE/.venv/bin/python
  "$host_python" "$HERE/tools/pg_cluster.py" status >/dev/null 2>&1 || pg_started=1
  local pg_uri
  pg_uri=$("$host_python" "$HERE/tools/pg_cluster.py" start | tail -1)
  in_root /usr/bin/env LANDCASE_TEST_PG_URI="$pg_uri" /bin/sh -c 'cd /opt/landcase && \
    exec python -m pytest -ra -p no:cacheprovider -m qgis --junitxml=build/junit.xml "$@"' \
    pytest "$@" || status=$?
  [ -z "$pg_started" ] || "$host_python" "$HERE/tools/pg_cluster.py" stop >/dev/null || true
  # QGIS 3.40's Python bindings may crash when the interpreter exits, after pytest has
  # written its report: then the report decides.
  if [ "$status" -ge 128 ] && [ -s "$report" ] && python3 - "$report" <<'PY'
import sys
import xml.etree.ElementTree as ET
suites = list(ET.parse(sys.argv[1]).getroot().iter("testsuite"))
totals = [sum(int(s.get(k, 0)) for s in suites) for k in ("tests", "failures", "errors")]
sys.exit(0 if totals[0] > 0 and totals[1] == totals[2] == 0 else 1)
PY
  then
    echo "pytest ended on signal $((status - 128)) in QGIS $version's shutdown, after every test passed"
    status=0
  fi
  return "$status"
}

case $action in
  build) build ;;
  test) run_tests "$@" ;;
  *) usage ;;
esac
