"""A build killed at any point of writing briefings/ is finished or undone by the next one.

Each case runs `write_atomic` in a real process that SIGKILLs itself at one point of the
write and swap, checks what it left on disk, then recovers as the next build does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.builder.cli import build
from bot.builder.writer import recover, write_atomic

ROOT = Path(__file__).resolve().parents[2]
OLD = {"overview.md": b"old overview", "only-old.md": b"gone after the build"}
NEW = {f"topics/t{i}.md": f"new {i}".encode() for i in range(20)} | {"overview.md": b"new"}

CHILD = r"""
import os, shutil, signal, sys
from pathlib import Path
import bot.builder.writer as w

out, point, exchange = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
files = {f"topics/t{i}.md": f"new {i}".encode() for i in range(20)} | {"overview.md": b"new"}

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

if point == "writing":  # half the files written
    real_write = Path.write_bytes
    written = []
    def write_bytes(self, data):
        written.append(self)
        if len(written) == 10:
            die()
        return real_write(self, data)
    Path.write_bytes = write_bytes
elif point == "before-swap":
    w._exchange = die
    w._swap_by_renames = die
elif point == "between-renames":  # out moved aside, new folder not yet in place
    real_rename = os.rename
    renames = []
    def rename(a, b):
        renames.append(a)
        if len(renames) == 2:
            die()
        return real_rename(a, b)
    w.os.rename = rename
elif point == "after-swap":  # swapped, previous folder not yet removed
    w.shutil.rmtree = die
elif point == "removing-old":  # killed half-way through removing the previous folder
    def rmtree(path, ignore_errors=False):
        victim = next(p for p in Path(path).rglob("*") if p.is_file())
        victim.unlink()
        die()
    w.shutil.rmtree = rmtree
w.write_atomic(out, files, exchange=exchange)
"""

CASES = [
    ("writing", True),
    ("writing", False),
    ("before-swap", True),
    ("before-swap", False),
    ("between-renames", False),
    ("after-swap", True),
    ("after-swap", False),
    ("removing-old", True),
    ("removing-old", False),
]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def temp_folders(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".out-"))


def killed_at(tmp_path: Path, point: str, exchange: bool) -> Path:
    out = tmp_path / "out"
    write_atomic(out, OLD)
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(out), point, "1" if exchange else "0"],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert temp_folders(tmp_path), "the kill left nothing to recover: the case tests nothing"
    return out


@pytest.mark.parametrize(("point", "exchange"), CASES)
def test_next_build_finishes_after_a_kill(tmp_path: Path, point: str, exchange: bool) -> None:
    out = killed_at(tmp_path, point, exchange)
    if point == "between-renames":
        assert not out.exists()  # the state the next build must repair
    write_atomic(out, NEW)
    assert tree(out) == NEW
    assert temp_folders(tmp_path) == []


@pytest.mark.parametrize(("point", "exchange"), CASES)
def test_recover_leaves_one_whole_briefings(tmp_path: Path, point: str, exchange: bool) -> None:
    out = killed_at(tmp_path, point, exchange)
    recover(out)
    assert tree(out) in (OLD, NEW)  # old or new, never a mix, never missing
    assert temp_folders(tmp_path) == []
    assert recover(out) is None  # nothing left to do


def test_failing_build_still_puts_briefings_back(seeds_copy: Path, tmp_path: Path) -> None:
    out = killed_at(tmp_path, "between-renames", False)
    (seeds_copy / "articles" / "bad.txt").write_bytes(b"")
    result = CliRunner().invoke(build, ["--seeds", str(seeds_copy), "--out", str(out)])
    assert result.exit_code == 1
    assert "put back the briefings an interrupted build had moved aside" in result.output
    assert "bad.txt" in result.output and "Traceback" not in result.output
    assert tree(out) == OLD
    assert temp_folders(tmp_path) == []


def test_temporary_folders_are_ignored_by_git() -> None:
    for name in (".briefings-new-abc123", ".briefings-old-abc123"):
        proc = subprocess.run(
            ["git", "check-ignore", "--no-index", "-q", f"{name}/x.md"], cwd=ROOT, check=False
        )
        assert proc.returncode == 0, f"{name} is not covered by .gitignore"


def test_exchange_path_is_used_on_linux(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 exists only on Linux")
    from bot.builder.writer import _exchange

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    assert _exchange(a, b) is True
    assert (b / "x").read_text() == "a" and not (a / "x").exists()
    assert os.path.isdir(a)
