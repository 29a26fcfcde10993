"""Corpus inputs about files: missing, damaged, special, several layers, zips, GeoJSON."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

from batch_files import square, write_shapefile
from corpus_base import FIELDS, Case, SourceRefused, Stored, cell, record
from corpus_records import SIMPLIFIED, TRADITIONAL
from osgeo import ogr, osr

# -- 5. files: missing, damaged, special, several layers, zips, GeoJSON --------------------


def plain(folder: Path, n: int, name: str, sub: Path | None = None) -> Path:
    """A valid one-plot shapefile named ``name`` in ``folder`` (or its subfolder ``sub``)."""
    target = folder / sub if sub else folder
    target.mkdir(parents=True, exist_ok=True)
    x, y = cell(n)
    return write_shapefile(target / f"{name}.shp", [square(x, y)], FIELDS, [record(f"A{n}")])


def file_cases() -> list[Case]:
    cases = []

    def no_dbf(folder, n):
        path = plain(folder, n, "nodbf")
        path.with_suffix(".dbf").unlink()
        return path

    cases.append(Case("file-missing-dbf", no_dbf, SourceRefused((".dbf", "is missing"))))

    def no_dbf_cpg(folder, n):
        path = plain(folder, n, "nodbf2")
        path.with_suffix(".dbf").unlink()
        path.with_suffix(".cpg").write_text("GBK", encoding="ascii")
        return path

    cases.append(Case("file-missing-dbf-with-cpg", no_dbf_cpg, SourceRefused(("is missing",))))
    for size in (0, 10, 31, 32, 40, 64, 100):

        def cut(folder, n, size=size):
            path = plain(folder, n, f"cut{size}")
            dbf = path.with_suffix(".dbf")
            dbf.write_bytes(dbf.read_bytes()[:size])
            return path

        cases.append(Case(f"file-truncated-dbf-{size}", cut, SourceRefused((".dbf", "is damaged"))))

    def fifo(folder, n):
        path = folder / "pipe.shp"
        os.mkfifo(path)
        return path

    cases.append(Case("file-fifo", fifo, SourceRefused(("not a regular file",))))

    def fifo_zip(folder, n):
        path = folder / "pipe.zip"
        os.mkfifo(path)
        return path

    cases.append(Case("file-fifo-zip", fifo_zip, SourceRefused(("not a regular file",))))

    def device(folder, n):
        path = folder / "null.shp"
        path.symlink_to("/dev/null")
        return path

    cases.append(Case("file-device", device, SourceRefused(("not a regular file",))))

    def fifo_dbf(folder, n):
        path = plain(folder, n, "pipedbf")
        path.with_suffix(".dbf").unlink()
        os.mkfifo(path.with_suffix(".dbf"))
        return path

    cases.append(
        Case(
            "file-fifo-dbf",
            fifo_dbf,
            SourceRefused(("not a regular file",), names="pipedbf.dbf"),
        )
    )

    def two_layers(folder, n):
        plain(folder, n, "east")
        plain(folder, n + 1000, "west")
        return folder

    cases.append(
        Case(
            "folder-two-layers",
            two_layers,
            SourceRefused(("several layers",), several=("east.shp", "west.shp")),
        )
    )

    def three_layers(folder, n):
        plain(folder, n, "a")
        plain(folder, n + 1000, "b")
        (folder / "c.geojson").write_text('{"type": "FeatureCollection", "features": []}')
        return folder

    cases.append(
        Case(
            "folder-three-layers",
            three_layers,
            SourceRefused(("several layers",), several=("a.shp", "b.shp", "c.geojson")),
        )
    )

    def one_layer(folder, n):
        plain(folder, n, "only")
        (folder / "readme.txt").write_text("说明")
        return folder

    cases.append(Case("folder-one-layer", one_layer, Stored({"jcbh": None}, row=1)))

    def empty_folder(folder, n):
        return folder

    cases.append(Case("folder-empty", empty_folder, SourceRefused(("holds no shapefile",))))

    def zipped(members: list[tuple[str, str]]):
        """A zip of shapefiles: (folder inside the zip, name) per shapefile."""

        def build(folder, n):
            archive = folder / "batch.zip"
            with zipfile.ZipFile(archive, "w") as handle:
                for k, (inside, name) in enumerate(members):
                    shp = plain(folder / "src", n + 1000 * k, name)
                    for part in shp.parent.glob(name + ".*"):
                        handle.write(part, f"{inside}{part.name}")
            return archive

        return build

    for index, inside in enumerate(("", "sub/", "2026年第1批/", "a/b/c/")):
        cases.append(
            Case(
                f"zip-subfolder-{index}", zipped([(inside, "plots")]), Stored({"jcbh": None}, row=1)
            )
        )

    def with_junk(folder, n):
        archive = zipped([("data/", "plots")])(folder, n)
        with zipfile.ZipFile(archive, "a") as handle:
            handle.writestr("__MACOSX/data/._plots.shp", b"\0\5\26\7")
        return archive

    cases.append(Case("zip-macos-junk", with_junk, Stored({"jcbh": None}, row=1)))
    cases.append(
        Case(
            "zip-two-shapefiles",
            zipped([("", "east"), ("more/", "west")]),
            SourceRefused(("several layers",), several=("east.shp", "more/west.shp")),
        )
    )

    def empty_zip(folder, n):
        archive = folder / "empty.zip"
        with zipfile.ZipFile(archive, "w") as handle:
            handle.writestr("readme.txt", "nothing")
        return archive

    cases.append(Case("zip-empty", empty_zip, SourceRefused(("holds no shapefile",))))

    def not_zip(folder, n):
        archive = folder / "fake.zip"
        archive.write_bytes(b"this is not a zip")
        return archive

    cases.append(Case("zip-not-a-zip", not_zip, SourceRefused(("not a readable zip file",))))

    def geojson(encoding: str, township: str):
        def build(folder, n):
            x, y = cell(n)
            ring = [list(p) for p in square(x, y)[0]]
            document = {
                "type": "FeatureCollection",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"JCBH": f"A{n}", "XZMC": township},
                        "geometry": {"type": "Polygon", "coordinates": [ring]},
                    }
                ],
            }
            path = folder / f"plots_{encoding}.geojson"
            path.write_bytes(json.dumps(document, ensure_ascii=False).encode(encoding))
            return path

        return build

    for index, township in enumerate(SIMPLIFIED[:4]):
        cases.append(
            Case(
                f"geojson-gbk-{index}",
                geojson("gbk", township),
                SourceRefused(("is not in UTF-8", "GeoJSON")),
            )
        )
        cases.append(
            Case(
                f"geojson-utf8-{index}",
                geojson("utf-8", township),
                Stored({"township": township}, row=1),
            )
        )
    cases.append(
        Case(
            "geojson-big5",
            geojson("big5", TRADITIONAL[0]),
            SourceRefused(("is not in UTF-8",)),
        )
    )

    def two_tables(folder, n):
        x, y = cell(n)
        path = folder / "two.gpkg"
        source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4549)
        for name in ("plots_a", "plots_b"):
            layer = source.CreateLayer(name, srs, ogr.wkbPolygon)
            layer.CreateField(ogr.FieldDefn("JCBH", ogr.OFTString))
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("JCBH", f"{name}{n}")
            feature.SetGeometry(ogr.CreateGeometryFromWkt(_wkt(square(x, y))))
            layer.CreateFeature(feature)
        source = None
        return path

    cases.append(
        Case(
            "gpkg-two-layers",
            two_tables,
            SourceRefused(("several layers",), several=("plots_a", "plots_b")),
        )
    )
    return cases


def _wkt(rings) -> str:
    return (
        "POLYGON("
        + ",".join("(" + ",".join(f"{x} {y}" for x, y, *_ in ring) + ")" for ring in rings)
        + ")"
    )
