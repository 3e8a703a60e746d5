"""Bytes to text: UTF-8 with or without a BOM, nothing else."""

import codecs
from dataclasses import dataclass


@dataclass(frozen=True)
class DecodeError:
    """Why bytes are not usable text, and where."""

    reason: str  # a REJECT_REASONS slug
    offset: int
    detail: str


def decode_utf8(data: bytes) -> str | DecodeError:
    """Decode UTF-8 (a leading BOM is dropped); report the byte offset of the first problem.

    NUL bytes are never in a text article, so they mark a binary file even when
    they happen to be valid UTF-8.
    """
    nul = data.find(b"\x00")
    if nul != -1:
        return DecodeError("binary-file", nul, "NUL byte")
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + (len(data) - len(body))
        return DecodeError("not-utf8", offset, f"byte 0x{data[offset]:02x} is not valid UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")
