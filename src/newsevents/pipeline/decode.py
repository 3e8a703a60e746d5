"""Bytes to text: UTF-8 (with or without a BOM), or UTF-16/UTF-32 that start with a BOM.

Windows tools save "Unicode" text as UTF-16 with a BOM; its many NUL bytes must not
make it look binary. UTF-16 without a BOM cannot be told from binary reliably, so it
is named as a likely cause in the reject when NULs alternate with text.
"""

import codecs
from dataclasses import dataclass

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class DecodeError:
    """Why bytes are not usable text, and where."""

    reason: str  # a REJECT_REASONS slug
    offset: int
    detail: str


def decode_text(data: bytes) -> str | DecodeError:
    """Decode the bytes of a text file; report the byte offset of the first problem.

    Line ends become "\\n". NUL bytes are never in a text article, so after decoding
    they mark a binary file even when they happen to be valid UTF-8.
    """
    bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", "utf-8"))
    if encoding == "utf-8" and b"\x00" in data:
        nul = data.index(b"\x00")
        if _looks_like_bomless_utf16(data):
            return DecodeError("utf-16", nul, "UTF-16 without a byte order mark")
        return DecodeError("binary-file", nul, "NUL byte")
    body = data[len(bom) :]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as err:
        offset = err.start + len(bom)
        if encoding.startswith("utf-16"):
            return DecodeError("utf-16", offset, "broken UTF-16 (an unpaired surrogate)")
        if encoding.startswith("utf-32"):
            return DecodeError("not-utf8", offset, "broken UTF-32 (not a code point)")
        return DecodeError("not-utf8", offset, f"byte 0x{data[offset]:02x} is not valid UTF-8")
    nul = text.find("\x00")
    if nul != -1:  # a NUL character encoded in UTF-16/32
        offset = len(bom) + len(text[:nul].encode(encoding))
        return DecodeError("binary-file", offset, "NUL character")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """Mostly ASCII text with a NUL in every other byte (UTF-16 LE or BE)."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    evens, odds = sample[0::2], sample[1::2]
    for zeros, chars in ((odds, evens), (evens, odds)):
        if zeros.count(0) >= 0.9 * len(zeros) and chars.count(0) <= 0.1 * len(chars):
            return True
    return False
