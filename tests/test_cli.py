"""The command line as a user meets it: every command has help with an example."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from bot.cli import COMMANDS, cli


def _all_commands() -> list[tuple[str, ...]]:
    """Every command path, e.g. ("digest", "run-due"), found by walking the real groups."""
    paths: list[tuple[str, ...]] = []
    ctx = click.Context(cli)

    def walk(group: click.Group, prefix: tuple[str, ...]) -> None:
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            assert command is not None, f"{name} is listed but cannot be loaded"
            paths.append((*prefix, name))
            if isinstance(command, click.Group):
                walk(command, (*prefix, name))

    walk(cli, ())
    return paths


def test_every_command_in_the_map_loads() -> None:
    assert set(COMMANDS) == {path[0] for path in _all_commands()}


@pytest.mark.parametrize("path", _all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="deepseek-bot")
    assert result.exit_code == 0, result.output
    assert f"Usage: deepseek-bot {' '.join(path)}" in result.output
    assert "Example" in result.output, f"`deepseek-bot {' '.join(path)} --help` shows no example"


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line]
    assert listed == sorted(COMMANDS)


def test_unknown_command_is_one_line_not_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "biuld"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "No such command 'biuld'" in result.stderr
