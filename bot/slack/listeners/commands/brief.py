"""`/deepseek brief [topic or words]`: the overview, a topic's brief when the words name one,
else the answer to the question from the whole corpus (bot.slack.answer)."""

from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache

from bot.library import Library
from bot.models import Topic
from bot.slack import blocks
from bot.slack.answer import answer, news_only
from bot.slack.commands import Command
from bot.slack.mrkdwn import escape, quote_user
from bot.slack.search import find_topic, names_topic, tokens
from bot.slack.subcommand import Context, Reply, Subcommand


@lru_cache(maxsize=256)
def brief_reply(library: Library, brief_id: str) -> Reply:
    """The cached reply for one brief ("overview" or a topic id)."""
    return blocks.brief_message(library.brief(brief_id), library)


def topic_reply(library: Library, query: str) -> Reply:
    """The best brief for what the user typed; never an error."""
    return dict(_topic_reply(library, query.strip()))


@lru_cache(maxsize=1024)
def _topic_reply(library: Library, query: str) -> Reply:
    if not tokens(query):  # nothing but "what is deepseek": the overview says what it is
        return dict(brief_reply(library, "overview"))
    result = find_topic(library, query)
    best = result.best
    named = result.exact or names_topic(library, query, best)
    if not (named and result.confident):
        ans = answer(library, query)
        if ans is not None:
            if not ans.topics:  # points under no topic: offer the briefs the words lean to
                ans = replace(ans, topics=tuple(h.id for h in result.hits[:2]))
            return blocks.answer_message(ans, library)
        if news_only(query):
            return dict(brief_reply(library, "overview"))  # "what's new", nothing dated
    # "deepseek vs openai": the words name a topic, though their score alone is not sure
    if not (result.confident or named) or best is None or library.get_brief(best) is None:
        closest = [t for t in (library.topic(i) for i in result.closest) if t is not None]
        return blocks.no_match_message(query, closest or list(library.topics[:3]))
    reply = dict(brief_reply(library, best))
    if result.corrections:
        fixed = ", ".join(f"“{escape(used)}”" for _typed, used in result.corrections)
        reply = blocks.with_note(
            reply, f"Showing results for {fixed} (you typed “{quote_user(query)}”)."
        )
    if not result.exact and result.hits:
        top = result.hits[0].score
        others: list[Topic] = [
            t
            for h in result.hits[1:3]
            if not math.isinf(top) and h.score >= 0.6 * top
            for t in [library.topic(h.id)]
            if t is not None
        ]
        reply = blocks.with_buttons(reply, "Also related:", others)
    return reply


def handle(command: Command, ctx: Context) -> Reply:
    return topic_reply(ctx.library, command.args)


SUBCOMMAND = Subcommand(
    name="brief",
    handler=handle,
    usage="brief [topic or question]",
    summary="The overview, or one topic's brief. A word, a question or a typo works.",
    example="/deepseek brief how did they train it so cheaply",
)
