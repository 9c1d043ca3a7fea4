"""Warnings for libraries in synced folders and on network filesystems."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.core.fsinfo import filesystem_type, location_risks

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /mnt/team rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 22 0:36 / /mnt/share\\040drive rw,relatime shared:21 - cifs //nas/share rw
42 41 0:37 / /mnt/share\\040drive/local rw,relatime shared:22 - ext4 /dev/sdb1 rw
"""


@pytest.mark.parametrize(
    "path, service",
    [
        ("/home/ana/Dropbox/work/library.briefer", "Dropbox"),
        ("/home/ana/Dropbox (Acme)/library.briefer", "Dropbox"),
        ("C:/Users/ana/OneDrive - Acme Corp/library.briefer", "OneDrive"),
        ("/Users/ana/Library/CloudStorage/OneDrive-Personal/library.briefer", "OneDrive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/lib.briefer", "iCloud Drive"),
        ("/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.com/My Drive/x.briefer",
         "Google Drive"),
        ("G:/My Drive/library.briefer", "Google Drive"),
    ],
)  # fmt: skip
def test_synced_folders_are_named(path, service):
    risks = location_risks(Path(path), mountinfo=MOUNTINFO)
    assert [(r.kind, r.service) for r in risks] == [("cloud", service)]
    assert "corrupt" in risks[0].message and "\n" not in risks[0].message


@pytest.mark.parametrize(
    "path, fs",
    [
        ("/mnt/team/briefs/library.briefer", "NFS"),
        ("/mnt/share drive/library.briefer", "SMB/CIFS"),
    ],
)
def test_network_filesystems_are_named(path, fs):
    risks = location_risks(Path(path), mountinfo=MOUNTINFO)
    assert [(r.kind, r.service) for r in risks] == [("network", fs)]
    assert "network filesystem" in risks[0].message


def test_local_disks_get_no_warning():
    assert location_risks(Path("/home/ana/briefs/library.briefer"), mountinfo=MOUNTINFO) == []
    # A local disk mounted inside a network share is local.
    assert filesystem_type(Path("/mnt/share drive/local/x.briefer"), MOUNTINFO) == "ext4"
    assert location_risks(Path("/mnt/share drive/local/x.briefer"), mountinfo=MOUNTINFO) == []


def test_a_dropbox_marker_file_is_recognised(tmp_path):
    root = tmp_path / "Work Sync"
    (root / "deep").mkdir(parents=True)
    (root / ".dropbox").write_text("{}")
    risks = location_risks(root / "deep" / "library.briefer")
    assert [r.service for r in risks if r.kind == "cloud"] == ["Dropbox"]


def test_this_machines_temp_folder_is_read_from_proc(tmp_path):
    assert filesystem_type(tmp_path) is not None
