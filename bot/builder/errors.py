"""Errors the build reports as one line, never a traceback."""

from __future__ import annotations


class BuildError(Exception):
    """A problem with the input, with the file it concerns and how to fix it."""
