"""Which plots a QGIS expression over the plot table selects (the FILTER parameter of the
Processing algorithms), evaluated by QGIS itself."""

from __future__ import annotations

from qgis.core import QgsExpression, QgsFeatureRequest

from ..cases.errors import N_, LandCaseError
from .plot_layer import layer_of


class PlotFilterError(LandCaseError):
    """The filter cannot select plots; ``template`` is N_-marked, one per refusal."""

    def __init__(self, template: str, **params):
        self.template = template
        super().__init__(**params)


def plot_ids_matching(store, expression: str | None) -> list[int]:
    """Ids of the plots ``expression`` selects (all plots when it is empty), in 监测编号
    order."""
    if not expression or not expression.strip():
        return [row.plot_id for row in store.list_plots()]
    parsed = QgsExpression(expression)
    if parsed.hasParserError():
        raise PlotFilterError(
            N_("The filter expression is not valid: {error}"), error=parsed.parserErrorString()
        )
    layer = layer_of(store.plot_layer_source(), "plot")
    if not layer.isValid():
        raise PlotFilterError(N_("The plot table cannot be read."))
    unknown = sorted(
        name
        for name in parsed.referencedColumns()
        if name and name != QgsFeatureRequest.ALL_ATTRIBUTES and layer.fields().indexOf(name) < 0
    )
    if unknown:
        raise PlotFilterError(
            N_("The filter expression names fields the plot table does not have: {fields}"),
            fields=", ".join(unknown),
        )
    request = QgsFeatureRequest(parsed).setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(["id", "jcbh"], layer.fields())
    matches = sorted(
        (feature["jcbh"], int(feature["id"])) for feature in layer.getFeatures(request)
    )
    return [plot_id for _, plot_id in matches]
