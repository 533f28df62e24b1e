"""`/deepseek sources [n | n-m | topic | words]`: the numbered articles, or one of them."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.library import Library
from bot.slack import blocks
from bot.slack.commands import Command
from bot.slack.search import article_index, find_article
from bot.slack.subcommand import Context, Reply, Subcommand

_RANGE = re.compile(r"^#?(\d+)\s*(?:-|–|to)\s*(\d+)$")


@lru_cache(maxsize=64)
def _page(library: Library, start: int) -> Reply:
    return blocks.sources_message(library, start)


@lru_cache(maxsize=256)
def _article(library: Library, n: int) -> Reply:
    art = library.articles[n - 1]
    return blocks.article_message(n, art, library.article_brief(art.id), library)


@lru_cache(maxsize=64)
def _brief_sources(library: Library, brief_id: str) -> Reply:
    return blocks.brief_sources_message(library.brief(brief_id), library)


def sources_reply(library: Library, args: str) -> Reply:
    """One page of sources, one article, a brief's sources, or the closest articles."""
    return dict(_sources_reply(library, args.strip()))


@lru_cache(maxsize=1024)
def _sources_reply(library: Library, args: str) -> Reply:
    total = len(library.articles)
    if not args:
        return dict(_page(library, 1))
    m = _RANGE.match(args)
    if m:
        return dict(_page(library, int(m.group(1))))
    if args.lstrip("#").isdigit():
        n = int(args.lstrip("#"))
        if 0 < n <= total:
            return dict(_article(library, n))
        return blocks.notice(
            f"There is no source {n}: pick 1 to {total}, e.g. `/deepseek sources 1`."
            if total
            else "No articles yet. Run `deepseek-bot build`."
        )
    if args == "overview" or library.get_brief(args) is not None:
        return dict(_brief_sources(library, args))
    result = find_article(library, args)
    if result.confident and result.best:
        number = library.article_number(result.best)
        if number is not None:
            return dict(_article(library, number))
    ids = (
        [h.id for h in result.hits[:5]]
        or list(result.closest)
        or list(article_index(library).ids[:3])
    )
    picks = [
        (num, art)
        for i in ids
        if (num := library.article_number(i)) is not None
        and (art := library.article(i)) is not None
    ]
    return blocks.article_choices(args, picks)


def handle(command: Command, ctx: Context) -> Reply:
    return sources_reply(ctx.library, command.args)


SUBCOMMAND = Subcommand(
    name="sources",
    handler=handle,
    usage="sources [n or words]",
    summary="The numbered articles; a number or words for one article's summary.",
    example="/deepseek sources 2",
)
