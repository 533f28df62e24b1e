"""Run the preview with the small demo app (tests/preview/demo_app.py), for the browser test of
the page's wiring. `python tests/preview/run_demo.py PORT`."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.config import Settings
from bot.preview.server import Preview
from tests.preview.demo_app import build_demo_app, demo_digest


def main() -> None:
    port = int(sys.argv[1])
    with Preview(Settings(), port=port, app_factory=build_demo_app, digest_runner=demo_digest) as p:
        print(f"Preview: {p.url}", flush=True)
        stopping = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopping.set())
        with contextlib.suppress(KeyboardInterrupt):
            stopping.wait()


if __name__ == "__main__":
    main()
