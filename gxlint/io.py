"""Reading report files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 as a fallback.

Binary, undecodable or over-size input raises :class:`DecodeError`, which the engine turns into a
GX002 diagnostic for that file (never a traceback).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from typing import Optional


class DecodeError(Exception):
    def __init__(self, message_id: str, **kwargs) -> None:
        super().__init__(message_id, kwargs)
        self.message_id = message_id
        self.kwargs = kwargs


@dataclass
class Decoded:
    text: str
    encoding: str  # utf-8, utf-8-sig, utf-16-le, utf-16-be, gb18030
    bom: bool
    newline: str  # the dominant line ending: \n, \r\n or \r
    certain: bool = True  # False: the encoding was guessed between close candidates — never fixed


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf and crlf >= lf and crlf >= cr:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    # many C0 control characters other than \t \n \r \f
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return len(sample) > 0 and ctrl / len(sample) > 0.05


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:8192]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x80 <= ord(ch) < 0xA0)
    return bad / len(sample)


def decode(data: bytes, *, max_bytes: Optional[int] = None) -> Decoded:
    if max_bytes is not None and len(data) > max_bytes:
        raise DecodeError("too_large", size=_mb(len(data)), limit=_mb(max_bytes))
    if data.lstrip(b"\r\n\t \x0c")[:5] == b"%PDF-":
        raise DecodeError("pdf")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _ok(data[3:].decode("utf-8"), "utf-8-sig", True)
        except UnicodeDecodeError as exc:
            raise DecodeError("undecodable", encoding="UTF-8", offset=exc.start + 3) from None
    for bom, bom_enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return _ok(data[2:].decode(bom_enc), bom_enc, True)
            except UnicodeDecodeError as exc:
                raise DecodeError("undecodable", encoding="UTF-16", offset=exc.start + 2) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is None and _looks_binary(data):
        raise DecodeError("binary")
    if utf16 is None:
        try:
            return _ok(data.decode("utf-8"), "utf-8", False)
        except UnicodeDecodeError as exc:
            utf8_error = exc.start
    else:
        utf8_error = 0
    enc, certain = (utf16, True) if utf16 else detect_encoding(data)
    if enc is None:
        raise DecodeError("undecodable", encoding="UTF-8/GB18030/Big5/UTF-16", offset=utf8_error)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise DecodeError("undecodable", encoding=enc.upper(), offset=exc.start) from None
    if _control_ratio(text) > 0.02:
        raise DecodeError("undecodable", encoding="UTF-8/GB18030/Big5/UTF-16", offset=utf8_error)
    out = _ok(text, enc, False)
    out.certain = certain
    return out


# what a reviewer meets besides UTF-8 (tried first, strictly) and UTF-16 (told by its NULs): the
# detector chooses between these
CJK_ENCODINGS = ("gb18030", "big5hkscs")


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """ "utf-16-le"/"utf-16-be" when the NULs fall on one side of the byte pairs, as in UTF-16
    text with ASCII digits and line breaks (and no BOM); None otherwise."""
    sample = data[:8192]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 2 and odd > 8 * even and odd >= len(sample) // 50:
        return "utf-16-le"
    if even >= 2 and even > 8 * odd and even >= len(sample) // 50:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> tuple[Optional[str], bool]:
    """(encoding, certain) of bytes that are not UTF-8, by charset-normalizer among
    :data:`CJK_ENCODINGS` (GB18030 takes GBK and GB2312; Big5-HKSCS takes Big5; UTF-16 without a
    BOM is told by :func:`_utf16_without_bom` before): the one whose
    decoding reads as language rather than noise.  ``certain`` is False when the decoding is
    noisy or a second candidate comes close: the text is checked, but ``--fix`` writes nothing
    back into it (a Big5 report rewritten as GB18030 would no longer be Big5)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency; the old rule: GB18030 when it decodes
        try:
            data.decode("gb18030")
            return "gb18030", False
        except UnicodeDecodeError:
            return None, False
    sample = data if len(data) <= 1 << 20 else data[: 1 << 20]
    results = list(from_bytes(sample, cp_isolation=list(CJK_ENCODINGS), explain=False))
    if not results:
        return None, False
    best = results[0]
    certain = best.chaos <= 0.1 and all(r.chaos - best.chaos >= 0.1 for r in results[1:] if r is not best)
    return best.encoding, certain


