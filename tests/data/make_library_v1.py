"""Writes tests/data/library-v1.briefer, the frozen version-1 library every later
migration is tested from. Kept for provenance; the .briefer file is committed and must
not be regenerated once a version 2 exists.

    python tests/data/make_library_v1.py
"""

import hashlib
import json
import sqlite3
import zlib
from pathlib import Path

from briefer.core.schema import APPLICATION_ID, SCHEMA_V1

HERE = Path(__file__).parent
TARGET = HERE / "library-v1.briefer"
SAMPLE = HERE / "rudaw-2024-02-09-pentagon-strikes.txt"
WHEN = "2024-02-10 09:00:00.000000"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def norm(text: str) -> str:
    return sha(" ".join(text.casefold().split()))


def main() -> None:
    TARGET.unlink(missing_ok=True)
    conn = sqlite3.connect(TARGET, isolation_level=None)
    conn.executescript(SCHEMA_V1)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    raw = SAMPLE.read_bytes()
    body = raw.decode("utf-8").split("A+ A-\n\n", 1)[1].split("\n \n\nComments", 1)[0].strip()
    title = "Pentagon sending ‘clear message’ with strikes on Iraqi armed groups"
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO source (id, title, outlet, authors, published, published_precision, "
        "published_ambiguous, published_alternatives, published_text, dateline, language, "
        "accessed, body, original_format, body_sha256, normalized_sha256, reliability, "
        "created, modified) VALUES (1, ?, 'Rudaw', ?, '2024-02-09', 'day', 0, ?, "
        "'09-02-2024', 'Erbil, Kurdistan Region', 'en', '2024-02-10', ?, 'txt', ?, ?, 'B', ?, ?)",
        (
            title,
            json.dumps(["Azhi Rasul"]),
            json.dumps(["2024-02-09", "2024-09-02"]),
            body,
            sha(body),
            norm(body),
            WHEN,
            WHEN,
        ),
    )
    conn.execute(
        "INSERT INTO source_original (source_id, filename, media_type, size, sha256, data, "
        "imported) VALUES (1, ?, 'text/plain', ?, ?, ?, ?)",
        (SAMPLE.name, len(raw), hashlib.sha256(raw).hexdigest(), zlib.compress(raw), WHEN),
    )
    second = "A second source.\n\nWith two paragraphs."
    conn.execute(
        "INSERT INTO source (id, title, body, body_sha256, normalized_sha256, created, modified)"
        " VALUES (2, 'Second fixture source', ?, ?, ?, ?, ?)",
        (second, sha(second), norm(second), WHEN, WHEN),
    )
    quote = "degrade their capabilities and safeguard American troops"
    start = body.index(quote)
    conn.execute(
        "INSERT INTO excerpt (id, source_id, text, start_offset, end_offset, locator, "
        "credibility, comment, created, modified) VALUES (1, 1, ?, ?, ?, 'para. 1', 2, "
        "'Stated aim', ?, ?)",
        (quote, start, start + len(quote), WHEN, WHEN),
    )
    conn.execute(
        "INSERT INTO tag (id, name, key, color, created) VALUES (1, 'Iraq', 'iraq', '#aa3300', ?)",
        (WHEN,),
    )
    conn.execute("INSERT INTO source_tag VALUES (1, 1)")
    conn.execute("INSERT INTO excerpt_tag VALUES (1, 1)")
    doc = {
        "format": "briefer.brief",
        "version": 1,
        "blocks": [
            {"type": "heading", "level": 1, "section": "bluf", "content": [
                {"type": "text", "text": "BLUF"}]},
            {"type": "paragraph", "content": [
                {"type": "text", "text": "The US aims to "},
                {"type": "text", "text": "degrade", "marks": ["bold"]},
                {"type": "text", "text": " the groups."},
                {"type": "citation", "excerpt": 1}]},
        ],
    }  # fmt: skip
    conn.execute(
        "INSERT INTO brief (id, title, status, marking, body, version, created, modified) "
        "VALUES (1, 'Fixture brief', 'draft', 'TLP:AMBER', ?, 1, ?, ?)",
        (json.dumps(doc), WHEN, WHEN),
    )
    conn.execute("INSERT INTO citation VALUES (1, 0, 1)")
    conn.execute(
        "INSERT INTO brief_revision (brief_id, version, title, body, note, created) "
        "VALUES (1, 1, 'Fixture brief', ?, 'first draft', ?)",
        (json.dumps(doc), WHEN),
    )
    conn.execute("COMMIT")
    conn.execute("VACUUM")
    conn.close()
    TARGET.chmod(0o600)


if __name__ == "__main__":
    main()
