from gxlint.testing import RuleTester
from seedutil import read_seed as seed

T = RuleTester("GX402")


def test_seed_001_prose_none_against_handled_applications():
    text = seed("001")
    T.invalid(text, [("none_handled", (6, 11), (6, 19), "表三 一、二 两行也为 0，但表三记有 10 件办理结果")])
    _res, own = T.diagnostics(text)
    assert own[0].severity.label == "warning"  # the table contradicts itself too (GX301/GX302)
    assert sorted(r.message for r in own[0].related) == [
        "表三“（一）予以公开”商业企业：9",
        "表三“（三）不予公开 4.保护第三方合法权益”总计：1",
    ]
