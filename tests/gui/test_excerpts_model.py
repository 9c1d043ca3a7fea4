"""The excerpts panel's model hands its view a batch of rows at a time (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from briefer.gui.models import excerpts_model
from briefer.gui.models.excerpts_model import ExcerptsModel


def test_rows_come_in_batches_and_a_wanted_row_is_fetched(library, add_source, qapp):
    src = add_source("Long", body=" ".join(f"word{n}." for n in range(400)))
    made = [library.excerpts.add(src.id, 8 * n, 8 * n + 6) for n in range(120)]
    model = ExcerptsModel()
    model.set_excerpts(made)
    assert model.rowCount() == excerpts_model.BATCH
    assert len(model.excerpts()) == 120  # every excerpt is still the panel's
    assert model.canFetchMore(QModelIndex())
    assert model.row_of(made[110].id) == 110  # selecting one fetches up to it
    assert model.rowCount() == 111
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 120 and not model.canFetchMore(QModelIndex())
