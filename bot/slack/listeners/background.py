"""Run slow work after the ack.

The app runs listeners with `process_before_response=True`: Bolt answers Slack as soon as the
listener returns, with whatever it passed to ack(). Listeners ack first (no I/O before), then
hand any Web API or response_url work to `later()`, which runs it on the app's background
executor (`context["background"]`), or inline when there is none (direct calls in tests).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any

log = logging.getLogger(__name__)


def later(context: Any, fn: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    executor: Executor | None = context.get("background") if context is not None else None

    def run() -> None:
        try:
            fn(*args, **kwargs)
        except Exception:
            log.exception("background work %s failed", getattr(fn, "__name__", fn))

    if executor is None:
        run()
    else:
        executor.submit(run)
