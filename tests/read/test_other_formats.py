"""Files that are not in a format gxlint reads are told by their content, whatever they are called,
and each gets one GX002 that names what it is and what to do — never "a ZIP archive, not a Word
document" for an OFD or an .odt, never "the Word document is damaged" for a spreadsheet, never 45
findings on the control words of an RTF read as plain text."""
import io
import struct
import zipfile

import pytest

from gxlint.engine import lint_bytes


def _zip(members: dict, stored_first: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        if stored_first:
            zf.writestr(zipfile.ZipInfo(stored_first), members[stored_first], compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            if name != stored_first:
                zf.writestr(name, data)
    return buf.getvalue()


def ofd() -> bytes:
    """An OFD package as GB/T 33190 lays it out: OFD.xml at the root, the document under Doc_0/."""
    return _zip({"OFD.xml": '<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0">'
                            "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
                 "Doc_0/Document.xml": "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"/>",
                 "Doc_0/Pages/Page_0/Content.xml": "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"/>"})


def odf(mime: str) -> bytes:
    """An OpenDocument package: the mimetype member first and stored, then the content."""
    return _zip({"mimetype": mime, "content.xml": "<office:document-content/>",
                 "META-INF/manifest.xml": "<manifest:manifest/>"}, stored_first="mimetype")


def xlsx() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.append(["申请人情况", "自然人", "总计"])
    wb.active.append(["一、本年新收政府信息公开申请数量", 3, 3])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pptx() -> bytes:
    return _zip({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p:presentation/>",
                 "_rels/.rels": "<Relationships/>"})


def cfb(stream: str, payload: bytes) -> bytes:
    """A compound file (the container of .doc/.xls/.ppt, version 3, 512-byte sectors) holding one stream."""
    payload = payload.ljust(4096, b"\0")            # at the mini-stream cutoff: stored in regular sectors
    n = len(payload) // 512
    end, free, fatsect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fatsect, end] + [3 + i for i in range(n - 1)] + [end]
    fat += [free] * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", 0, *([free] * 108)))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", nostream, nostream, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<III", start, size, 0))

    empty = b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", nostream, nostream, nostream) + b"\0" * 48
    directory = entry("Root Entry", 5, 1, end, 0) + entry(stream, 2, nostream, 2, len(payload)) + empty * 2
    return header + struct.pack("<128I", *fat) + directory + payload


CASES = {
    "ofd": (ofd, ".ofd", "这是 OFD 版式文档（.ofd）"),
    "odt": (lambda: odf("application/vnd.oasis.opendocument.text"), ".odt", "这是 OpenDocument 文字文档（.odt"),
    "ods": (lambda: odf("application/vnd.oasis.opendocument.spreadsheet"), ".ods", "这是 Excel 等电子表格（.ods）"),
    "xlsx": (xlsx, ".xlsx", "这是 Excel 等电子表格（.xlsx）"),
    "xls": (lambda: cfb("Workbook", b"\x09\x08\x10\x00"), ".xls", "这是 Excel 等电子表格（.xls）"),
    "pptx": (pptx, ".pptx", "这是演示文稿（.pptx）"),
    "ppt": (lambda: cfb("PowerPoint Document", b"\0" * 8), ".ppt", "这是演示文稿（.ppt）"),
    "rtf": (lambda: b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil SimSun;}}\\f0\\fs24 "
                    b"\\'b9\\'fa\\'bc\\'d2 2023\\'c4\\'ea\\par\n}", ".rtf", "这是 RTF 格式的文档（.rtf）"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("named", ["own", ".docx", ".txt", ".doc"])
def test_a_format_gxlint_does_not_read_is_named_for_what_it_is(kind, named):
    make, ext, words = CASES[kind]
    data = make()
    res = lint_bytes(data, "report" + (ext if named == "own" else named))
    (d,) = res.diagnostics
    assert d.code == "GX002" and d.message.startswith(words), d.message
    assert "ZIP 压缩包" not in d.message and "已损坏" not in d.message and "旧版 Word" not in d.message
    assert d.data["correction"], "and what the organ should send instead"


def test_the_messages_say_what_to_do_in_english_too():
    from gxlint.config import Settings

    res = lint_bytes(ofd(), "r.ofd", Settings(lang="en"))
    assert res.diagnostics[0].message.startswith("an OFD document (.ofd), which gxlint cannot read yet")
    assert "save it as PDF" in res.diagnostics[0].message


def test_an_old_word_document_and_a_real_docx_are_unchanged(tmp_path):
    ole = cfb("WordDocument", b"\xec\xa5\xc1\x00")
    (d,) = lint_bytes(ole, "old.doc").diagnostics
    assert d.message.startswith("这是旧版 Word/WPS 二进制文档（.doc）")
    (d,) = lint_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "r.wps").diagnostics
    assert "旧版 Word/WPS" in d.message
    from gxlint import synth
    from read.docgen import build_docx

    build_docx(synth.generate(1), str(tmp_path / "r.docx"))
    res = lint_bytes((tmp_path / "r.docx").read_bytes(), "r.docx")
    assert not [x for x in res.diagnostics if x.code == "GX002"]


def test_an_rtf_is_not_read_as_text():
    """A report saved as RTF was read as plain text: dozens of findings on \\par and \\'b9."""
    from gxlint.synth import sample

    body = sample(1).text.replace("\n", "\\par\n")
    data = ("{\\rtf1\\ansi\\uc1{\\fonttbl{\\f0 SimSun;}}\\f0 " + "".join(
        ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in body) + "}").encode("ascii")
    res = lint_bytes(data, "report.rtf")
    assert [d.code for d in res.diagnostics] == ["GX002"]
