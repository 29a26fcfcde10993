"""A QGIS profile of our own under build/ with the plugin linked in and enabled, so that
`make run` and the desktop test never touch the user's own QGIS profile."""

from __future__ import annotations

import argparse
import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILE_NAME = "landcase"


def make_profile(
    profiles_path: Path, locale: str | None = None, name: str = PROFILE_NAME, enable: bool = True
) -> Path:
    """``name='default'`` for qgis_process, which always uses the default profile of the
    profiles path given in QGIS_CUSTOM_CONFIG_PATH."""
    profile = profiles_path / "profiles" / name
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "landcase"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(ROOT, target_is_directory=True)

    ini_path = profile / "QGIS" / "QGIS3.ini"
    ini_path.parent.mkdir(parents=True, exist_ok=True)
    ini = configparser.ConfigParser(interpolation=None)
    ini.optionxform = str  # QGIS's keys are case-sensitive
    if ini_path.exists():
        ini.read(ini_path, encoding="utf-8")
    for section, values in {
        "PythonPlugins": {"landcase": "true" if enable else "false"},
        # No version check or news feed: there is no network, and no dialogs in the way.
        "qgis": {"checkVersion": "false", "allowVersionCheck": "false"},
        "core": {"NewsFeed\\httpsfeedqgisorg\\disabled": "true"},
        "app": {"LocalizedDataPathRegistry\\paths": ""},
        "locale": (
            {"overrideFlag": "true", "userLocale": locale, "globalLocale": locale}
            if locale
            else {"overrideFlag": "false"}
        ),
    }.items():
        if not ini.has_section(section):
            ini.add_section(section)
        for key, value in values.items():
            ini.set(section, key, value)
    with open(ini_path, "w", encoding="utf-8") as handle:
        ini.write(handle, space_around_delimiters=False)
    return profile


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("profiles_path", type=Path)
    parser.add_argument("--locale", default=None, help="e.g. zh-Hans; default: the system's")
    parser.add_argument("--name", default=PROFILE_NAME, help="profile name")
    arguments = parser.parse_args()
    print(make_profile(arguments.profiles_path, arguments.locale, arguments.name))
