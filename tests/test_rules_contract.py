"""The registry's contract: every rule documented, coded and exemplified the same way."""
import re

import pytest

from gxlint.engine import registry
from gxlint.testing import RuleTester

FAMILIES = {"GX0": "engine", "GX1": "structure", "GX2": "template", "GX3": "arithmetic",
            "GX4": "prose", "GX5": "meta", "GX6": "hygiene", "GX7": "across"}
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
        assert FAMILIES[code[:3]] == cls.family, (code, cls.family)


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
        en = {p.removesuffix("_en") for p in re.findall(r"{(\w+)}", m["en"])}     # what_en: the English of {what}
        # the same facts in both languages; Chinese may add a column's name or a direction (增/减)
        # its grammar needs, English says nothing the Chinese message does not
        assert en <= zh and zh - en <= {"cname", "dir"}, (code, mid, sorted(zh ^ en))


@pytest.mark.parametrize("code,cls", [(c, k) for c, k in RULES if not k.emitted_by_engine],
                         ids=[c for c, k in RULES if not k.emitted_by_engine])
def test_documented_examples_behave(code, cls):
    bad, good = examples(cls.doc, "bad"), examples(cls.doc, "good")
    assert bad and good, f"{code}: ## 示例 needs a ```report bad and a ```report good block"
    t = RuleTester(code)
    for text in bad:
        assert t.positions(text), f"{code}: the bad example does not trigger the rule:\n{text}"
    for text in good:
        t.valid(text)
