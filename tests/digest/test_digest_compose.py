"""Digest content: what's new, spotlight rotation, Block Kit validity, escaping. Pure."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from digest_helpers import FIXTURE_BRIEFINGS, make_content
from slack_sdk.models.blocks import Block

from bot.digest.compose import (
    ACTION_OPEN_BRIEF,
    ArticleLine,
    DigestContent,
    TopicCard,
    compose,
    pick_spotlight,
)
from bot.digest.content import ContentError, load_content

DAY = date(2025, 3, 10)


def valid(blocks: list[dict[str, Any]]) -> None:
    assert len(blocks) <= 50
    for b in blocks:
        parsed = Block.parse(b)
        assert parsed is not None
        parsed.to_dict()  # raises SlackObjectFormationError on a malformed block


def texts(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")


def test_first_digest() -> None:
    d = compose(make_content(), day=DAY, previous_ids=None)
    assert d is not None and d.first
    valid(d.blocks)
    assert d.blocks[0]["text"]["text"] == "DeepSeek digest · Mon 10 Mar 2025"
    assert "Latest coverage* (3 articles on file)" in texts(d.blocks)
    assert d.spotlight == "topic-0"
    assert d.text.startswith("DeepSeek digest for Mon 10 Mar 2025: 3 articles; spotlight: Topic 0")
    assert d.thread_blocks is not None
    valid(d.thread_blocks)


def test_only_new_articles_listed() -> None:
    d = compose(make_content(5), day=DAY, previous_ids=frozenset({"a0", "a1", "a2"}))
    assert d is not None and d.new_ids == ("a4", "a3")  # newest first
    body = d.blocks[1]["text"]["text"]
    assert "New since the last digest* (2)" in body
    assert "Article 0" not in body
    assert d.article_ids == ("a0", "a1", "a2", "a3", "a4")


def test_nothing_new_spotlight_only_or_skip() -> None:
    content = make_content(3)
    prev = frozenset({"a0", "a1", "a2"})
    d = compose(content, day=DAY, previous_ids=prev, on_empty="spotlight")
    assert d is not None and d.new_ids == ()
    assert "Nothing new since the last digest" in texts(d.blocks)
    assert compose(content, day=DAY, previous_ids=prev, on_empty="skip") is None


def test_spotlight_never_repeats_until_all_shown() -> None:
    topics = ["a", "b", "c", "d"]
    history: list[str] = []
    for _ in range(12):
        history.append(pick_spotlight(topics, history) or "")
    for start in range(0, 12, 4):
        assert sorted(history[start : start + 4]) == topics
    assert all(x != y for x, y in itertools.pairwise(history))


def test_spotlight_with_topics_added_and_removed() -> None:
    assert pick_spotlight(["a", "b", "c"], ["a", "gone"]) == "b"
    assert pick_spotlight(["a", "b", "c"], ["a", "b", "c"]) == "a"
    # After a full round, the last one shown is not repeated straight away.
    assert pick_spotlight(["a", "b"], ["a", "b"]) == "a"
    assert pick_spotlight(["a"], ["a", "a"]) == "a"
    assert pick_spotlight([], ["a"]) is None


def test_long_lists_go_to_the_thread_and_fit_limits() -> None:
    content = make_content(120, 3)
    d = compose(content, day=DAY, previous_ids=frozenset())
    assert d is not None
    valid(d.blocks)
    assert "…and 112 more in the thread" in texts(d.blocks)
    assert d.thread_blocks is not None
    valid(d.thread_blocks)
    assert all(len(b["text"]["text"]) <= 3000 for b in d.thread_blocks)
    assert sum(len(b["text"]["text"]) for b in d.thread_blocks) <= 10_100
    assert sum(len(b["text"]["text"]) for b in d.blocks if b["type"] == "section") <= 4000


def test_user_and_article_text_is_escaped() -> None:
    content = DigestContent(
        (TopicCard("t", "Topic <!here>", "desc <@U123>", ("Point & <!channel> [1]",)),),
        (ArticleLine("x", "Title <!everyone>", "Pub <b>", "https://e.com/a|b"),),
    )
    d = compose(content, day=DAY, previous_ids=None)
    assert d is not None
    raw = json.dumps(d.blocks) + json.dumps(d.thread_blocks)
    for bad in ("<!here>", "<!channel>", "<!everyone>", "<@U123>", "<b>"):
        assert bad not in raw
    assert "https://e.com/a|b" not in raw  # a link with | would break the mrkdwn link


def test_buttons_use_the_slack_apps_action_ids() -> None:
    d = compose(make_content(), day=DAY, previous_ids=None)
    assert d is not None
    actions = next(b for b in d.blocks if b["type"] == "actions")
    assert [e["action_id"] for e in actions["elements"]] == [
        ACTION_OPEN_BRIEF,
        "show_sources:digest",
    ]
    assert {e["value"] for e in actions["elements"]} == {"topic-0"}


def test_content_from_fixture_briefings() -> None:
    content = load_content(FIXTURE_BRIEFINGS)
    assert [t.id for t in content.topics] == ["training-cost", "distillation", "company-founder"]
    assert content.topics[0].points and content.topics[0].sources
    d = compose(content, day=DAY, previous_ids=None)
    assert d is not None
    valid(d.blocks)
    assert d.thread_blocks is not None
    valid(d.thread_blocks)
    spotlight = next(b for b in d.blocks if "Spotlight:" in b.get("text", {}).get("text", ""))
    assert "[1]" in spotlight["text"]["text"]  # every point keeps its citation...
    assert "1. " in texts(d.thread_blocks)  # ...and the thread's numbered sources resolve it


def test_missing_briefings(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="deepseek-bot build"):
        load_content(tmp_path)


def test_a_clipped_point_keeps_its_citations() -> None:
    long_point = "DeepSeek " + "said a great deal " * 40 + "about costs. [2] [5]"
    topic = TopicCard("t", "Topic", "", (long_point,), ("a", "b", "c", "d", "e"))
    articles = tuple(ArticleLine(i, f"Article {i}", published=date(2025, 1, 9)) for i in "abcde")
    d = compose(DigestContent((topic,), articles), day=DAY, previous_ids=None)
    assert d is not None
    spotlight = next(b for b in d.blocks if "Spotlight:" in b.get("text", {}).get("text", ""))
    line = next(x for x in spotlight["text"]["text"].splitlines() if x.startswith("• DeepSeek"))
    # the list above is newest first, then by title descending: e, d, c, b, a -> b is 4, e is 1
    assert line.endswith("… [1] [4]") and len(line) < 420


@pytest.mark.parametrize("previous", [None, frozenset(), frozenset({"a0", "a2"})])
def test_spotlight_markers_number_the_articles_listed_above_them(
    previous: frozenset[str] | None,
) -> None:
    articles = tuple(
        ArticleLine(f"a{i}", f"Article {i}", published=date(2025, 1, 1 + i)) for i in range(6)
    )
    # the brief numbers its sources in its own order: [1] = a2, [2] = a0, [3] = a5, [4] = a1
    topic = TopicCard(
        "t", "Topic", "", ("One. [1]", "Two. [2] [3]", "Three. [4] [1]"), ("a2", "a0", "a5", "a1")
    )
    d = compose(DigestContent((topic,), articles), day=DAY, previous_ids=previous)
    assert d is not None
    text = texts(d.blocks)
    numbered = dict(re.findall(r"^(\d+)\. \*?(Article \d)", text, re.MULTILINE))
    cited = {"One.": ["a2"], "Two.": ["a0", "a5"], "Three.": ["a1", "a2"]}
    for sentence, ids in cited.items():
        line = next(x for x in text.splitlines() if x.startswith(f"• {sentence}"))
        marks = re.findall(r"\[(\d+)\]", line)
        assert sorted(numbered[m] for m in marks) == sorted(f"Article {i[1]}" for i in ids), line
    # the list above comes first: its numbers are 1..k in the order shown
    assert list(numbered)[: len(d.new_ids[:5])] == [
        str(i) for i in range(1, len(d.new_ids[:5]) + 1)
    ]
