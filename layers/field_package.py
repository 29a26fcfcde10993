"""*Prepare field package*: the plots due for a field visit, in a folder (and a zip) that
QField opens offline: ``field.gpkg`` (``field_package_gpkg``), the project configured for
QField (``field_package_project``) and an empty ``DCIM`` folder for the photos.

The folder is written whole under a temporary name first; the database records the
package (``cases.field_cases.record_package``) only once it is complete, and the folder
takes its name after that: a package that could not be written leaves no trace, and one
recorded is always there to take out.
"""

from __future__ import annotations

import datetime
import re
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..cases import field_cases
from ..cases import field_codes as fc
from ..cases.overlay_roles import ROLES
from . import field_package_gpkg as gpkg
from .field_package_gpkg import PackageWriteError
from .field_package_imagery import clip_images
from .field_package_project import write_project
from .role_assign import RoleLayerError, open_role_layer


@dataclass(frozen=True)
class PreparedPackage:
    code: str
    name: str
    folder: Path
    zip_path: Path
    project_path: Path
    plots: int
    roles: dict[str, int]  # role -> features written
    role_problems: list = field(default_factory=list)  # RoleLayerError of roles left out
    images: list = field(default_factory=list)  # ClippedImage: 前时相 / 后时相 written


def _safe(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_")[:40]


def package_name(assignee: str | None, now: datetime.datetime | None = None) -> str:
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d_%H%M%S")
    return "_".join(part for part in ("field", stamp, _safe(assignee or "")) if part)


def prepare_package(
    store,
    output_folder: Path | str,
    plot_ids: Sequence[int] | None = None,
    assignee: str | None = None,
    filter_text: str | None = None,
    name: str | None = None,
    today: datetime.date | None = None,
) -> PreparedPackage:
    """Write the package of the plots of ``plot_ids`` (all when None) that are due for a
    visit (post-closure visits: by ``today``, default today) into ``output_folder``;
    raises ``field_cases.NothingDue`` when none is."""
    plots = field_cases.due_plots(store, plot_ids, today)
    if not plots:
        count = store.plot_count() if plot_ids is None else len(plot_ids)
        raise field_cases.NothingDue(count=count)
    output_folder = Path(output_folder)
    name = name or package_name(assignee)
    folder = output_folder / name
    partial = output_folder / f".{name}.partial"
    if folder.exists() or (output_folder / f"{name}.zip").exists():
        raise PackageWriteError(path=str(folder), reason="a package of this name is there already")
    code = field_cases.new_code()
    try:
        partial.mkdir(parents=True)
        (partial / fc.PHOTO_FOLDER).mkdir()
        roles, problems = _write_gpkg(store, partial / fc.GPKG_NAME, plots, code, name, assignee)
        area = gpkg.package_area([plot.geometry for plot in plots])
        images, left_out = clip_images(store, partial / fc.GPKG_NAME, area)
        problems += left_out
        write_project(
            partial / f"{name}.qgs",
            partial / fc.GPKG_NAME,
            store.srid,
            list(roles),
            code,
            assignee or "",
            images=[image.role for image in images],
        )
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise PackageWriteError(path=str(folder), reason=error.strerror or str(error)) from error
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    try:
        field_cases.record_package(store, name, plots, assignee, filter_text, code=code)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    partial.rename(folder)
    zip_path = output_folder / f"{name}.zip"
    write_zip(folder, zip_path)
    return PreparedPackage(
        code, name, folder, zip_path, folder / f"{name}.qgs", len(plots), roles, problems,
        images,
    )  # fmt: skip


def _write_gpkg(store, path: Path, plots, code: str, name: str, assignee: str | None):
    source = gpkg.create(path)
    try:
        gpkg.write_info(
            source,
            path,
            {
                "code": code,
                "name": name,
                "assignee": assignee,
                "database": store.shown(),
                "srid": store.srid,
                "created_at": datetime.datetime.now().isoformat(timespec="seconds"),
            },
        )
        gpkg.write_plots(source, path, store.srid, plots)
        gpkg.write_empty_tables(source, path, store.srid)
        area = gpkg.package_area([plot.geometry for plot in plots])
        roles: dict[str, int] = {}
        problems: list[RoleLayerError] = []
        for role, definition in ROLES.items():
            stored = store.layer_role(role)
            if stored is None or definition.kind != "vector":
                continue
            try:
                layer = open_role_layer(role, stored.source, stored.provider)
            except RoleLayerError as problem:
                problems.append(problem)
                continue
            roles[role] = gpkg.write_role(source, path, store.srid, role, layer, area)
    finally:
        source = None  # GDAL writes and closes the file when the last reference goes
    return roles, problems


def write_zip(folder: Path, zip_path: Path) -> None:
    """The package folder as one zip (the folder's name inside), for a phone or a share."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder.name}/{fc.PHOTO_FOLDER}/", "")
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
