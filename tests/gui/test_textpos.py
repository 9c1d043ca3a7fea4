"""Code points against UTF-16 units: emoji and other astral characters count twice in Qt."""

from hypothesis import given
from hypothesis import strategies as st

from briefer.gui.textpos import OffsetMap


def test_astral_characters_shift_positions():
    text = "a😀b𝄞c"
    offsets = OffsetMap(text)
    assert [offsets.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [offsets.from_utf16(p) for p in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
    assert offsets.utf16_length == 7


def test_plain_text_is_the_identity():
    offsets = OffsetMap("plain Arabic كردستان text")
    assert offsets.to_utf16(10) == 10 and offsets.from_utf16(10) == 10


@given(st.text())
def test_round_trip_matches_utf16_encoding(text):
    offsets = OffsetMap(text)
    for index in range(len(text) + 1):
        position = offsets.to_utf16(index)
        assert position == len(text[:index].encode("utf-16-le")) // 2
        assert offsets.from_utf16(position) == index
