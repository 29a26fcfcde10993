"""Deadline rules the case panel shows (DOMAIN.md, "Deadlines the product must track").

Calendar-day rules only for now; working-day rules (department replies, 5 working days)
need the official holiday calendar and come with the workflow.
"""

from __future__ import annotations

# seed 001: legality determination within 20 days of receiving the issued batch
DETERMINATION_DAYS = 20
# seed 003: rectification within 60 days after the task list is made
RECTIFICATION_DAYS = 60

# Which deadline a case in each state is working towards.
AWAITING_DETERMINATION = ("待核查", "已核查")
AWAITING_RECTIFICATION = ("已立案", "已移交", "整改中")

DETERMINATION = "判定"
RECTIFICATION = "整改"
