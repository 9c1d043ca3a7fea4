"""`make install-desktop` puts Briefer in a Linux application menu: a valid .desktop
file starting the app, AppStream metadata naming it, and the icon at every size."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import briefer
from briefer.resources import APP_ID

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("make") is None,
    reason="desktop entries are Linux's; needs make",
)


@pytest.fixture
def installed(tmp_path) -> Path:
    data = tmp_path / "share"
    done = subprocess.run(
        [
            "make",
            "-s",
            "install-desktop",
            f"XDG_DATA_HOME={data}",
            "DESKTOP_EXEC=/opt/my apps/Briefer/Briefer",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return data


def test_the_desktop_file_starts_the_app(installed):
    path = installed / "applications" / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "Briefer"
    assert section["Exec"] == '"/opt/my apps/Briefer/Briefer"'
    assert section["Icon"] == APP_ID
    assert section["Terminal"] == "false"
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_icon_is_installed_at_every_size(installed):
    icons = installed / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 32, 48, 128, 256, 512):
        png = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(header[16:20], "big") == size


def test_the_appstream_metadata_names_the_app_and_its_version(installed):
    tree = etree.parse(str(installed / "metainfo" / f"{APP_ID}.metainfo.xml"))
    assert tree.findtext("id") == APP_ID
    assert tree.findtext("launchable") == f"{APP_ID}.desktop"
    assert tree.find("releases/release").get("version") == briefer.__version__
    assert tree.findtext("name") == "Briefer" and tree.findtext("summary")
    validator = shutil.which("appstreamcli")
    if validator:
        path = installed / "metainfo" / f"{APP_ID}.metainfo.xml"
        done = subprocess.run(
            [validator, "validate", "--no-net", str(path)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_windows_and_macos_icons_hold_every_size():
    app = ROOT / "resources" / "app"
    ico = (app / "briefer.ico").read_bytes()
    assert ico[:4] == b"\0\0\1\0"
    count = int.from_bytes(ico[4:6], "little")
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides
    icns = (app / "briefer.icns").read_bytes()
    assert icns[:4] == b"icns" and int.from_bytes(icns[4:8], "big") == len(icns)
    kinds, offset = set(), 8
    while offset < len(icns):
        kinds.add(icns[offset : offset + 4])
        offset += int.from_bytes(icns[offset + 4 : offset + 8], "big")
    assert {b"icp4", b"ic07", b"ic08", b"ic09"} <= kinds
