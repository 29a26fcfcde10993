"""Desk comparison (内业比对) in the case database: the layer roles, the overlay rows of
each plot and what they say (breakdown, area identity, suggested determination).

Plain Python over the store (no Qt, no QGIS). The overlay engine (``layers/overlay_engine``)
computes rows; these modules store them, read them back and interpret them, so that a
breakdown read from the database is the same object the engine handed out. This module
gathers their names in one place:

- ``overlay_roles``: the role catalogue, the fields each role needs, the stored roles;
- ``overlay_breakdown``: the rows, areas and the breakdown of one plot;
- ``determination_suggestion``: the suggested determination from a breakdown;
- ``overlay_store``: saving and reading rows, stale plots;
- ``overlay_csv``: the overlay table as CSV, in Chinese.

The ``overlay`` table holds one row per plot × role × class. ``role`` is one of:

==================  ===========================================  =========================
role                class_code / class_name                      areas
==================  ===========================================  =========================
``plot``            — / —                                        the plot
``landuse``         — / —  (the role's total row)                plot ∩ all land use
``landuse``         DLBM / DLMC                                  plot ∩ that land-use class
``landuse_class``   农用地, 建设用地 or 未利用地 (三大类)              plot ∩ that class
``cropland``        耕地 / 耕地                                    plot ∩ 0101, 0102, 0103
``farmland``        — / —                                        plot ∩ 永久基本农田
``redline``         — / —                                        plot ∩ 生态保护红线
``urban_boundary``  — / —                                        plot ∩ 城镇开发边界
``temporary``       — / — ; record number / —                    plot ∩ 临时用地 (all; one)
``approval``        — / — ; 批准文号 / project name                plot ∩ approvals (all; one)
``facility``        — / — ; 上图入库号 / name                      plot ∩ filings (all; one)
``facility_filed``  上图入库号 / —                                  filed area (planar column)
``check``           a CHECK_* code / detail                      the amount concerned
``repair``          ``plot`` or ``<role>:<feature id>`` / reason  area after the repair
==================  ===========================================  =========================

Every role compared has its total row (class_code NULL), written even when it is zero: it
carries the role layer's version. A total is the area of the plot inside the union of the
role's features (for land use: the sum of the classes, so that overlapping land-use
features show in the area identity). A feature without a number gives class_code ''.
A land-use layer with names only (DLMC) gets its codes from the mapping stored with the
role (``fields["name_to_code"]``, see ``landuse_names``); a name that maps to nothing gives
class_code '' with the name in class_name (never the name as a code).
Areas are m², planar (in the database's Gauss-Krüger CRS) and ellipsoidal (椭球面积, the
official figure); 亩 are derived (``areas.official_mu``). ``layer_version`` names the version of the role
layer the row came from (for ``plot`` rows: a digest of the plot's geometry), so that
``stale_plots`` finds the plots to recompute after an edit.
"""

from __future__ import annotations

from .determination_suggestion import (  # noqa: F401 (re-exported)
    Note,
    Suggestion,
    suggest,
)
from .overlay_breakdown import (  # noqa: F401 (re-exported)
    APPROVAL,
    APPROVAL_SHARE_FOR_LEGAL,
    CHECK,
    CHECK_APPROXIMATE,
    CHECK_LANDUSE_GAP,
    CHECK_LANDUSE_OVERLAP,
    CHECK_NO_AREA,
    CHECK_NOT_COMPUTED,
    CHECK_ROLE_OVERLAP,
    CHECK_UNKNOWN_CODE,
    CROPLAND,
    CROPLAND_CLASS,
    FACILITY,
    FACILITY_FILED,
    FACILITY_SHARE,
    IDENTITY_TOLERANCE_M2,
    IDENTITY_TOLERANCE_MU,
    LANDUSE,
    LANDUSE_CLASS,
    PLOT,
    REPAIR,
    SUGGESTION_ROLES,
    ZERO,
    ApprovalCover,
    Area,
    Breakdown,
    Check,
    ClassArea,
    FilingCover,
    OverlayRow,
    breakdown_from_rows,
    plot_digest,
    plot_digests,
    share_of,
)
from .overlay_csv import CSV_HEADER, ROLE_NAMES, csv_line, write_csv  # noqa: F401
from .overlay_roles import (  # noqa: F401 (re-exported)
    MASK_ROLES,
    NAME_TO_CODE,
    OVERLAY_ROLES,
    ROLES,
    RestoredRole,
    RoleDefinition,
    RoleError,
    RoleField,
    check_role_fields,
    codes_from_names,
    restore_roles,
    role_definition,
    role_field_names,
    role_options,
    set_role,
    source_path,
    suggest_role_fields,
)
from .overlay_store import (  # noqa: F401 (re-exported)
    overlay_rows,
    plot_geometries,
    plot_official_area,
    plots_by_id,
    read_breakdown,
    save_overlay,
    stale_plots,
)
