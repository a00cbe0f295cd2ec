"""Files are told by their content, whatever they are called: what is not a report (a spreadsheet,
a presentation, an image, an archive) gets one GX002 that names what it is and what to send —
never "the Word document is damaged" for a spreadsheet; an OFD is read as OFD, never "a ZIP
archive, not a Word document"; .doc, .wps, .odt and .rtf go to LibreOffice, and without it get one
GX002 that names the program and how to install it — never 45 findings on the control words of an
RTF read as plain text, never "save it as .docx" as the only way."""

import io
import os
import stat
import struct
import time
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
    return _zip(
        {
            "OFD.xml": '<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0">'
            "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
            "Doc_0/Document.xml": '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>',
            "Doc_0/Pages/Page_0/Content.xml": '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"/>',
        }
    )


def odf(mime: str) -> bytes:
    """An OpenDocument package: the mimetype member first and stored, then the content."""
    return _zip(
        {
            "mimetype": mime,
            "content.xml": "<office:document-content/>",
            "META-INF/manifest.xml": "<manifest:manifest/>",
        },
        stored_first="mimetype",
    )


def xlsx() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.append(["申请人情况", "自然人", "总计"])
    wb.active.append(["一、本年新收政府信息公开申请数量", 3, 3])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pptx() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": "<Types/>",
            "ppt/presentation.xml": "<p:presentation/>",
            "_rels/.rels": "<Relationships/>",
        }
    )


def cfb(stream: str, payload: bytes) -> bytes:
    """A compound file (the container of .doc/.xls/.ppt, version 3, 512-byte sectors) holding one stream."""
    payload = payload.ljust(4096, b"\0")  # at the mini-stream cutoff: stored in regular sectors
    n = len(payload) // 512
    end, free, fatsect, nostream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fatsect, end] + [3 + i for i in range(n - 1)] + [end]
    fat += [free] * (128 - len(fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<109I", 0, *([free] * 108))
    )

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", nostream, nostream, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<III", start, size, 0)
        )

    empty = b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", nostream, nostream, nostream) + b"\0" * 48
    directory = entry("Root Entry", 5, 1, end, 0) + entry(stream, 2, nostream, 2, len(payload)) + empty * 2
    return header + struct.pack("<128I", *fat) + directory + payload


PNG = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde" + b"\0" * 40
CASES = {
    "ods": (lambda: odf("application/vnd.oasis.opendocument.spreadsheet"), ".ods", "这是 Excel 等电子表格（.ods）"),
    "xlsx": (xlsx, ".xlsx", "这是 Excel 等电子表格（.xlsx）"),
    "xls": (lambda: cfb("Workbook", b"\x09\x08\x10\x00"), ".xls", "这是 Excel 等电子表格（.xls）"),
    "pptx": (pptx, ".pptx", "这是演示文稿（.pptx）"),
    "ppt": (lambda: cfb("PowerPoint Document", b"\0" * 8), ".ppt", "这是演示文稿（.ppt）"),
    "png": (lambda: PNG, ".png", "这是图片（.png）"),
    "jpeg": (lambda: b"\xff\xd8\xff\xe0\0\x10JFIF\0" + bytes(range(256)) * 4, ".jpg", "这是图片（.jpg）"),
    "gzip": (lambda: __import__("gzip").compress("年度报告".encode() * 100), ".gz", "这是压缩包（.gz）"),
    "rar": (lambda: b"Rar!\x1a\x07\x01\0" + bytes(range(256)) * 2, ".rar", "这是压缩包（.rar）"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
@pytest.mark.parametrize("named", ["own", ".docx", ".txt", ".doc", ".pdf"])
def test_a_file_that_is_no_report_is_named_for_what_it_is(kind, named):
    make, ext, words = CASES[kind]
    data = make()
    res = lint_bytes(data, "report" + (ext if named == "own" else named))
    (d,) = res.diagnostics
    assert d.code == "GX002" and d.message.startswith(words), d.message
    assert "ZIP 压缩包" not in d.message and "已损坏" not in d.message and "旧版 Word" not in d.message
    assert d.data["correction"], "and what the organ should send instead"


def test_the_messages_say_what_to_do_in_english_too():
    from gxlint.config import Settings

    res = lint_bytes(xlsx(), "r.xlsx", Settings(lang="en"))
    assert res.diagnostics[0].message.startswith("a spreadsheet (.xlsx, Excel or the like), not a report")


@pytest.mark.parametrize("named", [".ofd", ".docx", ".txt", ".zip"])
def test_an_ofd_is_read_as_ofd_whatever_it_is_called(named):
    """The package without any page content: read as OFD, and it says the OFD has no text."""
    (d,) = lint_bytes(ofd(), "report" + named).diagnostics
    assert d.code == "GX002" and d.message.startswith("OFD 版式文档"), d.message
    assert "ZIP 压缩包" not in d.message


# ----------------------------------------------------------------------------- through LibreOffice

RTF = (
    b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil SimSun;}}\\f0\\fs24 "
    b"\\'b9\\'fa\\'bc\\'d2 2023\\'c4\\'ea\\par\n}"
)
OFFICE = {
    "doc": (lambda: cfb("WordDocument", b"\xec\xa5\xc1\x00"), ".doc", "这是旧版 Word 文档（.doc）"),
    "wps": (lambda: cfb("WordDocument", b"\xec\xa5\xc1\x00"), ".wps", "这是 WPS 文字文档（.wps）"),
    "odt": (lambda: odf("application/vnd.oasis.opendocument.text"), ".odt", "这是 OpenDocument 文字文档（.odt）"),
    "rtf": (lambda: RTF, ".rtf", "这是 RTF 文档（.rtf）"),
}


