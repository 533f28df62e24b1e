"""A hostile seed article and topic, built with the real builder, through every Slack surface.

The article's title, publisher and sentences and the topic's title and description carry
`@here`, `@channel`, `@everyone`, `<!channel>`, `<!everyone>`, `<@U…>` and `<#C…>`. Every
surface (briefs, sources, topics, help, shared briefs, modals, App Home, the digest and its
thread with their fallback `text`, the digest preview, and the local preview) must show them
as text and never as a live mention. A second build swaps the article's URL for a
`javascript:` one behind the builder's back: no surface may render it as a link.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from slack_checks import no_unescaped_mentions, strings

from bot.builder.pipeline import build
from bot.builder.readers import read_seeds
from bot.builder.writer import write_atomic
from bot.config import Settings
from bot.digest.commands import Who, digest_reply
from bot.digest.compose import compose
from bot.digest.content import content_from_library
from bot.digest.deliver import open_store
from bot.digest.home import digest_section
from bot.digest.schedule import Schedule
from bot.library import Library
from bot.slack import blocks
from bot.slack.listeners.actions.share import shared_reply
from bot.slack.router import Context, default_router

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_URL = "https://evil.example/a?b=1&c=2"
ARTICLE = f"""+++
id = "hostile-article"
title = "@here <!channel> Hostile DeepSeek chips & costs <@U0BOSS> @everyone"
publisher = "<!everyone> Daily @channel"
url = "{HOSTILE_URL}"
published = 2025-02-01
+++
DeepSeek trained its model on 2,000 Nvidia H800 chips, @here <!channel> analysts said in a hostile report on Monday.
The company said the training cost was $6 million, a figure <!everyone> and @everyone rivals dispute in the hostile note.
Export controls on chips did not stop DeepSeek, according to <@U0BOSS> and <#C0GENERAL|general> in the hostile filing.
Critics said the hostile claims about cheap training @channel were hard to check, because DeepSeek published few details.
The hostile filing and the hostile report were written by a hostile group, @here <!here> said on Tuesday.
"""
TOPIC = """
[[topic]]
id = "hostile"
title = "@here Hostile <!channel> claims about chips"
description = "What <!everyone> and @channel say in hostile filings."
aliases = ["hostile"]
keywords = ["hostile", "hostile filing", "hostile report", "hostile group", "hostile claims"]
"""
# Mentions the bot itself writes: who shared a brief, who turned a digest on, channel links.
OWN = ("<@U0ALICE>", "<@U0PREVIEW>", "<#C0TEST>", "<#C0PREVIEW>")
LINK = re.compile(r"<([^<>|]*)\|[^<>]*>|<((?:[a-z]+:)[^<>|]*)>", re.IGNORECASE)


def build_hostile(tmp: Path, url: str | None = None) -> Path:
    seeds = tmp / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (seeds / "articles" / "hostile-article.txt").write_text(ARTICLE, encoding="utf-8")
    with (seeds / "topics.toml").open("a", encoding="utf-8") as f:
        f.write(TOPIC)
    out = tmp / "briefings"
    write_atomic(out, build(read_seeds(seeds)).files)
    if url is not None:  # what the builder now refuses: check the rendering side on its own
        index = out / "index.json"
        index.write_text(index.read_text(encoding="utf-8").replace(HOSTILE_URL, url), "utf-8")
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return Library.load(build_hostile(tmp_path_factory.mktemp("hostile")))


@pytest.fixture(scope="module")
def unsafe_link(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return Library.load(build_hostile(tmp_path_factory.mktemp("js"), "javascript:alert(1)//"))


def surfaces(library: Library, tmp: Path) -> Iterator[tuple[str, Any]]:
    """(where, payload) for every surface the library's text reaches."""
    router = default_router()
    ctx = Context(library=library, user_id="U0ALICE", channel_id="C0TEST", router=router)
    commands = ["", "help", "brief", "topics", "sources", "brief hostile", "bogus @here"]
    commands += [f"brief {t.id}" for t in library.topics]
    commands += [f"sources {t.id}" for t in library.topics]
    commands += [f"sources {n}" for n in range(1, len(library.articles) + 1)]
    commands += ["sources hostile chips"]
    for text in commands:
        reply = router.dispatch(text, ctx)
        yield f"/deepseek {text}", reply
        yield f"shared {text}", shared_reply(reply, "U0ALICE")
        yield f"modal {text}", blocks.modal_view(reply, "@here <!channel> " + text)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        digest_db_path=tmp / "digests.sqlite3",
        database_url=None,
    )
    store = open_store(settings)
    try:
        store.subscribe("C0TEST", Schedule("daily", 9, 0, "UTC"), by="U0ALICE")
        yield "app home", blocks.home_view(library, digest_section(store, "U0ALICE", settings))
        content = content_from_library(library)
        for previous in (None, frozenset(), frozenset(a.id for a in library.articles)):
            for history in ([], ["hostile"], [t.id for t in library.topics][:-1]):
                d = compose(
                    content, day=date(2025, 3, 10), previous_ids=previous, spotlight_history=history
                )
                assert d is not None
                yield "digest", {"text": d.text, "blocks": d.blocks}
                yield "digest thread", {"text": d.thread_text, "blocks": d.thread_blocks}
        who = Who("U0ALICE", "C0TEST", settings, content=content, store=store)
        yield "digest preview", digest_reply(["preview"], who)
        for args in ([], ["help"], ["bogus"], ["status"]):
            yield f"digest {' '.join(args)}", digest_reply(args, who)
    finally:
        store.close()


