import pytest

from briefer.core.markings import normalize_marking, tlp_label


@pytest.mark.parametrize(
    "typed, stored, label",
    [
        ("TLP:AMBER", "TLP:AMBER", "AMBER"),
        ("tlp amber + strict", "TLP:AMBER+STRICT", "AMBER+STRICT"),
        ("amber+strict", "TLP:AMBER+STRICT", "AMBER+STRICT"),
        ("TLP:WHITE", "TLP:CLEAR", "CLEAR"),
        ("green", "TLP:GREEN", "GREEN"),
        ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE", None),
        ("  Internal  use ", "Internal use", None),
        ("", "", None),
    ],
)
def test_markings(typed, stored, label):
    assert normalize_marking(typed) == stored
    assert tlp_label(stored) == label
