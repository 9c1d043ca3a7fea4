"""Figures of the desktop build: build time, folder size, and the time from launch to a
visible window of the frozen app (under Xvfb, Qt's xcb platform: what a Linux desktop
runs). Not part of `make bench` (a build takes minutes):

    python bench/frozen_app.py [--build] [--runs N] [--write]

--build runs `make dist`'s PyInstaller step first and times it; --write puts the
figures into docs/PERFORMANCE.md ("Desktop build").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dist" / "Briefer" / "Briefer"
TITLE_WORD = "Briefer"
LAUNCH = [str(APP)]


def build() -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "briefer.spec",
        ],
        cwd=ROOT,
        check=True,
    )
    return time.perf_counter() - start


def folder_mib(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1024**2


def _visible_window(display: str) -> bool:
    """A top-level window whose title names Briefer is mapped on the display."""
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], env=env, capture_output=True, text=True
    ).stdout
    for line in tree.splitlines():
        if TITLE_WORD in line and line.strip().startswith("0x"):
            window = line.split()[0]
            info = subprocess.run(
                ["xwininfo", "-id", window], env=env, capture_output=True, text=True
            ).stdout
            if "IsViewable" in info:
                return True
    return False


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_up(display: str, home: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) from exec to the main window mapped, new library.

    CPU time is the figure to compare on a shared machine: it does not grow when other
    work competes for the cores; wall time does."""
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    if LAUNCH[0] == str(APP):
        env.pop("PYTHONPATH", None)
    library = home / f"lib-{time.monotonic_ns()}.briefer"
    start = time.perf_counter()
    command = [*LAUNCH, "--library", str(library)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - start < 120:
            if _visible_window(display):
                return time.perf_counter() - start, _cpu_seconds(proc.pid)
            if proc.poll() is not None:
                raise RuntimeError(f"the app exited with {proc.returncode} before a window")
            time.sleep(0.02)
        raise RuntimeError("no window within 120 s")
    finally:
        proc.terminate()
        proc.wait(30)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    parser.add_argument(
        "--from-source", action="store_true", help="time `python -m briefer` instead, to compare"
    )
    args = parser.parse_args(argv)
    if args.from_source:
        LAUNCH[:] = [sys.executable, "-m", "briefer"]
        os.environ["PYTHONPATH"] = str(ROOT)
    built = build() if args.build else None
    if not APP.exists():
        print(f"frozen_app: {APP} is missing: run `make dist` or pass --build", file=sys.stderr)
        if not args.from_source:
            return 1
    size = folder_mib(APP.parent) if APP.exists() else 0.0
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = f":{numbers.readline().strip()}"  # a free display, chosen by Xvfb
    try:
        with tempfile.TemporaryDirectory() as home:
            runs = [start_up(display, Path(home)) for _ in range(args.runs)]
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    times = [wall for wall, _cpu in runs]
    cpu = [c for _wall, c in runs]
    what = "`python -m briefer` (from source)" if args.from_source else "dist/Briefer/Briefer"
    lines = []
    if built is not None:
        lines.append(f"- Build (`make dist`'s PyInstaller step, clean): {built:.0f} s")
    lines += [
        f"- dist/Briefer/: {size:.1f} MiB (target <= 200 MiB)",
        f"- {what}, launch to visible main window, new library, Xvfb/xcb: median "
        f"{statistics.median(times):.2f} s wall, {statistics.median(cpu):.2f} s CPU "
        f"(runs: {', '.join(f'{t:.1f}' for t in times)} s wall); load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
    ]
    print("\n".join(lines))
    if args.write:
        sys.path.insert(0, str(ROOT))
        from bench.report import append_section

        append_section("Desktop build (bench/frozen_app.py)", "\n".join(lines))
    return 0


if __name__ == "__main__":
    if shutil.which("xwininfo") is None or shutil.which("Xvfb") is None:
        print("frozen_app: needs Xvfb and xwininfo (x11-utils)", file=sys.stderr)
        raise SystemExit(1)
    raise SystemExit(main(sys.argv[1:]))
