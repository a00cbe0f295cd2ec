"""Across reports: one organ's reports of several years, read together (the GX7 rules).

- :mod:`gxlint.across.organ`: who wrote a report (where the report names its organ, the name
  normalised, the places above it a shorter writing leaves out; renames from config);
- :mod:`gxlint.across.index`: the index of many reports (organ, year, the few cells and figures
  GX7 reads, with positions), cached on disk by content hash and gxlint's version;
- :mod:`gxlint.across.compare`: two years of one organ compared (cells, key figures, the text
  carried over; ``gxlint compare``, GX705, the editor's hover and lens), with its command-line
  (:mod:`~gxlint.across.compare_cli`) and HTML (:mod:`~gxlint.across.compare_html`) outputs;
- :func:`gxlint.engine.run_index_rules`: runs the rules' ``on_index`` hook for one report.
"""

from .index import Cache, Entry, Index, Ref, build, entry_from_document  # noqa: F401
