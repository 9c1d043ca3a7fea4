"""Issue 16: a library makes its engines and services on first use, and the window's
worker asks for them (warm_up) while the window may too: each is made once."""

from __future__ import annotations

import threading
import time

from briefer.core import storage
from briefer.core.library import Library


def test_two_threads_asking_at_once_get_one_engine_and_one_service(tmp_path, monkeypatch):
    Library.open(tmp_path / "a.briefer").close()
    library = Library.open(tmp_path / "a.briefer")
    made = []
    make_engine = storage.make_engine

    def slow_make_engine(*args, **kwargs):
        made.append(kwargs.get("write"))
        time.sleep(0.05)  # the other thread arrives meanwhile
        return make_engine(*args, **kwargs)

    monkeypatch.setattr(storage, "make_engine", slow_make_engine)
    start = threading.Barrier(2)
    got = []

    def ask():
        start.wait()
        got.append(library.sources)

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert got[0] is got[1]
        library.sources.count()  # reads through the one read engine
        assert made.count(False) == 1
        assert len(library._engines) == len(set(map(id, library._engines)))
    finally:
        library.close()
