"""Zip packages of XML parts (.docx, OFD) read within bounds.

A package's members are unpacked one by one, each with a limit on its size (a lying header cannot
make the reader inflate more), on the inflation ratio and on the total, and parsed by lxml with no
entities, no network and libxml2's default depth limit.  What goes wrong — a damaged or truncated
zip, an encrypted member, a zip bomb, a part that is not XML — raises
:class:`gxlint.io.DecodeError` with the message id the format gives for it (GX002).
"""

from __future__ import annotations

import io
import zipfile
from typing import Optional

from ..io import DecodeError

MAX_PART = 24 * 1024 * 1024  # uncompressed size of one XML part (a long report: a few MB)
MAX_TOTAL = 64 * 1024 * 1024  # all the parts read
MAX_RATIO = 300  # uncompressed/compressed beyond this (and > 4 MB) is a bomb


def open_zip(data: bytes, damaged: str) -> zipfile.ZipFile:
    """The zip of ``data``; ``damaged`` is the message id when it is not a whole zip."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DecodeError(damaged, reason="不是完整的 ZIP 包，文件可能已截断或损坏") from None
    except Exception as exc:  # zipfile raises assorted errors on hostile headers
        raise DecodeError(damaged, reason=f"{type(exc).__name__}") from None


class Parts:
    """The members of an open zip, read within bounds.  ``bomb``, ``damaged`` and ``encrypted``
    are the format's message ids (the bomb's takes ``part``, the damaged one ``reason``)."""

    bomb = "zip_bomb"
    damaged = "damaged_docx"
    encrypted = "encrypted_docx"

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.total = 0
        self.names = {i.filename: i for i in zf.infolist()}

    def raw(self, name: str, limit: int = MAX_PART) -> Optional[bytes]:
        """The member's bytes (None: there is no such member)."""
        info = self.names.get(name)
        if info is None:
            return None
        if info.file_size > limit or (
            info.file_size > 4 * 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size)
        ):
            raise DecodeError(self.bomb, part=name)
        try:
            with self.zf.open(info) as fh:
                out = fh.read(limit + 1)  # a lying header cannot make us read more
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            if "encrypted" in str(exc).lower():
                raise DecodeError(self.encrypted) from None
            raise DecodeError(self.damaged, reason=f"{name}: {short(exc)}") from None
        except Exception as exc:  # zlib.error and friends
            raise DecodeError(self.damaged, reason=f"{name}: {short(exc)}") from None
        if len(out) > limit:
            raise DecodeError(self.bomb, part=name)
        self.total += len(out)
        if self.total > MAX_TOTAL:
            raise DecodeError(self.bomb, part=name)
        return out

    def prepare(self, data: bytes) -> bytes:
        """A part's bytes before they are parsed (a format may rewrite namespaces here)."""
        return data

    def xml(self, name: str):
        """The member parsed as XML (None: there is no such member)."""
        data = self.raw(name)
        if data is None:
            return None
        from lxml import etree

        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
        )
        try:
            return etree.fromstring(self.prepare(data), parser)
        except etree.XMLSyntaxError as exc:
            raise DecodeError(self.damaged, reason=f"{name}: {short(exc)}") from None


def short(exc: BaseException) -> str:
    s = str(exc) or type(exc).__name__
    return s if len(s) <= 120 else s[:117] + "…"
