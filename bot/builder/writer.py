"""Writing briefings/ atomically, and comparing a fresh build with what is on disk (--check).

A build writes every file into `.briefings-new-*` next to `briefings/`, then swaps the two
folders. On Linux the swap is one atomic `renameat2(RENAME_EXCHANGE)`; elsewhere it is two
renames (`briefings/` → `.briefings-old-*`, then the new folder → `briefings/`). A build
killed at any point leaves `briefings/` (old or new) or, between the two renames, the old
folder under `.briefings-old-*`: `recover()`, run at the start of every build, puts it back
and removes the leftovers.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _write_tree(root: Path, files: Mapping[str, bytes], previous: Path | None = None) -> None:
    """Write every file under root. A file identical to the one in `previous` (the briefings
    being replaced) is hard-linked instead: after adding one article, most files are."""
    made: set[Path] = set()
    for rel, data in sorted(files.items()):
        path = root / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        if previous is not None and _same(previous / rel, data):
            try:
                os.link(previous / rel, path)
                continue
            except OSError:
                pass  # another filesystem, or no links here: write it
        path.write_bytes(data)


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _leftovers(out: Path, kind: str) -> list[Path]:
    return sorted(p for p in out.parent.glob(f".{out.name}-{kind}-*") if p.is_dir())


def recover(out: Path) -> str | None:
    """Finish or undo a swap that a killed build left half-done, and remove its temporary
    folders. Returns a one-line note when `out` had to be put back, else None."""
    out = out.resolve()
    if not out.parent.is_dir():
        return None
    olds = _leftovers(out, "old")
    note = None
    if not out.exists() and olds:
        # Killed between the two renames: the previous briefings wait in an old-* folder.
        newest = max(olds, key=lambda p: p.stat().st_ctime)
        os.rename(newest, out)
        olds.remove(newest)
        note = f"{out}: put back the briefings an interrupted build had moved aside"
    for path in [*_leftovers(out, "new"), *olds]:
        shutil.rmtree(path, ignore_errors=True)
    return note


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2). False when the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap_by_renames(tmp: Path, out: Path) -> Path:
    """The portable swap: out → old, tmp → out (undone if the second rename fails)."""
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    os.rmdir(old)
    os.rename(out, old)
    try:
        os.rename(tmp, out)
    except OSError:
        os.rename(old, out)  # put the previous briefings back
        raise
    return old


def write_atomic(out: Path, files: Mapping[str, bytes], *, exchange: bool = True) -> None:
    """Write every file into a temporary folder next to `out`, then swap it in.
    If anything fails before the swap, `out` is untouched and the temporary folder is removed.
    `exchange=False` forces the two-rename swap (other systems; tests)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        _write_tree(tmp, files, out if out.is_dir() else None)
        os.chmod(tmp, 0o755)
        if not out.exists():
            os.rename(tmp, out)
        elif not (exchange and _exchange(tmp, out)):
            old = _swap_by_renames(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        # After an exchange, tmp holds the previous briefings: removed below.
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


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
