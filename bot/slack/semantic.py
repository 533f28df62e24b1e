"""Sentence vectors for ranking answers: a question also finds points about the same thing in
other words ("how did investors react" → "Chip stocks fell sharply and the Nasdaq lost 3%").

    embed = embedder()             # None when the model cannot load: ranking stays lexical
    vectors = embed(["…", "…"])    # float32, one unit-length row per text

The model is wordllama's 256-dimension static embeddings (averaged token vectors), which ship
inside its wheel: nothing is downloaded, and 2 cores embed about 9,000 sentences a second.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

Vectors = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Vectors]


@lru_cache(maxsize=1)
def embedder() -> Embedder | None:
    """The sentence embedder, loaded once per process; None (logged once) when it cannot be."""
    # one thread: in a web server, the tokenizer's idle thread pool spins and costs every
    # later request CPU (a cached reply ran at 0.3x the bare app's rate); one is also faster
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import wordllama

        model = wordllama.WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True
        )
    except Exception as exc:  # a broken install must not break replies: rank lexically
        log.warning(
            "answers rank by words only: sentence vectors did not load (%s); "
            "reinstall with `pip install -e .`",
            type(exc).__name__,
        )
        return None

    def embed(texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.asarray(model.embed(list(texts), norm=True), dtype=np.float32)

    return embed
