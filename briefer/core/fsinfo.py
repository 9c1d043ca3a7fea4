"""Where a library lives: folders that put an SQLite file at risk.

Sync clients (Dropbox, OneDrive, iCloud Drive, Google Drive) copy a database while it
is being written and can bring back a stale -wal beside a newer file; network
filesystems (NFS, SMB/CIFS) do not honour the locks SQLite relies on. Both are known
causes of corrupted libraries in Zotero's and Better BibTeX's reports. Briefer warns;
it does not refuse, as the analyst may have no other place.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath

# Folder names the sync clients create, as path components (case-insensitive).
CLOUD_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "icloud drive": "iCloud Drive",
    "icloud~com~apple~clouddocs": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "icloudrive": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
}
# Prefixes: "OneDrive - Company", macOS File Provider "OneDrive-Personal",
# "GoogleDrive-user@example.com", "Dropbox (Company)".
CLOUD_PREFIXES = {
    "onedrive": "OneDrive",
    "googledrive-": "Google Drive",
    "google drive": "Google Drive",
    "dropbox (": "Dropbox",
    "dropbox-": "Dropbox",
}
# Files a sync client leaves at the root of what it syncs.
CLOUD_MARKERS = {".dropbox": "Dropbox", ".dropbox.cache": "Dropbox"}

NETWORK_FS = {
    "nfs": "NFS",
    "nfs4": "NFS",
    "cifs": "SMB/CIFS",
    "smb3": "SMB/CIFS",
    "smbfs": "SMB/CIFS",
    "fuse.sshfs": "SSHFS",
    "afpfs": "AFP",
    "9p": "9P",
    "ceph": "Ceph",
    "glusterfs": "GlusterFS",
    "fuse.glusterfs": "GlusterFS",
    "lustre": "Lustre",
    "davfs": "WebDAV",
    "fuse.rclone": "rclone",
}


@dataclass(frozen=True, slots=True)
class LocationRisk:
    kind: str  # "cloud" or "network"
    service: str
    message: str


def cloud_service(path: PurePath, *, look_for_markers: bool = True) -> str | None:
    """The sync client whose folder holds path, from folder names and marker files."""
    for part in path.parts[:-1]:
        name = part.lower()
        if name in CLOUD_FOLDERS:
            return CLOUD_FOLDERS[name]
        for prefix, service in CLOUD_PREFIXES.items():
            if name.startswith(prefix):
                return service
    if look_for_markers:
        for folder in Path(path).parents:
            for marker, service in CLOUD_MARKERS.items():
                try:
                    if (folder / marker).exists():
                        return service
                except OSError:
                    continue
    return None


def _unescape_mount(field: str) -> str:
    # /proc/self/mountinfo escapes space, tab, newline and backslash as octal.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def filesystem_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The type of the filesystem holding path (Linux: from /proc/self/mountinfo)."""
    target = str(path)
    if mountinfo is None:
        target = os.path.realpath(path)
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8")
        except OSError:
            return None
    best, best_type = "", None
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        if not sep or len(fields) < 5:
            continue
        mount_point = _unescape_mount(fields[4])
        fstype = right.split()[0] if right.split() else ""
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fstype
    return best_type


def _windows_network_drive(path: Path) -> bool:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\"):
        return True
    try:
        import ctypes

        drive_remote = 4
        root = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]  # Windows only
        return bool(windll.kernel32.GetDriveTypeW(root) == drive_remote)
    except (AttributeError, OSError):
        return False


def network_filesystem(path: Path, mountinfo: str | None = None) -> str | None:
    if sys.platform == "win32":  # pragma: no cover
        return "a network drive" if _windows_network_drive(path) else None
    fstype = filesystem_type(path, mountinfo)
    if fstype is None:
        return None
    if fstype in NETWORK_FS:
        return NETWORK_FS[fstype]
    if fstype.startswith(("nfs", "smb", "cifs")):
        return fstype.upper()
    return None


def location_risks(path: Path, *, mountinfo: str | None = None) -> list[LocationRisk]:
    """The warnings to show for a library at path; empty when it is on a local disk."""
    risks = []
    service = cloud_service(path, look_for_markers=mountinfo is None)
    if service:
        risks.append(
            LocationRisk(
                "cloud",
                service,
                f"{path} is in a {service} folder: sync tools can copy or restore the "
                "library while Briefer writes it, a known cause of corrupted SQLite "
                "libraries (Zotero, Better BibTeX); move it to a local folder and rely on "
                "Briefer's backups",
            )
        )
    fs = network_filesystem(path, mountinfo)
    if fs:
        risks.append(
            LocationRisk(
                "network",
                fs,
                f"{path} is on a network filesystem ({fs}), whose file locks SQLite "
                "cannot trust, a known cause of corrupted libraries (Zotero, Better "
                "BibTeX); copy it to a local disk to work on it",
            )
        )
    return risks
