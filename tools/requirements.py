"""Print the pinned Python packages of pyproject.toml for pip (runtime and dev)."""

import sys
from pathlib import Path

import tomllib

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())[
    "project"
]
groups = sys.argv[1:] or ["dev"]
packages = list(project["dependencies"])
for group in groups:
    packages += project["optional-dependencies"][group]
print(" ".join(packages))  # no spaces in the pins, so the shell may split them
