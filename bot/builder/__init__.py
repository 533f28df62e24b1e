"""The briefing builder: seeds/ → read → clean → split → topics → select → differ → render → briefings/."""

from __future__ import annotations

BUILDER_VERSION = "1.0.0"
