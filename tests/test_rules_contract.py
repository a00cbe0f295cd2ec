"""The registry's contract: every rule documented, coded and exemplified the same way."""

import re

import pytest

from gxlint import families
from gxlint.engine import registry
from gxlint.testing import RuleTester

HEADINGS = ("## 检查内容", "## 为什么", "## 示例", "## 依据")
RULES = sorted(registry().items())


def examples(doc: str, kind: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"```report " + kind + r"\n(.*?)```", doc, re.S)]


def test_codes_unique_and_well_formed():
    names = [cls.name for _, cls in RULES]
    assert len(names) == len(set(names))
    for code, cls in RULES:
        assert re.fullmatch(r"GX\d{3}", code)
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", cls.name), cls.name
        fam = families.of_code(code)
        assert fam is not None and fam.key == cls.family, (code, cls.family)


def test_rules_live_one_per_module_under_gxlint_rules():
    modules = [cls.module for _, cls in RULES]
    assert len(modules) == len(set(modules))
    assert all(m.startswith("gxlint.rules.") for m in modules)


@pytest.mark.parametrize("code,cls", RULES, ids=[c for c, _ in RULES])
def test_docstring_has_the_four_headings(code, cls):
    doc = cls.doc
    assert doc.splitlines()[0].startswith(f"{code} {cls.name}"), doc.splitlines()[0]
    for h in HEADINGS:
        assert h in doc, f"{code}: missing {h}"


@pytest.mark.parametrize("code,cls", RULES, ids=[c for c, _ in RULES])
def test_messages_in_both_languages(code, cls):
    assert cls.messages
    for mid, m in cls.messages.items():
        assert set(m) >= {"zh", "en"}, (code, mid)
        zh = set(re.findall(r"{(\w+)}", m["zh"]))
        en = {p.removesuffix("_en") for p in re.findall(r"{(\w+)}", m["en"])}  # what_en: the English of {what}
        # the same facts in both languages; Chinese may add a column's name or a direction (增/减)
        # its grammar needs, English says nothing the Chinese message does not
        assert en <= zh and zh - en <= {"cname", "dir"}, (code, mid, sorted(zh ^ en))


@pytest.mark.parametrize(
    "code,cls",
    [(c, k) for c, k in RULES if not k.emitted_by_engine],
    ids=[c for c, k in RULES if not k.emitted_by_engine],
)
def test_documented_examples_behave(code, cls):
    bad, good = examples(cls.doc, "bad"), examples(cls.doc, "good")
    assert bad and good, f"{code}: ## 示例 needs a ```report bad and a ```report good block"
    t = RuleTester(code)
    for text in bad:
        assert t.positions(text), f"{code}: the bad example does not trigger the rule:\n{text}"
    for text in good:
        t.valid(text)


@pytest.mark.parametrize("code,cls", RULES, ids=[c for c, _ in RULES])
def test_each_finding_states_its_own_correction(code, cls):
    """修改要求 in the review letters: ``correct.<id>`` (or ``correct``) of the rule's messages, filled
    with the finding's own values — no other placeholder, and never a generic family sentence."""
    from gxlint.api import CORRECT

    corrections = {mid: m for mid, m in cls.messages.items() if mid == CORRECT or mid.startswith(CORRECT + ".")}
    assert corrections, f"{code}: no correction message (correct or correct.<message id>)"
    for mid, m in corrections.items():
        target = mid.partition(".")[2]
        assert set(m) >= {"zh", "en"}, (code, mid)
        for lang in ("zh", "en"):
            used = set(re.findall(r"{(\w+)}", m[lang]))
            if target:
                assert target in cls.messages, f"{code}: {mid} corrects no message"
                assert used <= set(re.findall(r"{(\w+)}", cls.messages[target][lang])), (code, mid, lang)
            else:
                assert not used, f"{code}: the rule-wide correction has no values to fill {used}"
    if cls.emitted_by_engine:
        return
    t = RuleTester(code)
    for text in examples(cls.doc, "bad"):
        _res, own = t.diagnostics(text)
        for d in own:
            assert d.data.get("correction"), f"{code}: the finding {d.data.get('message_id')} has no correction"
