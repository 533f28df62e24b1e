"""Writing briefings/ atomically, and comparing a fresh build with what is on disk (--check)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


def _write_tree(root: Path, files: Mapping[str, bytes]) -> None:
    for rel, data in sorted(files.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def write_atomic(out: Path, files: Mapping[str, bytes]) -> None:
    """Write every file into a temporary folder next to `out`, then swap it in with renames.
    If anything fails before the swap, `out` is untouched and the temporary folder is removed."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    old: Path | None = None
    try:
        _write_tree(tmp, files)
        os.chmod(tmp, 0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            os.rmdir(old)
            os.rename(out, old)
        try:
            os.rename(tmp, out)
        except OSError:
            if old is not None:
                os.rename(old, out)  # put the previous briefings back
                old = None
            raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def differing(out: Path, files: Mapping[str, bytes]) -> list[str]:
    """Paths (relative to out) that are missing, changed or extra compared with a fresh build."""
    on_disk = (
        {
            p.relative_to(out).as_posix()
            for p in out.rglob("*")
            if p.is_file() and not p.name.startswith(".")
        }
        if out.is_dir()
        else set()
    )
    changed = [
        rel for rel, data in files.items() if rel not in on_disk or (out / rel).read_bytes() != data
    ]
    extra = [rel for rel in on_disk if rel not in files]
    return sorted(changed + extra)
