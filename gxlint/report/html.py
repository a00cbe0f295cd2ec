"""The reviewer's page: one self-contained HTML file (CSS, JS, SVG and data inline; no request
leaves the file).  The overview is paged and filtered in the page; a report's text, tables and
findings are drawn only when it is opened, so a batch of 1,000 reports stays responsive.

The page's script is :file:`page.js` beside this module — a file of its own, which the VS Code
extension's ESLint set-up lints (``npm test`` in vscode-extension/) — inlined when a page is drawn."""

from __future__ import annotations

import base64
import functools
import gzip
import json
from importlib import resources

from .. import __version__


def _json_for_script(obj) -> str:
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    # inside <script>: no "</script", no "<!--", and the JS line separators escaped
    return s.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@functools.cache
def page_script(package: str, name: str) -> str:
    """The script ``name`` shipped beside the modules of ``package`` (package data), as it goes
    inside ``<script>``: read once.  It may not hold what ends the element early ("</script",
    "<!--"), which no escaping of the text could mend without changing the program."""
    js = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js:
        raise ValueError(f"{package}/{name}: '</script' or '<!--' would end the page's <script> early")
    return js


DETAIL_KEYS = ("findings", "sections", "tables", "segments", "compare")


def _pack(rep: dict) -> str:
    """A report's details (text, findings, tables) as base64 of gzipped JSON: the page unpacks
    one when it is opened (DecompressionStream), so a batch of 1,000 reports loads fast."""
    detail = {k: rep.get(k) for k in DETAIL_KEYS if k in rep or k != "compare"}
    for t in detail["tables"] or ():
        for ident in t["identities"]:
            ident.pop("cells", None)  # the cells know their identities (cell["idents"])
        for row in t["rows"]:
            for c in row["cells"]:
                if c is not None:
                    c.pop("value", None)
    data = json.dumps(detail, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(gzip.compress(data, compresslevel=6, mtime=0)).decode("ascii")


def _overview(rep: dict) -> dict:
    """What the overview needs of a report; counts per rule for the chart: code → [e, w, other]."""
    out = {k: v for k, v in rep.items() if k not in DETAIL_KEYS}
    fc: dict = {}
    for f in rep["findings"]:
        if f["accepted"]:
            continue
        c = fc.setdefault(f["code"], [0, 0, 0])
        c[0 if f["severity"] == "error" else 1 if f["severity"] == "warning" else 2] += 1
    out["fc"] = fc
    return out


def render(batch: dict) -> str:
    lang = batch.get("lang", "zh")
    batch = dict(batch)
    batch["details"] = [_pack(r) for r in batch["reports"]]
    batch["reports"] = [_overview(r) for r in batch["reports"]]
    title = (
        "Review of annual reports on government information disclosure"
        if lang == "en"
        else "政府信息公开工作年度报告审查"
    )
    return (
        PAGE.replace("__LANG__", "en" if lang == "en" else "zh-CN")
        .replace("__TITLE__", title)
        .replace("__VERSION__", __version__)
        .replace("__CSS__", CSS)
        .replace("__JS__", page_script(__package__, "page.js"))
        .replace("__DATA__", _json_for_script(batch))
    )


PAGE = """<!DOCTYPE html>
<html lang="__LANG__">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="gxlint __VERSION__">
<title>__TITLE__</title>
<style>__CSS__</style>
</head>
<body>
<header id="top"><h1>__TITLE__</h1><div id="summary"></div></header>
<main>
<section id="overview">
  <div id="charts"></div>
  <div id="controls"></div>
  <div id="tablewrap"></div>
  <div id="pager"></div>
  <div id="skipped"></div>
</section>
<section id="detail" hidden></section>
</main>
<div id="pop" role="dialog" hidden></div>
<script id="gx-data" type="application/json">__DATA__</script>
<script>
__JS__</script>
</body>
</html>
"""

CSS = r"""
:root{--err:#c62828;--errbg:#fde7e7;--warn:#b26a00;--warnbg:#fff3d6;--info:#1565c0;--infobg:#e3f0fd;
--ok:#2e7d32;--okbg:#e6f4e7;--acc:#757575;--line:#d7dbe0;--head:#f3f5f8;--ink:#1f2328;--muted:#5c6370}
*{box-sizing:border-box}
body{margin:0;font:14px/1.55 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--ink);background:#fafbfc}
header{background:#1f3a5f;color:#fff;padding:10px 20px;display:flex;flex-wrap:wrap;align-items:baseline;gap:18px}
header h1{font-size:18px;margin:0;font-weight:600}
#summary{font-size:13px;opacity:.95}
#summary b{font-size:15px}
main{padding:12px 20px}
button,select,input{font:inherit}
.chip{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;line-height:19px;white-space:nowrap}
.v-fail{background:var(--errbg);color:var(--err)}.v-revise{background:var(--warnbg);color:var(--warn)}.v-pass{background:var(--okbg);color:var(--ok)}.v-unreadable{background:#e6e6e6;color:#444}
#charts{display:flex;flex-wrap:wrap;gap:14px;margin-bottom:12px}
.chart{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 10px;flex:1 1 340px;min-width:320px}
.chart h3{margin:0 0 4px;font-size:13px;font-weight:600}
.chart svg{width:100%;height:auto;display:block}
.chart text{font-size:11px;fill:#333}
.chart .bar{cursor:pointer}.chart .bar:hover{opacity:.8}
#controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:6px 0}
#controls label{font-size:13px;color:var(--muted)}
#controls input[type=search]{width:240px;padding:3px 8px;border:1px solid var(--line);border-radius:4px}
#controls select{padding:2px 4px;border:1px solid var(--line);border-radius:4px;max-width:260px}
#count{font-size:13px;color:var(--muted)}
table.ov{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);font-size:13px}
table.ov th,table.ov td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
table.ov th{background:var(--head);position:sticky;top:0;cursor:pointer;user-select:none;white-space:nowrap;font-weight:600}
table.ov th[aria-sort=ascending]::after{content:" ▲";font-size:10px}
table.ov th[aria-sort=descending]::after{content:" ▼";font-size:10px}
table.ov td.n{text-align:right;font-variant-numeric:tabular-nums}
table.ov td.fam{text-align:center;font-variant-numeric:tabular-nums;white-space:nowrap}
table.ov tbody tr{cursor:pointer}table.ov tbody tr:hover{background:#f0f6ff}
.e{color:var(--err);font-weight:600}.w{color:var(--warn)}.z{color:#bbb}
.late{color:var(--err);font-weight:600}.ontime{color:var(--ok)}
.file{color:var(--muted);font-size:12px}
#pager{margin:8px 0;display:flex;gap:8px;align-items:center;font-size:13px}
#pager button{padding:2px 10px;border:1px solid var(--line);background:#fff;border-radius:4px;cursor:pointer}
#pager button:disabled{opacity:.4;cursor:default}
#skipped{font-size:12px;color:var(--muted);margin-top:10px}
#detail .bar{display:flex;align-items:center;gap:12px;margin-bottom:8px;flex-wrap:wrap}
#detail .back{padding:3px 12px;border:1px solid var(--line);background:#fff;border-radius:4px;cursor:pointer}
#detail h2{margin:0;font-size:17px}
.facts{display:flex;flex-wrap:wrap;gap:4px 18px;font-size:13px;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin-bottom:10px}
.facts span b{font-weight:600;color:var(--muted);margin-right:4px}
.cols{display:grid;grid-template-columns:minmax(300px,380px) 1fr;gap:14px;align-items:start}
.flist{position:sticky;top:8px;max-height:calc(100vh - 20px);overflow:auto;background:#fff;border:1px solid var(--line);border-radius:6px}
.flist h3,.panel h3{margin:0;padding:8px 10px;font-size:14px;border-bottom:1px solid var(--line);background:var(--head)}
.flist h4{margin:0;padding:5px 10px;font-size:12px;color:var(--muted);background:#fafafa;border-bottom:1px solid var(--line)}
.fi{display:block;width:100%;text-align:left;border:0;border-bottom:1px solid #eee;background:#fff;padding:6px 10px;cursor:pointer;font-size:13px}
.fi:hover,.fi.active{background:#f0f6ff}
.fi .code{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted)}
.fi.acc{color:var(--acc)}
.sev{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px;vertical-align:0}
.sev.error{background:var(--err)}.sev.warning{background:var(--warn)}.sev.information,.sev.hint{background:var(--info)}.sev.acc{background:#bbb}
.panel{background:#fff;border:1px solid var(--line);border-radius:6px;margin-bottom:12px}
.panel .body{padding:8px 12px;overflow:auto}
pre.doc{white-space:pre-wrap;word-break:break-all;margin:0;font:14px/1.75 "Noto Sans Mono CJK SC","Noto Sans CJK SC",monospace;max-height:none}
mark{background:none;color:inherit;cursor:pointer;border-bottom:2px solid;padding:1px 0}
mark.error{background:var(--errbg);border-color:var(--err)}
mark.warning{background:var(--warnbg);border-color:var(--warn)}
mark.information,mark.hint{background:var(--infobg);border-color:var(--info)}
mark.acc{background:#f1f1f1;border-color:#aaa;border-bottom-style:dashed}
mark.pt{border:0;padding:0 2px;font-size:11px;border-radius:3px;vertical-align:1px}
mark.pt::before{content:"◆"}
mark.error.pt{color:var(--err)}mark.warning.pt{color:var(--warn)}mark.information.pt,mark.hint.pt{color:var(--info)}
.flash{outline:3px solid #1f6feb;outline-offset:1px;animation:fl 1.4s ease-out}
@keyframes fl{0%{outline-color:#1f6feb}100%{outline-color:transparent}}
table.gt{border-collapse:collapse;font-size:12.5px;margin:4px 0 10px;min-width:60%}
table.gt th,table.gt td{border:1px solid #c9ced6;padding:3px 6px}
table.gt th{background:var(--head);font-weight:600;font-size:12px}
table.gt td.l{max-width:340px}
table.gt td.c{text-align:right;font-variant-numeric:tabular-nums;cursor:pointer;min-width:38px}
table.gt td.c:hover{background:#eef4ff}
table.gt td.fail{background:#f8c9c9;color:#8e0000;font-weight:700;outline:2px solid var(--err);outline-offset:-2px}
table.gt td.part{background:var(--errbg)}
table.gt tr.unread td{color:#999;font-style:italic}
.ids{margin:0 0 10px;padding:0;list-style:none;font-size:13px}
.ids li{padding:2px 0}
.ids code,.pop code{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;background:#f4f4f4;padding:0 4px;border-radius:3px}
.ids .fail code{background:var(--errbg);color:var(--err)}
.pop{position:absolute;z-index:10;max-width:520px;background:#fff;border:1px solid #9aa4b2;border-radius:6px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:10px 12px;font-size:13px}
.pop h4{margin:0 0 4px;font-size:13px}
.pop ul{margin:4px 0 0;padding-left:18px}
.pop .x{float:right;border:0;background:none;font-size:16px;cursor:pointer;line-height:1}
.muted{color:var(--muted)}
.empty{padding:10px;color:var(--muted)}
@media (max-width:900px){.cols{grid-template-columns:1fr}.flist{position:static;max-height:300px}}
"""
