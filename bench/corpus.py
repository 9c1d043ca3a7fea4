"""Realistic generated news: what the library benchmark searches and the import reads.

Articles of 250-700 words drawn from a Zipf vocabulary of ~40,000 words (real common
English words at the head, generated words in the tail), with people, places, outlets,
datelines and dates, and some articles in Arabic and Sorani Kurdish (with proclitics,
an occasional haraka or tatweel). The same seed gives the same library, so a library is
built once per size and schema version and kept in the cache folder between runs.

    S = 1,000 sources, M = 20,000, L = 100,000 (with five excerpts per source).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import random
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench import words

SIZES = {"tiny": 200, "S": 1_000, "M": 20_000, "L": 100_000}
EXCERPTS_PER_SOURCE = 5
VOCABULARY = 40_000
GENERATOR_VERSION = 2  # bump when the text changes, so cached libraries are rebuilt
ARABIC_SHARE, SORANI_SHARE = 0.06, 0.02
TAGS = ("Iraq", "Energy", "Security", "Elections", "Water")
SEARCH_TABLES = ("source_fts", "excerpt_fts")

_CONSONANTS = "b c d f g h j k l m n p r s t v w z br ch dr gr kh pl sh st th tr".split()
_VOWELS = "a e i o u a e i o ai ea ou ia".split()
_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_HARAKAT = "\u064e\u064f\u0650\u0652\u0651"
_TATWEEL = "\u0640"


def _zipf_cumulative(n: int, s: float = 1.0, q: float = 2.7) -> list[float]:
    """Cumulative Zipf-Mandelbrot weights for ranks 1..n."""
    return list(itertools.accumulate(1.0 / (r + q) ** s for r in range(1, n + 1)))


def _pseudo_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        word = "".join(
            rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3))
        )
        if rng.random() < 0.5:
            word += rng.choice("nstrlmdk")
        if len(word) >= 3 and word not in taken:
            taken.add(word)
            out.append(word)
    return out


def _unique(seq) -> list[str]:
    return list(dict.fromkeys(seq))


class Vocabulary:
    """Words by rank with their cumulative Zipf weights, for fast weighted draws."""

    def __init__(self, head: list[str], size: int, rng: random.Random, pseudo):
        head = _unique(head)
        self.words = head + pseudo(rng, max(size - len(head), 0), set(head))
        self.cum = _zipf_cumulative(len(self.words))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)


def _arabic_pseudo(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        word = "".join(rng.choice(_ARABIC_LETTERS) for _ in range(rng.randint(3, 6)))
        if word not in taken:
            taken.add(word)
            out.append(word)
    return out


@dataclass(frozen=True)
class Article:
    title: str
    outlet: str
    authors: tuple[str, ...]
    published: date
    language: str
    body: str


class Generator:
    """Deterministic article source: Generator(seed).article(n) is always the same."""

    def __init__(self, seed: int = 7):
        rng = random.Random(seed)
        self.seed = seed
        self.english = Vocabulary(words.COMMON, VOCABULARY, rng, _pseudo_words)
        self.arabic = Vocabulary(words.ARABIC, 8_000, rng, _arabic_pseudo)
        self.sorani = Vocabulary(words.SORANI, 4_000, rng, _arabic_pseudo)
        self.people = [f"{f} {s}" for f in words.FIRST_NAMES for s in words.SURNAMES]
        rng.shuffle(self.people)
        self.people_cum = _zipf_cumulative(len(self.people), s=0.9)
        self.places = _unique(words.PLACES)
        self.places_cum = _zipf_cumulative(len(self.places), s=0.9)

    # -- English -------------------------------------------------------------------

    def _sentence(self, rng: random.Random, cast: list[str], places: list[str]) -> str:
        n = rng.randint(12, 30)
        tokens = self.english.draw(rng, n)
        if rng.random() < 0.45:
            tokens.insert(rng.randrange(len(tokens)), rng.choice(cast))
        if rng.random() < 0.35:
            tokens.insert(rng.randrange(len(tokens)), "in " + rng.choice(places))
        if rng.random() < 0.08:
            tokens.append(f"on {rng.randint(1, 28)} {_MONTHS[rng.randrange(12)]}")
        text = " ".join(tokens)
        return text[0].upper() + text[1:] + "."

    def _english(self, rng: random.Random, n: int) -> tuple[str, str, tuple[str, ...]]:
        cast = rng.choices(self.people, cum_weights=self.people_cum, k=rng.randint(2, 4))
        places = rng.choices(self.places, cum_weights=self.places_cum, k=rng.randint(1, 3))
        # 250-700 words: the last sentence may pass the target by up to ~35 words.
        target = rng.randint(250, 665)
        paragraphs, count = [], 0
        while count < target:
            sentences = []
            for _ in range(rng.randint(2, 5)):
                sentences.append(self._sentence(rng, cast, places))
                count += sentences[-1].count(" ") + 1
                if count >= target:
                    break
            paragraphs.append(" ".join(sentences))
        paragraphs[0] = f"{places[0].upper()} — {paragraphs[0]}"
        head = " ".join(self.english.draw(rng, rng.randint(4, 9)))
        title = f"{places[0]}: {head[0].upper()}{head[1:]} ({n})"
        return title, "\n\n".join(paragraphs), tuple(cast[:1])

    # -- Arabic script ---------------------------------------------------------------

    def _arabic_word(self, rng: random.Random, word: str) -> str:
        stem = word[2:] if word.startswith("ال") and len(word) > 4 else word
        roll = rng.random()
        if roll < 0.25:
            word = "ال" + stem
        elif roll < 0.35:
            word = "وال" + stem
        elif roll < 0.42:
            word = "بال" + stem
        elif roll < 0.46:
            word = "لل" + stem
        elif roll < 0.55:
            word = "و" + word
        elif roll < 0.60:
            word = rng.choice("بفكل") + word
        if rng.random() < 0.03:
            i = rng.randrange(1, len(word))
            word = word[:i] + rng.choice(_HARAKAT) + word[i:]
        if rng.random() < 0.01:
            i = rng.randrange(1, len(word))
            word = word[:i] + _TATWEEL + word[i:]
        return word

    def _arabic(self, rng: random.Random, n: int, sorani: bool) -> tuple[str, str, tuple]:
        vocab = self.sorani if sorani else self.arabic
        target = rng.randint(250, 676)
        paragraphs, count = [], 0
        while count < target:
            sentences = []
            for _ in range(rng.randint(2, 4)):
                tokens = vocab.draw(rng, rng.randint(10, 24))
                if not sorani:
                    tokens = [self._arabic_word(rng, t) for t in tokens]
                sentences.append(" ".join(tokens) + ".")
                count += len(tokens)
                if count >= target:
                    break
            paragraphs.append(" ".join(sentences))
        title = " ".join(vocab.draw(rng, rng.randint(5, 9))) + f" ({n})"
        return title, "\n\n".join(paragraphs), ()

    def article(self, n: int) -> Article:
        rng = random.Random(self.seed * 1_000_003 + n)
        roll = rng.random()
        if roll < SORANI_SHARE:
            language = "ckb"
            title, body, authors = self._arabic(rng, n, sorani=True)
        elif roll < SORANI_SHARE + ARABIC_SHARE:
            language = "ar"
            title, body, authors = self._arabic(rng, n, sorani=False)
        else:
            language = "en"
            title, body, authors = self._english(rng, n)
        published = date(2019, 1, 1) + timedelta(days=rng.randrange(2_500))
        outlet = words.OUTLETS[min(int(rng.paretovariate(1.2)) - 1, len(words.OUTLETS) - 1)]
        return Article(title, outlet, authors, published, language, body)


_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _excerpt_spans(rng: random.Random, body: str, k: int) -> list[tuple[int, int]]:
    """k sentence-long spans of the body, as code point offsets."""
    ends = [i + 1 for i, ch in enumerate(body) if ch == "."]
    spans = []
    for _ in range(k):
        j = rng.randrange(len(ends))
        start = ends[j - 1] + 1 if j else 0
        while start < len(body) and body[start].isspace():
            start += 1
        end = ends[min(j + rng.randint(0, 1), len(ends) - 1)]
        if end > start:
            spans.append((start, end))
    return spans


def build(path: Path, sources: int, excerpts_per_source: int = EXCERPTS_PER_SOURCE) -> float:
    """Write a library of `sources` generated articles; seconds taken.

    Rows go straight into SQLite: a benchmark of reads should not wait an hour on
    100,000 fsyncs. The search indexes are built once at the end by FTS5's 'rebuild'
    (which reads the same folded views the schema's insert triggers write from), the
    triggers are put back as they were: indexing row by row through the triggers was
    a third of the build's CPU more (~75 s at M).
    """
    from briefer.core.library import Library

    Library.open(path).close()
    started = time.perf_counter()
    gen = Generator()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    now = datetime(2026, 6, 1, tzinfo=UTC)
    conn.execute("BEGIN")
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
        f"({', '.join(repr(f + '_insert') for f in SEARCH_TABLES)})"
    ).fetchall()
    assert len(triggers) == len(SEARCH_TABLES), "the schema's search triggers changed"
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for i, name in enumerate(TAGS, 1):
        conn.execute(
            "INSERT INTO tag (id, name, key, created) VALUES (?, ?, ?, ?)",
            (i, name, name.lower(), now.isoformat(" ")),
        )
    excerpt_id = 0
    for n in range(1, sources + 1):
        art = gen.article(n)
        rng = random.Random(n)
        digest = hashlib.sha256(art.body.encode()).hexdigest()
        when = (now - timedelta(minutes=sources - n)).isoformat(" ")
        conn.execute(
            "INSERT INTO source (id, title, outlet, authors, published, published_precision, "
            "language, body, body_sha256, normalized_sha256, reliability, created, modified) "
            "VALUES (?, ?, ?, ?, ?, 'day', ?, ?, ?, ?, ?, ?, ?)",
            (
                n,
                art.title,
                art.outlet,
                json.dumps(list(art.authors), ensure_ascii=False),
                art.published.isoformat(),
                art.language,
                art.body,
                digest,
                digest,
                "ABCDEF"[min(int(rng.expovariate(0.7)), 5)],
                when,
                when,
            ),
        )
        for tag in range(1, len(TAGS) + 1):
            if rng.random() < 0.3 / tag:
                conn.execute("INSERT INTO source_tag VALUES (?, ?)", (n, tag))
        for start, end in _excerpt_spans(rng, art.body, excerpts_per_source):
            excerpt_id += 1
            conn.execute(
                "INSERT INTO excerpt (id, source_id, text, start_offset, end_offset, locator, "
                "credibility, created, modified) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)",
                (excerpt_id, n, art.body[start:end], start, end, 1 + rng.randrange(6), when, when),
            )
            if rng.random() < 0.1:
                conn.execute(
                    "INSERT INTO excerpt_tag VALUES (?, ?)", (excerpt_id, 1 + rng.randrange(5))
                )
        if n % 2_000 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    for fts in SEARCH_TABLES:
        conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return time.perf_counter() - started


def cache_dir() -> Path:
    folder = Path(os.environ.get("BRIEFER_BENCH_CACHE") or Path.home() / ".cache" / "briefer-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def cached_library(size: str, folder: Path | None = None) -> tuple[Path, float | None]:
    """The library of that size (S, M, L or tiny), built on first use; (path, build s)."""
    from briefer.core.schema import SCHEMA_VERSION

    folder = folder or cache_dir()
    name = f"library-{size}-g{GENERATOR_VERSION}-f{SCHEMA_VERSION}.briefer"
    path = folder / name
    if path.exists():
        return path, None
    partial = folder / ("partial-" + name)
    for stale in folder.glob("partial-" + name + "*"):
        stale.unlink()
    seconds = build(partial, SIZES[size])
    partial.rename(path)
    return path, seconds


def vocabulary_sample(k: int = 5) -> dict[str, list[str]]:
    """A few words of each rank band, for the printed description of the corpus."""
    gen = Generator()
    words_ = gen.english.words
    return {
        "head": words_[:k],
        "rank 1,000": words_[1_000 : 1_000 + k],
        "rank 30,000": words_[30_000 : 30_000 + k],
    }


def zipf_rank(word: str) -> int | None:
    gen = Generator()
    try:
        return gen.english.words.index(word) + 1
    except ValueError:
        return None
