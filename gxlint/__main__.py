"""``python -m gxlint``.

``python -m`` puts the working directory first on ``sys.path`` (unless ``-P`` / PYTHONSAFEPATH):
run in a folder being checked, that folder's ``regex.py`` or ``lxml/`` would be imported instead
of the installed ones, and its ``*.dist-info`` would register rule packs.  The entry is dropped
before anything else is imported (gxlint itself is already imported, and its modules are found
through its package path), and the processes gxlint starts inherit PYTHONSAFEPATH.
"""

import os
import sys


def _drop_working_directory() -> None:
    if sys.flags.safe_path if hasattr(sys.flags, "safe_path") else False:
        return
    try:
        here = os.path.realpath(os.getcwd())
    except OSError:
        here = None
    if sys.path and (sys.path[0] in ("", ".") or (here is not None and os.path.realpath(sys.path[0]) == here)):
        del sys.path[0]
    os.environ["PYTHONSAFEPATH"] = "1"


_drop_working_directory()

from .cli import main  # noqa: E402

raise SystemExit(main())