def link_targets(payload: Any) -> list[str]:
    found = []
    for s in strings(payload):
        for m in LINK.finditer(s):
            target = m.group(1) if m.group(1) is not None else m.group(2)
            if not target.startswith(("@", "#", "!")):
                found.append(target)
    return found


def test_no_surface_makes_a_mention_from_article_text(hostile: Library, tmp_path: Path) -> None:
    assert hostile.topic("hostile") is not None and hostile.article("hostile-article") is not None
    seen = set()
    links = []
    for where, payload in surfaces(hostile, tmp_path):
        links += link_targets(payload)
        text = json.dumps(payload)
        if "ostile" in text:  # (H|h)ostile: the hostile article or topic reached this surface
            seen.add(where.split(" ")[0])
        try:
            no_unescaped_mentions(payload, allowed=OWN)
        except AssertionError as e:
            raise AssertionError(f"{where}: {e}") from None
    # the hostile text really reached every kind of surface
    assert {"/deepseek", "shared", "modal", "app", "digest"} <= seen, seen
    assert "https://evil.example/a?b=1&amp;c=2" in links  # an http(s) URL is still a link


def test_every_link_is_http(unsafe_link: Library, tmp_path: Path) -> None:
    assert unsafe_link.article("hostile-article").url == "javascript:alert(1)//"  # type: ignore[union-attr]
    for where, payload in surfaces(unsafe_link, tmp_path):
        for target in link_targets(payload):
            assert target.lower().startswith(("http://", "https://")), (where, target)
        for el in strings(payload):
            assert "<javascript" not in el.lower(), where


def test_the_preview_shows_no_live_mention(hostile: Library) -> None:
    from bot.preview.server import Preview

    with Preview(Settings(briefings_dir=hostile.root), port=0) as p:
        assert p.app is not None, p.app_error
        for text in ("brief hostile", "sources 1", "topics", "digest preview", "help <!here>"):
            p.run_command(text)
        p.post_digest()
        p.open_home()
        deadline = datetime.now(UTC).timestamp() + 20
        while datetime.now(UTC).timestamp() < deadline:
            with p.timeline.lock:
                payloads = [m.payload for m in p.timeline.messages.values()]
                home = p.timeline.home
            if len(payloads) >= 7 and home:
                break
            time.sleep(0.05)
        state = p.state()
    assert any("ostile" in json.dumps(x) for x in payloads)
    for payload in [*payloads, home]:
        no_unescaped_mentions(payload, allowed=OWN)
    html = json.dumps(state)
    assert "bk-broadcast" not in html


MARKUP = re.compile(r"<(?![@#!\u2060]|https?://)[^<>]*>", re.IGNORECASE)  # \u2060: plain()


def test_placeholders_in_copy_display(hostile: Library, tmp_path: Path) -> None:
    """`<topic>` in mrkdwn is read as markup and vanishes: copy writes [topic] or &lt;topic&gt;."""
    for where, payload in surfaces(hostile, tmp_path):
        for s in strings(payload):
            assert not MARKUP.search(s), (where, MARKUP.search(s))
