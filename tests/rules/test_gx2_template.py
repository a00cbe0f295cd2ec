from gx2_template import LAYOUT_NAMES, codes

from seedutil import read_layout as layout


def test_clean_layouts_have_no_gx1_gx2_gx3_finding():
    for name in LAYOUT_NAMES:
        assert codes(layout(name)) == [], name
        assert codes(layout(name).replace("\n", " ")) == [], name + " on one line"
