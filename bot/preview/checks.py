"""What Slack would refuse: the preview shows a message anyway, with a note saying why.

Slack answers `invalid_blocks` when a block is malformed or over a limit. slack_sdk's block
models check the per-block limits when `to_dict()` runs; the message-level limits (50 blocks,
100 on a surface, 12,000 characters of markdown) are checked here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block

MAX_MESSAGE_BLOCKS = 50
MAX_SURFACE_BLOCKS = 100
MAX_MARKDOWN_CHARS = 12_000


def block_problems(blocks: object, *, surface: bool = False) -> list[str]:
    """Why Slack would refuse these blocks; empty when it would take them."""
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        return ["blocks is not a list"]
    problems: list[str] = []
    limit = MAX_SURFACE_BLOCKS if surface else MAX_MESSAGE_BLOCKS
    if len(blocks) > limit:
        problems.append(f"{len(blocks)} blocks; Slack allows {limit}")
    markdown = 0
    for i, raw in enumerate(blocks):
        if not isinstance(raw, Mapping):
            problems.append(f"block {i} is not an object")
            continue
        kind = raw.get("type")
        if kind == "markdown":
            markdown += len(str(raw.get("text", "")))
        try:
            parsed = Block.parse(dict(raw))
            if parsed is None:
                problems.append(f"block {i}: unknown type {kind!r}")
            else:
                parsed.to_dict()
        except (SlackObjectFormationError, KeyError, TypeError, ValueError, AttributeError) as e:
            problems.append(f"block {i} ({kind}): {e}")
    if markdown > MAX_MARKDOWN_CHARS:
        problems.append(
            f"{markdown} characters in markdown blocks; Slack allows {MAX_MARKDOWN_CHARS}"
        )
    return problems


def message_problems(payload: Mapping[str, Any], *, surface: bool = False) -> list[str]:
    problems = block_problems(payload.get("blocks"), surface=surface)
    if payload.get("blocks") and not payload.get("text") and not surface:
        # Slack takes it, but notifications and screen readers get nothing.
        problems.append("no `text` fallback (notifications and screen readers show nothing)")
    return problems
