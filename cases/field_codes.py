"""What a field package holds, as both its writer (``layers/field_package*``) and its merge
(``field_merge``) name it: the GeoPackage's tables and fields, and the value lists of its
forms, each taken from the code list the workflow checks against (one list, one place).
"""

from __future__ import annotations

from . import clues
from . import determination_codes as codes
from .photos import KINDS, REINSPECTION_PURPOSE, SURVEY_PURPOSE
from .revisits import NO_REBOUND, REBOUND

# What a plot goes out for: the photo purposes name the same two visits.
DUE_VERIFICATION = SURVEY_PURPOSE  # 核查: a plot 待核查
DUE_REINSPECTION = REINSPECTION_PURPOSE  # 复核: a plot 整改中 or 待复核
# 事后巡查: a closed-out plot (已销号, 事后巡查) with a post-closure visit due
# (``revisits.due_revisits``); its field record is written by ``revisits.record_revisit``.
DUE_REVISIT = "事后巡查"
DUES = (DUE_VERIFICATION, DUE_REINSPECTION, DUE_REVISIT)
DUE_BY_STATUS = {"待核查": DUE_VERIFICATION, "整改中": DUE_REINSPECTION, "待复核": DUE_REINSPECTION}
REVISIT_RESULTS = (NO_REBOUND, REBOUND)

SITE_STATUSES = codes.SITE_STATUSES
REINSPECTION_RESULTS = codes.REINSPECTION_RESULTS
# 实际用途: the uses a determination names (违法's specific uses, the kinds of 其他, the
# categories that are a use), so that what the field records is what the office decides on
ACTUAL_USES = tuple(
    dict.fromkeys(
        (
            *(use for uses in codes.ILLEGAL_USES.values() for use in uses),
            *(group for group, uses in codes.ILLEGAL_USES.items() if not uses),
            *codes.OTHER_SUBTYPES,
            codes.FACILITY_FARMLAND,
            codes.RURAL_ROAD,
        )
    )
)
PHOTO_KINDS = KINDS  # 全景, 近景, 其他: the photo rules count them
FIND_KINDS = clues.KINDS

# The GeoPackage's tables (layer names)
GPKG_NAME = "field.gpkg"
INFO_TABLE = "package_info"  # key, value: the package's code, name, assignee, database
PLOTS_TABLE = "plots"
VERIFICATION_TABLE = "verification"
PHOTO_TABLE = "photo"
NEW_FIND_TABLE = "new_find"
FIND_PHOTO_TABLE = "find_photo"  # a new find's photos (1:n by the find's UUID)
PHOTO_FOLDER = "DCIM"  # where QField's camera writes, relative to the project

# The fields of the tables to fill in: (name, kind), kind one of text, date, datetime,
# real. The plots' own fields are ``PLOT_FIELDS``.
VERIFICATION_FIELDS = (
    ("uuid", "text"),
    ("jcbh", "text"),
    ("task", "text"),
    ("site_status", "text"),
    ("land_user", "text"),
    ("actual_use", "text"),
    ("construction_date", "text"),
    ("description", "text"),
    ("reinspection_result", "text"),
    ("revisit_result", "text"),  # 无反弹 or 反弹, of a post-closure visit
    ("verifier", "text"),
    ("verified_at", "datetime"),
)
PHOTO_FIELDS = (
    ("uuid", "text"),
    ("verification_uuid", "text"),
    ("path", "text"),
    ("kind", "text"),
    ("note", "text"),
)
FIND_PHOTO_FIELDS = (
    ("uuid", "text"),
    ("find_uuid", "text"),
    ("path", "text"),
    ("note", "text"),
)
NEW_FIND_FIELDS = (
    ("uuid", "text"),
    ("kind", "text"),
    ("signs", "text"),
    ("found_at", "datetime"),
    ("found_by", "text"),
    ("township", "text"),
    ("village", "text"),
    ("address", "text"),
    ("party", "text"),
    ("description", "text"),
)
PLOT_FIELDS = (
    ("jcbh", "text"),
    ("due", "text"),
    ("status", "text"),
    ("batch", "text"),
    ("clue_source", "text"),
    ("township", "text"),
    ("village", "text"),
    ("xzqmc", "text"),
    ("qsx", "text"),
    ("hsx", "text"),
    ("area_mu", "real"),
    ("description", "text"),
    ("measures", "text"),
    ("task_listed_on", "text"),
    ("revisit_due_on", "text"),
    ("last_site_status", "text"),
    ("category", "text"),
)
