"""RuleTester is as strict as ESLint's: an invalid case that leaves out a finding's message id,
start or end, or the output of a rule that fixes, fails — and so does one that states them wrong."""

import pytest

from gxlint.testing import RuleTester, replace_once, where

SLIP = "一、总体情况\n我局在在政务公开方面做了大量工作。\n"  # GX606 fires on 在在 and fixes it
FIXED = "一、总体情况\n我局在政务公开方面做了大量工作。\n"
OPEN = "一、总体情况\n本机关(含下属单位公开了信息。\n"  # GX604: an unclosed bracket, no fix

gx606 = RuleTester("GX606")
gx604 = RuleTester("GX604")


def test_a_complete_case_passes():
    got = gx606.invalid(SLIP, [("word", (2, 3), (2, 5), "“在”连写了两次")], output=FIXED)
    assert got == [(2, 3, "“在”连写了两次（“我局在在政务公开方面”），应删去一个")]
    gx606.invalid(SLIP, [("word", *where(SLIP, "在在"))], output=[("在在", "在")])
    gx604.invalid(OPEN, [("unclosed", (2, 4), (2, 5), "没有配对")])
    gx606.run(valid=[FIXED], invalid=[(SLIP, [("word", (2, 3), (2, 5))], FIXED)])
    gx604.run(invalid=[(OPEN, [("unclosed", (2, 4), (2, 5))])])


@pytest.mark.parametrize(
    "entry",
    [
        (2, 3),  # the old form: line and column only
        (2, 3, "连写"),  # … with a message text
        ("word", (2, 3)),  # no end
        ((2, 3), (2, 5)),  # no message id
        ("word", 2, 3, 2, 5),  # positions not as (line, column)
        ("word", (2, 3), (2, 5), 7),  # the fourth item is text in the message
    ],
)
def test_a_finding_without_message_id_start_and_end_is_refused(entry):
    with pytest.raises(TypeError, match="message id"):
        gx606.invalid(SLIP, [entry], output=FIXED)


def test_an_invalid_case_states_at_least_one_finding():
    with pytest.raises(TypeError):
        gx606.invalid(SLIP, [], output=FIXED)


@pytest.mark.parametrize(
    "entry",
    [
        ("line", (2, 3), (2, 5)),  # another message id of the rule
        ("word", (2, 3), (2, 4)),  # the end one character short
        ("word", (2, 4), (2, 5)),  # the start one character late
        ("word", (2, 3), (2, 5), "连写了三次"),  # a message it does not give
    ],
)
def test_a_finding_stated_wrong_fails(entry):
    with pytest.raises(AssertionError):
        gx606.invalid(SLIP, [entry], output=FIXED)


def test_a_missing_or_extra_finding_fails():
    text = SLIP + "打造统一的的网站界面。\n"
    with pytest.raises(AssertionError, match="expected findings"):
        gx606.invalid(text, [("word", (2, 3), (2, 5))], output=[("在在", "在"), ("的的", "的")])
    with pytest.raises(AssertionError, match="expected findings"):
        gx606.invalid(SLIP, [("word", (2, 3), (2, 5)), ("word", (2, 3), (2, 5))], output=FIXED)


def test_an_unknown_message_id_is_named():
    with pytest.raises(AssertionError):
        gx606.invalid(SLIP, [("wrod", (2, 3), (2, 5))], output=FIXED)


def test_a_rule_that_fixes_needs_the_output():
    with pytest.raises(AssertionError, match="output="):
        gx606.invalid(SLIP, [("word", (2, 3), (2, 5))])


def test_a_wrong_output_fails():
    with pytest.raises(AssertionError, match="not the stated output"):
        gx606.invalid(SLIP, [("word", (2, 3), (2, 5))], output=SLIP)
    with pytest.raises(AssertionError, match="not the stated output"):
        gx606.invalid(SLIP, [("word", (2, 3), (2, 5))], output=[("在在", "")])


def test_an_output_where_the_rule_does_not_fix_fails():
    with pytest.raises(AssertionError, match="does not fix"):
        gx604.invalid(OPEN, [("unclosed", (2, 4), (2, 5))], output=OPEN)


def test_output_replacements_are_unambiguous():
    with pytest.raises(AssertionError, match="occurs 2 times"):
        gx606.invalid(SLIP, [("word", (2, 3), (2, 5))], output=[("在", "")])
    with pytest.raises(AssertionError, match="overlap"):
        replace_once("abcdef", [("abc", "x"), ("cde", "y")])
    assert replace_once("abcdef", [("ef", "E"), ("ab", "")]) == "cdE"


def test_where():
    assert where("ab\ncd在在e", "在在") == ((2, 3), (2, 5))
    assert where("x\nx\n", "x", 1) == ((2, 1), (2, 2))
