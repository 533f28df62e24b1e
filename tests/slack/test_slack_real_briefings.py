"""The app against the committed briefings/ (the builder's real output)."""

from __future__ import annotations

from pathlib import Path

import pytest
from slack_checks import check_payload, no_unescaped_mentions

from bot.library import Library
from bot.slack import blocks
from bot.slack.router import Context, default_router
from bot.slack.search import find_topic

BRIEFINGS = Path(__file__).resolve().parents[2] / "briefings"

pytestmark = pytest.mark.skipif(
    not (BRIEFINGS / "index.json").exists(), reason="briefings/ not built yet (deepseek-bot build)"
)


@pytest.fixture(scope="module")
def real() -> Library:
    return Library.load(BRIEFINGS)


@pytest.mark.parametrize(
    ("query", "topic"),
    [
        ("who is behind deepseek", "company-founder"),
        ("how did they train it so cheaply", "training-cost"),
        ("distilation", "distillation"),
        ("chips", "chips-export-controls"),
        ("nvidia stock", "market-reaction"),
        ("open weights", "open-source"),
        ("what did trump say", "washington-response"),
    ],
)
def test_issue_queries(real: Library, query: str, topic: str) -> None:
    if real.topic(topic) is None:
        pytest.skip(f"no topic {topic} in this build")
    result = find_topic(real, query)
    assert result.confident and result.best == topic, result


def test_every_brief_article_and_listing_is_valid(real: Library) -> None:
    payloads = [blocks.brief_message(real.overview, real), blocks.topics_message(real)]
    payloads += [
        blocks.sources_message(real, start) for start in range(1, len(real.articles) + 1, 15)
    ]
    for topic in real.topics:
        brief = real.brief(topic.id)
        assert brief.points, f"{topic.id} has no points"
        assert all(0 < n <= len(brief.sources) for p in brief.points for n in p.citations)
        payloads += [blocks.brief_message(brief, real), blocks.brief_sources_message(brief, real)]
    for n, art in enumerate(real.articles, 1):
        payloads.append(blocks.article_message(n, art, real.article_brief(art.id), real))
    for payload in payloads:
        check_payload(payload)
        no_unescaped_mentions(payload)
    home = blocks.home_view(real)
    check_payload({"text": "home", "blocks": home["blocks"]}, max_blocks=100, max_chars=None)


def test_overview_opens_every_topic(real: Library) -> None:
    router = default_router()
    reply = router.dispatch("brief", Context(library=real, router=router))
    ids = {e["action_id"] for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert {f"open_topic:{t.id}" for t in real.topics} <= ids
