"""A reply payload as readable terminal text (for `deepseek-bot ask`). Pure.

payload_text({"blocks": [{"type": "header", "text": {"text": "Topics"}}]}) == "Topics\\n======"
"""

from __future__ import annotations

import re
from typing import Any

_LINK = re.compile(r"<([^<>|]+)\|([^<>]*)>")
_BARE = re.compile(r"<([^<>|]+)>")
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])")


def mrkdwn_text(text: str) -> str:
    """mrkdwn to plain text: links as `label (url)`, entities decoded, markers kept light."""

    def link(m: re.Match[str]) -> str:
        url, label = m.group(1), m.group(2)
        if re.fullmatch(r"\[\d+\]", label):  # a citation
            return label
        return f"{label} ({url})"

    text = _LINK.sub(link, text)
    text = _BARE.sub(lambda m: m.group(1), text)
    text = _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text(obj: Any) -> str:
    if isinstance(obj, dict):
        t = str(obj.get("text", ""))
        return mrkdwn_text(t) if obj.get("type") == "mrkdwn" else t
    return str(obj or "")


def block_text(block: dict[str, Any]) -> str:
    kind = block.get("type")
    if kind == "header":
        title = _text(block.get("text"))
        return f"{title}\n{'=' * min(len(title), 72)}"
    if kind == "section":
        parts = [_text(block.get("text"))] if block.get("text") else []
        parts += [_text(f) for f in block.get("fields") or []]
        acc = block.get("accessory")
        if isinstance(acc, dict) and acc.get("type") == "button":
            parts.append(f"[{_text(acc.get('text'))}]")
        return "\n".join(parts)
    if kind == "markdown":
        return str(block.get("text", ""))
    if kind == "context":
        return "\n".join(
            "  " + line for e in block.get("elements", []) for line in _text(e).split("\n")
        )
    if kind == "actions":
        return "  ".join(f"[{_text(e.get('text'))}]" for e in block.get("elements", []))
    if kind == "divider":
        return "-" * 40
    return f"({kind} block)"


def payload_text(payload: dict[str, Any]) -> str:
    blocks = payload.get("blocks") or []
    if not blocks:
        return mrkdwn_text(str(payload.get("text", "")))
    return "\n\n".join(t for t in (block_text(b) for b in blocks) if t.strip())
