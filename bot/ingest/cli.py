"""`deepseek-bot add` and `deepseek-bot feeds pull`: options, settings and messages only."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.ingest import DEFAULT_TIMEOUT
from bot.ingest.errors import IngestError

_SEEDS = click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Seeds folder. Default: SEEDS_DIR setting.",
)
_OUT = click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Briefings folder for --build. Default: BRIEFINGS_DIR setting.",
)
_TIMEOUT = click.option(
    "--timeout",
    type=click.FloatRange(min=0.1, max=600),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds to wait for each page or feed.",
)
_BUILD = click.option(
    "--build",
    "then_build",
    is_flag=True,
    help="Rebuild briefings/ afterwards and list the briefings that changed.",
)


def _dirs(seeds_dir: Path | None, out_dir: Path | None) -> tuple[Path, Path]:
    if seeds_dir is None or out_dir is None:
        from bot.cli import load_settings_or_fail

        settings = load_settings_or_fail()
        seeds_dir = seeds_dir or settings.seeds_dir
        out_dir = out_dir or settings.briefings_dir
    if not seeds_dir.is_dir():
        raise click.ClickException(
            f"{seeds_dir}: no such folder; pass --seeds DIR or set SEEDS_DIR"
        )
    return seeds_dir, out_dir


def _rebuild(seeds_dir: Path, out_dir: Path) -> None:
    from bot.ingest.rebuild import rebuild
    from bot.ingest.seedfile import shown

    try:
        changed = rebuild(seeds_dir, out_dir)
    except IngestError as exc:
        raise click.ClickException(str(exc)) from None
    if changed:
        click.echo(f"Rebuilt {shown(out_dir)}; {len(changed)} briefings changed:")
        for rel in changed:
            click.echo(f"  {rel}")
    else:
        click.echo(f"Rebuilt {shown(out_dir)}; no briefing changed")


@click.command()
@click.argument("source")
@click.option("--title", default=None, help="The headline, if the page has none or it is wrong.")
@click.option("--published", default=None, help="Publication date, YYYY-MM-DD.")
@click.option("--publisher", default=None, help="Who published it, e.g. Reuters.")
@click.option("--url", default=None, help="The article's address (for a file or stdin).")
@click.option("--id", "article_id", default=None, help="Seed id. Default: a slug of the title.")
@click.option("--force", is_flag=True, help="Add it even if seeds/ already has this article.")
@_BUILD
@_TIMEOUT
@_SEEDS
@_OUT
def add(
    source: str,
    title: str | None,
    published: str | None,
    publisher: str | None,
    url: str | None,
    article_id: str | None,
    force: bool,
    then_build: bool,
    timeout: float,
    seeds_dir: Path | None,
    out_dir: Path | None,
) -> None:
    """Add a news article to seeds/articles/ from a URL, a saved page or text.

    SOURCE is an http(s) URL, a saved .html page, a .txt file, or - for standard input.
    From a page it keeps the article's text (no menus, banners, captions or "related
    stories") and the title, date, site name and canonical URL the page states; nothing
    else is filled in. The options override what was found, and are how text gets its
    title. An article already in seeds/ (same URL, or substantially the same text) is
    refused unless --force.

    \b
    Examples:
      deepseek-bot add https://www.example.com/tech/deepseek-v3-cost
      deepseek-bot add saved-page.html --build
      deepseek-bot add notes.txt --title "US weighs new chip curbs" --publisher Reuters --published 2025-01-28
      pbpaste | deepseek-bot add - --title "US weighs new chip curbs"
    """
    from bot.ingest.add import Overrides, read_source, save
    from bot.ingest.extract import parse_date
    from bot.ingest.fetch import Fetcher
    from bot.ingest.seedfile import Corpus, shown

    try:
        when = parse_date(published) if published is not None else None
    except ValueError:
        raise click.ClickException(
            f"--published {published!r} is not a date; use YYYY-MM-DD, e.g. 2025-01-28"
        ) from None
    overrides = Overrides(title, when, publisher, url, article_id)
    seeds_dir, out_dir = _dirs(seeds_dir, out_dir)
    try:
        overrides.check()
        corpus = Corpus.load(seeds_dir)
        is_url = source.lower().startswith(("http://", "https://"))
        known = corpus.duplicate_of((source,), ()) if is_url and not force else None
        if known is not None:  # a URL already in seeds/ is not fetched again
            raise IngestError(f"{source}: {known}")
        with Fetcher(timeout=timeout) as fetcher:
            draft = read_source(source, fetcher, sys.stdin.buffer)
        added = save(draft, overrides, corpus, force=force)
    except IngestError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(shown(added.path))
    click.echo(added.line())
    if then_build:
        _rebuild(seeds_dir, out_dir)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def feeds() -> None:
    """News feeds (RSS, Atom) listed in seeds/feeds.toml.

    Example: deepseek-bot feeds pull --build
    """


@feeds.command("pull")
@click.option(
    "--feeds",
    "feeds_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Feeds file. Default: feeds.toml in the seeds folder.",
)
@click.option(
    "--state",
    "state_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="State file (ETags, entries seen). Default: FEEDS_STATE_PATH setting.",
)
@_BUILD
@_TIMEOUT
@_SEEDS
@_OUT
def pull_cmd(
    feeds_file: Path | None,
    state_path: Path | None,
    then_build: bool,
    timeout: float,
    seeds_dir: Path | None,
    out_dir: Path | None,
) -> None:
    """Add the new relevant articles from every feed in seeds/feeds.toml.

    Each feed is fetched with a conditional GET; each entry not seen before is judged by
    its feed's keywords (default: the topics' keywords plus "DeepSeek") and added exactly
    as `deepseek-bot add` would. Prints one line per feed: new, duplicate, not relevant,
    failed. A feed that is down or malformed is reported and the others still run (exit 1).

    \b
    Examples:
      deepseek-bot feeds pull
      deepseek-bot feeds pull --build     # then rebuild briefings/ and list what changed
    """
    from bot.ingest.pull import FeedsRun
    from bot.ingest.seedfile import shown

    if state_path is None:
        from bot.cli import load_settings_or_fail

        state_path = load_settings_or_fail().feeds_state_path
    seeds_dir, out_dir = _dirs(seeds_dir, out_dir)
    try:
        run = FeedsRun.open(seeds_dir, feeds_file, state_path, timeout)
    except IngestError as exc:
        raise click.ClickException(str(exc)) from None
    if run.state.problem:
        click.echo(run.state.problem, err=True)
    if not run.feeds:
        click.echo(
            f"{run.feeds_shown} lists no feeds; add a [[feed]] with name and url (see README)"
        )
        return
    reports = run.pull()
    for report in reports:
        click.echo(report.line())
        for added in report.added:
            click.echo(f"  added {shown(added.path)}  {added.line()}")
    if then_build and any(r.added for r in reports):
        _rebuild(seeds_dir, out_dir)
    if any(r.error for r in reports):
        sys.exit(1)
