"""`python -m bot.preview [--port N]`: the local preview, without going through `serve`."""

from __future__ import annotations

import argparse

from bot.config import Settings
from bot.preview.server import run


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.preview", description=__doc__)
    parser.add_argument("--port", type=int, default=None, help="default: PORT, else 3000")
    args = parser.parse_args()
    run(Settings(), args.port)


if __name__ == "__main__":
    main()
