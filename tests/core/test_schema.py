"""The SQL that creates the file and the SQLModel classes that read it must agree."""

import sqlite3

from sqlmodel import SQLModel

import briefer.core.models  # noqa: F401  (registers the tables)


def test_models_match_the_created_schema(library_path):
    from briefer.core.library import Library

    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    for table in SQLModel.metadata.sorted_tables:
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table.name})")}
        assert columns, f"{table.name} is missing from the file"
        assert columns == {c.name for c in table.columns}, table.name
    conn.close()


def test_foreign_keys_declared_in_models_exist_in_the_file(library_path):
    from briefer.core.library import Library

    Library.open(library_path).close()
    conn = sqlite3.connect(library_path)
    for table in SQLModel.metadata.sorted_tables:
        in_file = {
            (r[3], r[2], r[6]) for r in conn.execute(f"PRAGMA foreign_key_list({table.name})")
        }
        for fk in table.foreign_keys:
            key = (fk.parent.name, fk.column.table.name, (fk.ondelete or "NO ACTION").upper())
            assert key in in_file, (table.name, key)
    conn.close()
