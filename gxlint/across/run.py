"""Cross-report checking for a batch run (``gxlint check DIR [--history DIR]``).

The checked reports come with their index entries (built in the workers from each Document);
the history reports (reference only, never reported on) are indexed through the on-disk cache.
The GX7 rules then run for each checked report whose organ has another report in the index.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from .index import Cache, Entry, Index, build


def _not_checked(history: Sequence[str], checked) -> list[str]:
    """The --history files that are not among the checked ones, paths resolved (``d/../d/x.txt``
    or a link to a checked report is that report, not a duplicate of it)."""
    import os

    seen = {os.path.realpath(p) for p in checked}
    out = []
    for p in history:
        real = os.path.realpath(p)
        if real not in seen:
            seen.add(real)
            out.append(p)
    return out


def apply(
    results: list,
    settings_for: Callable,
    *,
    history: Sequence[str] = (),
    aliases=None,
    jobs: int = 1,
    cache: Optional[Cache] = None,
    stats: Optional[dict] = None,
) -> Index:
    """Add the cross-report findings to ``results`` (in place); returns the index."""
    from .. import baseline
    from ..diagnostics import Diagnostic
    from ..engine import run_index_rules

    checked: dict[str, Entry] = {}
    e: Optional[Entry]
    for r in results:
        d = r.meta.get("across") if isinstance(r.meta, dict) else None
        if d and r.path:
            checked[r.path] = Entry.from_dict(d)
    hist = _not_checked(history, checked)
    index = build(hist, cache=cache, jobs=jobs, aliases=aliases, stats=stats) if hist else Index(aliases=aliases)
    for e in checked.values():
        index.add(e)
    pairs = []
    for r in results:
        e = checked.get(r.path)
        if e is None or not e.organ:
            continue
        prev = index.previous(e)
        if prev is not None:
            pairs.append(carry_over_pair(prev, e))
    if stats is not None:
        stats["pairs"] = sorted(pairs, key=lambda p: (p["organ"], p["year"]))
    for r in results:
        e = checked.get(r.path)
        if e is None or not asks(e, index):
            continue
        new = run_index_rules(e, index, settings_for(r.path), r.path)
        if not new:
            continue
        r.diagnostics.extend(new)
        r.diagnostics.sort(key=Diagnostic.sort_key)
        baseline.annotate(r)
    return index


def asks(e: Entry, index: Index) -> bool:
    """Whether the GX7 rules may have something to say of ``e``: its organ has other reports in
    the index, or a report of last year may be its organ's without being settled (GX706)."""
    from .organ import maybe_last_year

    if e.organ and len(index.of_organ(e.organ)) >= 2:
        return True
    return index.previous(e) is None and bool(maybe_last_year(e, index))


COLUMNS = ("np", "ce", "ri", "sw", "ls", "ot", "tot")


def carry_over_pair(prev: Entry, e: Entry) -> dict:
    """What the carry-over check (GX701) compared for one pair of consecutive years:
    ``status`` holds / differs / unreadable (no column readable in both)."""
    compared, differ = [], []
    for col in COLUMNS:
        a, b = prev.cell(f"t3.r4.{col}"), e.cell(f"t3.r2.{col}")
        if a is None or b is None:
            continue
        compared.append((col, a.value, b.value))
        if round(a.value, 4) != round(b.value, 4):
            differ.append(col)
    status = "unreadable" if not compared else "differs" if differ else "holds"
    tot = next(((a, b) for c, a, b in compared if c == "tot"), None)
    return {
        "organ": e.organ,
        "prev_year": prev.year,
        "year": e.year,
        "prev_path": prev.path,
        "path": e.path,
        "status": status,
        "columns": len(compared),
        "differ": differ,
        "carried": tot[0] if tot else None,
        "received": tot[1] if tot else None,
    }


def pair_lines(pairs: list, lang: str = "zh") -> list[str]:
    """The closing note of a run: each consecutive pair's carry-over, holding or not."""
    from ..diagnostics import fmt_num

    out = []
    for p in pairs:
        if lang == "en":
            what = {"holds": "holds", "differs": "DIFFERS", "unreadable": "could not be read"}[p["status"]]
            nums = (
                f" ({p['prev_year']} carried {fmt_num(p['carried'])}, {p['year']} received {fmt_num(p['received'])})"
                if p["carried"] is not None
                else ""
            )
            out.append(f"carry-over {p['organ']} {p['prev_year']}→{p['year']}: {what}{nums}")
        else:
            what = {"holds": "一致", "differs": "不一致", "unreadable": "无法读取"}[p["status"]]
            nums = (
                f"（{p['prev_year']} 年结转下年度 {fmt_num(p['carried'])}，{p['year']} 年上年结转 {fmt_num(p['received'])}）"
                if p["carried"] is not None
                else ""
            )
            out.append(f"上年结转核对 {p['organ']} {p['prev_year']}→{p['year']}：{what}{nums}")
    return out


def apply_stream(
    results,
    settings_for: Callable,
    *,
    history: Sequence[str] = (),
    aliases=None,
    jobs: int = 1,
    stats: Optional[dict] = None,
):
    """:func:`apply` for results that come one by one (``gxlint check`` writes its report file by
    file): the results are spooled to a temporary file as they come (only their small index
    entries stay in memory), the cross-report findings are worked out once all are in, and the
    results are then given back in the same order with theirs added."""
    import pickle
    import tempfile

    from .. import baseline
    from ..diagnostics import Diagnostic
    from ..engine import pack, run_index_rules, unpack

    checked: dict[str, Entry] = {}
    e: Optional[Entry]
    with tempfile.TemporaryFile() as spool:
        n = 0
        for r in results:
            d = r.meta.get("across") if isinstance(r.meta, dict) else None
            if d and r.path:
                checked[r.path] = Entry.from_dict(d)
            pickle.dump(pack(r), spool, protocol=pickle.HIGHEST_PROTOCOL)
            n += 1
        hist = _not_checked(history, checked)
        index = build(hist, jobs=jobs, aliases=aliases, stats=stats) if hist else Index(aliases=aliases)
        for e in checked.values():
            index.add(e)
        pairs = []
        for e in checked.values():
            prev = index.previous(e) if e.organ else None
            if prev is not None:
                pairs.append(carry_over_pair(prev, e))
        if stats is not None:
            stats["pairs"] = sorted(pairs, key=lambda p: (p["organ"], p["year"]))
        spool.seek(0)
        for _ in range(n):
            r = unpack(pickle.load(spool))
            e = checked.get(r.path) if r.path else None
            if e is not None and asks(e, index):
                new = run_index_rules(e, index, settings_for(r.path), r.path)
                if new:
                    r.diagnostics.extend(new)
                    r.diagnostics.sort(key=Diagnostic.sort_key)
                    baseline.annotate(r)
            yield r
