"""Issue 16: the sources table's unfiltered pages in plain SQL (core/source_rows.py)
are the records SourceService.list gives, in every order; reading them loads no ORM."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from briefer.core.source_rows import ORDER
from tests.conftest import make_source


@pytest.fixture
def filled(library):
    make_source(library, "beta", outlet="Reuters", authors=("A. One", "B. Two"),
                published=date(2024, 2, 9), published_precision="day",
                published_ambiguous=True,
                published_alternatives=(date(2024, 2, 9), date(2024, 9, 2)),
                published_text="09-02-2024", accessed=date(2024, 3, 1),
                reliability="B", tags=("Iraq", "armed groups"), url="https://e.com/b")  # fmt: skip
    alpha = make_source(library, "Alpha", outlet="ap", tags=("iraq",))
    make_source(library, "gamma", published=date(2023, 1, 1), published_inferred=True)
    make_source(library, "Delta", language="ar", reliability="E")
    library.excerpts.add(alpha.id, 0, 4)
    library.excerpts.add(alpha.id, 5, 9)
    return library


@pytest.mark.parametrize("order", sorted(ORDER))
@pytest.mark.parametrize("descending", [False, True])
def test_a_page_in_plain_sql_is_the_services_page(filled, order, descending):
    for offset, limit in ((0, 64), (1, 2), (3, 5)):
        plain = filled.source_rows.page(
            order=order, descending=descending, limit=limit, offset=offset
        )
        orm = filled.sources.list(order=order, descending=descending, limit=limit, offset=offset)
        assert plain == orm
    assert filled.source_rows.count() == filled.sources.count() == 4


def test_reading_the_first_screen_loads_no_orm(library_path):
    from briefer.core.library import Library

    Library.open(library_path).close()
    code = (
        "import sys\n"
        "from briefer.core.library import Library\n"
        f"lib = Library.open({str(library_path)!r})\n"
        "lib.source_rows.count(); lib.source_rows.page(order='created', descending=True)\n"
        "lib.close()\n"
        "print(','.join(m for m in ('briefer.core.models', 'briefer.core.sources',"
        " 'briefer.core.tradecraft.service', 'briefer.core.search') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
