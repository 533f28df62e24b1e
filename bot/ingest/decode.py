"""Bytes to text: what kind of document this is, and which charset it declares. Pure."""

from __future__ import annotations

import codecs
import re
from typing import Literal

from bot.ingest.errors import IngestError

Kind = Literal["html", "text"]

_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF8", "an image (GIF)"),
    (b"RIFF", "an image or media file"),
    (b"PK\x03\x04", "a ZIP or Office document"),
)
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_REFUSE_HINT = "save the article's text to a .txt file and add that with --title"


def kind_of(data: bytes, media_type: str, name: str, shown: str) -> Kind:
    """'html' or 'text'; IngestError for a PDF, an image or any other non-text document.

    `media_type` is the HTTP Content-Type ("" for files), `name` the file or URL path."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise IngestError(f"{shown}: is {what}, not a web page; {_REFUSE_HINT}")
    if media_type == "application/pdf":
        raise IngestError(f"{shown}: is a PDF, not a web page; {_REFUSE_HINT}")
    if media_type.startswith(("image/", "video/", "audio/")):
        raise IngestError(f"{shown}: is {media_type}, not a web page; {_REFUSE_HINT}")
    if media_type in ("text/html", "application/xhtml+xml"):
        return "html"
    lower = name.lower().split("?", 1)[0]
    if not media_type and lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if _HTML_START.match(data[:4096]):
        return "html"
    if media_type in ("", "text/plain"):
        if b"\x00" in data[:4096]:
            raise IngestError(f"{shown}: is a binary file, not a web page or text; {_REFUSE_HINT}")
        return "text"
    raise IngestError(f"{shown}: is {media_type}, not a web page; {_REFUSE_HINT}")


def declared_charset(data: bytes, header: str | None) -> str | None:
    """The charset the HTTP header or the page's <meta> declares, else None."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if header:
        return header
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def decode_html(data: bytes, header_charset: str | None, shown: str) -> str:
    """Decode a page by the charset it declares; UTF-8, then windows-1252 when it declares none."""
    charset = declared_charset(data, header_charset)
    if charset is None:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("windows-1252", errors="replace")  # the HTML default
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise IngestError(
            f"{shown}: declares charset {charset!r}, which is unknown; save it as UTF-8 and add the file"
        ) from None
    return data.decode(codec.name, errors="replace").removeprefix("\ufeff")


def decode_text(data: bytes, shown: str) -> str:
    """A .txt file or standard input must be UTF-8."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{shown}: not UTF-8 (bad byte at offset {exc.start}); re-save it as UTF-8"
        ) from None
