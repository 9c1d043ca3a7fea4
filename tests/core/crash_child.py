"""Child processes for the crash tests: run as a script, never collected by pytest.

`zygote PATH ACKDIR` imports Briefer once, then forks one writer per `go MODE N` line
read on stdin and prints its pid, so fifty kills do not cost fifty interpreter starts.
`hold PATH` opens the library as the window does, writes, says `ready` and waits.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import text

from briefer.core.document import paragraph
from briefer.core.library import Library
from briefer.core.records import NewSource

BATCH_ROWS = 5


def write_batches(path: Path, ack: Path) -> None:
    """Commit batches forever; acknowledge each after its commit returns."""
    fd = os.open(ack, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    lib = Library.open(path, lock=True)
    with lib.read_session() as s:
        n = s.execute(text("SELECT count(*) FROM source")).scalar() + 1
    while True:
        with lib.write_session() as s:
            s.execute(
                text(
                    "INSERT INTO source (title, body, body_sha256, normalized_sha256, "
                    "created, modified) VALUES (:t, :b, 'x', 'y', '2024-01-01', '2024-01-01')"
                ),
                {"t": f"batch {n}", "b": f"body of batch {n} " + "words " * 300},
            )
            for k in range(BATCH_ROWS):
                s.execute(
                    text("INSERT INTO library_meta (key, value) VALUES (:k, :v)"),
                    {"k": f"batch:{n}:{k}", "v": "v" * 1500},
                )
        os.write(fd, f"{n}\n".encode())
        if n % 15 == 0:
            lib.checkpoint()
        n += 1


def autosave(path: Path, ack: Path, brief_id: int) -> None:
    """What the brief editor does: save the body every 0.2 s, acknowledge each save."""
    fd = os.open(ack, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    lib = Library.open(path, lock=True)
    i = 0
    while True:
        i += 1
        lib.briefs.save_body(brief_id, {"blocks": [paragraph(f"typed {i} " + "x" * i)]})
        os.write(fd, f"{i}\n".encode())
        time.sleep(0.2)


def zygote(path: Path, ackdir: Path) -> None:
    for line in sys.stdin:
        mode, n, *rest = line.split()
        ack = ackdir / f"ack-{n}"
        pid = os.fork()
        if pid == 0:
            try:
                if mode == "batches":
                    write_batches(path, ack)
                else:
                    autosave(path, ack, int(rest[0]))
            finally:
                os._exit(3)
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


def hold(path: Path) -> None:
    lib = Library.open(path, lock=True)
    lib.sources.add(NewSource(title="written by the holder", body="held words"))
    print("ready", flush=True)
    sys.stdin.read()
    lib.close()
    print("closed", flush=True)


def fill_to_fsize_limit(path: Path, brief_id: int) -> None:
    """Save growing briefs under RLIMIT_FSIZE until refused, then lift the limit."""
    import json
    import random
    import resource
    import signal
    import string

    from briefer.core.errors import BrieferError

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    lib = Library.open(path, lock=True)
    rng = random.Random(3)
    largest = max(p.stat().st_size for p in path.parent.iterdir() if p.is_file())
    _soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 256 * 1024, hard))
    acked, errors = [], []

    def save(body: dict) -> str:
        # The editor's way: a refused save changes nothing; it sends the same body again.
        try:
            lib.briefs.save_body(brief_id, body)
        except BrieferError as exc:
            return str(exc)
        return ""

    latest: dict = {}
    for i in range(1, 200):
        words = "".join(rng.choice(string.ascii_letters) for _ in range(40_000))
        latest = {"blocks": [paragraph(f"save {i} {words}")]}
        error = save(latest)
        if error:
            errors.append(error)
            break
        acked.append(i)
    errors.append(save(latest))  # still no room: refused again
    kept = bool(latest)
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    resumed = save(latest) == ""
    lib.close()
    print(json.dumps({"acked": acked, "errors": errors, "kept": kept, "resumed": resumed}))


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        zygote(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1] == "hold":
        hold(Path(sys.argv[2]))
    elif sys.argv[1] == "fsize":
        fill_to_fsize_limit(Path(sys.argv[2]), int(sys.argv[3]))