@pytest.fixture
def no_soffice(monkeypatch, tmp_path):
    monkeypatch.setenv("GXLINT_SOFFICE", str(tmp_path / "not-installed" / "soffice"))


@pytest.mark.parametrize("kind", sorted(OFFICE))
def test_without_libreoffice_one_gx002_names_the_program_and_how_to_install_it(kind, no_soffice):
    make, ext, words = OFFICE[kind]
    (d,) = lint_bytes(make(), "report" + ext).diagnostics
    assert d.code == "GX002" and d.message.startswith(words), d.message
    assert "没有安装 LibreOffice" in d.message and "apt install libreoffice-writer" in d.message
    assert "libreoffice.org/download" in d.message
    from gxlint.config import Settings

    (d,) = lint_bytes(make(), "report" + ext, Settings(lang="en")).diagnostics
    assert "LibreOffice is not installed" in d.message and "apt install libreoffice-writer" in d.message


def test_an_rtf_is_never_read_as_text(no_soffice):
    """A report saved as RTF was read as plain text: dozens of findings on \\par and \\'b9."""
    from gxlint.synth import sample

    body = sample(1).text.replace("\n", "\\par\n")
    data = (
        "{\\rtf1\\ansi\\uc1{\\fonttbl{\\f0 SimSun;}}\\f0 "
        + "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in body)
        + "}"
    ).encode("ascii")
    for name in ("report.rtf", "report.txt"):
        res = lint_bytes(data, name)
        (d,) = res.diagnostics
        assert d.code == "GX002" and d.message.startswith("这是 RTF 文档（.rtf）")


def _script(tmp_path, body: str) -> str:
    path = tmp_path / "fake-soffice"
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_libreoffice_hanging_is_killed_at_the_limit(tmp_path, monkeypatch):
    pidfile = tmp_path / "pid"
    monkeypatch.setenv("GXLINT_SOFFICE", _script(tmp_path, f"echo $$ > {pidfile}\nsleep 300\n"))
    monkeypatch.setenv("GXLINT_OFFICE_TIMEOUT", "1")
    started = time.monotonic()
    (d,) = lint_bytes(RTF, "report.rtf").diagnostics
    assert d.code == "GX002" and "LibreOffice 在 1 秒内没有转换完，已终止" in d.message
    assert time.monotonic() - started < 30
    pid = int(pidfile.read_text())
    with pytest.raises(ProcessLookupError):  # killed with its process group, not left behind
        for _ in range(50):
            os.kill(pid, 0)
            time.sleep(0.1)


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_libreoffice_failing_says_what_it_said(tmp_path, monkeypatch):
    monkeypatch.setenv("GXLINT_SOFFICE", _script(tmp_path, "echo 'Error: source file could not be loaded'\n"))
    (d,) = lint_bytes(RTF, "report.rtf").diagnostics
    assert d.code == "GX002" and "LibreOffice 无法打开它（Error: source file could not be loaded）" in d.message


def test_a_doc_libreoffice_cannot_open():
    from read.pdfmake import soffice

    if not soffice():
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    (d,) = lint_bytes(cfb("WordDocument", b"\xec\xa5\xc1\x00"), "old.doc").diagnostics
    assert d.code == "GX002" and d.message.startswith("这是旧版 Word 文档（.doc），但 LibreOffice 无法打开它")


def test_a_real_docx_is_unchanged(tmp_path):
    from gxlint import synth
    from read.docgen import build_docx

    build_docx(synth.generate(1), str(tmp_path / "r.docx"))
    res = lint_bytes((tmp_path / "r.docx").read_bytes(), "r.docx")
    assert not [x for x in res.diagnostics if x.code == "GX002"]


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_a_folder_is_converted_by_one_libreoffice_start(tmp_path, monkeypatch, capsys):
    """A folder of .doc/.rtf files: one start of LibreOffice converts them all (its start-up is most
    of the cost), and each file is then read from what it made."""
    from gxlint import synth
    from gxlint.cli import main
    from gxlint.read import office
    from read.docgen import build_docx

    made = tmp_path / "made.docx"
    build_docx(synth.generate(3), str(made))
    starts = tmp_path / "starts"
    # stands in for soffice: every input becomes the prepared .docx in --outdir
    body = (
        f'echo start >> {starts}\nout=""\nwhile [ $# -gt 0 ]; do case "$1" in --outdir) out="$2"; mkdir -p "$out"; shift;; '
        f'*.doc|*.rtf) b=$(basename "$1"); cp {made} "$out/${{b%.*}}.docx";; esac; shift; done\n'
    )
    monkeypatch.setenv("GXLINT_SOFFICE", _script(tmp_path, body))
    monkeypatch.setattr(office, "_converted", office.OrderedDict())
    folder = tmp_path / "reports"
    folder.mkdir()
    for k in range(3):
        (folder / f"r{k}.doc").write_bytes(cfb("WordDocument", bytes([k + 1]) * 8))
        (folder / f"r{k}.rtf").write_bytes(RTF + b" " * (k + 1))
    import json

    main(["check", "--isolated", "--no-source", "--format", "json", "-j", "1", str(folder)])
    out = json.loads(capsys.readouterr().out)
    assert sorted(f["format"] for f in out["files"]) == ["doc"] * 3 + ["rtf"] * 3
    assert all(not [d for d in f["diagnostics"] if d["code"] == "GX002"] for f in out["files"])
    assert starts.read_text().count("start") == 1
