"""Across reports: one organ's reports of several years, read together (the GX7 rules).

- :mod:`gxlint.across.organ`: who wrote a report (the organ's name, normalised; renames from config);
- :mod:`gxlint.across.index`: the index of many reports (organ, year, the few cells and figures
  GX7 reads, with positions), cached on disk by content hash and gxlint's version;
- :func:`gxlint.engine.run_index_rules`: runs the rules' ``on_index`` hook for one report.
"""
from .index import Cache, Entry, Index, Ref, build, entry_from_document  # noqa: F401