_BLOCK = 8192
# C0 control characters a text report never holds (tab, line feed, vertical tab, form feed and
# carriage return aside); and the C1 controls
_CONTROL = "".join(chr(c) for c in range(32) if c not in (9, 10, 11, 12, 13)) + "".join(
    chr(c) for c in range(0x7F, 0xA0)
)
_DROP_CONTROL = str.maketrans("", "", _CONTROL)
_CONTROL_RE = re.compile("[" + re.escape(_CONTROL) + "]")


def _binary_tail(text: str) -> Optional[int]:
    """Where binary data starts after the first block (which :func:`_looks_binary` and the NUL
    test of :func:`_ok` judge): a NUL anywhere, or a block of 8 KB with more than 5 % control
    characters (a report with a binary attachment or a damaged tail).  The code-point offset of
    that block, or None."""
    if len(text) <= _BLOCK:
        return None
    nul = text.find("\x00", _BLOCK)
    if nul >= 0:
        return nul
    for a in range(_BLOCK, len(text), _BLOCK):
        block = text[a : a + _BLOCK]
        bad = len(block) - len(block.translate(_DROP_CONTROL))
        if bad and bad / len(block) > 0.05:
            m = _CONTROL_RE.search(block)
            return a + (m.start() if m else 0)
    return None


def _ok(text: str, enc: str, bom: bool) -> Decoded:
    if "\x00" in text[:_BLOCK]:
        raise DecodeError("binary")
    at = _binary_tail(text)
    if at is not None:
        line = text.count("\n", 0, at) + 1
        raise DecodeError("binary_at", line=line)
    if not text.strip():
        raise DecodeError("empty")
    return Decoded(text, enc, bom, _newline(text))


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def read_limited(fh, max_bytes: Optional[int]) -> bytes:
    """Read a stream (a pipe, a FIFO, a device, standard input) to its end, but never more than
    ``max_bytes`` (+1 to tell that there was more): ``/dev/zero`` must not exhaust memory."""
    if max_bytes is None:
        return fh.read()
    chunks = []
    got = 0
    while got <= max_bytes:
        chunk = fh.read(min(1 << 20, max_bytes + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise DecodeError("too_large", size=f"> {_mb(max_bytes)}", limit=_mb(max_bytes))
    return data


# a .docx is a zip package: its images do not count against max-bytes, its text does (the reader
# limits the parts it unpacks and measures the text); the package itself may be this many times larger
PACKAGE_FACTOR = 16
ZIP_HEADS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def package_limit(max_bytes: int) -> int:
    return max_bytes * PACKAGE_FACTOR


def read_bytes(path: str, *, max_bytes: Optional[int] = None) -> bytes:
    """A file's bytes.  A regular file over ``max_bytes`` is refused by its size; anything else
    (a FIFO, a device, a pipe) is read with that limit; a FIFO with no writer reads as empty
    instead of blocking."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory")
        if stat.S_ISREG(st.st_mode):
            with open(path, "rb") as fh:
                if (
                    max_bytes is not None
                    and st.st_size > max_bytes
                    and not (st.st_size <= package_limit(max_bytes) and fh.read(4) in ZIP_HEADS)
                ):
                    raise DecodeError("too_large", size=_mb(st.st_size), limit=_mb(max_bytes))
                fh.seek(0)
                return fh.read()
        if stat.S_ISFIFO(st.st_mode):
            # O_NONBLOCK: open() does not wait for a writer; then block on reads as usual
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
            os.set_blocking(fd, True)
            with os.fdopen(fd, "rb") as fh:
                return read_limited(fh, max_bytes if max_bytes is not None else 20 * 1024 * 1024)
        if stat.S_ISSOCK(st.st_mode):
            raise DecodeError("unreadable", error="是套接字，不是文件 (a socket, not a file)")
        with open(path, "rb") as fh:  # a device: never read without a limit
            return read_limited(fh, max_bytes if max_bytes is not None else 20 * 1024 * 1024)
    except DecodeError:
        raise
    except IsADirectoryError:
        raise DecodeError("unreadable", error="是目录 (is a directory)") from None
    except OSError as exc:
        raise DecodeError("unreadable", error=exc.strerror or str(exc)) from None


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """Bytes of a text in the encoding it was read with (for --fix)."""
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if encoding == "utf-16-le":
        return (codecs.BOM_UTF16_LE if bom else b"") + text.encode("utf-16-le")
    if encoding == "utf-16-be":
        return (codecs.BOM_UTF16_BE if bom else b"") + text.encode("utf-16-be")
    return text.encode(encoding)
