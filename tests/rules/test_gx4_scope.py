from gx4_reports import city

from gxlint.testing import RuleTester
from wrapping import wrap


def test_a_wrapped_report_reads_its_prose_as_the_unwrapped_one():
    text = city()
    wrapped = wrap(text, 28, page_every=4)
    assert wrapped != text
    for code in ("GX401", "GX402", "GX403", "GX404"):
        RuleTester(code).valid(wrapped)
