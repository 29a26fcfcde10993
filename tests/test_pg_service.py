"""A case database named by a pg_service.conf entry, as QGIS users name their servers."""

from __future__ import annotations

from urllib.parse import urlsplit

from helpers import new_plot
from landcase.cases import CaseStore, targets


def test_a_service_name_opens_the_store_and_the_qgis_layers(
    pg_database, tmp_path, monkeypatch, qgis_app
):
    from landcase.layers.plot_layer import layer_of

    parts = urlsplit(pg_database)
    service_file = tmp_path / "pg_service.conf"
    service_file.write_text(
        "[县局案件库]\n"
        f"host={parts.hostname}\nport={parts.port}\ndbname={parts.path.lstrip('/')}\n"
        f"user={parts.username}\npassword={parts.password}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    target = "service=县局案件库"
    assert targets.is_postgres(target) and targets.parse(target).shown() == target
    store = CaseStore.create(target, 4549)
    batch = store.add_batch("b", received_date="2026-02-01")
    store.add_plots([new_plot(i) for i in range(3)], batch)
    layer = layer_of(store.plot_layer_source(), "plots")
    assert layer.isValid() and layer.providerType() == "postgres"
    assert layer.featureCount() == 3
    store.close()
    assert CaseStore.open(target).plot_count() == 3
