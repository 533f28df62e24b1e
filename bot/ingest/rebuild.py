"""Run `deepseek-bot build` (the builder's own command) and say which briefings changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import click

from bot.ingest.errors import IngestError


def _snapshot(out_dir: Path) -> dict[str, str]:
    if not out_dir.is_dir():
        return {}
    return {
        p.relative_to(out_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in out_dir.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def rebuild(seeds_dir: Path, out_dir: Path) -> list[str]:
    """Build briefings from seeds_dir into out_dir; return the changed Markdown briefings,
    e.g. ["articles/new-id.md (new)", "overview.md", "topics/training-cost.md"]."""
    from bot.builder.cli import build

    before = _snapshot(out_dir)
    try:
        build.main(
            ["--seeds", str(seeds_dir), "--out", str(out_dir), "--quiet"],
            prog_name="deepseek-bot build",
            standalone_mode=False,
        )
    except click.ClickException as exc:
        raise IngestError(f"build failed: {exc.format_message()}") from None
    after = _snapshot(out_dir)
    changed: list[str] = []
    for rel in sorted(set(before) | set(after)):
        if not rel.endswith(".md") or before.get(rel) == after.get(rel):
            continue
        note = " (new)" if rel not in before else " (removed)" if rel not in after else ""
        changed.append(rel + note)
    return changed
