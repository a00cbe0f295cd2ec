from gxlint.parse.normalize import NormText, key


def test_pinyin_removed_and_positions_map_back():
    t = "啟東市政府辦2023年政府信息公開工作年度報(bào)告\n來(lái)源: 某"
    n = NormText(t)
    assert n.text.startswith("启东市政府办2023年政府信息公开工作年度报告")
    i = n.text.index("报告")
    sp = n.span(i, i + 2)
    assert t[sp.start:sp.end] == "報(bào)告"
    j = n.text.index("来源")
    sp = n.span(j, j + 2)
    assert t[sp.start:sp.end] == "來(lái)源"
    assert len(n.pinyin) == 2


def test_cut_off_pinyin_at_end_of_line():
    t = "2.申請(qǐn\n0"
    n = NormText(t)
    assert n.text == "2.申请\n0"


def test_parenthesised_latin_without_tone_is_kept():
    n = NormText("网站(www)与平台(APP)")
    assert n.text == "网站(www)与平台(APP)"


def test_width_spaces_quotes_folded_one_to_one():
    t = "（七）总计\u00a0１６２\u3000“三安全一稳定”"
    n = NormText(t)
    assert n.text == '(七)总计 162 "三安全一稳定"'
    assert len(n.text) == len(t)


def test_key_folds_enumerators_spaces_and_quotes():
    assert key("1、 属于 “三安全一稳定”") == key("1.属于三安全一稳定")
    assert key("商业\n企业") == "商业企业"
    assert key("（三）不\n予公开") == "(三)不予公开"
