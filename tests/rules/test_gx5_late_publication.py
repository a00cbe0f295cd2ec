import pytest

from gxlint.parse.meta import organ_level


@pytest.mark.parametrize(
    "name,level",
    [
        ("某某市某某局", "department"),
        ("某某市人民政府办公室", "department"),
        ("启东市政府办", "department"),
        ("某某县发展和改革委员会", "department"),
        ("某某市卫生健康委", "department"),
        ("某某县人民政府", "government"),
        ("镇江市人民政府", "government"),  # 镇 in a city's name is not a township
        ("某某县某某镇人民政府", "township"),
        ("柳北区人民政府跃进街道办事处", "township"),
        ("福州市鼓楼区水部街道", "township"),
        ("某某乡", "township"),
        ("某某公司", None),
    ],
)
def test_organ_level_from_the_name(name, level):
    assert organ_level(name) == level
