"""Bad arguments to ``gxlint mcp``'s tools, through the SDK's client: each is an MCP tool error
(``isError``) with a message that says why — a path outside the roots, a binary or broken file, a
text or file over 20 MB, an unknown rule, arguments the schema refuses — never a crash: the same
server answers a good call afterwards and wrote no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from seedutil import ROOT, read_seed

from . import mcputil

MB = 1024 * 1024


@pytest.fixture
def folders(tmp_path):
    """A root with a report, a binary file, a broken .docx, a 20 MB text and a link to outside it;
    a secret file beside the root."""
    root = tmp_path / "reports"
    root.mkdir()
    (root / "sub").mkdir()
    (root / "r.txt").write_text(read_seed("000"), encoding="utf-8")
    (root / "sub" / "r2.txt").write_text(read_seed("001"), encoding="utf-8")
    (root / "bin.txt").write_bytes(bytes(range(256)) * 40)
    (root / "broken.docx").write_bytes(
        b"PK\x03\x04\x14\0\0\0" + b"\0" * 24
    )  # a zip cut short (a PNG is named as an image)
    line = "本机关认真贯彻落实政府信息公开条例，依法做好政府信息公开工作。\n".encode("utf-8")
    (root / "big.txt").write_bytes(line * (20 * MB // len(line) + 1))
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "s.txt").write_text(read_seed("001"), encoding="utf-8")
    os.symlink(outside / "s.txt", root / "link.txt")
    os.symlink(outside, root / "linkdir")
    return root, outside


def test_bad_arguments_are_tool_errors_with_a_message(folders):
    root, outside = folders
    secret = str(outside / "s.txt")
    calls = [
        # paths outside the roots: absolute, climbing out, a link inside to a file or folder outside
        ("check_report", {"path": secret}, "不在允许读取的目录之内"),
        ("check_report", {"path": "../secret/s.txt"}, "不在允许读取的目录之内"),
        ("check_report", {"path": "file://" + secret}, "不在允许读取的目录之内"),
        ("check_report", {"path": "link.txt"}, "不在允许读取的目录之内"),
        ("check_report", {"path": "/etc/passwd"}, "不在允许读取的目录之内"),
        ("check_folder", {"path": str(outside)}, "不在允许读取的目录之内"),
        ("check_folder", {"path": "linkdir"}, "不在允许读取的目录之内"),
        ("compare_reports", {"old": "r.txt", "new": secret}, "不在允许读取的目录之内"),
        # files that cannot be checked
        ("check_report", {"path": "bin.txt"}, "二进制"),
        ("check_report", {"path": "broken.docx"}, "已损坏或不完整"),
        ("check_report", {"path": "big.txt"}, "文件过大（20.0 MB，上限 20.0 MB）"),
        ("check_report", {"path": "nothere.txt"}, "路径不存在：nothere.txt"),
        ("check_report", {"path": ""}, "路径为空或无效"),
        ("check_report", {"path": "sub"}, "是一个目录：检查目录请用 check_folder"),
        ("check_folder", {"path": "r.txt"}, "不是目录"),
        ("compare_reports", {"old": "r.txt", "new": "bin.txt"}, "bin.txt"),
        # a text over 20 MB (the same limit as a file)
        ("check_report", {"text": "年" * (7 * MB + 1)}, "文本太大（21.0 MB），超过上限 20.0 MB"),
        ("fix_report", {"text": "a" * (20 * MB + 1)}, "文本太大"),
        # unknown rules: a suggestion when the name is close
        ("explain_rule", {"code": "GX999"}, "没有这条规则：GX999"),
        ("explain_rule", {"code": "row-total"}, "是不是：row-total-mismatch"),
        ("explain_rule", {"code": " "}, "请给出规则代码"),
        # what the arguments' schemas refuse
        ("check_report", {}, "二者之一"),
        ("check_report", {"text": "x", "path": "r.txt"}, "二者之一"),
        ("check_report", {"text": 5}, "text"),
        ("check_report", {"text": "x", "year": 1999}, "year"),
        ("check_report", {"text": "x", "template": "v2030"}, "template"),
        ("check_report", {"text": "x", "max_findings": 0}, "max_findings"),
        ("explain_rule", {}, "code"),
        ("fix_report", {"unsafe": True}, "text"),
        ("new_report_skeleton", {"year": 2024, "template": "v2019"}, "2024 年度的报告应使用 v2021 格式"),
        ("new_report_skeleton", {"year": 2018}, "year"),
        ("new_report_skeleton", {"organ": "某局\n|"}, "机关名称应为一行文字"),
        ("no_such_tool", {}, "no_such_tool"),
    ]

    async def go():
        out = []
        async with mcputil.session(str(root), roots=[str(root)]) as c:
            for tool, args, _ in calls:
                out.append(await c.call_tool(tool, args))
            s = await mcputil.output_schemas(c)
            good = await mcputil.call(c, "check_report", {"path": "sub/r2.txt"}, s)
            stderr = c.stderr_text()
        return out, good, stderr

    results, good, stderr = mcputil.run(go)
    for (tool, args, want), r in zip(calls, results):
        shown = {k: (v if not isinstance(v, str) or len(v) < 80 else f"<{len(v)} chars>") for k, v in args.items()}
        msg = mcputil.error_text(r)
        assert want in msg, (tool, shown, msg)
        assert r.structured_content is None, (tool, shown)
    # the contents of a file outside the roots are never in an answer
    assert not any("s.txt" in mcputil.text_of(r) and "GX" in mcputil.text_of(r) for r in results)
    # still serving, and no traceback on its standard error
    assert not good.is_error and good.structured_content["source"] == "sub/r2.txt"
    assert "Traceback" not in stderr, stderr


def test_where_the_server_may_read(tmp_path, folders):
    """--root beats the client's roots; the client's roots beat the working folder; a working
    folder that is the file system's root (Claude Desktop starts servers in /) grants nothing."""
    root, outside = folders

    async def go():
        out = {}
        # the client declares `outside` only: the server's working folder is not readable
        async with mcputil.session(str(root), roots=[str(outside)]) as c:
            out["client"] = (
                await c.call_tool("check_report", {"path": "s.txt"}),
                await c.call_tool("check_report", {"path": str(root / "r.txt")}),
            )
        # --root wins over what the client declares
        async with mcputil.session(str(outside), roots=[str(outside)], args=["--root", str(root)]) as c:
            out["option"] = (
                await c.call_tool("check_report", {"path": "r.txt"}),
                await c.call_tool("check_report", {"path": str(outside / "s.txt")}),
            )
        # no roots from a client that has none: the working folder
        async with mcputil.session(str(root)) as c:
            out["cwd"] = (
                await c.call_tool("check_report", {"path": "r.txt"}),
                await c.call_tool("check_report", {"path": str(outside / "s.txt")}),
            )
        async with mcputil.session("/") as c:
            out["slash"] = (
                await c.call_tool("check_report", {"path": str(root / "r.txt")}),
                await c.call_tool("check_report", {"text": read_seed("000")}),
            )
        return out

    out = mcputil.run(go)
    for case in ("client", "option", "cwd"):
        ok, refused = out[case]
        assert not ok.is_error, (case, mcputil.text_of(ok))
        assert "不在允许读取的目录之内" in mcputil.error_text(refused), case
    assert "--root" in mcputil.error_text(out["slash"][0])
    assert not out["slash"][1].is_error


def test_start_up_failures_are_said_plainly(tmp_path):
    """Without the SDK (gxlint installed without the extra) and with a --root that is no folder:
    a message and exit status 2, no traceback."""
    shadow = tmp_path / "shadow"
    (shadow / "mcp").mkdir(parents=True)
    (shadow / "mcp" / "__init__.py").write_text("")  # an `mcp` without the SDK's server
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(shadow), ROOT]))
    p = subprocess.run(
        [sys.executable, "-m", "gxlint", "mcp"], env=env, capture_output=True, stdin=subprocess.DEVNULL, timeout=60
    )
    assert p.returncode == 2 and "pip install 'gxlint[mcp]'" in p.stderr.decode() and b"Traceback" not in p.stderr
    p = subprocess.run(
        [sys.executable, "-m", "gxlint", "mcp", "--root", str(tmp_path / "none")],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        cwd=ROOT,
    )
    assert p.returncode == 2 and "不是目录" in p.stderr.decode() and b"Traceback" not in p.stderr
    # the command is listed in gxlint's help
    p = subprocess.run([sys.executable, "-m", "gxlint", "mcp", "--help"], capture_output=True, timeout=60, cwd=ROOT)
    assert p.returncode == 0 and "--root" in p.stdout.decode()
